import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import { mappingProfileSchema, type MappingProfile, type RegisterInspection, type ResidentImportJob } from '../../api/schemas/residents';
import { formatDateNumeric } from '../../domain/dates/format';
import { isStandardColumnSet, suggestMapping, type ColumnMapping } from '../../domain/residents/register-fields';
import type { BackgroundJob, JobEnd, WorkerHost } from '../background/worker-host';
import type { ServiceDeps } from '../deps';
import type { Jobs, OfficeJobRun } from '../jobs/jobs-service';
import { audit } from '../audit';
import { settingsRepository } from '../settings/repository';
import { scanTableFile } from '../tables/table-file';
import type { Uploads } from '../uploads/uploads-service';
import type { UnsentResidentLetter } from '../letters/repository';
import type { ResidentsImportOutput } from './residents-import';
import { residentsRepository } from './repository';

type ResidentHandlers = Pick<
  Handlers,
  | 'residents.status'
  | 'residents.import.inspect'
  | 'residents.import.start'
  | 'residents.import.status'
  | 'residents.import.cancel'
  | 'residents.import.profiles'
  | 'residents.import.profiles.save'
  | 'residents.import.profiles.delete'
>;

export type { UnsentResidentLetter as UnsentLetter } from '../letters/repository';

const SAMPLE_ROWS = 5;
const PROFILES_KEY = 'residentImportProfiles';
/** Finished jobs are forgotten after this long. */
const KEEP_FINISHED_JOBS_MS = 60 * 60 * 1000;

interface Job {
  status: ResidentImportJob;
  job: BackgroundJob<ResidentsImportOutput>;
  finishedAt: number | null;
}

/** What an import came to, for the office's record of it. */
function summaryOf(end: JobEnd<ResidentsImportOutput>): string {
  if (end.state === 'cancelled') return 'Abgebrochen.';
  if (end.state === 'failed') return end.error.message;
  const { rows, added, changed, gone, rejectedTotal } = end.value.summary;
  return `${rows} ${rows === 1 ? 'Zeile' : 'Zeilen'} gelesen: ${added} neu, ${changed} geändert, ${gone} nicht mehr im Melderegister, ${rejectedTotal} abgelehnt.`;
}

/**
 * Import of the register's monthly extract (CSV or Excel, standard columns or mapped ones):
 * look at the file, check it in the background (counts, every rejected row), then take it over
 * in the background, all or nothing. Updates by register id; people no longer in the extract
 * are marked gone (never deleted silently); rows that were rejected leave their person as it was.
 */
