import type { z } from 'zod';
import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { Language } from '../../api/schemas/addressing';
import {
  greetingSettingsSchema,
  PARTNERSHIP_STATUS_LABELS,
  type GreetingExtra,
  type greetingExtraInputSchema,
  type GreetingOccasion,
  type GreetingOverviewItem,
  type GreetingProduced,
  type greetingProduceInputSchema,
  type GreetingRecipient,
  type GreetingRule,
  type greetingRuleInputSchema,
  type GreetingSettings,
  type OccasionCalendarName,
} from '../../api/schemas/greetings';
import { letterDraftSchema, type TemplateManifestEntry } from '../../api/schemas/letters';
import { addDays, daysBetween } from '../../domain/calendar/time';
import { isoDateInBerlin } from '../../domain/dates/format';
import {
  nationalDayCountries,
  occasionsOfYear,
  sendByForOccasion,
  type ExtraOccasion,
  type Occasion,
} from '../../domain/greetings';
import { foldGerman } from '../../domain/text/fold';
import { audit } from '../audit';
import { displayNameOf } from '../contacts/contacts-service';
import type { ServiceDeps } from '../deps';
import type { Jobs } from '../jobs/jobs-service';
import type { createLettersService, PreparedLetter } from '../letters/letters-service';
import type { PartnershipEntry, PartnershipsService } from '../partnerships/partnerships-service';
import { settingsRepository } from '../settings/repository';
import { defaultRule, occasionWording, partnerTemplateId, type RuleValues } from './default-rules';
import { greetingsRepository, type ContactRow, type GreetingDispatchRow, type GreetingExtraRow, type GreetingRuleRow } from './repository';

type GreetingHandlers = Pick<
  Handlers,
  | 'greetings.plan'
  | 'greetings.overview'
  | 'greetings.occasion'
  | 'greetings.rules'
  | 'greetings.rules.save'
  | 'greetings.rules.reset'
  | 'greetings.extras'
  | 'greetings.extras.save'
  | 'greetings.extras.delete'
  | 'greetings.confirm'
  | 'greetings.produce'
  | 'greetings.settings'
  | 'greetings.settings.save'
>;

export interface GreetingsDeps {
  partnerships: PartnershipsService;
  letters: ReturnType<typeof createLettersService>;
  templates: () => readonly TemplateManifestEntry[];
  /** The office's long jobs: the letters of an occasion are produced once for the office at a time. */
  jobs: Jobs;
}

const SETTINGS_KEY = 'greetings';
const DEFAULT_SETTINGS: GreetingSettings = { islamicCalendar: 'islamic-umalqura' };
/** How far staff may move a proposed date when they confirm it (the King's birthday: any Saturday in June). */
const MAX_CONFIRM_SHIFT_DAYS = 40;

/** A recipient before names are looked up (the plan only counts). */
interface Resolved {
  contact: ContactRow | null;
  via: GreetingRecipient['via'];
  tag: string | null;
  entry: PartnershipEntry | null;
  templateId: string;
  language: Language;
  needsApproval: boolean;
  problem: string | null;
}

/** One occasion of the year with everything the views need. */
interface PlannedOccasion {
  item: GreetingOverviewItem;
  occasion: Occasion;
  rule: RuleValues & { isDefault: boolean; updatedAt: string | null };
  recipients: Resolved[];
  dispatches: GreetingDispatchRow[];
}

/**
 * The greetings plan (Grußkalender, DOMAIN.md E; issue 8): the year's occasions from the domain
 * (religious high days, national days of the partner cities' countries, staff-added dates), each
 * with its rule (who, which template and language, how long before; stored or the default of
 * default-rules.ts), the recipients it resolves to, the last day to send, and the letters produced.
 *
 * - Partnerships that are not active („ruhend“, „ausgesetzt“) are not counted in `recipients`;
 *   their mayors get a letter only with `approve: true`, and the approver is recorded.
 * - Proposed dates (Islamic high days, the King's official birthday) are used as computed until
 *   staff confirm a date; letters are produced only for confirmed dates.
 * - Letters come from the correspondence module (prepare, render and save of the letters
 *   service: the same as `letters.create`), one per recipient, into the Postausgang.
 */
