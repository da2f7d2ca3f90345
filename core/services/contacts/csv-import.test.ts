import { describe, it, expect } from 'vitest';
import iconv from 'iconv-lite';
import type { ColumnMapping, ImportField } from '../../api/schemas/contacts';
import {
  CsvImportError,
  analyzeCsv,
  decodeCsvBytes,
  parseContactRows,
  type ImportRole,
} from './csv-import';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const withBom = (text: string): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
const csv = (...lines: string[]): Uint8Array => utf8(lines.join('\n') + '\n');

const ROLES: ImportRole[] = [
  { key: 'oberbuergermeister', label: 'Oberbürgermeister/-in', officeMale: 'Oberbürgermeister', officeFemale: 'Oberbürgermeisterin' },
  { key: 'buergermeister', label: 'Bürgermeister/-in', officeMale: 'Bürgermeister', officeFemale: 'Bürgermeisterin' },
  { key: 'mdb', label: 'Mitglied des Deutschen Bundestages', officeMale: 'Mitglied des Deutschen Bundestages', officeFemale: 'Mitglied des Deutschen Bundestages' },
  { key: 'vorsitz_verein', label: 'Vorsitzende/-r (Verein, Verband)', officeMale: 'Vorsitzender', officeFemale: 'Vorsitzende' },
  { key: 'generalkonsul', label: 'Generalkonsul/-in', officeMale: 'Generalkonsul', officeFemale: 'Generalkonsulin' },
];

/** Parses a file whose headers are the field names themselves (identity mapping). */
function parseWithFields(fields: ImportField[], ...rows: string[]) {
  const mapping: ColumnMapping = Object.fromEntries(fields.map((field) => [field, field]));
  return parseContactRows(csv(fields.join(';'), ...rows), mapping, ROLES);
}

/** Parses a single person row with the given extra column. */
function parsePersonWith(field: ImportField, value: string) {
  return parseWithFields(['surname', field], `Muster;${value}`);
}

function thrown(action: () => unknown): CsvImportError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(CsvImportError);
    return error as CsvImportError;
  }
  throw new Error('expected a CsvImportError');
}

describe('decodeCsvBytes', () => {
  it('decodes UTF-8 without BOM', () => {
    expect(decodeCsvBytes(utf8('Name;Straße\nMüller;Groß'))).toEqual({
      text: 'Name;Straße\nMüller;Groß',
      encoding: 'utf-8',
    });
  });

  it('strips a UTF-8 BOM', () => {
    const result = decodeCsvBytes(withBom('Name;Ort\nMüller;Duisburg'));
    expect(result.encoding).toBe('utf-8');
    expect(result.text).toBe('Name;Ort\nMüller;Duisburg');
    expect(result.text.charCodeAt(0)).toBe('N'.charCodeAt(0));
  });

  it('falls back to Windows-1252 for bytes that are not valid UTF-8', () => {
    const bytes = iconv.encode('Name;Straße;Ort\nMüller;Groß-Straße;Duisburg €', 'windows-1252');
    expect(bytes[9]).toBe(0xdf); // "ß" as a single byte
    expect([...bytes]).toContain(0xfc); // "ü" as a single byte
    expect(decodeCsvBytes(bytes)).toEqual({
      text: 'Name;Straße;Ort\nMüller;Groß-Straße;Duisburg €',
      encoding: 'windows-1252',
    });
  });

  it('decodes an empty file to an empty text', () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('rejects UTF-16 files with a German hint', () => {
    const error = thrown(() => decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x4e, 0x00])));
    expect(error.message).toBe(
      'Die Datei ist im Format UTF-16 gespeichert. Bitte speichern Sie sie als „CSV UTF-8“ und laden Sie sie erneut hoch.',
    );
    expect(error.code).toBe('IMPORT_INVALID');
  });
});

