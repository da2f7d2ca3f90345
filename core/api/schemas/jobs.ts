import { z } from 'zod';

/** The office's long jobs (the daily retention check among them), of which at most one of each kind runs at a time (core/services/jobs). */
export const JOB_KINDS = ['residents-import', 'letters-merge', 'greetings-letters', 'retention-check'] as const;
export const jobKindSchema = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof jobKindSchema>;

/** What people call each kind of job (the progress strip, the refusal). */
export const JOB_KIND_LABELS: Readonly<Record<JobKind, string>> = {
  'residents-import': 'Einwohnerimport',
  'letters-merge': 'Serienbrief',
  'greetings-letters': 'Grußbriefe',
  'retention-check': 'Prüfung der Aufbewahrungsfristen',
};

/** A job running for the office, on this or another PC. */
export const officeJobSchema = z.object({
  id: z.string(),
  kind: jobKindSchema,
  label: z.string(),
  startedBy: z.string(),
  /** The PC it runs on. */
  workstation: z.string(),
  startedAt: z.string(),
  /** How far it is (`total` 0: not yet known). */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** It runs on this PC (this app). */
  mine: z.boolean(),
});
export type OfficeJob = z.infer<typeof officeJobSchema>;
