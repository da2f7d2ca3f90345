/** `{{ name }}` in a text block, as the letters write them. */
const PLACEHOLDER = /\{\{\s*([\p{L}\p{N}_.-]+)\s*\}\}/gu;

/**
 * Fills the placeholders whose value is known (and not empty); unknown ones stay as `{{name}}`
 * and are listed in `missing` (each once, in order of appearance).
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): { text: string; missing: string[] } {
  const missing: string[] = [];
  const filled = text.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name]!.trim() : '';
    if (value) return value;
    if (!missing.includes(name)) missing.push(name);
    return `{{${name}}}`;
  });
  return { text: filled, missing };
}

/** „{{anlass}}, {{datum}}“ – placeholders as the user sees them. */
export const placeholderList = (names: readonly string[]): string => names.map((n) => `{{${n}}}`).join(', ');