describe('analyzeCsv', () => {
  it('reads a semicolon file with BOM', () => {
    const analysis = analyzeCsv(withBom('Nachname;Vorname;Ort\r\nMüller;Anna;Duisburg\r\nSchmitz;Jan;Moers\r\n'));
    expect(analysis).toEqual({
      encoding: 'utf-8',
      delimiter: ';',
      headers: ['Nachname', 'Vorname', 'Ort'],
      sampleRows: [
        ['Müller', 'Anna', 'Duisburg'],
        ['Schmitz', 'Jan', 'Moers'],
      ],
      rowCount: 2,
      suggestedMapping: { Nachname: 'surname', Vorname: 'givenName', Ort: 'city' },
    });
  });

  it('reads a comma file; delimiters inside quotes do not count', () => {
    const analysis = analyzeCsv(csv('Name,Notizen', '"Meier; Kurt","a;b;c;d"', 'Schulz,x'));
    expect(analysis.delimiter).toBe(',');
    expect(analysis.headers).toEqual(['Name', 'Notizen']);
    expect(analysis.sampleRows).toEqual([
      ['Meier; Kurt', 'a;b;c;d'],
      ['Schulz', 'x'],
    ]);
  });

  it('lets the header decide when data cells contain commas', () => {
    expect(analyzeCsv(csv('Nachname;Gruppen', 'Muster;Presse, Vereine, Neujahrsempfang')).delimiter).toBe(';');
    expect(analyzeCsv(csv('Nachname,Notizen', 'Muster,a;b;c;d;e')).delimiter).toBe(',');
    expect(analyzeCsv(csv('', '', 'Nachname,Notizen', 'Muster,a;b;c;d;e')).delimiter).toBe(',');
  });

  it('prefers the semicolon on a tie', () => {
    expect(analyzeCsv(csv('Name;Ort,Land', 'A;B,C')).delimiter).toBe(';');
    expect(analyzeCsv(csv('Name', 'Müller')).delimiter).toBe(';');
  });

  it('reads Windows-1252 bytes', () => {
    const analysis = analyzeCsv(iconv.encode('Name;Straße;Ort\nMüller;Königstraße;Groß Reken\n', 'windows-1252'));
    expect(analysis.encoding).toBe('windows-1252');
    expect(analysis.headers).toEqual(['Name', 'Straße', 'Ort']);
    expect(analysis.sampleRows).toEqual([['Müller', 'Königstraße', 'Groß Reken']]);
    expect(analysis.suggestedMapping).toEqual({ Name: 'surname', Straße: 'street', Ort: 'city' });
  });

  it('trims headers, counts all rows, skips empty rows and returns at most 5 samples', () => {
    const analysis = analyzeCsv(
      csv(' Nachname ; Vorname ', 'A;1', '', 'B;2', ';', 'C;3', 'D;4', 'E;5', 'F;6', 'G;7'),
    );
    expect(analysis.headers).toEqual(['Nachname', 'Vorname']);
    expect(analysis.rowCount).toBe(7);
    expect(analysis.sampleRows).toEqual([
      ['A', '1'],
      ['B', '2'],
      ['C', '3'],
      ['D', '4'],
      ['E', '5'],
    ]);
  });

  it('counts a quoted field with line breaks as one row', () => {
    const analysis = analyzeCsv(csv('Name;Notizen', 'A;"Zeile eins', 'Zeile zwei"', 'B;x'));
    expect(analysis.rowCount).toBe(2);
    expect(analysis.sampleRows[0]).toEqual(['A', 'Zeile eins\nZeile zwei']);
  });

  it.each<[string, ImportField]>([
    ['Nachname', 'surname'],
    ['Name', 'surname'],
    ['surname', 'surname'],
    ['Last Name', 'surname'],
    ['Vorname', 'givenName'],
    ['First name', 'givenName'],
    ['Titel', 'degrees'],
    ['akad. Grad', 'degrees'],
    ['Grad', 'degrees'],
    ['Geschlecht', 'gender'],
    ['Anrede', 'gender'],
    ['Namenszusatz', 'nameAffix'],
    ['Adelsprädikat', 'nameAffix'],
    ['Amt', 'roleKey'],
    ['Funktion', 'roleKey'],
    ['Rolle', 'roleKey'],
    ['Amtszusatz', 'roleDetail'],
    ['Zusatz zum Amt', 'roleDetail'],
    ['a. D.', 'former'],
    ['a.D.', 'former'],
    ['Organisation', 'organisation'],
    ['Firma', 'organisation'],
    ['Verein', 'organisation'],
    ['Institution', 'organisation'],
    ['Straße', 'street'],
    ['Strasse', 'street'],
    ['Hausnummer', 'houseNumber'],
    ['Nr.', 'houseNumber'],
    ['Adresszusatz', 'addressAddition'],
    ['PLZ', 'postcode'],
    ['Postleitzahl', 'postcode'],
    ['Ort', 'city'],
    ['Stadt', 'city'],
    ['Wohnort', 'city'],
    ['Land', 'country'],
    ['E-Mail', 'email'],
    ['Email', 'email'],
    ['Mail', 'email'],
    ['Telefon', 'phone'],
    ['Tel.', 'phone'],
    ['Sprache', 'language'],
    ['Gruppen', 'tags'],
    ['Tags', 'tags'],
    ['Verteiler', 'tags'],
    ['Bemerkung', 'notes'],
    ['Notizen', 'notes'],
    ['Art', 'kind'],
    ['Typ', 'kind'],
    ['Name der Organisation', 'name'],
    ['  STRASSE ', 'street'],
  ])('suggests %j → %s', (header, field) => {
    const analysis = analyzeCsv(csv(`${header};Sonstiges`, 'x;y'));
    expect(analysis.suggestedMapping).toEqual({ [header.trim()]: field, Sonstiges: null });
  });

  it('suggests each field at most once; "Nachname" beats "Name"', () => {
    const analysis = analyzeCsv(csv('Name;Nachname;E-Mail;Mail;Telefon;Mobil;Firma', '1;2;3;4;5;6;7'));
    expect(analysis.suggestedMapping).toEqual({
      Name: null,
      Nachname: 'surname',
      'E-Mail': 'email',
      Mail: null,
      Telefon: 'phone',
      Mobil: null,
      Firma: 'organisation',
    });
  });

  it.each([
    ['an empty file', new Uint8Array(), 'Die Datei ist leer.'],
    ['a file with only a BOM', new Uint8Array([0xef, 0xbb, 0xbf]), 'Die Datei ist leer.'],
    ['a file with only empty lines', utf8('\n\n \n;;\n'), 'Die Datei enthält keine Kopfzeile.'],
    [
      'duplicate column names',
      csv('Name;Ort;Name', 'a;b;c'),
      'Die Kopfzeile enthält die Spalte „Name“ mehrfach. Spaltennamen müssen eindeutig sein.',
    ],
    [
      'an empty column name',
      csv('Name;;Ort', 'a;b;c'),
      'Die Kopfzeile enthält eine Spalte ohne Überschrift (Spalte 2). Bitte geben Sie jeder Spalte einen Namen.',
    ],
    [
      'an unclosed quote',
      csv('Name;Ort', 'a;b', '"c;d', 'e;f'),
      'Die Datei ist keine gültige CSV-Datei: Zeile 3: nicht geschlossenes Anführungszeichen.',
    ],
  ])('rejects %s', (_label, bytes, message) => {
    const error = thrown(() => analyzeCsv(bytes));
    expect(error.message).toBe(message);
    expect(error.name).toBe('CsvImportError');
    expect(error).toBeInstanceOf(Error);
  });

  it('accepts quotes inside unquoted fields', () => {
    const analysis = analyzeCsv(csv('Organisation;Ort', 'Verein "Glück auf" e. V.;Duisburg'));
    expect(analysis.sampleRows).toEqual([['Verein "Glück auf" e. V.', 'Duisburg']]);
  });
});

