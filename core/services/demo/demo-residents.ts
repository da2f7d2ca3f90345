/**
 * A FICTIONAL extract of the residents register (Melderegister-Auszug, standard column set) for
 * the demo office: about 300 residents, among them the birthdays and wedding anniversaries of
 * the weeks around today (so the Jubiläen page and the start page show a month of jubilees),
 * centenarians whose notifications fall due, and people the register blocks (objection under
 * § 50 (5) BMG, information block § 51, conditional block § 52, deceased, moved away), who have
 * jubilees in these weeks too and must never appear on a list. Names are invented; streets and
 * postcodes are real Duisburg ones. Deterministic for a given day.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays } from '../../domain/calendar/time';
import type { ServiceDeps } from '../deps';
import { runResidentsImport } from '../residents/residents-import';
import { residentsRepository } from '../residents/repository';
import { STANDARD_COLUMNS } from '../residents/register-extract';
import { createRandom, DISTRICTS, type District } from './demo-contacts';

type Column = (typeof STANDARD_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

/** The city district (Stadtbezirk) the register gives for each part of town. */
const CITY_DISTRICT: Record<District, string> = {
  mitte: 'Mitte',
  innenhafen: 'Mitte',
  hochfeld: 'Mitte',
  neudorf: 'Mitte',
  duissern: 'Mitte',
  ruhrort: 'Homberg/Ruhrort/Baerl',
  homberg: 'Homberg/Ruhrort/Baerl',
  baerl: 'Homberg/Ruhrort/Baerl',
  meiderich: 'Meiderich/Beeck',
  beeck: 'Meiderich/Beeck',
  hamborn: 'Hamborn',
  marxloh: 'Hamborn',
  walsum: 'Walsum',
  rheinhausen: 'Rheinhausen',
  friemersheim: 'Rheinhausen',
  buchholz: 'Süd',
  huckingen: 'Süd',
  grossenbaum: 'Süd',
  wedau: 'Süd',
};

const WOMEN = [
  'Erna', 'Hildegard', 'Gertrud', 'Ursula', 'Helga', 'Irmgard', 'Margarete', 'Elfriede', 'Ingeborg', 'Renate', 'Christa',
  'Brigitte', 'Anneliese', 'Waltraud', 'Marianne', 'Fatma', 'Hatice', 'Zofia', 'Eleni', 'Rosa', 'Sabine', 'Petra', 'Ayşe',
  'Monika', 'Lea', 'Mia', 'Emilia', 'Elif', 'Hanna',
];
const MEN = [
  'Heinz', 'Günter', 'Horst', 'Werner', 'Karl-Heinz', 'Manfred', 'Gerhard', 'Dieter', 'Wolfgang', 'Klaus', 'Hans-Jürgen',
  'Helmut', 'Rolf', 'Siegfried', 'Bernhard', 'Mehmet', 'Ahmet', 'Stanisław', 'Giovanni', 'Dimitrios', 'Thomas', 'Andreas',
  'Jürgen', 'Mustafa', 'Leon', 'Finn', 'Yusuf', 'Noah', 'Paul',
];
const SURNAMES = [
  'Brüggemann', 'Terhorst', 'Wolters', 'Hüsken', 'Kamps', 'Pöttgen', 'Schmitz', 'Janßen', 'Heitkamp', 'Lanfermann', 'Kowalski',
  'Yıldırım', 'Öztürk', 'Nowicki', 'Papadopoulos', 'Russo', 'Esser', 'Bongartz', 'Tenhagen', 'Große-Wilde', 'van Dyk',
  'Spickermann', 'Wienhold', 'Küppers', 'Dahlhaus', 'Overbeck', 'Rademacher', 'Oberste-Lehn', 'Maaßen', 'Krüger', 'Aydın',
  'Schäfer', 'Lewandowski', 'Theißen', 'Hülsmann', 'Kaiser', 'Brinkhoff', 'Gerritzen', 'Demir', 'Stratmann',
];

/** Birthdays in the weeks around today (days from today, age); the register allows these (BMG § 50 (2)). */
const BIRTHDAYS: Array<[day: number, age: number]> = [
  [-13, 80], [-12, 70], [-10, 90], [-9, 75], [-7, 85], [-6, 101], [-4, 80], [-3, 70], [-1, 95], [0, 90], [1, 75], [2, 80],
  [3, 85], [4, 70], [5, 90], [6, 100], [7, 80], [8, 75], [9, 85], [10, 95], [11, 70], [12, 80], [13, 90], [14, 75], [15, 103],
  [16, 85], [17, 80], [18, 70], [19, 90], [20, 75], [21, 85], [22, 80], [23, 95], [24, 70], [25, 90], [26, 105], [27, 85],
  [29, 80], [31, 75], [33, 100], [35, 90], [37, 85], [39, 80], [41, 102],
];
/** Couples with a wedding anniversary in these weeks (days from today, years married). */
const WEDDINGS: Array<[day: number, years: number]> = [[-8, 50], [3, 60], [9, 50], [16, 65], [24, 50], [33, 70], [40, 60]];

