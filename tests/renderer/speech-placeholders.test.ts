import { describe, expect, it } from 'vitest';
import { fillPlaceholders, placeholderList } from '../../renderer/src/features/speeches/editor/placeholders';

describe('text block placeholders in a speech', () => {
  it('fills what the speech knows and lists the rest once, in order', () => {
    const { text, missing } = fillPlaceholders('Zum {{anlass}} am {{ datum }} begrüße ich {{anrede_muendlich}} und {{alter}}, {{anrede_muendlich}}.', {
      anlass: 'Neujahrsempfang',
      datum: '15. Januar 2027',
      alter: '  ',
    });
    expect(text).toBe('Zum Neujahrsempfang am 15. Januar 2027 begrüße ich {{anrede_muendlich}} und {{alter}}, {{anrede_muendlich}}.');
    expect(missing).toEqual(['anrede_muendlich', 'alter']);
    expect(placeholderList(missing)).toBe('{{anrede_muendlich}}, {{alter}}');
  });

  it('does not take values from the object prototype', () => {
    expect(fillPlaceholders('{{constructor}}', {}).missing).toEqual(['constructor']);
  });
});
