/**
 * The text as it goes out: the post's text followed by its link on a line of its own, unless the
 * text already contains the link.
 */
export function postedText(text: string, link: string): string {
  const address = link.trim();
  if (!address || text.includes(address)) return text;
  return text.trim() ? `${text}\n${address}` : address;
}
