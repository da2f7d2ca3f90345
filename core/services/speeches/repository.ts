import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { appointments, invitations, signers, speeches, speechVersions, textBlocks } from '../../../db/schema';

export type SpeechRow = typeof speeches.$inferSelect;
export type SpeechValues = Omit<typeof speeches.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type SpeechVersionRow = typeof speechVersions.$inferSelect;

/**
 * A column of a speech's newest version. Written out qualified: drizzle leaves column names
 * unqualified in single-table queries, where "id" would then mean the version's own id.
 */
const newest = (column: 'number' | 'words' | 'plain_text') =>
  sql.raw(`(select v.${column} from speech_versions v where v.speech_id = "speeches"."id" order by v.number desc limit 1)`);
/** Number and spoken words of a speech's newest version (null without text). */
const currentVersion = newest('number') as SQL<number | null>;
const currentWords = newest('words') as SQL<number | null>;

const speechColumns = {
  speech: speeches,
  speakerName: signers.name,
  speakerOffice: signers.office,
  version: currentVersion,
  words: currentWords,
};

/** SQL of the speech register and its text versions. */
export function speechesRepository(db: Db) {
  const versionMeta = {
    id: speechVersions.id,
    speechId: speechVersions.speechId,
    number: speechVersions.number,
    savedAt: speechVersions.savedAt,
    savedBy: speechVersions.savedBy,
    words: speechVersions.words,
    note: speechVersions.note,
  };
  return {
    list(filter: { status?: SpeechRow['status']; speakerId?: number; appointmentId?: number; ids?: number[] }) {
      const conditions: SQL[] = [];
      if (filter.status) conditions.push(eq(speeches.status, filter.status));
      if (filter.speakerId) conditions.push(eq(speeches.speakerId, filter.speakerId));
      if (filter.appointmentId) conditions.push(eq(speeches.appointmentId, filter.appointmentId));
      if (filter.ids) conditions.push(inArray(speeches.id, filter.ids));
      return db
        .select({ ...speechColumns, occasionStart: appointments.start })
        .from(speeches)
        .leftJoin(signers, eq(signers.id, speeches.speakerId))
        .leftJoin(appointments, eq(appointments.id, speeches.appointmentId))
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(asc(speeches.deadline), asc(speeches.id))
        .all();
    },
    find(id: number) {
      return db
        .select(speechColumns)
        .from(speeches)
        .leftJoin(signers, eq(signers.id, speeches.speakerId))
        .where(eq(speeches.id, id))
        .get();
    },
    /** The appointment a speech is given at: what the manuscript's cover sheet names. */
    occasion(appointmentId: number) {
      return db
        .select({ title: appointments.title, start: appointments.start, end: appointments.end, allDay: appointments.allDay, place: appointments.place })
        .from(appointments)
        .where(eq(appointments.id, appointmentId))
        .get();
    },
    insert(values: SpeechValues, at: string): SpeechRow {
      return db
        .insert(speeches)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning()
        .get();
    },
    update(id: number, values: SpeechValues, at: string): SpeechRow | undefined {
      return db
        .update(speeches)
        .set({ ...values, updatedAt: at })
        .where(eq(speeches.id, id))
        .returning()
        .get();
    },
    exists(table: 'signer' | 'appointment' | 'invitation', id: number): boolean {
      const source = { signer: signers, appointment: appointments, invitation: invitations }[table];
      return db.select({ id: source.id }).from(source).where(eq(source.id, id)).get() !== undefined;
    },
    latestVersion(speechId: number): SpeechVersionRow | undefined {
      return db.select().from(speechVersions).where(eq(speechVersions.speechId, speechId)).orderBy(desc(speechVersions.number)).limit(1).get();
    },
    insertVersion(values: Omit<typeof speechVersions.$inferInsert, 'id' | 'number'>): SpeechVersionRow {
      const next = (this.latestVersion(values.speechId)?.number ?? 0) + 1;
      return db
        .insert(speechVersions)
        .values({ ...values, number: next })
        .returning()
        .get();
    },
    versions(speechId: number) {
      return db.select(versionMeta).from(speechVersions).where(eq(speechVersions.speechId, speechId)).orderBy(desc(speechVersions.number)).all();
    },
    version(id: number): SpeechVersionRow | undefined {
      return db.select().from(speechVersions).where(eq(speechVersions.id, id)).get();
    },
    /** Titles, audiences and current texts of all speeches (to rebuild the search index). */
    searchable(ids?: number[]) {
      return db
        .select({ id: speeches.id, title: speeches.title, audience: speeches.audience, text: newest('plain_text') as SQL<string | null> })
        .from(speeches)
        .where(ids ? inArray(speeches.id, ids) : undefined)
        .all();
    },
    count(): number {
      return db.select({ n: sql<number>`count(*)` }).from(speeches).get()!.n;
    },
    textBlocks(ids: number[]) {
      return ids.length ? db.select().from(textBlocks).where(inArray(textBlocks.id, ids)).all() : [];
    },
    allTextBlocks() {
      return db.select().from(textBlocks).all();
    },
  };
}
