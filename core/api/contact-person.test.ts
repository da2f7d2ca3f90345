import { describe, expect, it } from 'vitest';
import { postalLines } from './contact-person';

describe('postal lines (DIN 5008 and the destination country)', () => {
  it.each([
    [{ street: 'Burgplatz', houseNumber: '19', postcode: '47051', city: 'Duisburg' }, ['Burgplatz 19', '47051 Duisburg']],
    [{ street: 'Burgplatz', houseNumber: '19', postcode: '47051', city: 'Duisburg', country: 'Deutschland' }, ['Burgplatz 19', '47051 Duisburg']],
    [{ addressAddition: 'Rathaus', street: 'Burgplatz', houseNumber: '19', postcode: '47051', city: 'Duisburg' }, ['Rathaus', 'Burgplatz 19', '47051 Duisburg']],
    [{ street: 'Place du Soldat Inconnu', postcode: '62100', city: 'Calais', country: 'Frankreich' }, ['Place du Soldat Inconnu', '62100 Calais', 'FRANKREICH']],
    [
      { addressAddition: 'Guildhall', street: 'Guildhall Square', postcode: 'po1 2al', city: 'Portsmouth', country: 'Vereinigtes Königreich' },
      ['Guildhall', 'Guildhall Square', 'PORTSMOUTH', 'PO1 2AL', 'VEREINIGTES KÖNIGREICH'],
    ],
    [
      { street: 'Andrews Avenue', houseNumber: '100', postcode: '33301', city: 'Fort Lauderdale, FL', country: 'USA' },
      ['100 Andrews Avenue', 'Fort Lauderdale, FL 33301', 'USA'],
    ],
    [{}, []],
  ])('%j → %j', (contact, expected) => {
    expect(postalLines(contact)).toEqual(expected);
  });
});
