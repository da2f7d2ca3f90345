import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Engine } from '../../../db/engine';
import { refuseUnlessCurrent, updateAtRevision, type RevisionedRecord, type RevisionTarget } from '../../../db/engine/revision';

type Tables = Engine['t'];
export type PatronageRow = Tables['patronages']['$inferSelect'];
export type PatronageValues = Omit<Tables['patronages']['$inferInsert'], 'id' | 'createdAt' | 'updatedAt'>;
export type PatronageLink = 'contact' | 'signer' | 'speech' | 'appointment' | 'letter';

/** How STALE names a patronage request (the audit log's entity, as the service writes it). */
const PATRONAGE: RevisionedRecord = { entity: 'patronage', thisOne: 'Diese Schirmherrschaft', it: 'sie' };

/** SQL of the patronage requests (Schirmherrschaften). */
export function patronagesRepository(engine: Engine) {
  const { db, t } = engine;
  const { appointments, contacts, letters, patronages, signers, speeches } = t;
  const LINKED = { contact: contacts, signer: signers, speech: speeches, appointment: appointments, letter: letters } as const;
  const withPatron = () =>
    db
      .select({ patronage: patronages, patronName: signers.name, patronOffice: signers.office })
      .from(patronages)
      .leftJoin(signers, eq(signers.id, patronages.patronId));

  return {
    /** Open requests first, then by the event's (first) date. */
    list(decision?: PatronageRow['decision']) {
      return withPatron()
        .where(decision ? eq(patronages.decision, decision) : undefined)
        .orderBy(desc(sql`${patronages.decision} = 'offen'`), asc(patronages.eventFrom), asc(patronages.id));
    },
    async find(id: number) {
      const [row] = await withPatron().where(eq(patronages.id, id)).limit(1);
      return row;
    },
    async insert(values: PatronageValues, at: string): Promise<PatronageRow> {
      const [row] = await db
        .insert(patronages)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning();
      return row!;
    },
    /** Saves the request as loaded at `target.revision` (STALE when someone changed it since) and raises the revision. */
    async update(target: RevisionTarget, values: Partial<PatronageValues>, at: string): Promise<PatronageRow> {
      await updateAtRevision(engine, patronages, PATRONAGE, target, { ...values, updatedAt: at });
      const [row] = await db.select().from(patronages).where(eq(patronages.id, target.id)).limit(1);
      return row!;
    },
    /** The refusal of a change against an older revision than the stored `current` one (before anything else is checked). */
    async refuseUnlessCurrent(current: PatronageRow, loadedRevision: number): Promise<void> {
      await refuseUnlessCurrent(engine, patronages, PATRONAGE, current, loadedRevision);
    },
    async exists(table: PatronageLink, id: number): Promise<boolean> {
      const source = LINKED[table];
      const [row] = await db.select({ id: source.id }).from(source).where(eq(source.id, id)).limit(1);
      return row !== undefined;
    },
    async contact(id: number) {
      const [row] = await db.select().from(contacts).where(eq(contacts.id, id)).limit(1);
      return row;
    },
    /** The Oberbürgermeister/in: the first active signer who is nobody's deputy. */
    async headSigner() {
      const [row] = await db
        .select()
        .from(signers)
        .where(and(eq(signers.deputy, false), eq(signers.active, true)))
        .orderBy(asc(signers.sortOrder), asc(signers.id))
        .limit(1);
      return row;
    },
  };
}
