import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import { letterDraftSchema, recipientSchema, type mergeInputSchema, type MergeStatus } from '../../api/schemas/letters';
import { fillCombined } from '../../documents/docx-template';
import type { ServiceDeps } from '../deps';
import { audit } from '../audit';
import { flushToDisk, writeFileAtomic } from '../files';
import { letterSpool, publishStaged, stagingFolder, type Spooled } from './merge-staging';
import type { ContactsRepository } from '../contacts/repository';
import type { RecipientData } from '../contacts/contacts-service';
import { analyzeCsv, parseContactRows, type ParsedContactRow } from '../contacts/csv-import';
import type { ContactData } from '../../api/schemas/contacts';
import type { Language, Role } from '../../api/schemas/addressing';
import type { JubileeEntry } from '../../api/schemas/residents';
import type { createLettersService, LetterContext, PreparedLetter } from './letters-service';
import type { Jobs, OfficeJobRun } from '../jobs/jobs-service';

type MergeInput = z.output<typeof mergeInputSchema>;
type Draft = z.output<typeof letterDraftSchema>;
/** What the letters of a merge have in common: checked once, not once a letter. */
const commonDraftSchema = letterDraftSchema.omit({ recipient: true });
type CommonDraft = z.output<typeof commonDraftSchema>;
type LettersService = ReturnType<typeof createLettersService>;

interface Staged {
  draft: Draft;
  letter: PreparedLetter;
  /** Separate files: the letter's file in the staging folder (data folder), or its place in the spool (office database). */
  stagedFile: string | null;
  spooled: Spooled | null;
}

interface Job {
  status: MergeStatus;
  cancelled: boolean;
  startedAt: number;
  /** The office's record of it (every PC sees it; one merge at a time for the office). */
  record: OfficeJobRun | null;
  /** Office mode: where its letters wait until the commit (closed when it ends). */
  spool?: ReturnType<typeof letterSpool>;
}

/**
 * Letters per slice of work: their recipients are read together, then the event loop gets a turn
 * (progress polls stay answered).
 */
const SLICE = 25;
/** Letters recorded (and, in office mode, stored) together in the commit: bounds what is held in memory. */
const COMMIT_CHUNK = 200;
const KEEP_FINISHED_JOBS_MS = 60 * 60 * 1000;

/**
 * Mail merge: one template × many recipients, as separate files or one combined print file.
 * Recipients with missing data are reported and left out; the rest succeed. Files are written
 * to a staging folder and moved into place after the register entries are committed, only when
 * all are done: cancel or failure leaves neither files nor entries behind, and a merge killed
 * at any moment is settled at the next start (see merge-staging.ts).
 */
export interface MergeDeps {
  contacts: ContactsRepository;
  /** What letters need of many contacts, read at once (a contact not found is absent). */
  recipientsOf: (contactIds: readonly number[], withPartner: boolean, language?: Language) => Promise<Map<number, RecipientData>>;
  recipientOfData: (data: ContactData, organisationName: string | null, language?: Language) => RecipientData;
  roles: () => readonly Role[];
  templateLanguage: (templateId: string) => Language;
  /** The partner of a person contact (null for none or an organisation). */
  partnerOf: (contactId: number) => Promise<number | null>;
  /** The jubilees to write to, and how many were left out because they already have a letter. */
  jubilees: (selection: Extract<MergeInput['recipients'], { type: 'jubilees' }>) => Promise<{ entries: JubileeEntry[]; skipped: number }>;
  /** The office's long jobs: a merge runs once for the office, its progress seen on every PC. */
  jobs: Jobs;
}

type MergeItem =
  | { kind: 'contact'; contactId: number }
  | { kind: 'csv'; row: ParsedContactRow }
  | { kind: 'jubilee'; entry: JubileeEntry };

