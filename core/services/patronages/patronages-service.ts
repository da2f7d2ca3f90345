import type { z } from 'zod';
import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { letterDraftSchema, TemplateManifestEntry } from '../../api/schemas/letters';
import {
  PATRONAGE_CRITERIA_LABELS,
  patronageCriteriaSchema,
  type Patronage,
  type PatronageCriteria,
  type patronageInputSchema,
} from '../../api/schemas/patronages';
import { formatDateLong, isoDateInBerlin } from '../../domain/dates/format';
import { audit } from '../audit';
import { displayNameOf } from '../contacts/contacts-service';
import type { ServiceDeps } from '../deps';
import { patronagesRepository, type PatronageLink } from './repository';

type PatronageHandlers = Pick<Handlers, 'patronages.list' | 'patronages.get' | 'patronages.save' | 'patronages.decide' | 'patronages.linkReply'>;
type LetterDraftOutput = z.output<typeof letterDraftSchema>;

/** The reply templates of templates/manifest.json. */
export const PATRONAGE_REPLY_TEMPLATES = { uebernommen: 'schirmherrschaft-zusage', abgelehnt: 'schirmherrschaft-absage' } as const;

/**
 * Requests for a patronage (Schirmherrschaft) of the Oberbürgermeister/in: the requesting
 * organisation (a contact or a name), the event and its dates, the criteria checklist, the
 * decision with its reasons, the linked Grußwort and appointment, and the reply letter.
 *
 * The criteria rule: a patronage is taken on („übernommen“) only when all four criteria
 * (public benefit, relevance for the city, no commercial purpose, political neutrality) are
 * checked and met. Otherwise taking it on is refused with a message naming the criteria not met
 * and those not yet checked — unless reasons are given: they then document the exception.
 * Declining needs no reasons.
 *
 * `templates` lists the manifest entries; the reply draft takes its subject and text from the
 * entries `schirmherrschaft-zusage` and `schirmherrschaft-absage`.
 */
