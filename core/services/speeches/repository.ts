import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Engine } from '../../../db/engine/types';
import { refuseStale, updateAtRevision, type RevisionedRecord, type RevisionTarget } from '../../../db/engine/revision';

type Tables = Engine['t'];
export type SpeechRow = Tables['speeches']['$inferSelect'];
export type SpeechValues = Omit<Tables['speeches']['$inferInsert'], 'id' | 'createdAt' | 'updatedAt'>;
export type SpeechVersionRow = Tables['speechVersions']['$inferSelect'];

/**
 * A column of a speech's newest version. Written out qualified: drizzle leaves column names
 * unqualified in single-table queries, where "id" would then mean the version's own id.
 */
const newest = (column: 'number' | 'words' | 'plain_text') =>
  sql.raw(`(select v.${column} from speech_versions v where v.speech_id = "speeches"."id" order by v.number desc limit 1)`);
/** Number and spoken words of a speech's newest version (null without text). */
const currentVersion = newest('number') as SQL<number | null>;
const currentWords = newest('words') as SQL<number | null>;

/** How STALE names a speech (or Grußwort). */
const SPEECH: RevisionedRecord = { entity: 'speech', thisOne: 'Diese Rede', it: 'sie' };

/** SQL of the speech register and its text versions. */
export function speechesRepository(engine: Engine) {
  const { db, t, dsql } = engine;
  const { appointments, invitations, signers, speeches, speechVersions, textBlocks } = t;
  const speechColumns = {
    speech: speeches,
    speakerName: signers.name,
    speakerOffice: signers.office,
    version: currentVersion,
    words: currentWords,
  };
  const versionMeta = {
    id: speechVersions.id,
    speechId: speechVersions.speechId,
    number: speechVersions.number,
    savedAt: speechVersions.savedAt,
    savedBy: speechVersions.savedBy,
    words: speechVersions.words,
    note: speechVersions.note,
  };
  const latestVersion = async (speechId: number): Promise<SpeechVersionRow | undefined> => {
    const [row] = await db.select().from(speechVersions).where(eq(speechVersions.speechId, speechId)).orderBy(desc(speechVersions.number)).limit(1);
    return row;
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
        .orderBy(asc(speeches.deadline), asc(speeches.id));
    },
    async find(id: number) {
      const [row] = await db
        .select(speechColumns)
        .from(speeches)
        .leftJoin(signers, eq(signers.id, speeches.speakerId))
        .where(eq(speeches.id, id))
        .limit(1);
      return row;
    },
    /**
     * Locks the speech's row until the transaction ends, so two saves at once number their new
     * versions one after the other (inside `engine.transaction`, before reading the newest version).
     */
    async lock(id: number): Promise<void> {
      await dsql.forUpdate(db.select({ id: speeches.id }).from(speeches).where(eq(speeches.id, id)));
    },
    /** The appointment a speech is given at: what the manuscript's cover sheet names. */
    async occasion(appointmentId: number) {
      const [row] = await db
        .select({ title: appointments.title, start: appointments.start, end: appointments.end, allDay: appointments.allDay, place: appointments.place })
        .from(appointments)
        .where(eq(appointments.id, appointmentId))
        .limit(1);
      return row;
    },
    async insert(values: SpeechValues, at: string): Promise<SpeechRow> {
      const [row] = await db
        .insert(speeches)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning();
      return row!;
    },
    /** Saves the speech as loaded at `target.revision` (STALE when someone changed it since) and raises the revision; no values: the text alone changed. */
    async update(target: RevisionTarget, values: Partial<SpeechValues>, at: string): Promise<SpeechRow> {
      await updateAtRevision(engine, speeches, SPEECH, target, { ...values, updatedAt: at });
      const [row] = await db.select().from(speeches).where(eq(speeches.id, target.id)).limit(1);
      return row!;
    },
    /** The refusal of a change against an older revision than the stored `current` one (before anything else is done). */
    async refuseUnlessCurrent(current: SpeechRow, loadedRevision: number): Promise<void> {
      if (current.revision !== loadedRevision) await refuseStale(engine, speeches, SPEECH, { id: current.id, revision: loadedRevision });
    },
    async exists(table: 'signer' | 'appointment' | 'invitation', id: number): Promise<boolean> {
      const source = { signer: signers, appointment: appointments, invitation: invitations }[table];
      const [row] = await db.select({ id: source.id }).from(source).where(eq(source.id, id)).limit(1);
      return row !== undefined;
    },
    latestVersion,
    async insertVersion(values: Omit<Tables['speechVersions']['$inferInsert'], 'id' | 'number'>): Promise<SpeechVersionRow> {
      const next = ((await latestVersion(values.speechId))?.number ?? 0) + 1;
      const [row] = await db
        .insert(speechVersions)
        .values({ ...values, number: next })
        .returning();
      return row!;
    },
    versions(speechId: number) {
      return db.select(versionMeta).from(speechVersions).where(eq(speechVersions.speechId, speechId)).orderBy(desc(speechVersions.number));
    },
    async version(id: number): Promise<SpeechVersionRow | undefined> {
      const [row] = await db.select().from(speechVersions).where(eq(speechVersions.id, id)).limit(1);
      return row;
    },
    /** Titles, audiences and current texts of all speeches (to rebuild the search index). */
    searchable(ids?: number[]) {
      return db
        .select({ id: speeches.id, title: speeches.title, audience: speeches.audience, text: newest('plain_text') as SQL<string | null> })
        .from(speeches)
        .where(ids ? inArray(speeches.id, ids) : undefined)
        .orderBy(asc(speeches.id));
    },
    async count(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(speeches);
      return row?.n ?? 0;
    },
    async textBlocks(ids: number[]) {
      return ids.length ? db.select().from(textBlocks).where(inArray(textBlocks.id, ids)) : [];
    },
    allTextBlocks() {
      return db.select().from(textBlocks).orderBy(asc(textBlocks.id));
    },
  };
}
