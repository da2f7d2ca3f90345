import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { Person } from '../../api/schemas/addressing';
import type { JubileeEntry } from '../../api/schemas/residents';
import { postalLines } from '../../api/contact-person';
import { composeAddress } from '../../domain/addressing';
import { jubileeDateRanges } from '../../domain/jubilees/candidate-ranges';
import { jubileesInPeriod } from '../../domain/jubilees/engine';
import { applyHonourRulesPatch, DEFAULT_HONOUR_RULES, honourRulesSchema, upgradeStoredHonourRules, type HonourRules } from '../../domain/jubilees/honour-rules';
import type { ServiceDeps } from '../deps';
import type { OfficeSettings } from '../../api/schemas/letters';
import { formatDateNumeric } from '../../domain/dates/format';
import { jubileeListDocx, jubileeListXlsx, type JubileeListRow } from '../../documents/jubilee-lists';
import { recordAudit } from '../audit';
import type { RoleCatalogue } from '../reference/role-catalogue';
import { settingsRepository } from '../settings/repository';
import type { JubileeResident, residentsRepository } from './repository';
import type { JubileeLetterRow } from '../letters/repository';

type JubileeHandlers = Pick<
  Handlers,
  'jubilees.list' | 'jubilees.export' | 'jubilees.visits.list' | 'jubilees.visits.plan' | 'jubilees.visits.cancel' | 'jubilees.rules.get' | 'jubilees.rules.update'
>;

/** "2026-12-10|birthday|R5": which jubilee a planned visit belongs to (sorts by date). */
export const jubileeKey = (date: string, kind: string, registerIds: readonly string[]) => `${date}|${kind}|${[...registerIds].sort().join(',')}`;

/** Which jubilees to write letters for (the mail merge's jubilee recipients). */
export interface JubileeLetterSelection {
  from: string;
  to: string;
  district?: string;
  kind: 'birthday' | 'wedding';
  /** Only the jubilee of these persons. */
  registerIds?: readonly string[];
  /** 'skip': jubilees that already have a letter are left out; 'again': written anyway. */
  existing: 'skip' | 'again';
}

/** The key of the jubilee a letter was written for. */
const letterKey = (row: JubileeLetterRow) => jubileeKey(row.date, row.wedding ? 'wedding' : 'birthday', row.registerIds);

function visitOf(row: { id: number; jubileeKey: string; visitDate: string; visitor: string; note: string }) {
  const [jubileeDate, kind, ids] = row.jubileeKey.split('|');
  return { id: row.id, jubileeDate, kind: kind as 'birthday' | 'wedding', registerIds: ids.split(','), visitDate: row.visitDate, visitor: row.visitor, note: row.note };
}

