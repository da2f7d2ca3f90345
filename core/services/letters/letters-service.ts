import path from 'node:path';
import type { Handlers } from '../../api/contract';
import type { Language } from '../../api/schemas/addressing';
import { AppError } from '../../api/errors';
import {
  letterDraftSchema,
  TEMPLATE_KIND_LABELS,
  type Letter,
  type LetterSummary,
  type Office,
  type Recipient,
  type Signer,
  type TemplateKind,
} from '../../api/schemas/letters';
import type { z } from 'zod';
import { isoDateInBerlin } from '../../domain/dates/format';
import { closingForSalutation } from '../../domain/addressing';
import { inHoldersForm } from '../../domain/office/holder-form';
import { fileNameOf, fileNamePart } from '../file-content';
import { addressFieldProblem, fillTemplate } from '../../documents/docx-template';
import { VOCABULARY } from '../../documents/vocabulary';
import type { ServiceDeps } from '../deps';
import { audit } from '../audit';
import type { RecipientData } from '../contacts/contacts-service';
import { buildLetterValues, type LetterValues, type RecipientForms } from './letter-values';
import { lettersRepository, type LetterRow } from './repository';
import type { TemplateStore, UsableTemplate } from './template-store';

type Draft = z.output<typeof letterDraftSchema>;

export interface LetterDeps {
  templates: TemplateStore;
  office: () => Promise<import('../../api/schemas/letters').Office>;
  signer: (id: number) => Promise<Signer>;
  recipientOf: (contactId: number, withPartner: boolean, language?: Language) => Promise<RecipientData>;
}

/** What every letter of one template and signer shares. */
export interface LetterContext {
  usable: UsableTemplate;
  signer: Signer;
  office: Office;
}

/** A letter ready to fill: template, values, and what is worth a warning. */
export interface PreparedLetter {
  usable: UsableTemplate;
  values: LetterValues;
  recipient: RecipientForms;
  contactId: number | null;
  /** Missing data: no postal address, unknown gender. (What makes the letter wrong is in `values.errors`.) */
  warnings: string[];
  date: string;
  /** Who signs it. */
  signer: Signer;
}

type LetterHandlers = Pick<
  Handlers,
  | 'templates.list'
  | 'templates.vocabulary'
  | 'templates.copyForEditing'
  | 'templates.import'
  | 'templates.resetToShipped'
  | 'templates.file'
  | 'letters.prepare'
  | 'letters.preview'
  | 'letters.create'
  | 'letters.list'
  | 'letters.get'
  | 'letters.setStatus'
  | 'letters.regenerate'
  | 'letters.file'
  | 'letters.open'
>;

const STATUS_TEXT = { entwurf: 'Entwurf', zur_unterschrift: 'zur Unterschrift', versandt: 'versandt' } as const;

