import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { Invitation, invitationInputSchema } from '../../api/schemas/calendar';
import type { letterDraftSchema } from '../../api/schemas/letters';
import { isoDateInBerlin } from '../../domain/dates/format';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import type { Uploads } from '../uploads/uploads-service';
import type { createCalendarService } from './calendar-service';
import type { InvitationRow } from './repository';

type InvitationHandlers = Pick<
  Handlers,
  'invitations.list' | 'invitations.get' | 'invitations.save' | 'invitations.decide' | 'invitations.attach' | 'invitations.detach' | 'invitations.attachment'
>;

/** A safe file name for the data folder (no path parts, no characters Windows refuses). */
const safeName = (name: string) => path.basename(name).replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').slice(0, 150) || 'Anhang';

/**
 * Invitations to the Oberbürgermeister/in: recorded with their dates, requests and files; decided
 * (accepted, delegated to a Bürgermeister/in, declined, written greeting only); the decision
 * creates or updates the appointment and prepares the reply letter.
 */
export function createInvitationsService(
  deps: ServiceDeps,
  calendar: ReturnType<typeof createCalendarService>,
  uploads: Uploads,
  contactExists: (id: number) => boolean | Promise<boolean>,
) {
  const repo = calendar.repo;

  const toInvitation = async (row: InvitationRow): Promise<Invitation> => {
    const today = isoDateInBerlin(deps.now());
    return {
      id: row.id,
      inviterContactId: row.inviterContactId,
      inviterName: row.inviterName,
      inviter: (row.inviterContactId !== null ? await repo.contactName(row.inviterContactId) : undefined) ?? row.inviterName,
      event: row.event,
      dates: row.dates,
      place: row.place,
      addressedTo: row.addressedTo,
      receivedOn: row.receivedOn,
      replyBy: row.replyBy,
      requests: row.requests as Invitation['requests'],
      notes: row.notes,
      status: row.status,
      calendarId: row.calendarId,
      decidedAt: row.decidedAt,
      decidedBy: row.decidedBy,
      decisionNote: row.decisionNote,
      replyLetterId: row.replyLetterId,
      appointmentIds: (await repo.appointmentsOfInvitation(row.id)).map((a) => a.id),
      attachments: (await repo.attachments(row.id)).map((a) => ({ id: a.id, fileName: a.fileName, size: a.size })),
      overdue: row.status === 'open' && row.replyBy !== null && row.replyBy < today,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      revision: row.revision,
    };
  };

  const mustFind = async (id: number): Promise<InvitationRow> => {
    const row = await repo.invitation(id);
    if (!row) throw new AppError('NOT_FOUND', `Die Einladung Nr. ${id} wurde nicht gefunden.`, { id });
    return row;
  };

  const valuesOf = async (input: z.output<typeof invitationInputSchema>) => {
    if (input.inviterContactId !== null && !(await contactExists(input.inviterContactId))) {
      throw new AppError('NOT_FOUND', `Den Kontakt Nr. ${input.inviterContactId} gibt es nicht.`);
    }
    if (input.inviterContactId === null && !input.inviterName) {
      throw new AppError('INVALID_INPUT', 'Bitte angeben, wer einlädt (Kontakt oder Name).', { issues: [{ path: ['inviterName'], message: 'Bitte angeben, wer einlädt.' }] });
    }
    return {
      inviterContactId: input.inviterContactId,
      inviterName: input.inviterName,
      event: input.event,
      dates: input.dates,
      place: input.place,
      addressedTo: input.addressedTo,
      receivedOn: input.receivedOn,
      replyBy: input.replyBy,
      requests: input.requests,
      notes: input.notes,
    };
  };

  const handlers: InvitationHandlers = {
    'invitations.list': async ({ status }) => {
      const rows = (await repo.invitations()).filter((row) => !status || row.status === status);
      const list: Invitation[] = [];
      for (const row of rows) list.push(await toInvitation(row));
      return list;
    },

    'invitations.get': async ({ id }) => toInvitation(await mustFind(id)),

    'invitations.save': (input) =>
      deps.engine.transaction(async () => {
        const at = deps.now().toISOString();
        const row = input.id
          ? await repo.updateInvitation({ id: (await mustFind(input.id)).id, revision: input.revision! }, await valuesOf(input), at)
          : await repo.insertInvitation({ ...(await valuesOf(input)), status: 'open' }, at);
        await audit(deps, { action: input.id ? 'update' : 'create', entity: 'invitation', entityId: row.id, summary: row.event });
        return toInvitation(row);
      }),

    'invitations.decide': ({ id, revision, decision, calendarId, dateIndex, note }) =>
      deps.engine.transaction(async () => {
        const row = await mustFind(id);
        // Refused before the appointment is touched: the decision is made on the invitation as loaded.
        await repo.refuseUnlessCurrentInvitation(row, revision);
        const date = row.dates[dateIndex];
        if (!date) throw new AppError('INVALID_INPUT', `Die Einladung hat keinen ${dateIndex + 1}. Termin.`);
        const calendars = await repo.calendars();
        const attending = decision === 'accepted' || decision === 'delegated';
        const attendee = attending ? calendars.find((c) => c.id === calendarId) : undefined;
        if (attending && !attendee) throw new AppError('NOT_FOUND', `Den Kalender Nr. ${calendarId} gibt es nicht.`);
        if (decision === 'accepted' && attendee!.deputy) {
          throw new AppError('INVALID_INPUT', `„Zugesagt“ gilt für die Oberbürgermeisterin bzw. den Oberbürgermeister; ${attendee!.name} nimmt „in Vertretung“ teil.`);
        }
        if (decision === 'delegated' && !attendee!.deputy) {
          throw new AppError('INVALID_INPUT', 'In Vertretung geht eine Bürgermeisterin oder ein Bürgermeister; bitte wählen Sie deren Kalender.');
        }
        const at = deps.now().toISOString();
        // The appointment: created for the attending person, moved to them when the decision changes, cancelled when declined.
        const [existing] = await repo.appointmentsOfInvitation(id);
        let saved: Awaited<ReturnType<typeof calendar.save>> | null = null;
        if (attendee) {
          const base = existing ? await calendar.toAppointment(existing) : null;
          saved = await calendar.save({
            ...(base ?? {
              title: row.event,
              place: row.place,
              routeNote: '',
              programme: '',
              dressCode: '',
              press: '',
              gift: '',
              notes: row.notes,
              recurrence: null,
              driverId: null,
              vehicleId: null,
              people: [],
            }),
            id: existing?.id,
            calendarId: attendee.id,
            start: date.start,
            end: date.end,
            allDay: date.allDay,
            status: 'bestätigt',
            invitationId: id,
            people: base ? base.people.map(({ contactId, role, note: n }) => ({ contactId, role, note: n })) : row.inviterContactId ? [{ contactId: row.inviterContactId, role: 'contact', note: 'Einladende/r' }] : [],
          } as Parameters<typeof calendar.save>[0]);
        } else if (existing) {
          await repo.updateAppointment(existing.id, { status: 'abgesagt' }, at);
        }
        const updated = await repo.updateInvitation({ id, revision }, { status: decision, calendarId: attendee?.id ?? null, decidedAt: at, decidedBy: deps.user, decisionNote: note }, at);
        await audit(deps, { action: 'decide', entity: 'invitation', entityId: id, summary: `${row.event}: ${decision}${attendee ? ` (${attendee.name})` : ''}` });

        // The reply: a Zusage signed by whoever attends ("In Vertretung" for a deputy), else an Absage by the Oberbürgermeister/in.
        const head = calendars.find((c) => !c.deputy);
        const signer = attendee ?? head;
        const reply: z.output<typeof letterDraftSchema> | null =
          row.inviterContactId !== null && signer
            ? {
                templateId: attending ? 'zusage' : 'absage',
                recipient: { type: 'contact', contactId: row.inviterContactId, includePartner: false },
                signerId: signer.signerId,
                fields: { anlass: row.event, anlassDatum: date.start.slice(0, 10) },
                // The event's name in quotes: "zum {{anlass}}" of the templates fits only some names.
                subject: 'Ihre Einladung zur Veranstaltung „{{anlass}}“ am {{anlass_datum}}',
                body: replyBody(decision, head),
              }
            : null;
        return { invitation: await toInvitation(updated), appointment: saved?.appointment ?? null, conflicts: saved?.conflicts ?? [], reply };
      }),

    'invitations.attach': async ({ id, revision, uploadId }) => {
      await repo.refuseUnlessCurrentInvitation(await mustFind(id), revision);
      const upload = await uploads.get(uploadId);
      const key = path.join('Einladungen', String(id), `${Date.now()}-${safeName(upload.fileName)}`);
      const bytes = new Uint8Array(fs.readFileSync(upload.file));
      try {
        // Stored with its row (deps.files): in the office database both or neither.
        await deps.engine.transaction(async () => {
          await repo.updateInvitation({ id, revision }, {}, deps.now().toISOString());
          await deps.files.put(key, bytes);
          await repo.addAttachment({ invitationId: id, fileName: upload.fileName, path: key, size: upload.size, addedAt: deps.now().toISOString() });
          await audit(deps, { action: 'attach', entity: 'invitation', entityId: id, summary: upload.fileName });
        });
      } catch (error) {
        await deps.files.remove([key]);
        throw error;
      }
      await uploads.discard(uploadId);
      return toInvitation(await mustFind(id));
    },

    'invitations.attachment': async ({ id, attachmentId }) => {
      const attachment = (await repo.attachments(id)).find((a) => a.id === attachmentId);
      if (!attachment) throw new AppError('NOT_FOUND', `Den Anhang Nr. ${attachmentId} gibt es bei dieser Einladung nicht.`);
      const bytes = await deps.files.get(attachment.path);
      if (!bytes) throw new AppError('NOT_FOUND', `Die Datei „${attachment.fileName}“ fehlt (${deps.files.place(attachment.path)}).`);
      return { fileName: attachment.fileName, contentBase64: Buffer.from(bytes).toString('base64') };
    },

    'invitations.detach': async ({ id, revision, attachmentId }) => {
      const attachment = (await repo.attachments(id)).find((a) => a.id === attachmentId);
      if (!attachment) throw new AppError('NOT_FOUND', `Den Anhang Nr. ${attachmentId} gibt es bei dieser Einladung nicht.`);
      const removal = await deps.files.removal([attachment.path]);
      try {
        await deps.engine.transaction(async () => {
          await repo.updateInvitation({ id, revision }, {}, deps.now().toISOString());
          await repo.deleteAttachment(attachmentId);
          await audit(deps, { action: 'detach', entity: 'invitation', entityId: id, summary: attachment.fileName });
          await removal.inTransaction();
        });
      } catch (error) {
        removal.undo();
        throw error;
      }
      removal.done();
      return toInvitation(await mustFind(id));
    },
  };
  return { handlers };
}

