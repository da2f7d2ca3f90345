import { describe, expect, it } from 'vitest';
import { holderForm, inHoldersForm, officeTitle } from './holder-form';

describe('holderForm', () => {
  it.each([
    { holder: { office: 'Oberbürgermeisterin', gender: 'female' }, form: 'female' },
    { holder: { office: 'Oberbürgermeister', gender: 'male' }, form: 'male' },
    { holder: { office: 'Oberbürgermeisterin der Stadt Duisburg', gender: 'unknown' }, form: 'female' },
    { holder: { office: 'Oberbürgermeister', gender: 'diverse' }, form: 'male' },
    { holder: { office: 'Stadtoberhaupt', gender: 'female' }, form: 'female' },
    { holder: { office: 'Stadtoberhaupt', gender: 'male' }, form: 'male' },
    { holder: { office: 'Stadtoberhaupt', gender: 'diverse' }, form: null },
    { holder: { office: 'Oberbürgermeister:in', gender: 'diverse' }, form: null },
    { holder: { office: 'Oberbürgermeister*in', gender: 'female' }, form: 'female' },
    { holder: null, form: null },
  ])('$holder.office ($holder.gender) → $form', ({ holder, form }) => {
    expect(holderForm(holder)).toBe(form);
  });
});

describe('inHoldersForm', () => {
  it.each([
    // Letterhead, return address, footers: the nominative with its article.
    { text: 'Der Oberbürgermeister', female: 'Die Oberbürgermeisterin', male: 'Der Oberbürgermeister' },
    { text: 'Die Oberbürgermeisterin', female: 'Die Oberbürgermeisterin', male: 'Der Oberbürgermeister' },
    { text: 'Stadt Duisburg · Der Oberbürgermeister · 47049 Duisburg', female: 'Stadt Duisburg · Die Oberbürgermeisterin · 47049 Duisburg', male: 'Stadt Duisburg · Der Oberbürgermeister · 47049 Duisburg' },
    // Office names and report titles: genitive, dative, accusative.
    { text: 'Büro des Oberbürgermeisters', female: 'Büro der Oberbürgermeisterin', male: 'Büro des Oberbürgermeisters' },
    { text: 'Büro der Oberbürgermeisterin', female: 'Büro der Oberbürgermeisterin', male: 'Büro des Oberbürgermeisters' },
    { text: 'Bürgeranliegen an den Oberbürgermeister – Statistik', female: 'Bürgeranliegen an die Oberbürgermeisterin – Statistik', male: 'Bürgeranliegen an den Oberbürgermeister – Statistik' },
    { text: 'Anliegen an die Oberbürgermeisterin', female: 'Anliegen an die Oberbürgermeisterin', male: 'Anliegen an den Oberbürgermeister' },
    { text: 'im Gespräch mit dem Oberbürgermeister', female: 'im Gespräch mit der Oberbürgermeisterin', male: 'im Gespräch mit dem Oberbürgermeister' },
    { text: 'im Gespräch mit der Oberbürgermeisterin', female: 'im Gespräch mit der Oberbürgermeisterin', male: 'im Gespräch mit dem Oberbürgermeister' },
    // Gender pairs become the one form.
    { text: 'Büro der Oberbürgermeisterin bzw. des Oberbürgermeisters', female: 'Büro der Oberbürgermeisterin', male: 'Büro des Oberbürgermeisters' },
    { text: 'Der/Die Oberbürgermeister/in', female: 'Die Oberbürgermeisterin', male: 'Der Oberbürgermeister' },
    { text: 'Oberbürgermeister/in', female: 'Oberbürgermeisterin', male: 'Oberbürgermeister' },
    { text: 'Oberbürgermeister*in Duisburg', female: 'Oberbürgermeisterin Duisburg', male: 'Oberbürgermeister Duisburg' },
    // Other words stay: plurals, compounds, other offices.
    { text: 'Konferenz der Oberbürgermeisterinnen und Oberbürgermeister', female: 'Konferenz der Oberbürgermeisterinnen und Oberbürgermeister', male: 'Konferenz der Oberbürgermeisterinnen und Oberbürgermeister' },
    { text: 'Oberbürgermeisteramt · Bürgermeister', female: 'Oberbürgermeisteramt · Bürgermeister', male: 'Oberbürgermeisteramt · Bürgermeister' },
    { text: 'Amt für Kommunikation', female: 'Amt für Kommunikation', male: 'Amt für Kommunikation' },
  ])('$text', ({ text, female, male }) => {
    expect(inHoldersForm(text, 'female')).toBe(female);
    expect(inHoldersForm(text, 'male')).toBe(male);
    expect(inHoldersForm(text, null)).toBe(text);
  });
});

describe('officeTitle', () => {
  it('gives the office by case, or both forms when the holder is not known', () => {
    expect(officeTitle('female')).toEqual({ nominative: 'Die Oberbürgermeisterin', genitive: 'der Oberbürgermeisterin', dative: 'der Oberbürgermeisterin', accusative: 'die Oberbürgermeisterin' });
    expect(officeTitle('male').genitive).toBe('des Oberbürgermeisters');
    expect(officeTitle(null).accusative).toBe('die Oberbürgermeisterin bzw. den Oberbürgermeister');
  });
});
