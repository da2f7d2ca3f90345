import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { Person } from '../../api/schemas/addressing';
import type { JubileeEntry, JubileeNotification, JubileesOverview } from '../../api/schemas/residents';
import { addDays } from '../../domain/calendar/time';
import { postalLines } from '../../api/contact-person';
import { composeAddress } from '../../domain/addressing';
import { jubileeDateRanges } from '../../domain/jubilees/candidate-ranges';
import { jubileesInPeriod } from '../../domain/jubilees/engine';
import { applyHonourRulesPatch, DEFAULT_HONOUR_RULES, honourRulesSchema, upgradeStoredHonourRules, type HonourRules } from '../../domain/jubilees/honour-rules';
import type { ServiceDeps } from '../deps';
import type { OfficeSettings } from '../../api/schemas/letters';
import { formatDateNumeric, isoDateInBerlin } from '../../domain/dates/format';
import type { JubileeListRow } from '../../documents/jubilee-lists';
import { audit } from '../audit';
import type { RoleCatalogue } from '../reference/role-catalogue';
import { settingsRepository } from '../settings/repository';
import type { JubileeNotificationRow, JubileeResident, residentsRepository } from './repository';
import type { JubileeLetterRow } from '../letters/repository';

/** The document builders (docx is large) load with the first document, not at start. */
const documents = () => import('../../documents/jubilee-lists');

type JubileeHandlers = Pick<
  Handlers,
  | 'jubilees.list'
  | 'jubilees.overview'
  | 'jubilees.export'
  | 'jubilees.notifications.mark'
  | 'jubilees.visits.list'
  | 'jubilees.visits.plan'
  | 'jubilees.visits.cancel'
  | 'jubilees.rules.get'
  | 'jubilees.rules.update'
>;

const NOTIFICATIONS = ['notify_federal', 'notify_land'] as const;
const isNotification = (action: string): action is JubileeNotification['action'] => (NOTIFICATIONS as readonly string[]).includes(action);
const NOTIFICATION_NAMES: Record<JubileeNotification['action'], string> = {
  notify_federal: 'Meldung an den Bundespräsidenten',
  notify_land: 'Meldung an das Land NRW',
};

/** How far ahead the start page looks: four weeks. */
const OVERVIEW_DAYS = 28;

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