const THANKS = 'für Ihre freundliche Einladung zur Veranstaltung „{{anlass}}“ am {{anlass_datum}} danke ich Ihnen sehr herzlich.';

/** The reply's text for each decision (the Zusage and Absage templates' wording). */
function replyBody(decision: 'accepted' | 'delegated' | 'declined' | 'written_greeting', head: { name: string; gender: string } | undefined): string {
  switch (decision) {
    case 'accepted':
      return (
        `${THANKS}\n\nGern sage ich meine Teilnahme zu und freue mich auf die Begegnung mit Ihnen und Ihren Gästen.\n\n` +
        'Für die weitere Abstimmung, etwa zum Ablauf oder zu einem Grußwort, wenden Sie sich bitte an die oben genannte Ansprechperson in meinem Büro.\n\n' +
        'Bis dahin wünsche ich Ihnen eine gute Vorbereitung.'
      );
    case 'delegated': {
      const ob = head ? `${head.gender === 'female' ? 'Oberbürgermeisterin' : 'Oberbürgermeister'} ${head.name}` : 'die Oberbürgermeisterin bzw. der Oberbürgermeister';
      return (
        `${THANKS.replace(' danke ich', ` an ${ob} danke ich`)}\n\n` +
        `Da ${ob} an diesem Tag bereits anderweitig verpflichtet ist, nehme ich die Einladung gern in Vertretung an und freue mich auf die Begegnung mit Ihnen und Ihren Gästen. ` +
        `Auch im Namen von ${ob} wünsche ich Ihnen schon heute eine gelungene Veranstaltung.\n\n` +
        'Für die weitere Abstimmung, etwa zum Ablauf oder zu einem Grußwort, wenden Sie sich bitte an die oben genannte Ansprechperson.'
      );
    }
    case 'written_greeting':
      return (
        `${THANKS}\n\nZu meinem großen Bedauern kann ich an diesem Tag nicht persönlich bei Ihnen sein. ` +
        'Gern sende ich Ihnen jedoch ein schriftliches Grußwort, das Sie in Kürze erhalten.\n\n' +
        'Ihnen und allen Gästen wünsche ich einen gelungenen Verlauf der Veranstaltung und schöne Stunden.'
      );
    case 'declined':
      return (
        `${THANKS}\n\nZu meinem großen Bedauern kann ich an diesem Tag nicht bei Ihnen sein, da ich bereits anderweitig verpflichtet bin. ` +
        'Ich bitte Sie hierfür um Ihr Verständnis.\n\nIhnen und allen Gästen wünsche ich einen gelungenen Verlauf der Veranstaltung und schöne Stunden.'
      );
  }
}
