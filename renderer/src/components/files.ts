const MIME_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  dotx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.template',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  ics: 'text/calendar',
  pdf: 'application/pdf',
  txt: 'text/plain',
  eml: 'message/rfc822',
  msg: 'application/vnd.ms-outlook',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  zip: 'application/zip',
  html: 'text/html',
  xml: 'application/xml',
};

/** The MIME type for a file name's extension (Word files and calendars; anything else as bytes). */
export function mimeTypeOf(fileName: string): string {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return MIME_TYPES[extension] ?? 'application/octet-stream';
}

/** Saves bytes the API sent (base64) as a download in the browser; the type follows the file name. */
export function downloadBase64(fileName: string, contentBase64: string, mimeType = mimeTypeOf(fileName)): void {
  const blob = new Blob([base64ToBytes(contentBase64)], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function base64ToBytes(contentBase64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Pieces of this size go over the bridge (it takes 64 MB per request at most). */
const UPLOAD_PIECE_BYTES = 4 * 1024 * 1024;

/**
 * Hands a chosen file to the services piece by piece (a register extract can be 60 MB);
 * `onProgress` gets the share sent (0–1). Returns the upload's id.
 */
export async function uploadInPieces(
  file: File,
  append: (piece: { uploadId?: string; fileName: string; chunkBase64: string }) => Promise<{ uploadId: string }>,
  onProgress?: (share: number) => void,
): Promise<string> {
  let uploadId: string | undefined;
  for (let start = 0; start === 0 || start < file.size; start += UPLOAD_PIECE_BYTES) {
    const piece = file.slice(start, start + UPLOAD_PIECE_BYTES);
    ({ uploadId } = await append({ uploadId, fileName: file.name, chunkBase64: await fileToBase64(piece) }));
    onProgress?.(Math.min(1, (start + UPLOAD_PIECE_BYTES) / Math.max(1, file.size)));
  }
  return uploadId!;
}
