import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { appointments, invitations, signers, speeches } from '../../../db/schema';

export type SpeechRow = typeof speeches.$inferSelect;
export type SpeechValues = Omit<typeof speeches.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/** SQL of the speech register. */
export function speechesRepository(db: Db) {
  return {
    list(filter: { status?: SpeechRow['status']; speakerId?: number; appointmentId?: number }) {
      const conditions: SQL[] = [];
      if (filter.status) conditions.push(eq(speeches.status, filter.status));
      if (filter.speakerId) conditions.push(eq(speeches.speakerId, filter.speakerId));
      if (filter.appointmentId) conditions.push(eq(speeches.appointmentId, filter.appointmentId));
      return db
        .select({ speech: speeches, speakerName: signers.name, speakerOffice: signers.office })
        .from(speeches)
        .leftJoin(signers, eq(signers.id, speeches.speakerId))
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(asc(speeches.deadline), asc(speeches.id))
        .all();
    },
    find(id: number) {
      return db
        .select({ speech: speeches, speakerName: signers.name, speakerOffice: signers.office })
        .from(speeches)
        .leftJoin(signers, eq(signers.id, speeches.speakerId))
        .where(eq(speeches.id, id))
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
  };
}
