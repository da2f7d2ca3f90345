import { describe, expect, it } from 'vitest';
import { compareTexts } from './compare';

describe('compareTexts', () => {
  it.each([
    {
      name: 'one word replaced',
      from: 'Wir feiern heute das Hafenfest.',
      to: 'Wir feiern heute das Stadtfest.',
      changes: [
        { kind: 'same', text: 'Wir feiern heute das ' },
        { kind: 'removed', text: 'Hafenfest' },
        { kind: 'added', text: 'Stadtfest' },
        { kind: 'same', text: '.' },
      ],
      added: 1,
      removed: 1,
    },
    {
      name: 'a sentence added at the end',
      from: 'Herzlich willkommen.',
      to: 'Herzlich willkommen. Schön, dass Sie da sind.',
      changes: [
        { kind: 'same', text: 'Herzlich willkommen.' },
        { kind: 'added', text: ' Schön, dass Sie da sind.' },
      ],
      added: 5,
      removed: 0,
    },
    { name: 'unchanged', from: 'Glück auf!', to: 'Glück auf!', changes: [{ kind: 'same', text: 'Glück auf!' }], added: 0, removed: 0 },
    {
      name: 'everything removed',
      from: 'Liebe Gäste',
      to: '',
      changes: [{ kind: 'removed', text: 'Liebe Gäste' }],
      added: 0,
      removed: 2,
    },
  ])('$name', ({ from, to, changes, added, removed }) => {
    const result = compareTexts(from, to);
    expect(result.changes).toEqual(changes);
    expect(result.addedWords).toBe(added);
    expect(result.removedWords).toBe(removed);
  });

  it('puts the old text together from same + removed and the new one from same + added', () => {
    const from = 'Sehr geehrte Damen und Herren,\n\nich freue mich, heute hier zu sein.';
    const to = 'Meine sehr geehrten Damen und Herren,\n\nich freue mich sehr, heute bei Ihnen zu sein.';
    const { changes } = compareTexts(from, to);
    expect(changes.filter((c) => c.kind !== 'added').map((c) => c.text).join('')).toBe(from);
    expect(changes.filter((c) => c.kind !== 'removed').map((c) => c.text).join('')).toBe(to);
  });
});
