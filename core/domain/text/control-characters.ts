/**
 * Control characters out of text a person typed or pasted (why stripped and not refused: see
 * core/api/schemas/common.ts). Pure: the contract's text types and the domain's own schemas use it.
 */

/** C0 and C1 controls and DEL, lone surrogates and the non-characters U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Line breaks of every kind: CR LF, CR, vertical tab (Word's line break), form feed (page break), NEL, LS, PS. */
const LINE_BREAKS = /\r\n|[\r\u000B\u000C\u0085\u2028\u2029]/g;

/** Multi-line text: line breaks as "\n", tabs kept, every other control character removed. */
export function cleanMultiLine(text: string): string {
  return text.replace(LINE_BREAKS, '\n').replace(CONTROLS, '');
}

/** One line: line breaks and tabs become spaces, every other control character is removed. */
export function cleanSingleLine(text: string): string {
  return cleanMultiLine(text).replace(/[\n\t]/g, ' ');
}