export function createResidentsService(
  deps: ServiceDeps,
  background: WorkerHost,
  uploads: Uploads,
  unsentLettersFor: (registerIds: readonly string[]) => Promise<UnsentResidentLetter[]>,
  officeJobs: Jobs,
) {
  const repo = residentsRepository(deps.engine);
  const settings = settingsRepository(deps.engine);
  const jobs = new Map<string, Job>();

  const profiles = async (): Promise<MappingProfile[]> => {
    const parsed = z.array(mappingProfileSchema).safeParse(await settings.getSetting(PROFILES_KEY));
    return parsed.success ? parsed.data : [];
  };
  const saveProfiles = async (list: MappingProfile[], summary: string) => {
    await deps.engine.transaction(async () => {
      await settings.putSetting(PROFILES_KEY, list, deps.now().toISOString());
      await audit(deps, { action: 'update', entity: 'settings', summary });
    });
    return profiles();
  };

  /** The saved profile whose columns are all in the file and that names the most of them. */
  const fittingProfile = async (headers: readonly string[]): Promise<MappingProfile | null> => {
    const present = new Set(headers);
    let best: { profile: MappingProfile; columns: number } | null = null;
    for (const profile of await profiles()) {
      const columns = Object.entries(profile.mapping).filter(([, field]) => field);
      if (columns.length === 0 || !columns.every(([header]) => present.has(header))) continue;
      if (!best || columns.length > best.columns) best = { profile, columns: columns.length };
    }
    return best?.profile ?? null;
  };

  const warningsOf = async (output: ResidentsImportOutput): Promise<string[]> => {
    const warnings = (await unsentLettersFor(output.blockedIds)).map(
      (letter) =>
        `Brief Nr. ${letter.id} an „${letter.recipientName}“ vom ${formatDateNumeric(letter.letterDate)} ist noch nicht versandt, ` +
        'die Person ist laut Melderegister jetzt gesperrt, verstorben, weggezogen oder nicht mehr enthalten: bitte nicht versenden.',
    );
    for (const visit of output.droppedVisits) {
      const [date] = visit.jubileeKey.split('|');
      warnings.push(
        `Der für den ${formatDateNumeric(visit.visitDate)} geplante Besuch (${visit.visitor}) zum Jubiläum am ${formatDateNumeric(date)} entfällt: die Person ist laut Melderegister jetzt gesperrt, verstorben, weggezogen oder nicht mehr enthalten.`,
      );
    }
    return warnings;
  };

  /** The import is committed: a failed look at the letters must not leave its job running for ever. */
  const warningsOrProblem = async (output: ResidentsImportOutput): Promise<string[]> => {
    try {
      return await warningsOf(output);
    } catch (error) {
      return [`Ob noch unversandte Briefe an gesperrte Personen vorliegen, ließ sich nicht prüfen (${(error as Error).message}); bitte die Briefe vor dem Versand prüfen.`];
    }
  };

  const snapshot = (entry: Job): ResidentImportJob => {
    if (entry.status.state === 'running') {
      const { done, total } = entry.job.progress();
      entry.status.done = done;
      entry.status.total = total || entry.status.total;
    }
    return structuredClone(entry.status);
  };

  const mustFind = (jobId: string): Job => {
    const entry = jobs.get(jobId);
    if (!entry) throw new AppError('NOT_FOUND', `Der Einlese-Auftrag „${jobId}“ ist nicht (mehr) bekannt.`, { jobId });
    return entry;
  };

  const forgetOldJobs = () => {
    const now = Date.now();
    for (const [id, entry] of jobs) if (entry.finishedAt !== null && now - entry.finishedAt > KEEP_FINISHED_JOBS_MS) jobs.delete(id);
  };

  const handlers: ResidentHandlers = {
    'residents.status': async () => {
      const last = await repo.lastImport();
      return {
        residents: await repo.count(),
        lastImport: last ? { at: last.at, fileName: last.fileName, user: last.user } : null,
        districts: await repo.districts(),
      };
    },

    'residents.import.inspect': async ({ uploadId }): Promise<RegisterInspection> => {
      const upload = uploads.get(uploadId);
      const sample: string[][] = [];
      const table = await scanTableFile(new Uint8Array(fs.readFileSync(upload.file)), (record) => void sample.push(record.cells), {
        maxRecords: SAMPLE_ROWS,
      });
      const standard = isStandardColumnSet(table.headers);
      const profile = standard ? null : await fittingProfile(table.headers);
      const mapping: ColumnMapping = profile
        ? Object.fromEntries(table.headers.map((header) => [header, profile.mapping[header] ?? null]))
        : suggestMapping(table.headers);
      return { uploadId, fileName: upload.fileName, ...table, sample, standard, mapping, profile: profile?.name ?? null };
    },

    'residents.import.start': async ({ uploadId, mapping, commit }) => {
      // The import runs in a worker thread on its own connection (residents-import.ts): the SQLite
      // file's, or in office mode its own to the office database (where a lock lets one PC import at a time).
      forgetOldJobs();
      const running = [...jobs.values()].find((entry) => entry.status.state === 'running');
      if (running) {
        throw new AppError('CONFLICT', 'Es wird bereits ein Melderegister-Auszug gelesen. Bitte warten Sie, bis er fertig ist, oder brechen Sie ihn ab.', {
          jobId: running.status.jobId,
        });
      }
      const upload = uploads.get(uploadId);
      // An import that writes runs once for the office (refused in German while another PC's runs), its
      // progress seen on every PC. The single PC's import holds the SQLite file's write lock throughout:
      // its record is written when it begins and ends, not in between.
      const record: OfficeJobRun | null = commit
        ? await officeJobs.begin('residents-import', { total: upload.size, quiet: deps.engine.kind === 'sqlite' ? () => true : undefined })
        : null;
      let job: BackgroundJob<ResidentsImportOutput>;
      try {
        job = background.start('residents-import', { file: upload.file, fileName: upload.fileName, mapping, commit });
      } catch (error) {
        await record?.finish('failed', (error as Error).message);
        throw error;
      }
      record?.follow(() => job.progress());
      const jobId = crypto.randomUUID();
      const entry: Job = {
        job,
        finishedAt: null,
        status: { jobId, commit, state: 'running', done: 0, total: upload.size, preview: null, result: null, error: null },
      };
      jobs.set(jobId, entry);
      void job.end.then(async (end) => {
        // Read before the status changes, so a poller sees the job end with its warnings at once.
        const warnings = end.state === 'done' && commit && end.value.importId !== null ? await warningsOrProblem(end.value) : [];
        await record?.finish(end.state, summaryOf(end)).catch(() => {
          // The office database is out of reach: the record goes stale and is ended by the next start.
        });
        const status = entry.status;
        status.done = status.total;
        if (end.state === 'done') {
          status.preview = end.value.summary;
          if (commit && end.value.importId !== null) {
            status.result = { ...end.value.summary, importId: end.value.importId, warnings };
            uploads.discard(uploadId);
          }
        } else if (end.state === 'failed') {
          status.error = end.error;
        }
        status.state = end.state;
        entry.finishedAt = Date.now();
        // Committed: the register changed.
        if (status.result) deps.changes.publish('residents.import.start');
      });
      return snapshot(entry);
    },

    'residents.import.status': ({ jobId }) => snapshot(mustFind(jobId)),

    'residents.import.cancel': ({ jobId }) => {
      const entry = mustFind(jobId);
      entry.job.cancel();
      return snapshot(entry);
    },

    'residents.import.profiles': () => profiles(),

    'residents.import.profiles.save': async (profile) => {
      const others = (await profiles()).filter((p) => p.name !== profile.name);
      return saveProfiles([...others, profile].sort((a, b) => a.name.localeCompare(b.name, 'de')), `Zuordnungsprofil „${profile.name}“ gespeichert`);
    },

    'residents.import.profiles.delete': async ({ name }) => {
      const list = await profiles();
      if (!list.some((p) => p.name === name)) throw new AppError('NOT_FOUND', `Das Zuordnungsprofil „${name}“ gibt es nicht.`, { name });
      return saveProfiles(
        list.filter((p) => p.name !== name),
        `Zuordnungsprofil „${name}“ gelöscht`,
      );
    },
  };

  /** Whether an import is writing right now (other changes must wait for its transaction). */
  const writing = () => [...jobs.values()].some((entry) => entry.status.state === 'running' && entry.status.commit);

  return { handlers, repo, writing };
}
