import transliterate from '@sindresorhus/transliterate';

/** A generated file as the contract returns it (`fileContentSchema`): name and base64 bytes. */
export function fileContent(fileName: string, bytes: Uint8Array): { fileName: string; contentBase64: string } {
  return { fileName, contentBase64: Buffer.from(bytes).toString('base64') };
}

const MAX_PART = 60;
/** The capital ß, which the library gives as "Ss" (in an all-capital word it reads "SS"). */
const REPLACEMENTS: ReadonlyArray<[string, string]> = [['ẞ', 'SS']];

/**
 * A text as part of a generated file name, which every system, mail program and file server
 * takes: every letter transliterated to ASCII (German rules: ä → ae, ß → ss; Yılmaz → Yilmaz,
 * Wróblewska → Wroblewska), runs of anything else as one hyphen, none at the ends, at most 60
 * characters (cut after a whole word). Scripts without a Latin transliteration leave nothing.
 */
export function fileNamePart(text: string): string {
  const part = transliterate(text, { locale: 'de', customReplacements: REPLACEMENTS })
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (part.length <= MAX_PART) return part;
  // Shortened after a whole word where there is one.
  const cut = part.slice(0, MAX_PART + 1).lastIndexOf('-');
  return cut > 0 ? part.slice(0, cut) : part.slice(0, MAX_PART);
}

/**
 * A generated file's name: its parts through `fileNamePart`, joined with hyphens (a part that
 * leaves nothing is dropped), and the extension. Letters' names are lower-case.
 */
export function fileNameOf(parts: readonly string[], extension: string, options: { lowerCase?: boolean } = {}): string {
  const name = parts.map(fileNamePart).filter(Boolean).join('-');
  return `${options.lowerCase ? name.toLowerCase() : name}.${extension}`;
}
