import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import { contactToPerson } from '../../api/contact-person';
import {
  formatEuro,
  giftSettingsSchema,
  type GiftGiven,
  type GiftItem,
  type GiftReceived,
  type GiftSettings,
} from '../../api/schemas/visits';
import { formatFullName } from '../../domain/addressing';
import { formatDateLong } from '../../domain/dates/format';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { settingsRepository } from '../settings/repository';
import { giftsRepository } from './repository';

type GiftHandlers = Pick<
  Handlers,
  | 'gifts.items'
  | 'gifts.items.save'
  | 'gifts.given'
  | 'gifts.check'
  | 'gifts.give'
  | 'gifts.received'
  | 'gifts.received.save'
  | 'gifts.settings'
  | 'gifts.settings.save'
>;

const SETTINGS_KEY = 'gifts';

/**
 * Gifts (Gastgeschenke): the stock of standard gifts, the gifts given — with a warning before
 * the same person gets the same gift again, and never more than the stock holds —, and the gifts
 * received for the compliance record, flagged when their value is above the reporting limit
 * (a setting; the city's compliance rules set it, 35 € is a common example).
 */
export function createGiftsService(deps: ServiceDeps) {
  const repo = giftsRepository(deps.engine);
  const settingsRepo = settingsRepository(deps.engine);

  const settings = async (): Promise<GiftSettings> =>
    giftSettingsSchema.safeParse((await settingsRepo.getSetting(SETTINGS_KEY)) ?? {}).data ?? giftSettingsSchema.parse({});

  const nameOfContact = async (id: number): Promise<string> => {
    const row = await repo.contact(id);
    if (!row) throw new AppError('NOT_FOUND', `Der Kontakt Nr. ${id} wurde nicht gefunden.`, { contactId: id });
    return row.kind === 'organisation' ? row.name : formatFullName(contactToPerson({ ...row, kind: 'person', roleKey: row.roleKey ?? '' }));
  };

  const toItem = ({ item, given }: NonNullable<Awaited<ReturnType<typeof repo.item>>>): GiftItem => ({ ...item, given: Number(given) });

  const toGiven = ({ given, itemName, unitValueCents, visit }: NonNullable<Awaited<ReturnType<typeof repo.givenOne>>>): GiftGiven => ({
    id: given.id,
    itemId: given.itemId,
    gift: itemName ?? given.description,
    description: given.description,
    quantity: given.quantity,
    valueCents: (unitValueCents ?? 0) * given.quantity,
    contactId: given.contactId,
    recipientName: given.recipientName,
    givenOn: given.givenOn,
    occasion: given.occasion,
    visitId: given.visitId,
    visit,
    createdAt: given.createdAt,
  });

  const toReceived = ({ received, visit }: NonNullable<Awaited<ReturnType<typeof repo.receivedOne>>>, limit: number): GiftReceived => {
    const reportRequired = received.valueCents > limit;
    return { ...received, visit, reportRequired, reportMissing: reportRequired && !received.reportedOn };
  };

  const mustFindItem = async (id: number) => {
    const found = await repo.item(id);
    if (!found) throw new AppError('NOT_FOUND', `Das Geschenk Nr. ${id} ist nicht im Bestand.`, { itemId: id });
    return found;
  };

  const checkVisit = async (visitId: number | null) => {
    if (visitId !== null && !(await repo.visitExists(visitId))) throw new AppError('NOT_FOUND', `Der Besuch Nr. ${visitId} wurde nicht gefunden.`, { visitId });
  };

  const previous = async (itemId: number, contactId: number | null | undefined, recipientName: string | undefined) =>
    (contactId != null ? await repo.previous(itemId, { contactId }) : recipientName ? await repo.previous(itemId, { name: recipientName }) : []).map(toGiven);

  const handlers: GiftHandlers = {
    'gifts.items': async () => (await repo.items()).map(toItem),

    'gifts.items.save': (input) =>
      deps.engine.transaction(async () => {
        const values = { name: input.name, description: input.description, quantity: input.quantity, unitValueCents: input.unitValueCents, active: input.active };
        let id = input.id;
        if (id) {
          await mustFindItem(id);
          await repo.updateItem({ id, revision: input.revision! }, values);
        } else {
          id = await repo.insertItem(values);
        }
        await audit(deps, { action: input.id ? 'update' : 'create', entity: 'gift-item', entityId: id, summary: `${input.name}: ${input.quantity} Stück à ${formatEuro(input.unitValueCents)}` });
        return toItem(await mustFindItem(id));
      }),

    'gifts.given': async (filter) => (await repo.given(filter)).map(toGiven),

    'gifts.check': async ({ itemId, contactId, recipientName }) => {
      await mustFindItem(itemId);
      return previous(itemId, contactId, recipientName);
    },

    'gifts.give': (input) =>
      deps.engine.transaction(async () => {
        await checkVisit(input.visitId);
        const recipientName = input.recipientName || (input.contactId !== null ? await nameOfContact(input.contactId) : '');
        if (input.contactId !== null) await nameOfContact(input.contactId);
        if (!recipientName) {
          throw new AppError('INVALID_INPUT', 'Bitte angeben, wer das Geschenk bekommt.', { issues: [{ path: ['recipientName'], message: 'Bitte die beschenkte Person angeben.' }] });
        }
        let gift = input.description;
        if (input.itemId !== null) {
          // Locked first: the earlier gifts and the stock read below cannot change before this gift is written.
          await repo.lockItem(input.itemId);
          const { item } = await mustFindItem(input.itemId);
          gift = item.name;
          const earlier = await previous(item.id, input.contactId, input.contactId === null ? recipientName : undefined);
          if (earlier.length > 0 && !input.confirmRepeat) {
            const dates = earlier.map((g) => formatDateLong(g.givenOn));
            throw new AppError(
              'CONFLICT',
              `${recipientName} hat „${item.name}“ bereits ${dates.length === 1 ? `am ${dates[0]}` : `am ${dates.slice(0, -1).join(', am ')} und am ${dates.at(-1)}`} bekommen` +
                `${earlier[0]!.occasion ? ` (${earlier[0]!.occasion})` : ''}. Soll es trotzdem noch einmal geschenkt werden?`,
              { repeat: true, previous: earlier },
            );
          }
          if (!(await repo.takeFromStock(item.id, input.quantity))) {
            throw new AppError(
              'CONFLICT',
              `Von „${item.name}“ ${item.quantity === 1 ? 'ist nur noch 1 Stück' : `sind nur noch ${item.quantity} Stück`} vorrätig; ${input.quantity} werden gebraucht.`,
              { stock: item.quantity, itemId: item.id },
            );
          }
        } else if (!gift) {
          throw new AppError('INVALID_INPUT', 'Bitte ein Geschenk aus dem Bestand wählen oder beschreiben, was geschenkt wird.', { issues: [{ path: ['description'], message: 'Bitte das Geschenk angeben.' }] });
        }
        const at = deps.now().toISOString();
        const id = await repo.insertGiven(
          {
            itemId: input.itemId,
            description: input.description,
            quantity: input.quantity,
            contactId: input.contactId,
            recipientName,
            givenOn: input.givenOn,
            occasion: input.occasion,
            visitId: input.visitId,
          },
          at,
        );
        await audit(deps, { action: 'give', entity: 'gift', entityId: id, summary: `${input.quantity} × ${gift} an ${recipientName} (${input.givenOn})${input.confirmRepeat ? ', Wiederholung bestätigt' : ''}` });
        // The stock item changed too: its history says who took from it (and STALE names them to whoever edits the stock as loaded before).
        if (input.itemId !== null) await audit(deps, { action: 'give', entity: 'gift-item', entityId: input.itemId, summary: `${input.quantity} Stück an ${recipientName}` });
        return toGiven((await repo.givenOne(id))!);
      }),

    'gifts.received': async (filter) => {
      const limit = (await settings()).reportLimitCents;
      return (await repo.received(filter)).map((r) => toReceived(r, limit));
    },

    'gifts.received.save': (input) =>
      deps.engine.transaction(async () => {
        await checkVisit(input.visitId);
        const fromName = input.fromName || (input.fromContactId !== null ? await nameOfContact(input.fromContactId) : '');
        if (input.fromContactId !== null) await nameOfContact(input.fromContactId);
        if (!fromName) {
          throw new AppError('INVALID_INPUT', 'Bitte angeben, von wem das Geschenk kommt.', { issues: [{ path: ['fromName'], message: 'Bitte angeben, von wem.' }] });
        }
        const values = {
          fromContactId: input.fromContactId,
          fromName,
          receivedOn: input.receivedOn,
          receivedBy: input.receivedBy,
          description: input.description,
          valueCents: input.valueCents,
          disposition: input.disposition,
          reportedOn: input.reportedOn,
          visitId: input.visitId,
          notes: input.notes,
        };
        let id = input.id;
        if (id) {
          if (!(await repo.receivedOne(id))) throw new AppError('NOT_FOUND', `Das erhaltene Geschenk Nr. ${id} wurde nicht gefunden.`, { id });
          await repo.updateReceived({ id, revision: input.revision! }, values);
        } else {
          id = await repo.insertReceived(values, deps.now().toISOString());
        }
        const limit = (await settings()).reportLimitCents;
        await audit(deps, {
          action: input.id ? 'update' : 'create',
          entity: 'gift-received',
          entityId: id,
          summary: `${input.description} von ${fromName}, ${formatEuro(input.valueCents)}${input.valueCents > limit ? ' (meldepflichtig)' : ''}`,
        });
        return toReceived((await repo.receivedOne(id))!, limit);
      }),

    'gifts.settings': () => settings(),

    'gifts.settings.save': (input) =>
      deps.engine.transaction(async () => {
        await settingsRepo.putSetting(SETTINGS_KEY, input, deps.now().toISOString());
        await audit(deps, { action: 'update', entity: 'settings', summary: `Meldegrenze für erhaltene Geschenke: ${formatEuro(input.reportLimitCents)}` });
        return settings();
      }),
  };
  return { handlers };
}