/** Letters: compose, preview, save to the register, generate again, change status. */
export function createLettersService(deps: ServiceDeps, letterDeps: LetterDeps) {
  const repo = lettersRepository(deps.engine);

  /** The recipient's forms of address, composed in the letter's language. */
  const recipientForms = async (
    recipient: Recipient,
    language?: Language,
  ): Promise<{ forms: RecipientForms; contactId: number | null; warnings: string[] }> => {
    if (recipient.type === 'free') {
      return {
        forms: {
          name: recipient.name,
          addressBlock: recipient.lines.filter((l) => l.trim()),
          salutation: recipient.salutation.replace(/,\s*$/, ''),
          oralSalutation: recipient.oralSalutation ?? recipient.salutation.replace(/^Sehr geehrte[rs]?\s+/, '').replace(/,\s*$/, ''),
          // A closing not typed in follows the letter's language, as a contact's does.
          closing: recipient.closing ?? closingForSalutation(recipient.salutation, language ?? 'de'),
        },
        contactId: null,
        warnings: [],
      };
    }
    return contactForms(recipient.contactId, await letterDeps.recipientOf(recipient.contactId, recipient.includePartner, language));
  };

  /** A contact's forms of address as a letter uses them, and what is worth a warning. */
  const contactForms = (contactId: number, data: RecipientData): { forms: RecipientForms; contactId: number | null; warnings: string[] } => {
    const warnings: string[] = [];
    if (!data.hasPostalAddress) warnings.push(`Für „${data.name}“ ist keine vollständige Postanschrift erfasst.`);
    if (!data.genderKnown) warnings.push(`Für „${data.name}“ ist das Geschlecht unbekannt; die Anrede lautet „${data.forms.salutation}“.`);
    return {
      forms: {
        name: data.name,
        addressBlock: data.addressBlock,
        salutation: data.forms.salutation,
        oralSalutation: data.forms.oralSalutation,
        closing: data.forms.closing,
      },
      contactId,
      warnings,
    };
  };

  /** What every letter of one template and signer shares: read once for all letters of a mail merge. */
  const contextOf = async (templateId: string, signerId: number): Promise<LetterContext> => {
    const usable = await letterDeps.templates.usable(templateId);
    const signer = await letterDeps.signer(signerId);
    return { usable, signer, office: await letterDeps.office() };
  };

  /**
   * `resolved`: the recipient's forms when the caller has them already (a CSV recipient list, a
   * mail merge); `context`: the template, signer and office when the caller read them already.
   */
  const prepare = async (draft: Draft, resolved?: Awaited<ReturnType<typeof recipientForms>>, context?: LetterContext): Promise<PreparedLetter> => {
    const { usable, signer, office } = context ?? (await contextOf(draft.templateId, draft.signerId));
    const { forms, contactId, warnings: recipientWarnings } = resolved ?? (await recipientForms(draft.recipient, usable.entry.language));
    const warnings = [...recipientWarnings];
    const date = draft.date ?? isoDateInBerlin(deps.now());
    const values = buildLetterValues({
      entry: usable.entry,
      office,
      signer,
      recipient: forms,
      date,
      fields: draft.fields,
      subject: draft.subject,
      body: draft.body,
    });
    // An address that cannot fit the template's address field whole makes the letter wrong:
    // refused before anything is written (DOMAIN.md D "Long addresses").
    const addressProblem = addressFieldProblem(usable.template, values.values);
    if (addressProblem) values.errors.unshift(addressProblem);
    return { usable, values, recipient: forms, contactId, warnings, date, signer };
  };

  const render = (prepared: PreparedLetter): Uint8Array => {
    if (prepared.values.errors.length > 0) {
      throw new AppError('INVALID_INPUT', `Der Brief kann so nicht erstellt werden: ${prepared.values.errors.join(' ')}`, {
        errors: prepared.values.errors,
      });
    }
    return fillTemplate(prepared.usable.template, prepared.values.values);
  };

  const fileNameFor = (id: number, recipient: string, occasion: string) =>
    fileNameOf([String(id).padStart(6, '0'), fileNamePart(`${recipient} ${occasion}`) || 'brief'], 'docx', { lowerCase: true });
  /** A missing file: named, with the way to make it again. */
  const fileMissing = (id: number, file: string) =>
    new AppError('NOT_FOUND', `Die Datei des Briefes Nr. ${id} fehlt: „${deps.files.place(file)}“. Mit „Neu erzeugen“ lässt sie sich wiederherstellen.`, {
      file: deps.files.place(file),
    });

  const summaryOf = (row: LetterRow): LetterSummary => ({
    id: row.id,
    contactId: row.contactId,
    recipientName: row.recipientName,
    templateId: row.templateId,
    kind: row.kind,
    kindLabel: TEMPLATE_KIND_LABELS[row.kind as TemplateKind] ?? row.kind,
    occasion: row.occasion,
    subject: row.subject,
    signerName: row.signerName,
    author: row.author,
    status: row.status,
    letterDate: row.letterDate,
    version: row.version,
    file: row.file,
    revision: row.revision,
  });
  const letterOf = async (row: LetterRow): Promise<Letter> => ({
    ...summaryOf(row),
    recipientLines: row.recipientLines,
    body: row.body,
    includePartner: row.includePartner,
    fields: row.fields,
    signerId: row.signerId,
    language: row.language,
    events: await repo.events(row.id),
  });
  const mustFind = async (id: number): Promise<LetterRow> => {
    const row = await repo.find(id);
    if (!row) throw new AppError('NOT_FOUND', `Der Brief Nr. ${id} wurde nicht gefunden.`, { id });
    return row;
  };

  /**
   * Records letters in the register (in the caller's transaction): a few multi-row statements for
   * all of them, not several per letter — a mail merge records hundreds. `file` (relative to the
   * data folder) replaces the generated path of each, e.g. for a combined print file. Returns each
   * letter's id and file, in the order given.
   */
  const record = async (
    letters: ReadonlyArray<{ draft: Draft; prepared: PreparedLetter }>,
    options: { batchId?: string; file?: string } = {},
  ): Promise<Array<{ id: number; file: string }>> => {
    const at = deps.now().toISOString();
    const ids = await repo.insertMany(
      letters.map(({ draft, prepared }) => ({
        contactId: prepared.contactId,
        includePartner: draft.recipient.type === 'contact' && draft.recipient.includePartner,
        recipientName: prepared.recipient.name,
        recipientLines: prepared.recipient.addressBlock,
        templateId: draft.templateId,
        kind: prepared.usable.entry.kind,
        language: prepared.usable.entry.language,
        occasion: prepared.values.occasion,
        subject: prepared.values.subject,
        body: draft.body ?? prepared.usable.entry.body,
        fields: storedFields(draft, prepared),
        signerId: prepared.signer.id,
        signerName: prepared.signer.name,
        author: deps.user,
        status: 'entwurf' as const,
        letterDate: prepared.date,
        file: '',
        batchId: options.batchId ?? null,
        createdAt: at,
        updatedAt: at,
      })),
    );
    const saved = letters.map(({ prepared }, i) => ({
      id: ids[i]!,
      file: options.file ?? path.join('Briefe', prepared.date.slice(0, 4), fileNameFor(ids[i]!, prepared.recipient.name, prepared.values.occasion)),
    }));
    await repo.setFiles(saved);
    await repo.addEvents(
      letters.map(({ prepared }, i) => ({
        letterId: ids[i]!,
        at,
        user: deps.user,
        action: 'erstellt',
        detail: `${prepared.usable.entry.name}, unterzeichnet von ${prepared.signer.name}${options.batchId ? ' (Serienbrief)' : ''}`,
      })),
    );
    return saved;
  };

  /**
   * Records a letter and, given its bytes, stores its file (deps.files) — all or nothing. `file`
   * (relative to the data folder) replaces the generated path, e.g. for a combined print file.
   */
  const save = (
    draft: Draft,
    prepared: PreparedLetter,
    options: { bytes?: Uint8Array; batchId?: string; file?: string } = {},
  ): Promise<{ id: number; file: string }> =>
    deps.engine.transaction(async () => {
      const [saved] = await record([{ draft, prepared }], options);
      if (options.bytes) await deps.files.put(saved!.file, options.bytes);
      return saved!;
    });

  const handlers: LetterHandlers = {
    // Descriptions speak of the office in its holder's form ("Glückwunschschreiben der Oberbürgermeisterin").
    'templates.list': async () => {
      const form = (await letterDeps.office()).holder.form;
      return (await letterDeps.templates.list()).map((t) => ({ ...t, description: inHoldersForm(t.description, form) }));
    },
    'templates.vocabulary': () => [...VOCABULARY],
    'templates.copyForEditing': async ({ id }) => {
      const file = await letterDeps.templates.copyForEditing(id);
      const opened = deps.openFile ? (await deps.openFile(file), true) : false;
      return { file, opened };
    },
    // Who changed a template's copy is in the audit log (summary "<id>: …"): a refused save from Word names them.
    'templates.import': async ({ id, fileName, contentBase64 }) => {
      const info = await letterDeps.templates.importUserCopy(id, new Uint8Array(Buffer.from(contentBase64, 'base64')), fileName);
      await audit(deps, { action: 'update', entity: 'template', summary: `${id}: eigene Fassung hochgeladen („${fileName}“)` });
      return info;
    },
    'templates.resetToShipped': async ({ id }) => {
      const info = await letterDeps.templates.resetToShipped(id);
      await audit(deps, { action: 'update', entity: 'template', summary: `${id}: mitgelieferte Fassung wieder verwendet` });
      return info;
    },
    'templates.file': async ({ id }) => {
      const { fileName, bytes } = await letterDeps.templates.file(id);
      return { fileName, contentBase64: Buffer.from(bytes).toString('base64') };
    },

    'letters.prepare': async (draft) => {
      const prepared = await prepare(draft);
      return {
        subject: draft.subject ?? prepared.usable.entry.subject,
        body: draft.body ?? prepared.usable.entry.body,
        values: prepared.values.values,
        warnings: [...prepared.warnings, ...prepared.values.errors],
      };
    },
    'letters.preview': async (draft) => {
      const prepared = await prepare(draft);
      const bytes = render(prepared);
      return { fileName: 'Vorschau.docx', contentBase64: Buffer.from(bytes).toString('base64') };
    },
    'letters.create': async (draft) => {
      const prepared = await prepare(draft);
      const bytes = render(prepared);
      const { id } = await save(draft, prepared, { bytes });
      await audit(deps, { action: 'create', entity: 'letter', entityId: id, summary: `${prepared.recipient.name}: ${prepared.values.subject}` });
      return letterOf(await mustFind(id));
    },
    'letters.list': async (filter) => {
      const { total, rows } = await repo.list(filter);
      return { total, items: rows.map(summaryOf) };
    },
    'letters.get': async ({ id }) => letterOf(await mustFind(id)),
    'letters.setStatus': async ({ id, revision, status }) => {
      const row = await mustFind(id);
      await repo.refuseUnlessCurrent(row, revision);
      if (row.status !== status) {
        const at = deps.now().toISOString();
        const change = `${STATUS_TEXT[row.status]} → ${STATUS_TEXT[status]}`;
        await deps.engine.transaction(async () => {
          await repo.updateAtRevision({ id, revision }, { status, updatedAt: at });
          await repo.addEvent(id, at, deps.user, 'Status', change);
          await audit(deps, { action: 'status', entity: 'letter', entityId: id, summary: `${row.recipientName}: ${change}` });
        });
      }
      return letterOf(await mustFind(id));
    },
    'letters.regenerate': async ({ id, revision, subject, body, signerId }) => {
      const row = await mustFind(id);
      // Refused before anything is generated: the new version is made of the letter as loaded.
      await repo.refuseUnlessCurrent(row, revision);
      const stored = row.fields as StoredFields;
      // A deleted contact: write to the address and forms of address the letter had.
      const recipient: Recipient =
        stored.recipient && (stored.recipient.type === 'free' || row.contactId !== null)
          ? stored.recipient
          : {
              type: 'free',
              name: row.recipientName,
              lines: row.recipientLines,
              salutation: stored.forms?.salutation ?? 'Sehr geehrte Damen und Herren',
              oralSalutation: stored.forms?.oralSalutation,
              closing: stored.forms?.closing,
            };
      const { recipient: _r, subject: storedSubject, forms: _f, ...fields } = stored;
      const draft = letterDraftSchema.parse({
        templateId: row.templateId,
        recipient,
        signerId: signerId ?? row.signerId ?? undefined,
        date: row.letterDate,
        fields,
        subject: subject ?? storedSubject ?? undefined,
        body: body ?? row.body,
      });
      const prepared = await prepare(draft);
      const bytes = render(prepared);
      const at = deps.now().toISOString();
      const { signer } = prepared;
      // Every version is a file of its own: what went out stays as it was (also a letter of a
      // combined print file), and the register points at the newest.
      const version = row.version + 1;
      const file = path.join(
        'Briefe',
        row.letterDate.slice(0, 4),
        fileNameFor(id, prepared.recipient.name, prepared.values.occasion).replace(/\.docx$/, `-v${version}.docx`),
      );
      const reopened = row.status !== 'entwurf';
      await deps.engine.transaction(async () => {
        await repo.updateAtRevision({ id, revision }, {
          file,
          subject: prepared.values.subject,
          body: draft.body ?? row.body,
          recipientName: prepared.recipient.name,
          recipientLines: prepared.recipient.addressBlock,
          signerId: signer.id,
          signerName: signer.name,
          fields: storedFields(draft, prepared),
          version,
          status: 'entwurf',
          updatedAt: at,
        });
        await repo.addEvent(
          id,
          at,
          deps.user,
          'neu erzeugt',
          `Fassung ${version}${reopened ? `; Status zurück auf Entwurf (Fassung ${row.version} bleibt als „${path.basename(row.file)}“ erhalten)` : ''}`,
        );
        await audit(deps, { action: 'regenerate', entity: 'letter', entityId: id, summary: `${prepared.recipient.name}: Fassung ${version}` });
        await deps.files.put(file, bytes);
      });
      return letterOf(await mustFind(id));
    },
    'letters.file': async ({ id }) => {
      const row = await mustFind(id);
      const bytes = await deps.files.get(row.file);
      if (!bytes) throw fileMissing(id, row.file);
      return { fileName: path.basename(row.file), contentBase64: Buffer.from(bytes).toString('base64') };
    },
    'letters.open': async ({ id }) => {
      const row = await mustFind(id);
      if (!deps.openFile) return { file: deps.files.place(row.file), opened: false };
      // Office mode: a copy on this PC for Word (the letter itself stays in the office database).
      const file = await deps.files.localFile(row.file);
      if (!file) throw fileMissing(id, row.file);
      await deps.openFile(file);
      return { file, opened: true };
    },
  };

  return { handlers, contextOf, prepare, render, save, record, recipientForms, contactForms };
}

/** What a letter keeps to be generated again: its own fields, the recipient, the forms used. */
type StoredFields = Draft['fields'] & {
  recipient?: Recipient;
  subject?: string | null;
  forms?: { salutation: string; oralSalutation: string; closing: string };
  [key: string]: unknown;
};

function storedFields(draft: Draft, prepared: PreparedLetter): StoredFields {
  const { salutation, oralSalutation, closing } = prepared.recipient;
  return { ...draft.fields, recipient: draft.recipient, subject: draft.subject ?? null, forms: { salutation, oralSalutation, closing } };
}
