import { describe, expect, it } from 'vitest';
import { indexTerms, matchExpression, queryTerms, snippetOf, termOf } from './search-terms';

describe('search terms', () => {
  it.each([
    ['Hafenfest', 'Hafenfestes'],
    ['Bürgerinnen', 'BUERGERINNEN'],
    ['Straße', 'Strasse'],
    ['Feuerwehr', 'Feuerwehren'],
    ['Ehrenamt', 'ehrenamtlich'],
    ['Café', 'Cafe'],
    ['Städte', 'Stadt'],
    ['Spielplätze', 'Spielplatz'],
    ['Plaetze', 'Platz'],
    ['Müller', 'Mueller'],
  ])('„%s“ and „%s“ have terms that match', (a, b) => {
    const [ta, tb] = [termOf(a), termOf(b)];
    expect(ta.startsWith(tb) || tb.startsWith(ta)).toBe(true);
  });

  it.each([
    ['Feuer', 'Hafen'],
    ['Rhein', 'Ruhr'],
  ])('„%s“ and „%s“ do not match', (a, b) => {
    const [ta, tb] = [termOf(a), termOf(b)];
    expect(ta.startsWith(tb) || tb.startsWith(ta)).toBe(false);
  });

  it('indexes every word, numbers kept', () => {
    expect(indexTerms('Das 25. Hafenfest in Ruhrort!')).toBe(`das 25 ${termOf('Hafenfest')} in ${termOf('Ruhrort')}`);
  });

  it('builds a prefix MATCH of distinct terms and none for punctuation only', () => {
    expect(matchExpression('Hafen hafen Fest')).toBe(`"${termOf('Hafen')}"* "${termOf('Fest')}"*`);
    expect(matchExpression(' – !? ')).toBeNull();
    expect(queryTerms('"Gruß" OR NEAR(x)')).toEqual([termOf('Gruß'), 'or', 'near', 'x']);
  });

  it('cuts a snippet around the first hit and marks the matching words', () => {
    const text = `${'Vorweg '.repeat(30)}beim letzten Hafenfest haben wir gefeiert ${'danach '.repeat(40)}`;
    const snippet = snippetOf(text, queryTerms('hafenfeste'), 3);
    expect(snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['Hafenfest']);
    expect(snippet.map((s) => s.text).join('')).toBe('… Vorweg beim letzten Hafenfest haben wir gefeiert danach danach danach …');
  });

  it('shows the start of the text when no word matches (hit in the title)', () => {
    expect(snippetOf('Liebe Gäste, herzlich willkommen in Duisburg.', ['zzz'], 2)).toEqual([{ text: 'Liebe Gäste, herzlich willkommen in …', hit: false }]);
  });
});

describe('matchExpression', () => {
  it('joins the terms with AND by default and with OR on request', () => {
    expect(matchExpression('Hafen Fest', 'any')).toBe(`"${termOf('Hafen')}"* OR "${termOf('Fest')}"*`);
  });
});
