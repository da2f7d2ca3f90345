import { z } from 'zod';
import { isoDate, singleLine } from './common';

const count = z.number().int().nonnegative();
const citizenId = z.number().int().positive();

const period = (unit: 'Jahre' | 'Monate', min: number, max: number, fallback: number) =>
  z
    .number({ error: 'Bitte eine Zahl angeben.' })
    .int({ error: `Bitte ganze ${unit} angeben.` })
    .min(min, { error: `Mindestens ${min} ${min === 1 ? unit.replace(/e$/, '') : unit}.` })
    .max(max, { error: `Höchstens ${max} ${unit}.` })
    .default(fallback);

/**
 * How long citizens' personal data is kept (DSGVO). After the period the personal content is
 * erased; what the statistics need (kind, channel, category, district, dates, status) stays.
 */
export const privacySettingsSchema = z.strictObject({
  /** Requests: years after they were closed (erledigt). */
  requestRetentionYears: period('Jahre', 1, 30, 3),
  /** Registrations for a citizens' talk or walk: months after the event. */
  eventRetentionMonths: period('Monate', 1, 120, 12),
  /** Volunteering enquiries: years after they were last worked on. */
  volunteeringRetentionYears: period('Jahre', 1, 30, 3),
});
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;
export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = { requestRetentionYears: 3, eventRetentionMonths: 12, volunteeringRetentionYears: 3 };

/** What an erasure removed, by kind: numbers only, nothing about the people. */
export const erasureCountsSchema = z.object({
  /** Requests whose personal content was erased (the statistics' data stays). */
  requests: count,
  /** Attached files deleted from the data folder. */
  attachments: count,
  volunteerEnquiries: count,
  eventRegistrations: count,
  /** Persons (name, address, contact data) deleted. */
  citizens: count,
});
export type ErasureCounts = z.infer<typeof erasureCountsSchema>;

/** The report of one retention check (the daily one or „Jetzt prüfen“). */
export const retentionReportSchema = z.object({
  /** When it ran (ISO instant). */
  at: z.string(),
  /** The day it ran, in Europe/Berlin. */
  date: isoDate,
  /** Run by the daily check (true) or by hand. */
  automatic: z.boolean(),
  settings: privacySettingsSchema,
  /** Erased was what is older than these days. */
  cutoffs: z.object({
    requestsClosedBefore: isoDate,
    eventsEndedBefore: isoDate,
    volunteeringUpdatedBefore: isoDate,
  }),
  erased: erasureCountsSchema,
});
export type RetentionReport = z.infer<typeof retentionReportSchema>;

export const citizenExportInputSchema = z.strictObject({
  citizenId,
  format: z.enum(['json', 'docx']).default('json'),
});

export const citizenEraseInputSchema = z.strictObject({
  citizenId,
  /** The person's surname typed again, as a confirmation. */
  confirm: singleLine(200).min(1, 'Bitte zur Bestätigung den Nachnamen der Person eingeben.'),
});

/**
 * Whether the surname typed to confirm an erasure is the stored one: case, surrounding and
 * doubled spaces and composed or decomposed umlauts do not matter ("müller-lüdenscheidt ").
 */
export function sameSurname(typed: string, stored: string): boolean {
  const fold = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de-DE');
  return fold(typed) !== '' && fold(typed) === fold(stored);
}

export const citizenErasureReportSchema = z.object({
  at: z.string(),
  erased: erasureCountsSchema,
  /** Official letters to the person, kept with the records (file relative to the data folder). */
  keptLetters: z.array(z.object({ id: z.number().int(), file: z.string(), subject: z.string(), letterDate: z.string() })),
  /** What was not erased here and why (German), e.g. reply letters in the letter register. */
  notes: z.array(z.string()),
});
export type CitizenErasureReport = z.infer<typeof citizenErasureReportSchema>;

/** One entry of a request's access log: who viewed or changed it, when. */
export const accessLogEntrySchema = z.object({
  at: z.string(),
  user: z.string(),
  action: z.string(),
  /** German: „angesehen“, „geändert“ … (the action itself when unknown). */
  actionLabel: z.string(),
  summary: z.string(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;

/** German words for the audit log's actions on a request. */
export const ACCESS_ACTION_LABELS: Record<string, string> = {
  view: 'angesehen',
  create: 'angelegt',
  update: 'geändert',
  step: 'Bearbeitungsschritt',
  attach: 'Anhang hinzugefügt',
  detach: 'Anhang entfernt',
  link: 'verknüpft',
  unlink: 'Verknüpfung gelöst',
  delete: 'gelöscht',
  export: 'Datenauskunft erstellt',
  anonymise: 'personenbezogene Daten gelöscht',
};