/** A notification due by `by`, with what was recorded of it; overdue: not sent and `by` before today. */
function notificationOf(action: JubileeNotification['action'], by: string, row: JubileeNotificationRow | undefined, today: string): JubileeNotification {
  const stamp = (at: string | null | undefined, user: string | null | undefined) => (at ? { at, user: user ?? '' } : null);
  const sent = stamp(row?.sentAt, row?.sentBy);
  return { action, by, overdue: !sent && by < today, produced: stamp(row?.producedAt, row?.producedBy), sent };
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
  office_: () => Promise<OfficeSettings>,
  jubileeLetters: (from: string, to: string) => Promise<JubileeLetterRow[]>,
) {
  const settings = settingsRepository(deps.engine);
  const rules = async (): Promise<HonourRules> => {
    const parsed = honourRulesSchema.safeParse(upgradeStoredHonourRules(await settings.getSetting('honourRules')));
    return parsed.success ? parsed.data : DEFAULT_HONOUR_RULES;
  };

  /** The period's jubilees (the engine's entries) with the residents they are about, not yet addressed. */
  const jubileesWithPeople = async (from: string, to: string, district?: string) => {
    const honour = await rules();
    // Only who was born (married) N years before the period, for the numbers N the rules act on.
    const search = jubileeDateRanges(from, to, honour);
    const candidates = await residents.jubileeCandidates(search, district);
    const byId = new Map(candidates.map((r) => [r.registerId, r]));
    return jubileesInPeriod(candidates, from, to, honour)
      .filter((e) => !district || e.registerIds.every((id) => byId.get(id)?.district === district))
      .map((jubilee) => ({ jubilee, people: jubilee.registerIds.map((id) => byId.get(id)!) }));
  };

  /** Makes a jubilee of the period (from, to) an entry of the lists: addressed, with its letters and notifications. */
  const entryMaker = async (from: string, to: string) => {
    const roles = catalogue.map();
    const letters = new Map<string, JubileeEntry['letters']>();
    for (const row of await jubileeLetters(from, to)) {
      const key = letterKey(row);
      letters.set(key, [...(letters.get(key) ?? []), { id: row.id, status: row.status, letterDate: row.letterDate }]);
    }
    const recorded = new Map((await residents.notificationsBetween(from, to)).map((row) => [`${row.jubileeKey}#${row.action}`, row]));
    const today = isoDateInBerlin(deps.now());
    return ({ jubilee: entry, people }: Awaited<ReturnType<typeof jubileesWithPeople>>[number]): JubileeEntry => {
      const forms = composeAddress({ person: personOf(people[0]), partner: people[1] ? personOf(people[1]) : undefined }, roles);
      const addressLines = [...forms.addressLines, ...postalLines(people[0])];
      const key = jubileeKey(entry.date, entry.kind, entry.registerIds);
      return {
        date: entry.date,
        kind: entry.kind,
        number: entry.number,
        label: entry.label,
        persons: people.map((p) => ({ registerId: p.registerId, addressLines, salutation: forms.salutation })),
        due: entry.due,
        letters: letters.get(key) ?? [],
        notifications: entry.due.flatMap(({ action, by }) =>
          isNotification(action) ? [notificationOf(action, by, recorded.get(`${key}#${action}`), today)] : [],
        ),
      };
    };
  };

  /** The entries with the residents they are about. */
  const detailed = async (from: string, to: string, district?: string): Promise<Array<{ entry: JubileeEntry; people: JubileeResident[] }>> => {
    const entryOf = await entryMaker(from, to);
    return (await jubileesWithPeople(from, to, district)).map((found) => ({ people: found.people, entry: entryOf(found) }));
  };
  const list = async (from: string, to: string, district?: string): Promise<JubileeEntry[]> => (await detailed(from, to, district)).map((d) => d.entry);

  /**
   * The jubilees to write letters for: those of the kind due a letter, by default only those
   * without one yet (`skipped` counts the others). Writing again is the explicit `existing: 'again'`.
   */
  const letterRecipients = async (selection: JubileeLetterSelection): Promise<{ entries: JubileeEntry[]; skipped: number }> => {
    const only = selection.registerIds ? [...selection.registerIds].sort().join(',') : null;
    const due = (await list(selection.from, selection.to, selection.district)).filter(
      (e) =>
        e.kind === selection.kind &&
        e.due.some((d) => d.action === 'letter') &&
        (only === null || e.persons.map((p) => p.registerId).sort().join(',') === only),
    );
    const entries = selection.existing === 'again' ? due : due.filter((e) => e.letters.length === 0);
    return { entries, skipped: due.length - entries.length };
  };

  /**
   * The start page: the jubilees of the next four weeks and the notification deadlines open
   * until then (overdue ones included), all from one `list` over the jubilees whose
   * notifications can be due in that time.
   */
  const overview = async (): Promise<JubileesOverview> => {
    const from = isoDateInBerlin(deps.now());
    const to = addDays(from, OVERVIEW_DAYS);
    const honour = await rules();
    const until = addDays(to, Math.max(honour.federal.notifyLatestDays, honour.land.leadDays));
    const found = await jubileesWithPeople(from, until);
    const soon = found.filter(({ jubilee }) => jubilee.date <= to);
    // Only the jubilees with a notification due by then are addressed (a few dozen, not thousands).
    const entryOf = await entryMaker(from, until);
    const entries = found.filter(({ jubilee }) => jubilee.due.some((d) => isNotification(d.action) && d.by <= to)).map(entryOf);
    const deadlines = entries
      .flatMap((e) =>
        e.notifications
          .filter((n) => !n.sent && n.by <= to)
          .map((n) => ({ ...n, date: e.date, kind: e.kind, label: e.label, registerIds: e.persons.map((p) => p.registerId), name: e.persons[0].addressLines[0] })),
      )
      .sort((a, b) => a.by.localeCompare(b.by) || a.date.localeCompare(b.date));
    return {
      from,
      to,
      birthdays: soon.filter(({ jubilee }) => jubilee.kind === 'birthday').length,
      weddings: soon.filter(({ jubilee }) => jubilee.kind === 'wedding').length,
      deadlines,
    };
  };

  /** The keys of these jubilees; each must be listed with this notification due, else a German refusal. */
  const notificationKeys = async (
    action: JubileeNotification['action'],
    jubilees: ReadonlyArray<{ date: string; kind: string; registerIds: readonly string[] }>,
  ): Promise<string[]> => {
    const dates = jubilees.map((j) => j.date).sort();
    const listed = new Map((await list(dates[0], dates[dates.length - 1])).map((e) => [jubileeKey(e.date, e.kind, e.persons.map((p) => p.registerId)), e]));
    return jubilees.map((j) => {
      const key = jubileeKey(j.date, j.kind, j.registerIds);
      const entry = listed.get(key);
      if (!entry) {
        throw new AppError('NOT_FOUND', `Am ${formatDateNumeric(j.date)} steht kein solches Jubiläum in der Liste (Melderegister-Nr. ${j.registerIds.join(', ')}).`, { jubilee: j });
      }
      if (!entry.notifications.some((n) => n.action === action)) {
        throw new AppError(
          'INVALID_INPUT',
          `Für den ${entry.label} am ${formatDateNumeric(entry.date)} (${entry.persons[0].addressLines[0]}) ist keine ${NOTIFICATION_NAMES[action]} vorgesehen.`,
          { jubilee: j, action },
        );
      }
      return key;
    });
  };

  const EXPORTS = {
    federal: { action: 'notify_federal', title: 'Meldung an den Bundespräsidenten (Bundesverwaltungsamt)' },
    land: { action: 'notify_land', title: 'Meldung an das Land Nordrhein-Westfalen' },
    district: { action: 'letter', title: 'Alters- und Ehejubiläen für die Bezirksbürgermeisterinnen und Bezirksbürgermeister' },
  } as const;

  /**
   * A list as a file. A notification list leaves out the jubilees whose notification is already
   * marked sent (`includeSent`: lists them, with the day it was sent) and records the others as
   * produced; a sent one keeps the record of when it was first produced.
   */
  const exportList = async (input: { from: string; to: string; district?: string; target: keyof typeof EXPORTS; format: 'docx' | 'xlsx'; includeSent?: boolean }) => {
    const spec = EXPORTS[input.target];
    const sentOf = (entry: JubileeEntry) => entry.notifications.find((n) => n.action === spec.action)?.sent ?? null;
    const sentOn = (entry: JubileeEntry) => {
      const sent = sentOf(entry);
      return sent ? isoDateInBerlin(new Date(sent.at)) : '';
    };
    const due = (await detailed(input.from, input.to, input.district)).filter(
      ({ entry }) => input.target === 'district' || entry.due.some((d) => d.action === spec.action),
    );
    const listed = input.includeSent ? due : due.filter(({ entry }) => !sentOf(entry));
    const leftOut = due.length - listed.length;
    const alreadySent = listed.filter(({ entry }) => sentOf(entry)).length;
    const rows: JubileeListRow[] = listed.map(({ entry, people }) => ({
        date: entry.date,
        label: entry.label,
        names: people.map((p) => [p.degree, p.givenNames, p.surname].filter(Boolean).join(' ')),
        address: [[people[0].street, people[0].houseNumber].filter(Boolean).join(' '), [people[0].postcode, people[0].city].filter(Boolean).join(' ')]
          .filter(Boolean)
          .join(', '),
        district: people[0].district,
        dueBy: entry.due.find((d) => d.action === spec.action)?.by ?? entry.due[0]?.by ?? entry.date,
        sentOn: sentOn(entry),
      }));
    const office = await office_();
    const period = `${formatDateNumeric(input.from)} bis ${formatDateNumeric(input.to)}`;
    const entries = `${rows.length} ${rows.length === 1 ? 'Eintrag' : 'Einträge'}`;
    const sentNote = leftOut
      ? `; ${leftOut} bereits als versandt ${leftOut === 1 ? 'vermerkte Meldung' : 'vermerkte Meldungen'} nicht aufgeführt`
      : alreadySent
        ? `, davon ${alreadySent} bereits als versandt vermerkt`
        : '';
    const document = {
      title: spec.title,
      subtitle: `Zeitraum ${period}${input.district ? `, Stadtbezirk ${input.district}` : ''} – ${entries}${sentNote}`,
      office: `${office.stadt} · ${office.dienststelle}`,
      rows,
      sentColumn: Boolean(input.includeSent) && isNotification(spec.action),
    };
    const bytes = input.format === 'docx' ? await (await documents()).jubileeListDocx(document) : await (await documents()).jubileeListXlsx(document);
    await deps.engine.transaction(async () => {
      // A notification list produced: recorded for each of its jubilees not sent yet (who and when).
      if (isNotification(spec.action)) {
        const keys = listed.filter(({ entry }) => !sentOf(entry)).map(({ entry }) => jubileeKey(entry.date, entry.kind, entry.persons.map((p) => p.registerId)));
        await residents.recordNotifications(keys, spec.action, { produced: { at: deps.now().toISOString(), user: deps.user } });
      }
      await audit(deps, { action: 'export', entity: 'jubilees', summary: `${spec.title}, ${period}, ${entries}${sentNote}` });
    });
    const name = { federal: 'Meldung-Bundespraesident', land: 'Meldung-Land-NRW', district: 'Jubilaeen-Bezirke' }[input.target];
    return { fileName: `${name}-${input.from}-bis-${input.to}.${input.format}`, contentBase64: Buffer.from(bytes).toString('base64') };
  };

  const handlers: JubileeHandlers = {
    'jubilees.list': async ({ from, to, district }) => ({ entries: await list(from, to, district) }),
    'jubilees.overview': () => overview(),
    'jubilees.notifications.mark': async ({ action, jubilees, sent }) => {
      const keys = await notificationKeys(action, jubilees);
      const at = deps.now().toISOString();
      await deps.engine.transaction(async () => {
        await residents.recordNotifications(keys, action, { sent: sent ? { at, user: deps.user } : null });
        await audit(deps, {
          action: sent ? 'sent' : 'unsent',
          entity: 'jubilees',
          summary: `${NOTIFICATION_NAMES[action]}: ${keys.length} ${keys.length === 1 ? 'Jubiläum' : 'Jubiläen'} ${sent ? 'als versandt vermerkt' : 'wieder als nicht versandt geführt'}`,
        });
      });
      return { marked: keys.length };
    },
    'jubilees.export': (input) => exportList(input),
    'jubilees.visits.list': async ({ from, to }) => (await residents.visitsBetween(from, to)).map(visitOf),
    'jubilees.visits.plan': async (input) => {
      const row = await residents.saveVisit(
        { jubileeKey: jubileeKey(input.jubileeDate, input.kind, input.registerIds), visitDate: input.visitDate, visitor: input.visitor, note: input.note },
        deps.now().toISOString(),
      );
      await audit(deps, { action: 'plan', entity: 'visit', entityId: row.id, summary: `${input.jubileeDate}: ${input.visitor} am ${input.visitDate}` });
      return visitOf(row);
    },
    'jubilees.visits.cancel': async ({ id }) => {
      if (!(await residents.deleteVisit(id))) throw new AppError('NOT_FOUND', `Der geplante Besuch Nr. ${id} wurde nicht gefunden.`, { id });
      await audit(deps, { action: 'cancel', entity: 'visit', entityId: id });
      return { id };
    },
    'jubilees.rules.get': () => rules(),
    'jubilees.rules.update': async (patch) => {
      // What the change does not name stays; the whole result must keep within the BMG.
      const parsed = honourRulesSchema.safeParse(applyHonourRulesPatch(await rules(), patch));
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
        throw new AppError('INVALID_INPUT', issues.map((i) => i.message).join(' '), { issues });
      }
      await deps.engine.transaction(async () => {
        await settings.putSetting('honourRules', parsed.data, deps.now().toISOString());
        await audit(deps, { action: 'update', entity: 'settings', summary: 'Ehrungsordnung' });
      });
      return rules();
    },
  };
  return { handlers, list, letterRecipients };
}