export function createMergeService(
  deps: ServiceDeps,
  letters: LettersService,
  mergeDeps: MergeDeps,
): Pick<Handlers, 'letters.merge.start' | 'letters.merge.status' | 'letters.merge.cancel'> {
  const jobs = new Map<string, Job>();
  const dataDir = path.dirname(deps.dataFile);

  /** The recipients to write to, and the rows of a CSV list that could not be read. */
  const recipientsOf = async (input: MergeInput): Promise<{ items: MergeItem[]; problems: MergeStatus['problems']; skipped?: number }> => {
    const r = input.recipients;
    if (r.type === 'jubilees') {
      const { entries, skipped } = await mergeDeps.jubilees(r);
      return { items: entries.map((entry) => ({ kind: 'jubilee' as const, entry })), problems: [], skipped };
    }
    if (r.type === 'csv') {
      const bytes = new Uint8Array(Buffer.from(r.contentBase64, 'base64'));
      const mapping = r.mapping ?? analyzeCsv(bytes).suggestedMapping;
      const parsed = parseContactRows(bytes, mapping, mergeDeps.roles());
      return {
        items: parsed.rows.map((row) => ({ kind: 'csv' as const, row })),
        problems: parsed.errors.map((e) => ({ contactId: null, name: `${r.fileName}, Zeile ${e.line}`, message: e.message })),
      };
    }
    const ids =
      r.type === 'contacts'
        ? [...new Set(r.contactIds)]
        : (await mergeDeps.contacts.list({ ...(r.type === 'tag' ? { tag: r.tag } : { query: r.query }), sort: 'name', limit: 100_000 })).rows.map((row) => row.id);
    // A couple gets one letter: a partner already written to together is left out.
    const covered = new Set<number>();
    const items: MergeItem[] = [];
    for (const contactId of ids) {
      if (covered.has(contactId)) continue;
      items.push({ kind: 'contact', contactId });
      const partner = input.includePartner ? await mergeDeps.partnerOf(contactId) : null;
      if (partner !== null) covered.add(partner);
    }
    return { items, problems: [] };
  };

  /**
   * The draft and the resolved recipient of one item of the merge. `contacts`: what the letters
   * need of the slice's contacts, read at once (one not found there is looked up on its own, and
   * reported as not found). `common`: the checked part every letter shares.
   */
  const draftOf = async (input: MergeInput, common: CommonDraft, item: MergeItem, language: Language, contacts: Map<number, RecipientData>) => {
    if (item.kind === 'contact') {
      const draft: Draft = { ...common, recipient: recipientSchema.parse({ type: 'contact', contactId: item.contactId, includePartner: input.includePartner }) };
      const data = contacts.get(item.contactId);
      return { draft, resolved: data ? letters.contactForms(item.contactId, data) : await letters.recipientForms(draft.recipient, language) };
    }
    if (item.kind === 'jubilee') {
      const { entry } = item;
      const person = entry.persons[0];
      const name = person.addressLines[0].replace(/(^|\bund )(Herrn|Frau)\s+/g, '$1');
      const fields = {
        ...input.fields,
        anlassDatum: entry.date,
        registerIds: entry.persons.map((p) => p.registerId),
        ...(entry.kind === 'birthday' ? { alter: entry.number } : { ehejahre: entry.number }),
      };
      // Its own fields: checked whole.
      const draft = letterDraftSchema.parse({
        templateId: input.templateId,
        signerId: input.signerId,
        date: input.date,
        subject: input.subject,
        body: input.body,
        fields,
        recipient: { type: 'free', name, lines: person.addressLines, salutation: person.salutation },
      });
      const warnings = person.addressLines.length < 3 ? [`Für „${name}“ ist keine vollständige Postanschrift erfasst.`] : [];
      return { draft, resolved: { ...(await letters.recipientForms(draft.recipient, language)), warnings } };
    }
    const data = mergeDeps.recipientOfData(item.row.data, item.row.organisationName, language);
    const warnings: string[] = [];
    if (!data.hasPostalAddress) warnings.push(`Für „${data.name}“ ist keine vollständige Postanschrift erfasst.`);
    if (!data.genderKnown) warnings.push(`Für „${data.name}“ ist das Geschlecht unbekannt; die Anrede lautet „${data.forms.salutation}“.`);
    const draft: Draft = {
      ...common,
      recipient: recipientSchema.parse({
        type: 'free',
        name: data.name,
        lines: data.addressBlock.length ? data.addressBlock : [data.name],
        salutation: data.forms.salutation,
        oralSalutation: data.forms.oralSalutation,
        closing: data.forms.closing,
      }),
    };
    const forms = { name: data.name, addressBlock: data.addressBlock, ...data.forms };
    return { draft, resolved: { forms, contactId: null, warnings } };
  };

  const snapshot = (job: Job): MergeStatus => ({ ...job.status, problems: [...job.status.problems], letterIds: [...job.status.letterIds] });

  const run = async (job: Job, input: MergeInput, items: MergeItem[], context: LetterContext) => {
    const staging = stagingFolder(dataDir, job.status.jobId);
    const prepared: Staged[] = [];
    const spool = letterSpool(staging);
    job.spool = spool;
    // Addressed and closed in the template's language, as a single letter is.
    const language = mergeDeps.templateLanguage(input.templateId);
    let contacts = new Map<number, RecipientData>();
    try {
      const common = commonDraftSchema.parse({ templateId: input.templateId, signerId: input.signerId, date: input.date, fields: input.fields, subject: input.subject, body: input.body });
      for (let i = 0; i < items.length; i++) {
        if (job.cancelled) return finish(job, 'cancelled', staging);
        if (i % SLICE === 0) {
          const ids = items.slice(i, i + SLICE).flatMap((item) => (item.kind === 'contact' ? [item.contactId] : []));
          contacts = ids.length ? await mergeDeps.recipientsOf(ids, input.includePartner, language) : new Map();
        }
        const item = items[i];
        const contactId = item.kind === 'contact' ? item.contactId : null;
        try {
          const { draft, resolved } = await draftOf(input, common, item, language, contacts);
          const letter = await letters.prepare(draft, resolved, context);
          const problems = [...letter.warnings, ...letter.values.errors];
          if (problems.length > 0) {
            job.status.problems.push({ contactId, name: letter.recipient.name, message: problems.join(' ') });
          } else {
            let stagedFile: string | null = null;
            let spooled: Spooled | null = null;
            if (input.output === 'files' && deps.files.kind === 'database') spooled = spool.add(letters.render(letter));
            else if (input.output === 'files') {
              stagedFile = path.join(staging, `${i}.docx`);
              // Flushed all at once before the commit (see below); nothing else reads the staging folder.
              fs.mkdirSync(staging, { recursive: true });
              fs.writeFileSync(stagedFile, letters.render(letter));
            }
            prepared.push({ draft, letter, stagedFile, spooled });
          }
        } catch (error) {
          const name =
            item.kind === 'contact' ? `Kontakt Nr. ${item.contactId}` : item.kind === 'csv' ? `Zeile ${item.row.line}` : item.entry.persons[0].addressLines[0];
          job.status.problems.push({ contactId, name, message: (error as Error).message });
        }
        job.status.done = i + 1;
        job.record?.progress(i + 1, items.length);
        if ((i + 1) % SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      if (job.cancelled) return finish(job, 'cancelled', staging);
      if (prepared.length === 0) {
        job.status.error = 'Für keinen Empfänger konnte ein Brief erstellt werden.';
        return finish(job, 'failed', staging);
      }
      const combined = input.output === 'combined';
      if (combined) {
        const bytes = fillCombined(prepared[0].letter.usable.template, prepared.map((p) => p.letter.values.values));
        writeFileAtomic(path.join(staging, 'combined.docx'), bytes);
      }
      // Data folder: the staged files must be on the disk before their rows are committed (a power
      // loss after the commit leaves them for the next start to move into place). Office mode: the
      // files go into the office database in the commit's own transaction.
      if (deps.files.kind === 'folder') await flushToDisk(prepared.flatMap((p) => (p.stagedFile ? [p.stagedFile] : [])));
      // Every PC sees how far it got before the commit, which reports nothing while it runs.
      await job.record?.flush();
      const files = await commit(job, input, prepared, staging, combined, spool);
      deps.changes.publish('letters.merge.start');
      try {
        publishStaged(dataDir, staging, files);
      } catch (error) {
        // The letters are in the register; the next start moves their files into place.
        spool.close();
        job.status.error = `Die Briefe sind im Postausgang eingetragen, aber ihre Dateien konnten noch nicht in den Ordner „${job.status.folder}“ verschoben werden (${(error as Error).message}). Das geschieht beim nächsten Start von Rathausbüro.`;
        await endRecord(job, 'done');
        job.status.state = 'done';
        return;
      }
      return finish(job, 'done', staging);
    } catch (error) {
      job.status.error = `Der Serienbrief ist fehlgeschlagen; es wurde nichts gespeichert: ${(error as Error).message}`;
      return finish(job, 'failed', staging);
    }
  };

  /**
   * Records all letters in one transaction (on disk when it returns, also after a power loss) and,
   * inside it, gives each staged file the name its register row points at; returns those files
   * (relative to the data folder) to publish.
   */
  const commit = async (
    job: Job,
    input: MergeInput,
    prepared: Staged[],
    staging: string,
    combined: boolean,
    spool: ReturnType<typeof letterSpool>,
  ): Promise<string[]> => {
    const files: string[] = [];
    const letterIds: number[] = [];
    const date = prepared[0].letter.date;
    const combinedFile = combined
      ? path.join('Briefe', date.slice(0, 4), `Serienbrief-${date}-${input.templateId}-${job.status.jobId.slice(0, 8)}.docx`)
      : null;
    await deps.engine.transaction(
      async () => {
        for (let start = 0; start < prepared.length; start += COMMIT_CHUNK) {
          const chunk = prepared.slice(start, start + COMMIT_CHUNK);
          const saved = await letters.record(
            chunk.map(({ draft, letter }) => ({ draft, prepared: letter })),
            { batchId: job.status.jobId, file: combinedFile ?? undefined },
          );
          letterIds.push(...saved.map((s) => s.id));
          const staged = chunk.flatMap(({ stagedFile }, i) => (stagedFile ? [{ stagedFile, file: saved[i]!.file }] : []));
          await adopt(staged, staging);
          files.push(...staged.map((s) => s.file));
          // Office mode: the letters go from the spool into the office database, in this transaction.
          const spooled = chunk.flatMap(({ spooled }, i) => (spooled ? [{ key: saved[i]!.file, bytes: spool.read(spooled) }] : []));
          if (spooled.length) await deps.files.putMany(spooled);
        }
        if (combinedFile) {
          await adopt([{ stagedFile: path.join(staging, 'combined.docx'), file: combinedFile }], staging);
          files.push(combinedFile);
        }
        await audit(deps, {
          action: 'merge',
          entity: 'letter',
          summary: `${input.templateId}: ${prepared.length} Briefe, ${job.status.problems.length} nicht erstellt`,
        });
      },
      { durable: true },
    );
    // Only committed letters show in the status (it is read while the transaction runs).
    job.status.letterIds.push(...letterIds);
    if (combinedFile) job.status.combinedFile = deps.files.place(combinedFile);
    job.status.folder = deps.files.place(path.join('Briefe', date.slice(0, 4)));
    return files;
  };

  /**
   * Inside the register's transaction: staged letters become the files their rows point at. Data
   * folder: renamed to that name in the staging folder (moved into place after the commit, see
   * merge-staging.ts). Office database: stored in the same transaction (together, in a few
   * statements), so publishing after the commit finds nothing to move.
   */
  const adopt = async (staged: ReadonlyArray<{ stagedFile: string; file: string }>, staging: string): Promise<void> => {
    if (deps.files.kind === 'database') {
      await deps.files.putMany(staged.map(({ stagedFile, file }) => ({ key: file, bytes: new Uint8Array(fs.readFileSync(stagedFile)) })));
    } else for (const { stagedFile, file } of staged) fs.renameSync(stagedFile, path.join(staging, path.basename(file)));
  };

  /** What the merge came to, for the office's record of it. */
  const summaryOf = (job: Job, state: Exclude<MergeStatus['state'], 'running'>): string => {
    if (state === 'cancelled') return 'Abgebrochen.';
    if (state === 'failed') return job.status.error ?? 'Fehlgeschlagen.';
    const made = job.status.letterIds.length;
    const missing = job.status.problems.length;
    return `${made} ${made === 1 ? 'Brief' : 'Briefe'} erstellt${missing ? `, ${missing} nicht erstellt` : ''}.`;
  };

  /** Ends the office's record (before the status says so: who polls the status finds the record ended). */
  const endRecord = async (job: Job, state: Exclude<MergeStatus['state'], 'running'>) => {
    try {
      await job.record?.finish(state, summaryOf(job, state));
    } catch {
      // The office database is out of reach: the record goes stale and is ended by the next start.
    }
  };

  const finish = async (job: Job, state: Exclude<MergeStatus['state'], 'running'>, staging: string) => {
    job.spool?.close();
    await endRecord(job, state);
    job.status.state = state;
    fs.rmSync(staging, { recursive: true, force: true });
    const now = Date.now();
    for (const [id, other] of jobs) if (other.status.state !== 'running' && now - other.startedAt > KEEP_FINISHED_JOBS_MS) jobs.delete(id);
  };

  const mustFind = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job) throw new AppError('NOT_FOUND', `Der Serienbrief-Auftrag „${jobId}“ ist nicht (mehr) bekannt.`, { jobId });
    return job;
  };

  return {
    'letters.merge.start': async (input) => {
      const { items, problems, skipped = 0 } = await recipientsOf(input);
      // Template, signer and office read once for all letters (an unknown one refused at once).
      const context = await letters.contextOf(input.templateId, input.signerId);
      if (items.length === 0 && skipped === 0) {
        throw new AppError('INVALID_INPUT', 'Die Auswahl enthält keine Empfänger.', { problems });
      }
      // One merge at a time for the office (refused in German while another PC's runs).
      const record = items.length > 0 ? await mergeDeps.jobs.begin('letters-merge', { total: items.length }) : null;
      const jobId = crypto.randomUUID();
      const job: Job = {
        cancelled: false,
        startedAt: Date.now(),
        record,
        status: { jobId, state: 'running', total: items.length, done: 0, problems, letterIds: [], skipped, combinedFile: null, folder: null, error: null },
      };
      jobs.set(jobId, job);
      // Every recipient already has a letter: done at once, nothing written.
      if (items.length === 0) job.status.state = 'done';
      else void run(job, input, items, context);
      return snapshot(job);
    },
    'letters.merge.status': ({ jobId }) => snapshot(mustFind(jobId)),
    'letters.merge.cancel': ({ jobId }) => {
      const job = mustFind(jobId);
      if (job.status.state === 'running') job.cancelled = true;
      return snapshot(job);
    },
  };
}
