import { describe, expect, it } from 'vitest';
import { contrastRatio, textColorOn } from '../../renderer/src/features/calendar/event-colors';

describe('the text colour of an appointment on its calendar colour', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#777777')).toBe(contrastRatio('#777777', '#ffffff'));
  });

  it.each([
    // The demo's and the default calendar colours keep white text.
    ['#0f6cbd', '#ffffff'],
    ['#c239b3', '#ffffff'],
    ['#498205', '#ffffff'],
    ['#ca5010', '#ffffff'],
    ['#038387', '#ffffff'],
    ['#616161', '#ffffff'],
    // Light colours a user may choose get black text.
    ['#ffb900', '#000000'],
    ['#8cbd18', '#000000'],
    ['#f7f7f7', '#000000'],
    // No colour given (or not #rrggbb): white, as before.
    ['', '#ffffff'],
    ['red', '#ffffff'],
  ])('on %s: %s', (background, text) => {
    const chosen = textColorOn(background);
    expect(chosen).toBe(text);
    // Each chosen colour reads at 4.5 : 1 at least (small text).
    if (/^#[0-9a-f]{6}$/i.test(background)) expect(contrastRatio(chosen, background)).toBeGreaterThanOrEqual(4.5);
  });
});