/** Residents whom the register blocks, each with a jubilee in these weeks. */
const BLOCKED: Array<[day: number, age: number, block: Row]> = [
  [5, 80, { objection: '1' }],
  [11, 90, { information_block: '1' }],
  [20, 100, { conditional_block: '1' }],
  [2, 85, { death_date: '' }],
  [8, 75, { moved_away: '1' }],
];
/** … and a couple whose golden wedding is not listed: she objected. */
const BLOCKED_WEDDING: [day: number, years: number] = [12, 50];

const BACKGROUND = 250;

export interface DemoExtract {
  csv: string;
  /** A 100th birthday in the coming weeks: the demo plans the Oberbürgermeisterin's visit. */
  centenarian: { registerId: string; date: string };
}

/** The extract for `today` (an ISO date), as the register office would send it. */
export function demoRegisterExtract(today: string): DemoExtract {
  const random = createRandom(0x4705_1950);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const rows: Row[] = [];
  let serial = 0;
  const nextId = () => `DU-${String(++serial).padStart(6, '0')}`;
  /** The day `offset` days from today; 29 February is left out (not every year has it). */
  const dayAt = (offset: number) => {
    const day = addDays(today, offset);
    return day.endsWith('-02-29') ? addDays(day, 1) : day;
  };
  /** The same day `years` earlier (28 February for a 29 February that year lacks). */
  const yearsBefore = (date: string, years: number) => {
    const year = Number(date.slice(0, 4)) - years;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return date.endsWith('-02-29') && !leap ? `${year}-02-28` : `${year}${date.slice(4)}`;
  };
  const address = (): Row => {
    const part = pick(Object.keys(DISTRICTS) as District[]);
    const { postcode, streets } = DISTRICTS[part];
    return { street: pick(streets), house_number: String(1 + Math.floor(random() * 140)), postcode, city: 'Duisburg', district: CITY_DISTRICT[part] };
  };
  const person = (gender: 'w' | 'm', birthDate: string, extra: Row = {}): Row => ({
    register_id: nextId(),
    surname: pick(SURNAMES),
    given_names: pick(gender === 'w' ? WOMEN : MEN),
    degree: random() < 0.06 ? 'Dr.' : '',
    gender,
    birth_date: birthDate,
    ...address(),
    ...extra,
  });
  const couple = (day: string, years: number, wife: Row = {}): Row[] => {
    const home = address();
    const surname = pick(SURNAMES);
    const married = yearsBefore(day, years);
    const her = person('w', yearsBefore(addDays(married, -150 - Math.floor(random() * 1500)), 23), { ...home, surname, marriage_date: married, ...wife });
    const him = person('m', yearsBefore(addDays(married, -200 - Math.floor(random() * 2000)), 26), { ...home, surname, marriage_date: married });
    her.spouse_register_id = him.register_id;
    him.spouse_register_id = her.register_id;
    return [her, him];
  };

  let centenarian: DemoExtract['centenarian'] | null = null;
  BIRTHDAYS.forEach(([offset, age], i) => {
    const day = dayAt(offset);
    const row = person(i % 3 === 2 ? 'm' : 'w', yearsBefore(day, age));
    if (age === 100 && offset > 0 && !centenarian) centenarian = { registerId: row.register_id!, date: day };
    rows.push(row);
  });
  for (const [offset, years] of WEDDINGS) rows.push(...couple(dayAt(offset), years));
  for (const [offset, age, block] of BLOCKED) {
    const day = dayAt(offset);
    rows.push(person('w', yearsBefore(day, age), 'death_date' in block ? { death_date: addDays(today, -20) } : block));
  }
  rows.push(...couple(dayAt(BLOCKED_WEDDING[0]), BLOCKED_WEDDING[1], { objection: '1' }));
  // Everyone else: children to the very old, birthdays all through the year.
  for (let i = 0; i < BACKGROUND; i++) {
    const age = 1 + Math.floor(random() * 98);
    const birth = `${Number(today.slice(0, 4)) - age}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    rows.push(person(random() < 0.5 ? 'w' : 'm', birth));
  }

  const csv = [STANDARD_COLUMNS.join(';'), ...rows.map((row) => STANDARD_COLUMNS.map((column: Column) => row[column] ?? '').join(';'))].join('\r\n');
  return { csv, centenarian: centenarian! };
}

/**
 * Takes the extract over through the register import (the task the background worker runs), on
 * the SQLite file's handle and inside the demo's transaction. An office that has imported its own
 * register keeps it: then nothing is imported and null is returned. Office mode (PostgreSQL) has
 * no register import yet: the demo office comes without residents there (null).
 */
export async function loadDemoRegisterExtract(deps: ServiceDeps, extract: DemoExtract): Promise<DemoExtract['centenarian'] | null> {
  if (!deps.sqliteFile) return null;
  const residents = residentsRepository(deps.engine);
  if ((await residents.lastImport()) !== undefined || (await residents.count()) > 0) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathausbuero-demo-'));
  try {
    const file = path.join(dir, 'Melderegister-Auszug.csv');
    fs.writeFileSync(file, extract.csv);
    await runResidentsImport(
      { db: deps.sqliteFile, now: deps.now, user: deps.user },
      { file, fileName: 'Melderegister-Auszug (Beispieldaten).csv', commit: true },
      { progress: () => {}, checkCancelled: () => {} },
    );
    return extract.centenarian;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
