/** Euro amounts typed by staff: „35“, „35,50“, „1.234,56“, „35.5“ → cents; null when not a number. */
export function parseEuro(text: string): number | null {
  const cleaned = text.replace(/€|\s/g, '');
  if (!cleaned) return 0;
  // German thousands dots before a comma ("1.234,56"); a lone dot is a decimal point ("35.5").
  const normal = cleaned.includes(',') ? cleaned.replace(/\./g, '').replace(',', '.') : cleaned;
  if (!/^\d+(\.\d{1,2})?$/.test(normal)) return null;
  return Math.round(Number(normal) * 100);
}

/** Cents as staff type them: 3500 → „35,00“. */
export function euroInput(cents: number): string {
  return (cents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
}
