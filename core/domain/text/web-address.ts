/** A web address the office can open later: http(s), a host with a dot, no spaces. */
export function isWebAddress(value: string): boolean {
  return /^https?:\/\/[^\s/]+\.[^\s/]+(\/\S*)?$/i.test(value.trim());
}