function personOf(r: JubileeResident): Person {
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
  office_: () => OfficeSettings,
  jubileeLetters: (from: string, to: string) => JubileeLetterRow[],
) {
  const settings = settingsRepository(deps.db);
  const rules = (): HonourRules => {
    const parsed = honourRulesSchema.safeParse(upgradeStoredHonourRules(settings.getSetting('honourRules')));
    return parsed.success ? parsed.data : DEFAULT_HONOUR_RULES;
  };

  /** The entries with the residents they are about. */
  const detailed = (from: string, to: string, district?: string): Array<{ entry: JubileeEntry; people: JubileeResident[] }> => {
    const honour = rules();
    // Only who was born (married) N years before the period, for the numbers N the rules act on.
    const search = jubileeDateRanges(from, to, honour);
    const candidates = residents.jubileeCandidates(search, district);
    const byId = new Map(candidates.map((r) => [r.registerId, r]));
    const entries = jubileesInPeriod(candidates, from, to, honour);
    const roles = catalogue.map();
    const letters = new Map<string, JubileeEntry['letters']>();
    for (const row of jubileeLetters(from, to)) {
      const key = letterKey(row);
      letters.set(key, [...(letters.get(key) ?? []), { id: row.id, status: row.status, letterDate: row.letterDate }]);
    }
    return entries
      .filter((e) => !district || e.registerIds.every((id) => byId.get(id)?.district === district))
      .map((entry) => {
        const people = entry.registerIds.map((id) => byId.get(id)!);
        const forms = composeAddress({ person: personOf(people[0]), partner: people[1] ? personOf(people[1]) : undefined }, roles);
        const addressLines = [...forms.addressLines, ...postalLines(people[0])];
        return {
          people,
          entry: {
            date: entry.date,
            kind: entry.kind,
            number: entry.number,
            label: entry.label,
            persons: people.map((p) => ({ registerId: p.registerId, addressLines, salutation: forms.salutation })),
            due: entry.due,
            letters: letters.get(jubileeKey(entry.date, entry.kind, entry.registerIds)) ?? [],
          },
        };
      });
  };
  const list = (from: string, to: string, district?: string): JubileeEntry[] => detailed(from, to, district).map((d) => d.entry);

  /**
   * The jubilees to write letters for: those of the kind due a letter, by default only those
   * without one yet (`skipped` counts the others). Writing again is the explicit `existing: 'again'`.
   */
  const letterRecipients = (selection: JubileeLetterSelection): { entries: JubileeEntry[]; skipped: number } => {
    const only = selection.registerIds ? [...selection.registerIds].sort().join(',') : null;
    const due = list(selection.from, selection.to, selection.district).filter(
      (e) =>
        e.kind === selection.kind &&
        e.due.some((d) => d.action === 'letter') &&
        (only === null || e.persons.map((p) => p.registerId).sort().join(',') === only),
    );
    const entries = selection.existing === 'again' ? due : due.filter((e) => e.letters.length === 0);
    return { entries, skipped: due.length - entries.length };
  };

  const EXPORTS = {
    federal: { action: 'notify_federal', title: 'Meldung an den Bundespräsidenten (Bundesverwaltungsamt)' },
    land: { action: 'notify_land', title: 'Meldung an das Land Nordrhein-Westfalen' },
    district: { action: 'letter', title: 'Alters- und Ehejubiläen für die Bezirksbürgermeisterinnen und Bezirksbürgermeister' },
  } as const;

  const exportList = async (input: { from: string; to: string; district?: string; target: keyof typeof EXPORTS; format: 'docx' | 'xlsx' }) => {
    const spec = EXPORTS[input.target];
    const rows: JubileeListRow[] = detailed(input.from, input.to, input.district)
      .filter(({ entry }) => input.target === 'district' || entry.due.some((d) => d.action === spec.action))
      .map(({ entry, people }) => ({
        date: entry.date,
        label: entry.label,
        names: people.map((p) => [p.degree, p.givenNames, p.surname].filter(Boolean).join(' ')),
        address: [[people[0].street, people[0].houseNumber].filter(Boolean).join(' '), [people[0].postcode, people[0].city].filter(Boolean).join(' ')]
          .filter(Boolean)
          .join(', '),
        district: people[0].district,
        dueBy: entry.due.find((d) => d.action === spec.action)?.by ?? entry.due[0]?.by ?? entry.date,
      }));
    const office = office_();
    const period = `${formatDateNumeric(input.from)} bis ${formatDateNumeric(input.to)}`;
    const document = {
      title: spec.title,
      subtitle: `Zeitraum ${period}${input.district ? `, Stadtbezirk ${input.district}` : ''} – ${rows.length} ${rows.length === 1 ? 'Eintrag' : 'Einträge'}`,
      office: `${office.stadt} · ${office.dienststelle}`,
      rows,
    };
    const bytes = input.format === 'docx' ? await jubileeListDocx(document) : await jubileeListXlsx(document);
    recordAudit(deps, { action: 'export', entity: 'jubilees', summary: `${spec.title}, ${period}, ${rows.length} Einträge` });
    const name = { federal: 'Meldung-Bundespraesident', land: 'Meldung-Land-NRW', district: 'Jubilaeen-Bezirke' }[input.target];
    return { fileName: `${name}-${input.from}-bis-${input.to}.${input.format}`, contentBase64: Buffer.from(bytes).toString('base64') };
  };

  const handlers: JubileeHandlers = {
    'jubilees.list': ({ from, to, district }) => ({ entries: list(from, to, district) }),
    'jubilees.export': (input) => exportList(input),
    'jubilees.visits.list': ({ from, to }) => residents.visitsBetween(from, to).map(visitOf),
    'jubilees.visits.plan': (input) => {
      const row = residents.saveVisit(
        { jubileeKey: jubileeKey(input.jubileeDate, input.kind, input.registerIds), visitDate: input.visitDate, visitor: input.visitor, note: input.note },
        deps.now().toISOString(),
      );
      recordAudit(deps, { action: 'plan', entity: 'visit', entityId: row.id, summary: `${input.jubileeDate}: ${input.visitor} am ${input.visitDate}` });
      return visitOf(row);
    },
    'jubilees.visits.cancel': ({ id }) => {
      if (!residents.deleteVisit(id)) throw new AppError('NOT_FOUND', `Der geplante Besuch Nr. ${id} wurde nicht gefunden.`, { id });
      recordAudit(deps, { action: 'cancel', entity: 'visit', entityId: id });
      return { id };
    },
    'jubilees.rules.get': () => rules(),
    'jubilees.rules.update': (patch) => {
      // What the change does not name stays; the whole result must keep within the BMG.
      const parsed = honourRulesSchema.safeParse(applyHonourRulesPatch(rules(), patch));
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
        throw new AppError('INVALID_INPUT', issues.map((i) => i.message).join(' '), { issues });
      }
      deps.db.transaction(() => {
        settings.putSetting('honourRules', parsed.data, deps.now().toISOString());
        recordAudit(deps, { action: 'update', entity: 'settings', summary: 'Ehrungsordnung' });
      });
      return rules();
    },
  };
  return { handlers, list, letterRecipients };
}
