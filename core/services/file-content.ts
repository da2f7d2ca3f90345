/** A generated file as the contract returns it (`fileContentSchema`): name and base64 bytes. */
export function fileContent(fileName: string, bytes: Uint8Array): { fileName: string; contentBase64: string } {
  return { fileName, contentBase64: Buffer.from(bytes).toString('base64') };
}

/** A title as part of a file name: letters and digits kept (umlauts too), the rest as hyphens. */
export function fileNamePart(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60);
}
