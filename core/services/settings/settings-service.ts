import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import { textBlockIndex } from '../search/full-text';
import { officeSettingsSchema, type Office, type OfficeHolder, type OfficeSettings, type Signer, type TextBlock } from '../../api/schemas/letters';
import { holderForm, inHoldersForm, officeTitle } from '../../domain/office/holder-form';
import type { ServiceDeps } from '../deps';
import { audit } from '../audit';
import { settingsRepository } from './repository';

/**
 * Letterhead defaults for a new installation (staff change them in the settings). "Der
 * Oberbürgermeister" is written in the form of whoever holds the office (see `office()`).
 */
export const DEFAULT_OFFICE: OfficeSettings = {
  stadt: 'Stadt Duisburg',
  dienststelle: 'Der Oberbürgermeister',
  amt: 'Amt für Kommunikation',
  absenderzeile: 'Stadt Duisburg · Der Oberbürgermeister · 47049 Duisburg',
  hausanschrift: 'Burgplatz 19 · 47051 Duisburg',
  internet: 'www.duisburg.de',
  contactPersons: [],
};

type SettingsHandlers = Pick<
  Handlers,
  | 'settings.office.get'
  | 'settings.office.update'
  | 'settings.officeHolder'
  | 'signers.list'
  | 'signers.save'
  | 'signers.delete'
  | 'textBlocks.list'
  | 'textBlocks.save'
  | 'textBlocks.delete'
>;

/** Office settings, signers and text blocks. */
export function createSettingsService(deps: ServiceDeps) {
  const repo = settingsRepository(deps.engine);

  /** The settings as staff wrote them. */
  const storedOffice = async (): Promise<OfficeSettings> => {
    const stored = await repo.getSetting('office');
    const parsed = officeSettingsSchema.safeParse(stored);
    return parsed.success ? parsed.data : DEFAULT_OFFICE;
  };
  /** Who holds the office, and its form for her or him (DOMAIN.md D). */
  const officeHolder = async (): Promise<OfficeHolder> => {
    const head = (await repo.headSigner()) ?? null;
    const form = holderForm(head);
    return { signerId: head?.id ?? null, name: head?.name ?? '', form, title: officeTitle(form) };
  };
  /**
   * The office settings as letters, lists and reports use them: "Der Oberbürgermeister" and
   * "Die Oberbürgermeisterin" in letterhead, return address, department and footer put into the
   * form of the current holder, whichever staff wrote.
   */
  const office = async (): Promise<Office> => {
    const stored = await storedOffice();
    const holder = await officeHolder();
    const worded = (text: string) => inHoldersForm(text, holder.form);
    return {
      ...stored,
      stadt: worded(stored.stadt),
      dienststelle: worded(stored.dienststelle),
      amt: worded(stored.amt),
      absenderzeile: worded(stored.absenderzeile),
      hausanschrift: worded(stored.hausanschrift),
      internet: stored.internet,
      holder,
    };
  };
  const signer = async (id: number): Promise<Signer> => {
    const row = await repo.signer(id);
    if (!row) throw new AppError('NOT_FOUND', `Die unterzeichnende Person Nr. ${id} wurde nicht gefunden.`, { id });
    return row;
  };
  const blockIndex = textBlockIndex(deps.engine);
  const textBlock = async (id: number) => {
    const row = await repo.textBlock(id);
    if (!row) throw new AppError('NOT_FOUND', `Der Textbaustein Nr. ${id} wurde nicht gefunden.`, { id });
    return row;
  };
  const toBlock = (row: Awaited<ReturnType<typeof textBlock>>): TextBlock => row;

  const handlers: SettingsHandlers = {
    'settings.office.get': () => storedOffice(),
    'settings.office.update': async (input) => {
      await deps.engine.transaction(async () => {
        await repo.putSetting('office', input, deps.now().toISOString());
        await audit(deps, { action: 'update', entity: 'settings', summary: 'Briefkopf und Ansprechpartner/innen' });
      });
      return storedOffice();
    },
    'settings.officeHolder': () => officeHolder(),
    'signers.list': () => repo.signers(),
    'signers.save': async ({ id, ...values }) => {
      const savedId = await deps.engine.transaction(async () => {
        if (id) {
          await signer(id);
          await repo.updateSigner(id, values);
          return id;
        }
        return repo.insertSigner(values);
      });
      return signer(savedId);
    },
    'signers.delete': ({ id }) =>
      deps.engine.transaction(async () => {
        const existing = await signer(id);
        const uses = await repo.signerUses(id);
        const named = [
          uses.calendars > 0 ? 'einen Kalender' : '',
          uses.speeches > 0 ? `${uses.speeches === 1 ? 'eine Rede' : `${uses.speeches} Reden`} als Redner/in` : '',
          uses.patronages > 0 ? `${uses.patronages === 1 ? 'eine Schirmherrschaft' : `${uses.patronages} Schirmherrschaften`}` : '',
        ].filter(Boolean);
        if (named.length > 0) {
          throw new AppError(
            'CONFLICT',
            `„${existing.name}“ kann nicht gelöscht werden: Der Eintrag hat noch ${named.join(', ').replace(/, ([^,]*)$/, ' und $1')}. ` +
              'Setzen Sie ihn stattdessen auf „nicht aktiv“.',
            { id, ...uses },
          );
        }
        await repo.deleteSigner(id);
        await audit(deps, { action: 'delete', entity: 'signer', entityId: id, summary: existing.name });
        return { id };
      }),
    'textBlocks.list': async () => (await repo.textBlocks()).map(toBlock),
    'textBlocks.save': ({ id, ...values }) =>
      deps.engine.transaction(async () => {
        const at = deps.now().toISOString();
        const savedId = id ?? (await repo.insertTextBlock({ ...values, updatedAt: at }));
        if (id) {
          await textBlock(id);
          await repo.updateTextBlock(id, { ...values, updatedAt: at });
        }
        const saved = await textBlock(savedId);
        await blockIndex.put(saved);
        return toBlock(saved);
      }),
    'textBlocks.delete': ({ id }) =>
      deps.engine.transaction(async () => {
        await textBlock(id);
        await repo.deleteTextBlock(id);
        await blockIndex.remove(id);
        return { id };
      }),
  };
  return { handlers, office, officeHolder, signer };
}
