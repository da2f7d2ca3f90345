import type { z } from 'zod';
import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { Speech, speechInputSchema } from '../../api/schemas/speeches';
import { isoDateInBerlin } from '../../domain/dates/format';
import { composeGreeting } from '../../domain/speeches/greeting';
import { recordAudit } from '../audit';
import type { ServiceDeps } from '../deps';
import type { RoleCatalogue } from '../reference/role-catalogue';
import { speechesRepository } from './repository';

type SpeechHandlers = Pick<Handlers, 'speeches.greeting' | 'speeches.list' | 'speeches.get' | 'speeches.save'>;

/**
 * The speech register (speeches and Grußworte with their occasion, speaker, deadline and status)
 * and the protocol order of greeting the guests.
 */
export function createSpeechesService(deps: ServiceDeps, catalogue: RoleCatalogue) {
  const repo = speechesRepository(deps.db);

  const toSpeech = ({ speech, speakerName, speakerOffice }: NonNullable<ReturnType<typeof repo.find>>): Speech => ({
    id: speech.id,
    title: speech.title,
    kind: speech.kind,
    speakerId: speech.speakerId,
    speaker: speakerName ? `${speakerName}, ${speakerOffice}` : null,
    appointmentId: speech.appointmentId,
    invitationId: speech.invitationId,
    audience: speech.audience,
    targetMinutes: speech.targetMinutes,
    deadline: speech.deadline,
    author: speech.author,
    status: speech.status,
    notes: speech.notes,
    overdue: speech.deadline !== null && !['freigegeben', 'gehalten'].includes(speech.status) && speech.deadline < isoDateInBerlin(deps.now()),
    createdAt: speech.createdAt,
    updatedAt: speech.updatedAt,
  });

  const mustFind = (id: number) => {
    const row = repo.find(id);
    if (!row) throw new AppError('NOT_FOUND', `Die Rede Nr. ${id} wurde nicht gefunden.`, { id });
    return row;
  };

  const valuesOf = (input: z.output<typeof speechInputSchema>) => {
    const links = [
      ['signer', input.speakerId, 'Die unterzeichnende Person'],
      ['appointment', input.appointmentId, 'Der Termin'],
      ['invitation', input.invitationId, 'Die Einladung'],
    ] as const;
    for (const [table, id, what] of links) {
      if (id !== null && !repo.exists(table, id)) throw new AppError('NOT_FOUND', `${what} Nr. ${id} wurde nicht gefunden.`, { [table]: id });
    }
    const { id: _id, ...values } = input;
    return values;
  };

  const handlers: SpeechHandlers = {
    'speeches.greeting': (input) => composeGreeting(input, catalogue.map()),
    'speeches.list': (filter) => repo.list(filter).map(toSpeech),
    'speeches.get': ({ id }) => toSpeech(mustFind(id)),
    'speeches.save': (input) =>
      deps.db.transaction(() => {
        const at = deps.now().toISOString();
        const row = input.id ? repo.update(mustFind(input.id).speech.id, valuesOf(input), at)! : repo.insert(valuesOf(input), at);
        recordAudit(deps, { action: input.id ? 'update' : 'create', entity: 'speech', entityId: row.id, summary: `${row.title} (${row.status})` });
        return toSpeech(mustFind(row.id));
      }),
  };
  return { handlers, list: (filter: { appointmentId?: number }) => repo.list(filter).map(toSpeech) };
}