export function createGreetingsService(deps: ServiceDeps, greetingsDeps: GreetingsDeps) {
  const repo = greetingsRepository(deps.engine);
  const settingsRepo = settingsRepository(deps.engine);
  const { letters, partnerships } = greetingsDeps;

  const settings = async (): Promise<GreetingSettings> => {
    const parsed = greetingSettingsSchema.safeParse(await settingsRepo.getSetting(SETTINGS_KEY));
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  };

  const extrasOf = (rows: GreetingExtraRow[]): ExtraOccasion[] =>
    rows.map((e) => ({ key: e.key, name: e.name, date: e.date, calendar: e.calendar, eveBefore: e.eveBefore }));

  /** Countries whose national days the plan holds: of every partnership but the patronage (Kaliningrad is no partner city). */
  const planCountries = (entries: PartnershipEntry[]): string[] => {
    const known = new Set(nationalDayCountries());
    return [...new Set(entries.filter((e) => e.row.kind !== 'patenschaft').map((e) => e.row.country))].filter((c) => known.has(c));
  };

  const computed = async (year: number, entries: PartnershipEntry[], extras: GreetingExtraRow[]): Promise<Occasion[]> => {
    const { islamicCalendar } = await settings();
    try {
      return occasionsOfYear(year, { islamicCalendar, countries: planCountries(entries), extra: extrasOf(extras) });
    } catch (error) {
      if (error instanceof RangeError) throw new AppError('INVALID_INPUT', error.message, { year });
      throw error;
    }
  };

  const ruleOf = (key: string, stored: Map<string, GreetingRuleRow>): PlannedOccasion['rule'] => {
    const row = stored.get(key);
    if (row) {
      const { key: _key, updatedAt, ...values } = row;
      return { ...values, isDefault: false, updatedAt };
    }
    return { ...defaultRule(key), isDefault: true, updatedAt: null };
  };

  /** The template and language of a letter to a partner city's mayor. */
  const partnerLetter = (entry: PartnershipEntry) => ({ templateId: partnerTemplateId(entry.row.language), language: entry.row.language });

  /**
   * Whom an occasion's greeting goes to. A contact is written to once (first: as a partner city's
   * mayor). Found by tag, a spouse without an office of her or his own is left out when the
   * partner is written to (the tags „Konsularisches Korps“, „Partnerstädte“ pass to spouses for
   * invitations), and so is an organisation when one of its people is written to.
   */
  const resolve = (
    occasion: Occasion,
    rule: RuleValues,
    entries: PartnershipEntry[],
    members: Map<string, ContactRow[]>,
    named: Map<number, ContactRow>,
  ): Resolved[] => {
    if (!rule.active) return [];
    const list: Resolved[] = [];
    const seen = new Set<number>();
    const mode = rule.recipients.partnerCities;
    const cities =
      mode === 'all'
        ? entries
        : mode === 'country'
          ? entries.filter((e) => e.row.kind !== 'patenschaft' && (occasion.countries ?? []).includes(e.row.country))
          : [];
    for (const entry of cities) {
      const needsApproval = entry.row.status !== 'aktiv';
      const contact = entry.mayor ? (named.get(entry.mayor.contactId) ?? null) : null;
      if (contact && seen.has(contact.id)) continue;
      if (contact) seen.add(contact.id);
      list.push({
        contact,
        via: 'partnerstadt',
        tag: null,
        entry,
        ...partnerLetter(entry),
        needsApproval,
        problem: contact ? null : `Für ${entry.row.city} ist keine Oberbürgermeisterin bzw. kein Oberbürgermeister als Kontakt hinterlegt.`,
      });
    }
    const byTag: Resolved[] = [];
    for (const tag of rule.recipients.tags) {
      for (const contact of members.get(tag) ?? []) {
        if (seen.has(contact.id)) continue;
        seen.add(contact.id);
        byTag.push({ contact, via: 'merkmal', tag, entry: null, templateId: rule.templateId, language: rule.language, needsApproval: false, problem: null });
      }
    }
    const writtenTo = new Set([...list, ...byTag].map((r) => r.contact?.id));
    const organisationsWrittenTo = new Set([...list, ...byTag].map((r) => r.contact?.organisationId).filter((id) => id != null));
    for (const r of byTag) {
      const c = r.contact!;
      if (c.kind === 'person' && !c.roleKey && c.partnerId !== null && writtenTo.has(c.partnerId)) continue;
      if (c.kind === 'organisation' && organisationsWrittenTo.has(c.id)) continue;
      list.push(r);
    }
    for (const id of rule.recipients.contactIds) {
      if (seen.has(id)) continue;
      seen.add(id);
      const contact = named.get(id) ?? null;
      list.push({
        contact,
        via: 'kontakt',
        tag: null,
        entry: null,
        templateId: rule.templateId,
        language: rule.language,
        needsApproval: false,
        problem: contact ? null : `Den Kontakt Nr. ${id} gibt es nicht mehr.`,
      });
    }
    return list;
  };

  /** The whole year: occasions with rules, recipients, send-by dates and letters produced. */
  const planYear = async (year: number): Promise<PlannedOccasion[]> => {
    const entries = await partnerships.register();
    const extras = await repo.extras();
    const extraKeys = new Set(extras.map((e) => e.key));
    const occasions = await computed(year, entries, extras);
    const confirmed = new Map((await repo.confirmations(year)).map((c) => [`${c.key}|${c.computedDate}`, c.date]));
    const stored = new Map((await repo.rules()).map((r) => [r.key, r]));
    const rules = new Map(occasions.map((o) => [o.key, ruleOf(o.key, stored)]));

    const activeRules = [...rules.values()].filter((r) => r.active);
    const tags = [...new Set(activeRules.flatMap((r) => r.recipients.tags))];
    const members = new Map<string, ContactRow[]>();
    for (const { tag, contact } of await repo.membersOf(tags)) members.set(tag, [...(members.get(tag) ?? []), contact]);
    const namedIds = new Set<number>(activeRules.flatMap((r) => r.recipients.contactIds));
    for (const e of entries) if (e.mayor) namedIds.add(e.mayor.contactId);
    const named = new Map((await repo.contacts([...namedIds])).map((c) => [c.id, c]));

    const dispatches = new Map<string, GreetingDispatchRow[]>();
    for (const d of await repo.dispatches(year)) dispatches.set(`${d.key}|${d.date}`, [...(dispatches.get(`${d.key}|${d.date}`) ?? []), d]);

    const planned = occasions.map((occasion): PlannedOccasion => {
      const confirmedDate = occasion.proposal ? confirmed.get(`${occasion.key}|${occasion.date}`) : undefined;
      const date = confirmedDate ?? occasion.date;
      const beginsEvening = occasion.eveBefore ? addDays(date, -1) : null;
      const rule = rules.get(occasion.key)!;
      const recipients = resolve(occasion, rule, entries, members, named);
      const own = [...(dispatches.get(`${occasion.key}|${date}`) ?? []), ...(date !== occasion.date ? (dispatches.get(`${occasion.key}|${occasion.date}`) ?? []) : [])];
      const item: GreetingOverviewItem = {
        date,
        key: occasion.key,
        name: occasion.name,
        calendar: occasion.calendar as OccasionCalendarName,
        recipients: recipients.filter((r) => r.contact && !r.needsApproval).length,
        sendBy: sendByForOccasion({ date, beginsEvening }, rule.leadDays),
        computedDate: occasion.date,
        proposal: occasion.proposal && confirmedDate === undefined,
        confirmed: confirmedDate !== undefined,
        eveBefore: occasion.eveBefore,
        beginsEvening,
        extra: extraKeys.has(occasion.key),
        active: rule.active,
        pendingApproval: recipients.filter((r) => r.contact && r.needsApproval).length,
        withoutContact: recipients.filter((r) => !r.contact).length,
        produced: own.filter((d) => d.letterId !== null).length,
      };
      return { item, occasion: { ...occasion, date, beginsEvening }, rule, recipients, dispatches: own };
    });
    return planned.sort((a, b) => a.item.date.localeCompare(b.item.date) || a.item.key.localeCompare(b.item.key));
  };

  const findOccasion = async (year: number, key: string, date: string): Promise<PlannedOccasion> => {
    const found = (await planYear(year)).find((p) => p.item.key === key && (p.item.date === date || p.item.computedDate === date));
    if (!found) throw new AppError('NOT_FOUND', `Im Grußkalender ${year} gibt es den Anlass „${key}“ am ${date} nicht.`, { year, key, date });
    return found;
  };

  /** The letter already produced for a contact on this occasion. */
  const dispatchOf = (p: PlannedOccasion, contactId: number | undefined) =>
    contactId === undefined ? undefined : p.dispatches.find((d) => d.contactId === contactId && d.letterId !== null);

  const recipientView = (p: PlannedOccasion, r: Resolved): GreetingRecipient => {
    const dispatch = dispatchOf(p, r.contact?.id);
    return {
      contactId: r.contact?.id ?? null,
      name: r.contact ? displayNameOf(r.contact) : (r.entry?.row.city ?? '–'),
      via: r.via,
      tag: r.tag,
      partnership: r.entry ? { id: r.entry.row.id, city: r.entry.row.city, status: r.entry.row.status, kind: r.entry.row.kind } : null,
      templateId: r.templateId,
      language: r.language,
      needsApproval: r.needsApproval,
      problem: r.problem,
      letterId: dispatch?.letterId ?? null,
      approvedBy: dispatch?.approvedBy ?? '',
    };
  };

  /** Every occasion key the plan knows (any year holds each at least once), with its German name, in the order of the year. */
  const knownOccasions = async (): Promise<Array<{ key: string; name: string }>> => {
    const year = Number(isoDateInBerlin(deps.now()).slice(0, 4));
    const keys = new Map<string, string>();
    const extra = extrasOf(await repo.extras());
    for (const o of occasionsOfYear(year, { countries: nationalDayCountries(), extra })) if (!keys.has(o.key)) keys.set(o.key, o.name);
    return [...keys].map(([key, name]) => ({ key, name }));
  };

  const ruleView = (key: string, name: string, stored: Map<string, GreetingRuleRow>): GreetingRule => {
    const { isDefault, updatedAt, ...values } = ruleOf(key, stored);
    return { key, name, ...values, isDefault, updatedAt };
  };

  const mustKnow = async (key: string) => {
    const found = (await knownOccasions()).find((o) => o.key === key);
    if (!found) throw new AppError('NOT_FOUND', `Den Anlass „${key}“ kennt der Grußkalender nicht.`, { key });
    return found;
  };

  const saveRule = async (input: z.output<typeof greetingRuleInputSchema>): Promise<GreetingRule> => {
    const occasion = await mustKnow(input.key);
    const template = greetingsDeps.templates().find((t) => t.id === input.templateId);
    if (!template) throw new AppError('NOT_FOUND', `Die Vorlage „${input.templateId}“ gibt es nicht.`, { issues: [{ path: ['templateId'], message: 'Vorlage nicht gefunden.' }] });
    if (template.language !== input.language) {
      throw new AppError('INVALID_INPUT', `Die Vorlage „${template.name}“ ist in einer anderen Sprache; bitte eine Vorlage in der gewählten Sprache wählen.`, {
        issues: [{ path: ['templateId'], message: 'Vorlage und Sprache passen nicht zusammen.' }],
      });
    }
    const found = new Set((await repo.contacts(input.recipients.contactIds)).map((c) => c.id));
    const missing = input.recipients.contactIds.filter((id) => !found.has(id));
    if (missing.length) throw new AppError('NOT_FOUND', `Kontakt Nr. ${missing.join(', ')} nicht gefunden.`, { contactIds: missing });
    const row: GreetingRuleRow = {
      ...input,
      recipients: { ...input.recipients, tags: [...new Set(input.recipients.tags)], contactIds: [...new Set(input.recipients.contactIds)] },
      updatedAt: deps.now().toISOString(),
    };
    await deps.engine.transaction(async () => {
      await repo.putRule(row);
      await audit(deps, { action: 'update', entity: 'greeting_rule', summary: `${occasion.name}: ${input.active ? 'aktiv' : 'aus'}, ${input.templateId}, ${input.leadDays} Tage` });
    });
    return ruleView(input.key, occasion.name, new Map([[input.key, row]]));
  };

  const toExtra = (row: GreetingExtraRow): GreetingExtra => ({ id: row.id, key: row.key, name: row.name, date: row.date, calendar: row.calendar, eveBefore: row.eveBefore });

  const saveExtra = async (input: z.output<typeof greetingExtraInputSchema>): Promise<GreetingExtra> => {
    const existing = input.id !== undefined ? await repo.findExtra(input.id) : undefined;
    if (input.id !== undefined && !existing) throw new AppError('NOT_FOUND', `Der eigene Termin Nr. ${input.id} wurde nicht gefunden.`, { id: input.id });
    const slug = foldGerman(input.name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
    const key = existing?.key ?? input.key ?? `eigener-${slug || 'termin'}`;
    const builtin = new Set(occasionsOfYear(2024, { countries: nationalDayCountries() }).map((o) => o.key));
    if (builtin.has(key)) throw new AppError('CONFLICT', `„${key}“ ist ein Anlass des Grußkalenders; bitte einen anderen Schlüssel wählen.`, { key });
    if ((await repo.extras()).some((e) => e.key === key && e.id !== existing?.id)) {
      throw new AppError('CONFLICT', `Einen eigenen Termin mit dem Schlüssel „${key}“ gibt es schon.`, { key });
    }
    const calendar = input.calendar;
    const values = { key, name: input.name, date: input.date, calendar, eveBefore: input.eveBefore ?? (calendar === 'hebrew' || calendar === 'islamic') };
    try {
      // Checks the date (31 April, 13th month …) the way the plan will read it.
      occasionsOfYear(2024, { countries: [], extra: extrasOf([{ id: 0, ...values }]) });
    } catch (error) {
      if (error instanceof RangeError) throw new AppError('INVALID_INPUT', error.message, { issues: [{ path: ['date'], message: error.message }] });
      throw error;
    }
    return deps.engine.transaction(async () => {
      const row = existing ? await repo.updateExtra(existing.id, values) : await repo.insertExtra(values);
      await audit(deps, { action: existing ? 'update' : 'create', entity: 'greeting_extra', entityId: row.id, summary: `${row.name} (${row.date})` });
      return toExtra(row);
    });
  };

  const produce = async (input: z.output<typeof greetingProduceInputSchema>): Promise<GreetingProduced> => {
    const p = await findOccasion(input.year, input.key, input.date);
    if (p.item.proposal) {
      throw new AppError(
        'CONFLICT',
        `Das Datum von „${p.item.name}“ (${p.item.date}) ist ein berechneter Vorschlag; bitte zuerst das Datum bestätigen, dann die Briefe erstellen.`,
        { key: p.item.key, date: p.item.date },
      );
    }
    if (!p.rule.active) throw new AppError('CONFLICT', `Für „${p.item.name}“ ist kein Gruß vorgesehen (die Regel ist ausgeschaltet).`, { key: p.item.key });
    const signerId = input.signerId ?? (await repo.headSigner())?.id;
    if (signerId === undefined) {
      throw new AppError('INVALID_INPUT', 'Es ist keine Oberbürgermeisterin bzw. kein Oberbürgermeister als unterzeichnende Person eingetragen (Einstellungen).');
    }
    const considered = p.recipients.filter((r) => !input.contactIds || (r.contact && input.contactIds.includes(r.contact.id)));
    // Once for the office at a time (refused in German while another PC produces greetings), seen on every PC.
    const record = await greetingsDeps.jobs.begin('greetings-letters', { total: considered.length });
    try {
      const today = isoDateInBerlin(deps.now());
      const wanted = input.contactIds ? new Set(input.contactIds) : null;
      const skipped: GreetingProduced['skipped'] = [];
      const staged: Array<{ r: Resolved; draft: z.output<typeof letterDraftSchema>; prepared: PreparedLetter; bytes: Uint8Array }> = [];
      const partnerCity = p.recipients.find((r) => r.entry && r.entry.row.status === 'aktiv')?.entry?.row.city;

      let handled = 0;
      for (const r of p.recipients) {
        if (wanted && (!r.contact || !wanted.has(r.contact.id))) continue;
        record.progress(handled++, considered.length);
        const name = r.contact ? displayNameOf(r.contact) : (r.entry?.row.city ?? '–');
        if (!r.contact) {
          skipped.push({ contactId: null, name, reason: r.problem ?? 'Kein Kontakt.' });
          continue;
        }
        const done = dispatchOf(p, r.contact.id);
        if (done) {
          skipped.push({ contactId: r.contact.id, name, reason: `Für diesen Anlass bereits erstellt (Brief Nr. ${done.letterId}).` });
          continue;
        }
        if (r.needsApproval && !input.approve) {
          const status = PARTNERSHIP_STATUS_LABELS[r.entry!.row.status];
          skipped.push({
            contactId: r.contact.id,
            name,
            reason: `Die Partnerschaft mit ${r.entry!.row.city} ist ${status}: ein Gruß nur mit ausdrücklicher Freigabe.`,
          });
          continue;
        }
        const template = greetingsDeps.templates().find((t) => t.id === r.templateId);
        const city = r.entry?.row.city ?? (template?.kind === 'partnerstadt' ? partnerCity : undefined);
        try {
          const draft = letterDraftSchema.parse({
            templateId: r.templateId,
            recipient: { type: 'contact', contactId: r.contact.id, includePartner: false },
            signerId,
            date: today,
            fields: { anlass: occasionWording(p.item.key, p.item.name, r.language), anlassDatum: p.item.date, ...(city ? { partnerstadt: city } : {}) },
          });
          const prepared = await letters.prepare(draft);
          const problems = [...prepared.warnings, ...prepared.values.errors];
          if (problems.length) {
            skipped.push({ contactId: r.contact.id, name, reason: problems.join(' ') });
            continue;
          }
          staged.push({ r, draft, prepared, bytes: await letters.render(prepared) });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          skipped.push({ contactId: r.contact.id, name, reason: error.message });
        }
      }

      const produced: GreetingProduced['produced'] = [];
      const written: string[] = [];
      const at = deps.now().toISOString();
      try {
        await deps.engine.transaction(async () => {
          for (const { r, draft, prepared, bytes } of staged) {
            const { id, file } = await letters.save(draft, prepared, { bytes });
            written.push(file);
            const approvedBy = r.needsApproval ? deps.user : '';
            await repo.insertDispatch({ key: p.item.key, date: p.item.date, contactId: r.contact!.id, letterId: id, approvedBy, createdAt: at });
            if (r.entry) await partnerships.recordLetter(r.entry.row.id, today, `Gruß zum Anlass „${p.item.name}“ ${input.year}${approvedBy ? ` (freigegeben von ${approvedBy})` : ''}`, id);
            produced.push({
              contactId: r.contact!.id,
              name: prepared.recipient.name,
              letterId: id,
              templateId: r.templateId,
              language: r.language,
              partnership: r.entry?.row.city ?? null,
              approvedBy,
            });
          }
          if (produced.length) {
            const approved = produced.filter((x) => x.approvedBy).map((x) => x.partnership);
            await audit(deps, {
              action: 'greetings',
              entity: 'letter',
              summary: `${p.item.name} ${p.item.date}: ${produced.length} Briefe${approved.length ? `, freigegeben für ${approved.join(', ')}` : ''}`,
            });
          }
        });
      } catch (error) {
        // The data folder's files of letters whose rows were rolled back (the office database's went with them).
        await deps.files.remove(written);
        throw error;
      }
  const made = produced.length;
      await record.finish('done', `${made} ${made === 1 ? 'Brief' : 'Briefe'} erstellt.`);
      return { produced, skipped };
    } catch (error) {
      await record.finish('failed', (error as Error).message).catch(() => undefined);
      throw error;
    }
  };

  const handlers: GreetingHandlers = {
    'greetings.plan': async ({ year }) => ({
      occasions: (await planYear(year)).map(({ item }) => ({
        date: item.date,
        key: item.key,
        name: item.name,
        calendar: item.calendar,
        recipients: item.recipients,
        sendBy: item.sendBy,
      })),
    }),
    'greetings.overview': async ({ year }) => ({ year, today: isoDateInBerlin(deps.now()), occasions: (await planYear(year)).map((p) => p.item) }),
    'greetings.occasion': async ({ year, key, date }): Promise<GreetingOccasion> => {
      const p = await findOccasion(year, key, date);
      const { isDefault, updatedAt, ...values } = p.rule;
      return {
        occasion: p.item,
        rule: { key, name: p.item.name, ...values, isDefault, updatedAt },
        recipients: p.recipients.map((r) => recipientView(p, r)),
        letters: await repo.dispatchedLetters(key, [...new Set([p.item.date, p.item.computedDate])]),
      };
    },
    'greetings.rules': async () => {
      const stored = new Map((await repo.rules()).map((r) => [r.key, r]));
      return (await knownOccasions()).map(({ key, name }) => ruleView(key, name, stored));
    },
    'greetings.rules.save': saveRule,
    'greetings.rules.reset': async ({ key }) => {
      const occasion = await mustKnow(key);
      await deps.engine.transaction(async () => {
        await repo.deleteRule(key);
        await audit(deps, { action: 'update', entity: 'greeting_rule', summary: `${occasion.name}: Standard wiederhergestellt` });
      });
      return ruleView(key, occasion.name, new Map());
    },
    'greetings.extras': async () => (await repo.extras()).map(toExtra),
    'greetings.extras.save': saveExtra,
    'greetings.extras.delete': async ({ id }) => {
      const row = await repo.findExtra(id);
      if (!row) throw new AppError('NOT_FOUND', `Der eigene Termin Nr. ${id} wurde nicht gefunden.`, { id });
      await deps.engine.transaction(async () => {
        await repo.deleteExtra(id);
        await repo.deleteRule(row.key);
        await audit(deps, { action: 'delete', entity: 'greeting_extra', entityId: id, summary: `${row.name} (${row.date})` });
      });
      return { id };
    },
    'greetings.confirm': async ({ key, year, computedDate, date }) => {
      const occasion = (await computed(year, await partnerships.register(), await repo.extras())).find((o) => o.key === key && o.date === computedDate);
      if (!occasion) throw new AppError('NOT_FOUND', `Im Grußkalender ${year} gibt es den Anlass „${key}“ am ${computedDate} nicht.`, { key, year, computedDate });
      if (!occasion.proposal) throw new AppError('CONFLICT', `Das Datum von „${occasion.name}“ steht fest; es gibt nichts zu bestätigen.`, { key });
      if (!date.startsWith(`${year}-`) || Math.abs(daysBetween(computedDate, date)) > MAX_CONFIRM_SHIFT_DAYS) {
        throw new AppError(
          'INVALID_INPUT',
          `Das bestätigte Datum ${date} liegt zu weit vom berechneten ${computedDate} entfernt (höchstens ${MAX_CONFIRM_SHIFT_DAYS} Tage, im selben Jahr).`,
          { issues: [{ path: ['date'], message: 'Datum zu weit vom berechneten entfernt.' }] },
        );
      }
      return deps.engine.transaction(async () => {
        const row = await repo.putConfirmation({ key, year, computedDate, date, confirmedAt: deps.now().toISOString(), confirmedBy: deps.user });
        await audit(deps, { action: 'confirm', entity: 'greeting_date', summary: `${occasion.name} ${year}: ${date} (berechnet ${computedDate})` });
        return row;
      });
    },
    'greetings.produce': produce,
    'greetings.settings': () => settings(),
    'greetings.settings.save': async (input) => {
      await deps.engine.transaction(async () => {
        await settingsRepo.putSetting(SETTINGS_KEY, input, deps.now().toISOString());
        await audit(deps, { action: 'update', entity: 'settings', summary: `Grußkalender: ${input.islamicCalendar}` });
      });
      return settings();
    },
  };

  return { handlers, planYear };
}