describe('parseContactRows', () => {
  const fullHeader =
    'Art;Anrede;Titel;Vorname;Namenszusatz;Nachname;Name der Organisation;Amt;Zusatz zum Amt;a. D.;Organisation;' +
    'Straße;Nr.;Adresszusatz;PLZ;Ort;Land;E-Mail;Telefon;Sprache;Gruppen;Notizen';

  it('maps a complete person row with the suggested mapping', () => {
    const bytes = csv(
      fullHeader,
      'Person;Frau;Prof. Dr.;Hanna;von;Beispiel;;Vorsitzende;des Ruhrorter Rudervereins e. V.;nein;Ruhrorter Ruderverein e. V.;' +
        'Am Hafen;12a;2. OG;47119;Duisburg;Deutschland;hanna.beispiel@example.org;0203 123456;Deutsch;Vereine, Neujahrsempfang;Ehrenamt seit 1999',
    );
    const mapping = analyzeCsv(bytes).suggestedMapping;
    expect(Object.values(mapping).filter((field) => field === null)).toEqual([]);
    const result = parseContactRows(bytes, mapping, ROLES);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        organisationName: 'Ruhrorter Ruderverein e. V.',
        data: {
          kind: 'person',
          gender: 'female',
          degrees: 'Prof. Dr.',
          givenName: 'Hanna',
          nameAffix: 'von',
          surname: 'Beispiel',
          roleKey: 'vorsitz_verein',
          roleDetail: 'des Ruhrorter Rudervereins e. V.',
          former: false,
          organisationId: null,
          partnerId: null,
          street: 'Am Hafen',
          houseNumber: '12a',
          addressAddition: '2. OG',
          postcode: '47119',
          city: 'Duisburg',
          country: 'Deutschland',
          email: 'hanna.beispiel@example.org',
          phone: '0203 123456',
          language: 'de',
          tags: ['Vereine', 'Neujahrsempfang'],
          notes: 'Ehrenamt seit 1999',
        },
      },
    ]);
  });

  it('maps an organisation row', () => {
    const bytes = csv(fullHeader, 'Organisation;;;;;;Stadtwerke Beispiel AG;;;;;Bahnhofstraße;7;;47051;Duisburg;;info@example.de;;;Wirtschaft;');
    const result = parseContactRows(bytes, analyzeCsv(bytes).suggestedMapping, ROLES);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        organisationName: null,
        data: {
          kind: 'organisation',
          name: 'Stadtwerke Beispiel AG',
          street: 'Bahnhofstraße',
          houseNumber: '7',
          addressAddition: '',
          postcode: '47051',
          city: 'Duisburg',
          country: '',
          email: 'info@example.de',
          phone: '',
          language: 'de',
          tags: ['Wirtschaft'],
          notes: '',
        },
      },
    ]);
  });

  it('reads Windows-1252 files with comma delimiter', () => {
    const bytes = iconv.encode('Nachname,Straße,Ort\r\nMüller,Großenbaumer Allee,Duisburg\r\n', 'windows-1252');
    const result = parseContactRows(bytes, { Nachname: 'surname', Straße: 'street', Ort: 'city' }, ROLES);
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]!.data).toMatchObject({ kind: 'person', surname: 'Müller', street: 'Großenbaumer Allee', city: 'Duisburg' });
  });

  it('reports physical line numbers after quoted line breaks and empty lines', () => {
    const bytes = utf8(
      [
        'Nachname;Notizen;E-Mail', // 1
        'Alpha;"erste Zeile', // 2
        'zweite Zeile', // 3
        'dritte Zeile";', // 4
        'Beta;kurz;beta@example.org', // 5
        '', // 6
        'Gamma;"a\r\nb";kaputt', // 7–8 (CRLF inside quotes)
        'Delta;;', // 9
      ].join('\n'),
    );
    const result = parseContactRows(bytes, { Nachname: 'surname', Notizen: 'notes', 'E-Mail': 'email' }, ROLES);
    expect(result.rows.map((row) => [row.line, row.data.kind === 'person' ? row.data.surname : ''])).toEqual([
      [2, 'Alpha'],
      [5, 'Beta'],
      [9, 'Delta'],
    ]);
    expect(result.rows[0]!.data.notes).toBe('erste Zeile\nzweite Zeile\ndritte Zeile');
    expect(result.errors).toEqual([
      { line: 7, column: 'E-Mail', message: 'Zeile 7, Spalte „E-Mail“: Die E-Mail-Adresse ist ungültig.' },
    ]);
  });

  it('counts lines of CRLF files', () => {
    const bytes = utf8('Nachname;Geschlecht\r\nA;w\r\n"B\r\nB";m\r\nC;?\r\n');
    const result = parseContactRows(bytes, { Nachname: 'surname', Geschlecht: 'gender' }, ROLES);
    expect(result.rows.map((row) => row.line)).toEqual([2, 3]);
    expect(result.errors.map((error) => error.line)).toEqual([5]);
  });

  it.each([
    ['w', 'female'],
    ['W', 'female'],
    ['weiblich', 'female'],
    ['Frau', 'female'],
    ['f', 'female'],
    ['female', 'female'],
    ['m', 'male'],
    ['männlich', 'male'],
    ['Herr', 'male'],
    ['male', 'male'],
    ['d', 'diverse'],
    ['divers', 'diverse'],
    ['x', 'diverse'],
    ['', 'unknown'],
  ])('maps gender %j → %s', (value, gender) => {
    const result = parsePersonWith('gender', value);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]!.data).toMatchObject({ kind: 'person', gender });
  });

  it('rejects an unknown gender', () => {
    const result = parseWithFields(['surname', 'gender'], 'Muster;Mann?');
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      {
        line: 2,
        column: 'gender',
        message:
          'Zeile 2, Spalte „gender“: Das Geschlecht „Mann?“ ist unbekannt. Erlaubt sind „w“ (weiblich), „m“ (männlich), „d“ (divers) oder ein leeres Feld.',
      },
    ]);
  });

  it.each([
    ['Person', 'person'],
    ['person', 'person'],
    ['Organisation', 'organisation'],
    ['Org', 'organisation'],
    ['Firma', 'organisation'],
    ['Verein', 'organisation'],
  ])('maps kind %j → %s', (value, kind) => {
    const result = parseWithFields(['kind', 'surname', 'name'], `${value};Muster;Muster GmbH`);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]!.data.kind).toBe(kind);
  });

  it.each([
    ['surname and name', 'Muster;Muster GmbH', 'person'],
    ['surname only', 'Muster;', 'person'],
    ['name only', ';Muster GmbH', 'organisation'],
  ])('guesses the kind when the column is not mapped (%s)', (_label, row, kind) => {
    const result = parseWithFields(['surname', 'name'], row);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]!.data.kind).toBe(kind);
  });

  it('uses the surname column as the name of an organisation row', () => {
    const result = parseContactRows(csv('Art;Name', 'Organisation;Evangelische Kirchengemeinde Beispiel'), { Art: 'kind', Name: 'surname' }, ROLES);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]!.data).toMatchObject({ kind: 'organisation', name: 'Evangelische Kirchengemeinde Beispiel' });
  });

  it('rejects an unknown kind', () => {
    const result = parseWithFields(['kind', 'surname'], 'Tier;Muster');
    expect(result.errors).toEqual([
      {
        line: 2,
        column: 'kind',
        message: 'Zeile 2, Spalte „kind“: Die Art „Tier“ ist unbekannt. Erlaubt sind „Person“ und „Organisation“.',
      },
    ]);
  });

  it.each([
    ['oberbuergermeister', 'oberbuergermeister', false],
    ['Oberbürgermeister/-in', 'oberbuergermeister', false],
    ['Oberbürgermeister', 'oberbuergermeister', false],
    ['oberbürgermeisterin', 'oberbuergermeister', false],
    ['OBERBUERGERMEISTER', 'oberbuergermeister', false],
    ['Bürgermeisterin', 'buergermeister', false],
    ['Mitglied des Deutschen Bundestages', 'mdb', false],
    ['Vorsitzende', 'vorsitz_verein', false],
    ['Generalkonsul', 'generalkonsul', false],
    ['Oberbürgermeister a. D.', 'oberbuergermeister', true],
    ['', '', false],
  ])('maps role %j → %j (former: %s)', (value, roleKey, former) => {
    const result = parsePersonWith('roleKey', value);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]!.data).toMatchObject({ kind: 'person', roleKey, former });
  });

  it('rejects an unknown role and names the value', () => {
    const result = parseContactRows(csv('Nachname;Funktion', 'Muster;Kaiser'), { Nachname: 'surname', Funktion: 'roleKey' }, ROLES);
    expect(result.errors).toEqual([
      {
        line: 2,
        column: 'Funktion',
        message: 'Zeile 2, Spalte „Funktion“: Das Amt bzw. die Funktion „Kaiser“ ist im Katalog nicht vorhanden.',
      },
    ]);
  });

  it.each([
    ['1', true],
    ['ja', true],
    ['Ja', true],
    ['x', true],
    ['true', true],
    ['a. D.', true],
    ['a.D.', true],
    ['', false],
    ['0', false],
    ['nein', false],
  ])('maps former %j → %s', (value, former) => {
    const result = parsePersonWith('former', value);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]!.data).toMatchObject({ kind: 'person', former });
  });

  it('rejects an invalid former value', () => {
    const result = parsePersonWith('former', 'vielleicht');
    expect(result.errors.map((error) => error.message)).toEqual([
      'Zeile 2, Spalte „former“: „vielleicht“ ist keine gültige Angabe für „a. D.“. Erlaubt sind „ja“ (auch „1“, „x“, „a. D.“) oder „nein“ (auch „0“ oder leer).',
    ]);
  });

  it.each([
    ['de', 'de'],
    ['en', 'en'],
    ['fr', 'fr'],
    ['Deutsch', 'de'],
    ['Englisch', 'en'],
    ['Französisch', 'fr'],
    ['EN', 'en'],
    ['', 'de'],
  ])('maps language %j → %s', (value, language) => {
    const result = parsePersonWith('language', value);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]!.data.language).toBe(language);
  });

  it('rejects an unsupported language', () => {
    const result = parsePersonWith('language', 'Spanisch');
    expect(result.errors.map((error) => error.message)).toEqual([
      'Zeile 2, Spalte „language“: Die Sprache „Spanisch“ wird nicht unterstützt. Erlaubt sind Deutsch (de), Englisch (en) und Französisch (fr).',
    ]);
  });

  it.each([
    ['Presse, Vereine', ['Presse', 'Vereine']],
    ['Presse|Vereine | Neujahrsempfang', ['Presse', 'Vereine', 'Neujahrsempfang']],
    [' , Presse,,| ', ['Presse']],
    ['', []],
  ])('splits tags %j', (value, tags) => {
    const result = parsePersonWith('tags', value);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]!.data.tags).toEqual(tags);
  });

  it('returns the organisation of persons only', () => {
    const result = parseWithFields(
      ['kind', 'surname', 'name', 'organisation'],
      'Person;Muster;;Hafenverein Ruhrort e. V.',
      'Person;Beispiel;;',
      'Organisation;;Muster GmbH;Dachverband',
    );
    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => row.organisationName)).toEqual(['Hafenverein Ruhrort e. V.', null, null]);
  });

  it('reports an invalid e-mail address with line and column', () => {
    const result = parseContactRows(
      csv('Nachname;E-Mail', 'Muster;muster@example.org', 'Beispiel;keine-adresse'),
      { Nachname: 'surname', 'E-Mail': 'email' },
      ROLES,
    );
    expect(result.rows).toHaveLength(1);
    expect(result.errors).toEqual([
      { line: 3, column: 'E-Mail', message: 'Zeile 3, Spalte „E-Mail“: Die E-Mail-Adresse ist ungültig.' },
    ]);
  });

  it('reports a missing surname', () => {
    const result = parseContactRows(csv('Nachname;Vorname', ';Anna'), { Nachname: 'surname', Vorname: 'givenName' }, ROLES);
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ line: 2, column: 'Nachname', message: 'Zeile 2, Spalte „Nachname“: Der Nachname fehlt.' }]);
  });

  it('reports a missing organisation name', () => {
    const result = parseContactRows(csv('Art;Name der Organisation;Ort', 'Organisation;;Duisburg'), { Art: 'kind', 'Name der Organisation': 'name', Ort: 'city' }, ROLES);
    expect(result.errors).toEqual([
      {
        line: 2,
        column: 'Name der Organisation',
        message: 'Zeile 2, Spalte „Name der Organisation“: Der Name der Organisation fehlt.',
      },
    ]);
  });

  it('reports a value that is too long', () => {
    const result = parseContactRows(csv('Nachname;Nr.', `Muster;${'1'.repeat(25)}`), { Nachname: 'surname', 'Nr.': 'houseNumber' }, ROLES);
    expect(result.errors).toEqual([
      {
        line: 2,
        column: 'Nr.',
        message: 'Zeile 2, Spalte „Nr.“: Der Eintrag ist zu lang: höchstens 20 Zeichen sind erlaubt, hier sind es 25.',
      },
    ]);
  });

  it('reports every problem of a row', () => {
    const result = parseContactRows(
      csv('Nachname;Geschlecht;E-Mail;Amt', ';?;kaputt;Kaiser'),
      { Nachname: 'surname', Geschlecht: 'gender', 'E-Mail': 'email', Amt: 'roleKey' },
      ROLES,
    );
    expect(result.errors.map((error) => error.column).sort()).toEqual(['Amt', 'E-Mail', 'Geschlecht', 'Nachname']);
    expect(result.errors.every((error) => error.line === 2)).toBe(true);
  });

  it('reports rows with a different column count and skips empty rows silently', () => {
    const result = parseContactRows(
      csv('Nachname;Vorname;Ort', 'Muster;Max;Duisburg', 'Beispiel;Erika', ';;', '', 'Zu;viele;Spalten;hier', 'Schmitz;Jan;Moers'),
      { Nachname: 'surname', Vorname: 'givenName', Ort: 'city' },
      ROLES,
    );
    expect(result.rows.map((row) => row.line)).toEqual([2, 7]);
    expect(result.errors).toEqual([
      {
        line: 3,
        column: null,
        message: 'Zeile 3: Die Zeile hat 2 Spalten, die Kopfzeile hat 3. Bitte prüfen Sie Trennzeichen und Anführungszeichen.',
      },
      {
        line: 6,
        column: null,
        message: 'Zeile 6: Die Zeile hat 4 Spalten, die Kopfzeile hat 3. Bitte prüfen Sie Trennzeichen und Anführungszeichen.',
      },
    ]);
  });

  it('ignores unmapped columns', () => {
    const result = parseContactRows(csv('Nachname;Geschlecht', 'Muster;Unsinn'), { Nachname: 'surname', Geschlecht: null }, ROLES);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]!.data).toMatchObject({ surname: 'Muster', gender: 'unknown' });
  });

  it.each([
    [
      'a mapped column that is missing',
      { Nachname: 'surname', Ort: 'city' } as ColumnMapping,
      'Die zugeordnete Spalte „Ort“ gibt es in der Datei nicht.',
    ],
    [
      'a field mapped twice',
      { Nachname: 'surname', Vorname: 'surname' } as ColumnMapping,
      'Das Feld „Nachname“ ist mehreren Spalten zugeordnet: „Nachname“ und „Vorname“.',
    ],
    [
      'no surname or name',
      { Nachname: null, Vorname: 'givenName' } as ColumnMapping,
      'Keiner Spalte ist der Nachname oder der Name der Organisation zugeordnet. Bitte ordnen Sie mindestens eines davon zu.',
    ],
  ])('rejects %s', (_label, mapping, message) => {
    const error = thrown(() => parseContactRows(csv('Nachname;Vorname', 'Muster;Max'), mapping, ROLES));
    expect(error.message).toBe(message);
  });

  it('rejects an empty file', () => {
    expect(() => parseContactRows(new Uint8Array(), { Nachname: 'surname' }, ROLES)).toThrowError(
      new CsvImportError('Die Datei ist leer.'),
    );
  });

  it('returns no rows for a file with only a header', () => {
    expect(parseContactRows(csv('Nachname'), { Nachname: 'surname' }, ROLES)).toEqual({ rows: [], errors: [] });
  });
});
