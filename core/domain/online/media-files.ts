/**
 * The image and video files a post's media entry may carry: which formats, how large, and what a
 * file really is — told by its first bytes (the format's signature), not by its name alone. A
 * file is taken only when its content is one of the formats and its name's extension says the same.
 */

export const MEDIA_FILE_TYPES = {
  jpeg: { kind: 'image', label: 'JPEG', extension: 'jpg', extensions: ['jpg', 'jpeg', 'jpe'], mime: 'image/jpeg' },
  png: { kind: 'image', label: 'PNG', extension: 'png', extensions: ['png'], mime: 'image/png' },
  webp: { kind: 'image', label: 'WebP', extension: 'webp', extensions: ['webp'], mime: 'image/webp' },
  gif: { kind: 'image', label: 'GIF', extension: 'gif', extensions: ['gif'], mime: 'image/gif' },
  mp4: { kind: 'video', label: 'MP4', extension: 'mp4', extensions: ['mp4', 'm4v'], mime: 'video/mp4' },
  mov: { kind: 'video', label: 'MOV', extension: 'mov', extensions: ['mov', 'qt'], mime: 'video/quicktime' },
  webm: { kind: 'video', label: 'WebM', extension: 'webm', extensions: ['webm'], mime: 'video/webm' },
} as const satisfies Record<string, { kind: 'image' | 'video'; label: string; extension: string; extensions: readonly string[]; mime: string }>;
export type MediaFileType = keyof typeof MEDIA_FILE_TYPES;
export const MEDIA_FILE_TYPE_KEYS = Object.keys(MEDIA_FILE_TYPES) as MediaFileType[];

/** Largest image and video taken (they are kept in the office database in office mode, and go into the export). */
export const MAX_MEDIA_FILE_BYTES = { image: 20 * 1024 * 1024, video: 200 * 1024 * 1024 } as const;

/** For the file chooser: ".jpg,.jpeg,…,image/jpeg,…". */
export const MEDIA_FILE_ACCEPT = [...new Set(Object.values(MEDIA_FILE_TYPES).flatMap((t) => [...t.extensions.map((e) => `.${e}`), t.mime]))].join(',');

const ascii = (bytes: Uint8Array, from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));
const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

/** The format the bytes are in (by their signature), null when none of the media formats. */
export function mediaFileTypeOf(bytes: Uint8Array): MediaFileType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  // ISO base media (MP4, MOV): a box "ftyp" first; QuickTime says so by its brand "qt  ".
  if (ascii(bytes, 4, 4) === 'ftyp') return ascii(bytes, 8, 4) === 'qt  ' ? 'mov' : 'mp4';
  // Older QuickTime files start with the movie or its data.
  if (ascii(bytes, 4, 4) === 'moov' || ascii(bytes, 4, 4) === 'mdat') return 'mov';
  // Matroska (EBML) with the document type "webm" in its header.
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3]) && ascii(bytes, 0, 64).includes('webm')) return 'webm';
  return null;
}

const KIND_WORD = { image: 'ein Bild', video: 'ein Video' } as const;
const ALL_LABELS = Object.values(MEDIA_FILE_TYPES).map((t) => t.label);
const LIST = `${ALL_LABELS.slice(0, -1).join(', ')} oder ${ALL_LABELS.at(-1)}`;
/** "20 MB", "20,1 MB" (rounded up: a file just over the limit does not read as the limit). */
const megabytes = (bytes: number) => `${(Math.ceil((bytes / 1024 / 1024) * 10) / 10).toLocaleString('de-DE')} MB`;

/**
 * What a file handed over for a media entry (of `kind`) is, or a German sentence naming the file
 * and what is wrong: not one of the formats (by content), a name that says another format, an
 * image where the entry is a video (or the other way round), too large.
 */
export function checkMediaFile(
  fileName: string,
  bytes: Uint8Array,
  kind: 'image' | 'video',
): { ok: true; type: MediaFileType } | { ok: false; message: string } {
  const type = mediaFileTypeOf(bytes);
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (!type) {
    return { ok: false, message: `Die Datei „${fileName}“ ist kein Bild und kein Video in einem der Formate ${LIST}: Ihr Inhalt passt zu keinem davon.` };
  }
  const format = MEDIA_FILE_TYPES[type];
  if (!(format.extensions as readonly string[]).includes(extension)) {
    return {
      ok: false,
      message: `Die Datei „${fileName}“ ist dem Inhalt nach eine ${format.label}-Datei, ihr Name endet aber ${extension ? `auf „.${extension}“` : 'ohne passende Endung'}. Bitte die Datei mit der Endung „.${format.extension}“ speichern und erneut wählen.`,
    };
  }
  const mismatch = mediaKindMismatch(fileName, type, kind);
  if (mismatch) return { ok: false, message: mismatch };
  if (bytes.length > MAX_MEDIA_FILE_BYTES[kind]) {
    return { ok: false, message: `Die Datei „${fileName}“ ist ${megabytes(bytes.length)} groß; ${kind === 'image' ? 'ein Bild' : 'ein Video'} darf höchstens ${megabytes(MAX_MEDIA_FILE_BYTES[kind])} groß sein.` };
  }
  return { ok: true, type };
}

/** A German sentence when a file of `type` does not fit an entry of `kind` (a video for an image), else null. */
export function mediaKindMismatch(fileName: string, type: MediaFileType, kind: 'image' | 'video'): string | null {
  const actual = MEDIA_FILE_TYPES[type].kind;
  return actual === kind ? null : `Die Datei „${fileName}“ ist ${KIND_WORD[actual]}, der Eintrag aber ${KIND_WORD[kind]}. Bitte die Art des Eintrags ändern oder eine andere Datei wählen.`;
}
