import type { JubileeEntry, MergeInput, MergeStatus } from '../../../../core/api';
import { api } from '../../api/client';
import { count } from '../../components/format';

type JubileeRecipients = Extract<MergeInput['recipients'], { type: 'jubilees' }>;
/** One mail merge of jubilee letters: a period (and district) and a kind; one jubilee when `registerIds` is given. */
export type JubileeLetterRequest = Omit<JubileeRecipients, 'type'>;

/** The template of each kind of jubilee letter. */
const TEMPLATES: Record<JubileeEntry['kind'], string> = { birthday: 'geburtstag', wedding: 'ehejubilaeum' };

/** What a run of one or more merges did. */
export interface LetterRun {
  letterIds: number[];
  /** Jubilees left out because they already have a letter. */
  skipped: number;
  problems: MergeStatus['problems'];
  /** Merges that failed as a whole (German). */
  errors: string[];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes the jubilee letters of the requests, one mail merge after another (each kind has its
 * own template), waiting for each to end; `onProgress` hears how far the current one is.
 */
export async function writeJubileeLetters(
  requests: readonly JubileeLetterRequest[],
  signerId: number,
  onProgress: (done: number, total: number) => void,
): Promise<LetterRun> {
  const run: LetterRun = { letterIds: [], skipped: 0, problems: [], errors: [] };
  for (const request of requests) {
    let status = await api('letters.merge.start', {
      templateId: TEMPLATES[request.kind],
      recipients: { type: 'jubilees', ...request },
      signerId,
      output: 'files',
    });
    while (status.state === 'running') {
      onProgress(status.done, status.total);
      await pause(250);
      status = await api('letters.merge.status', { jobId: status.jobId });
    }
    run.letterIds.push(...status.letterIds);
    run.skipped += status.skipped;
    run.problems.push(...status.problems);
    if (status.error) run.errors.push(status.error);
  }
  return run;
}

/** "3 Briefe erstellt, 2 übersprungen (schon vorhanden)" – or "Keine neuen Briefe erstellt, …". */
export function letterRunSummary(run: LetterRun): string {
  const created = run.letterIds.length === 0 ? 'Keine neuen Briefe erstellt' : `${count(run.letterIds.length, 'Brief', 'Briefe')} erstellt`;
  return run.skipped > 0 ? `${created}, ${run.skipped} übersprungen (schon vorhanden)` : created;
}
