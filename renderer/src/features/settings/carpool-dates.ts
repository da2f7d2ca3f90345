/** "2027-05-03" → "03.05.2027"; "2027-05-03T08:00" → "03.05.2027, 08:00 Uhr". */
export function germanDateTime(value: string): string {
  const date = value.slice(0, 10).split('-').reverse().join('.');
  return value.length > 10 ? `${date}, ${value.slice(11, 16)} Uhr` : date;
}

/** An absence's time span as a German text: whole days inclusive, or from–to times. */
export function germanSpan(from: string, to: string): string {
  if (from === to) return germanDateTime(from);
  if (from.length > 10 && from.slice(0, 10) === to.slice(0, 10)) {
    return `${germanDateTime(from.slice(0, 10))}, ${from.slice(11, 16)}–${to.slice(11, 16)} Uhr`;
  }
  return `${germanDateTime(from)} – ${germanDateTime(to)}`;
}
