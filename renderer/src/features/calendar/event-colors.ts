/** Relative luminance of a colour `#rrggbb` (WCAG 2). */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The contrast ratio of two colours `#rrggbb` (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const WHITE = '#ffffff';
const BLACK = '#000000';

/**
 * The text colour of an appointment on its calendar's colour, which staff choose freely: white
 * where it is readable (4.5 : 1, small text), else whichever of white and black reads better.
 */
export function textColorOn(background: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(background)) return WHITE;
  if (contrastRatio(WHITE, background) >= 4.5) return WHITE;
  return contrastRatio(BLACK, background) > contrastRatio(WHITE, background) ? BLACK : WHITE;
}