export function createPatronagesService(deps: ServiceDeps, templates: () => readonly TemplateManifestEntry[]) {
  const repo = patronagesRepository(deps.engine);

  type Found = NonNullable<Awaited<ReturnType<typeof repo.find>>>;

  const toPatronage = async ({ patronage: row, patronName, patronOffice }: Found): Promise<Patronage> => {
    const contact = row.organisationId !== null ? await repo.contact(row.organisationId) : undefined;
    const criteria = criteriaOf(row.criteria);
    return {
      id: row.id,
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      organisation: contact ? displayNameOf(contact) : row.organisationName,
      event: row.event,
      eventFrom: row.eventFrom,
      eventTo: row.eventTo,
      place: row.place,
      receivedOn: row.receivedOn,
      patronId: row.patronId,
      patron: patronName ? `${patronName}, ${patronOffice}` : null,
      criteria,
      criteriaMet: Object.values(criteria).every((met) => met === true),
      decision: row.decision,
      reasons: row.reasons,
      decidedOn: row.decidedOn,
      speechId: row.speechId,
      appointmentId: row.appointmentId,
      replyLetterId: row.replyLetterId,
      notes: row.notes,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      revision: row.revision,
    };
  };

  const mustFind = async (id: number) => {
    const found = await repo.find(id);
    if (!found) throw new AppError('NOT_FOUND', `Die Schirmherrschaft Nr. ${id} wurde nicht gefunden.`, { id });
    return found;
  };

  const valuesOf = async (input: z.output<typeof patronageInputSchema>) => {
    const links: ReadonlyArray<readonly [PatronageLink, number | null, string]> = [
      ['contact', input.organisationId, 'Der Kontakt'],
      ['signer', input.patronId, 'Die unterzeichnende Person (Schirmherr/in)'],
      ['speech', input.speechId, 'Die Rede bzw. das Grußwort'],
      ['appointment', input.appointmentId, 'Der Termin'],
    ];
    for (const [table, id, what] of links) {
      if (id !== null && !(await repo.exists(table, id))) throw new AppError('NOT_FOUND', `${what} Nr. ${id} wurde nicht gefunden.`, { [table]: id });
    }
    const contact = input.organisationId !== null ? await repo.contact(input.organisationId) : undefined;
    // The contact's name is kept with the request, so it stays readable if the contact is deleted.
    const organisationName = contact ? displayNameOf(contact) : input.organisationName;
    if (!organisationName) {
      throw new AppError('INVALID_INPUT', 'Bitte die anfragende Organisation angeben (Kontakt oder Name).', {
        issues: [{ path: ['organisationName'], message: 'Bitte die anfragende Organisation angeben.' }],
      });
    }
    if (input.eventTo !== null && input.eventTo < input.eventFrom) {
      throw new AppError('INVALID_INPUT', 'Das Ende der Veranstaltung liegt vor ihrem Beginn.', {
        issues: [{ path: ['eventTo'], message: 'Das Ende liegt vor dem Beginn.' }],
      });
    }
    return {
      organisationId: input.organisationId,
      organisationName,
      event: input.event,
      eventFrom: input.eventFrom,
      eventTo: input.eventTo !== null && input.eventTo !== input.eventFrom ? input.eventTo : null,
      place: input.place,
      receivedOn: input.receivedOn,
      patronId: input.patronId,
      criteria: input.criteria,
      speechId: input.speechId,
      appointmentId: input.appointmentId,
      notes: input.notes,
    };
  };

  /** The reply letter, ready for letters.create: signed by the patron, else by the Oberbürgermeister/in. */
  const replyOf = async (row: Found['patronage']): Promise<LetterDraftOutput | null> => {
    if (row.decision === 'offen' || row.organisationId === null) return null;
    const signerId = row.patronId ?? (await repo.headSigner())?.id;
    if (signerId === undefined) return null;
    const templateId = PATRONAGE_REPLY_TEMPLATES[row.decision];
    const entry = templates().find((t) => t.id === templateId);
    if (!entry) throw new AppError('NOT_FOUND', `Die Vorlage „${templateId}“ gibt es nicht.`, { id: templateId });
    // One day: "am {{anlass_datum}}" as the template says; several days: "vom … bis …" in its place.
    const dated = (text: string) => (row.eventTo ? text.replaceAll('am {{anlass_datum}}', eventDatesInWords(row.eventFrom, row.eventTo)) : text);
    return {
      templateId,
      recipient: { type: 'contact', contactId: row.organisationId, includePartner: false },
      signerId,
      fields: { anlass: row.event, anlassDatum: row.eventFrom },
      subject: dated(entry.subject),
      body: dated(entry.body),
    };
  };

  const handlers: PatronageHandlers = {
    'patronages.list': async ({ decision }) => Promise.all((await repo.list(decision)).map(toPatronage)),

    'patronages.get': async ({ id }) => toPatronage(await mustFind(id)),

    'patronages.save': (input) =>
      deps.engine.transaction(async () => {
        const at = deps.now().toISOString();
        const row = input.id
          ? await repo.update({ id: (await mustFind(input.id)).patronage.id, revision: input.revision! }, await valuesOf(input), at)
          : await repo.insert(await valuesOf(input), at);
        await audit(deps, { action: input.id ? 'update' : 'create', entity: 'patronage', entityId: row.id, summary: `${row.event} (${row.organisationName})` });
        return toPatronage(await mustFind(row.id));
      }),

    'patronages.decide': ({ id, revision, decision, reasons }) =>
      deps.engine.transaction(async () => {
        const { patronage: row } = await mustFind(id);
        // Refused before the criteria are judged: the decision is made on the request as loaded.
        await repo.refuseUnlessCurrent(row, revision);
        if (decision === 'uebernommen' && !reasons) {
          const open = openCriteria(criteriaOf(row.criteria));
          if (open.notMet.length || open.unchecked.length) {
            const parts = [
              open.notMet.length ? `nicht erfüllt: ${open.notMet.map(quoted).join(', ')}` : '',
              open.unchecked.length ? `nicht geprüft: ${open.unchecked.map(quoted).join(', ')}` : '',
            ].filter(Boolean);
            throw new AppError(
              'INVALID_INPUT',
              `Die Schirmherrschaft kann nur übernommen werden, wenn alle Kriterien erfüllt sind – ${parts.join('; ')}. ` +
                'Soll sie dennoch übernommen werden, begründen Sie die Ausnahme bitte unter „Begründung“.',
              { ...open, issues: [{ path: ['reasons'], message: 'Bitte die Ausnahme begründen.' }] },
            );
          }
        }
        const at = deps.now().toISOString();
        const updated = await repo.update({ id, revision }, { decision, reasons, decidedOn: isoDateInBerlin(deps.now()) }, at);
        await audit(deps, { action: 'decide', entity: 'patronage', entityId: id, summary: `${row.event}: ${decision}${reasons ? ` – ${reasons}` : ''}` });
        return { patronage: await toPatronage(await mustFind(id)), reply: await replyOf(updated) };
      }),

    'patronages.linkReply': ({ id, revision, letterId }) =>
      deps.engine.transaction(async () => {
        const { patronage: row } = await mustFind(id);
        await repo.refuseUnlessCurrent(row, revision);
        if (!(await repo.exists('letter', letterId))) throw new AppError('NOT_FOUND', `Der Brief Nr. ${letterId} wurde nicht gefunden.`, { letterId });
        await repo.update({ id, revision }, { replyLetterId: letterId }, deps.now().toISOString());
        await audit(deps, { action: 'link-reply', entity: 'patronage', entityId: id, summary: `${row.event}: Antwortschreiben Nr. ${letterId}` });
        return toPatronage(await mustFind(id));
      }),
  };
  return { handlers };
}

const quoted = (label: string) => `„${label}“`;

/** The stored checklist (JSON), with unknown or missing answers as "not yet checked". */
function criteriaOf(stored: unknown): PatronageCriteria {
  const parsed = patronageCriteriaSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : { publicBenefit: null, cityRelevance: null, noCommercialPurpose: null, politicalNeutrality: null };
}

/** The labels of the criteria not met and of those not yet checked. */
export function openCriteria(criteria: PatronageCriteria): { notMet: string[]; unchecked: string[] } {
  const keys = Object.keys(PATRONAGE_CRITERIA_LABELS) as Array<keyof PatronageCriteria>;
  return {
    notMet: keys.filter((k) => criteria[k] === false).map((k) => PATRONAGE_CRITERIA_LABELS[k]),
    unchecked: keys.filter((k) => criteria[k] === null).map((k) => PATRONAGE_CRITERIA_LABELS[k]),
  };
}

const DAY_MONTH = new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/**
 * The event's dates in words, as a letter says them (DIN 5008: months written out):
 * "am 5. Juni 2027", "vom 5. bis 7. Juni 2027", "vom 30. Juni bis 2. Juli 2027",
 * "vom 30. Dezember 2027 bis 2. Januar 2028".
 */
export function eventDatesInWords(from: string, to: string | null): string {
  if (!to || to === from) return `am ${formatDateLong(from)}`;
  const end = formatDateLong(to);
  if (from.slice(0, 4) !== to.slice(0, 4)) return `vom ${formatDateLong(from)} bis ${end}`;
  if (from.slice(0, 7) !== to.slice(0, 7)) return `vom ${DAY_MONTH.format(new Date(`${from}T00:00:00Z`))} bis ${end}`;
  return `vom ${Number(from.slice(8, 10))}. bis ${end}`;
}
