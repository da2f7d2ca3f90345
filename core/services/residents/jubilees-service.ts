import type { Handlers } from '../../api/contract';
import type { Person } from '../../api/schemas/addressing';
import type { JubileeEntry } from '../../api/schemas/residents';
import { postalLines } from '../../api/contact-person';
import { composeAddress } from '../../domain/addressing';
import { jubileesInPeriod } from '../../domain/jubilees/engine';
import { DEFAULT_HONOUR_RULES, honourRulesSchema, type HonourRules } from '../../domain/jubilees/honour-rules';
import type { ServiceDeps } from '../deps';
import { recordAudit } from '../audit';
import type { RoleCatalogue } from '../reference/role-catalogue';
import { settingsRepository } from '../settings/repository';
import type { ResidentDbRow, residentsRepository } from './repository';

/** The smallest birthday and wedding anniversary § 50 (2) BMG allows to list. */
const MIN_BMG_BIRTHDAY = 70;
const MIN_BMG_WEDDING = 50;

/** The smallest birthday and wedding anniversary the honour rules act on. */
export function smallestNumbers(rules: HonourRules): { minAge: number; minYears: number } {
  const minAge = Math.min(
    ...rules.letterBirthdays,
    rules.letterEveryBirthdayFrom,
    rules.visitBirthdaysFrom,
    ...rules.federal.birthdays,
    rules.federal.everyBirthdayFrom,
    rules.land.congratulationBirthdaysFrom,
  );
  const minYears = Math.min(
    ...rules.letterWeddings,
    rules.letterEveryWeddingFrom ?? Infinity,
    rules.visitWeddingsFrom,
    ...rules.federal.weddings,
    ...rules.land.certificateWeddings,
    ...rules.land.congratulationWeddings,
  );
  return { minAge: Math.max(minAge, MIN_BMG_BIRTHDAY), minYears: Math.max(minYears, MIN_BMG_WEDDING) };
}

type JubileeHandlers = Pick<Handlers, 'jubilees.list' | 'jubilees.rules.get' | 'jubilees.rules.update'>;

/** Month-day ranges ("MM-DD") a period covers; 29 February joins when 28 Feb or 1 Mar is inside. */
export function monthDayRanges(from: string, to: string): Array<[string, string]> {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  const a = from.slice(5);
  const b = to.slice(5);
  const ranges: Array<[string, string]> =
    years >= 2 || (years === 1 && b >= a) ? [['01-01', '12-31']] : years === 1 ? [[a, '12-31'], ['01-01', b]] : [[a, b]];
  const covers = (md: string) => ranges.some(([x, y]) => md >= x && md <= y);
  if (!covers('02-29') && (covers('02-28') || covers('03-01'))) ranges.push(['02-29', '02-29']);
  return ranges;
}

function personOf(r: ResidentDbRow): Person {
  return {
    gender: r.gender,
    degrees: r.degree || undefined,
    givenName: r.givenNames || undefined,
    surname: r.surname,
  };
}

/** The jubilee lists of the honour rules (DOMAIN.md C), from the stored register extract. */
export function createJubileesService(
  deps: ServiceDeps,
  residents: ReturnType<typeof residentsRepository>,
  catalogue: RoleCatalogue,
) {
  const settings = settingsRepository(deps.db);
  const rules = (): HonourRules => {
    const parsed = honourRulesSchema.safeParse(settings.getSetting('honourRules'));
    return parsed.success ? parsed.data : DEFAULT_HONOUR_RULES;
  };

  const list = (from: string, to: string, district?: string): JubileeEntry[] => {
    // Nobody younger than the youngest age any rule acts on (never below what the law allows).
    const toYear = Number(to.slice(0, 4));
    const { minAge, minYears } = smallestNumbers(rules());
    const limits = { bornUpTo: `${toYear - minAge}-12-31`, marriedUpTo: `${toYear - minYears}-12-31` };
    const candidates = residents.candidates(monthDayRanges(from, to), limits, district);
    const byId = new Map(candidates.map((r) => [r.registerId, r]));
    const entries = jubileesInPeriod(candidates, from, to, rules());
    const roles = catalogue.map();
    return entries
      .filter((e) => !district || e.registerIds.every((id) => byId.get(id)?.district === district))
      .map((entry) => {
        const people = entry.registerIds.map((id) => byId.get(id)!);
        const forms = composeAddress({ person: personOf(people[0]), partner: people[1] ? personOf(people[1]) : undefined }, roles);
        const addressLines = [...forms.addressLines, ...postalLines(people[0])];
        return {
          date: entry.date,
          kind: entry.kind,
          number: entry.number,
          label: entry.label,
          persons: people.map((p) => ({ registerId: p.registerId, addressLines, salutation: forms.salutation })),
          due: entry.due,
        };
      });
  };

  const handlers: JubileeHandlers = {
    'jubilees.list': ({ from, to, district }) => ({ entries: list(from, to, district) }),
    'jubilees.rules.get': () => rules(),
    'jubilees.rules.update': (input) => {
      deps.db.transaction(() => {
        settings.putSetting('honourRules', input, deps.now().toISOString());
        recordAudit(deps, { action: 'update', entity: 'settings', summary: 'Ehrungsordnung' });
      });
      return rules();
    },
  };
  return { handlers, list };
}
