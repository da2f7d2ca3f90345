import { and, desc, eq, notExists, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { citizenRequests, citizens, eventRegistrations, volunteerEnquiries } from '../../../db/schema';

export type CitizenRow = typeof citizens.$inferSelect;
export type CitizenValues = Omit<typeof citizens.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/**
 * The persons of the citizen dialogue (table `citizens`), shared by requests, talks and walks and volunteering:
 * find, create, update, and remove a person nothing refers to any more.
 */
export function citizenRecords(db: Db) {
  return {
    find(id: number): CitizenRow | undefined {
      return db.select().from(citizens).where(eq(citizens.id, id)).get();
    },
    /** The person last recorded with this e-mail address (case ignored). */
    byEmail(email: string): CitizenRow | undefined {
      return db
        .select()
        .from(citizens)
        .where(sql`lower(${citizens.email}) = ${email.toLowerCase()}`)
        .orderBy(desc(citizens.updatedAt), desc(citizens.id))
        .get();
    },
    insert(values: CitizenValues, at: string): CitizenRow {
      return db
        .insert(citizens)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning()
        .get();
    },
    update(id: number, values: CitizenValues, at: string): CitizenRow | undefined {
      return db
        .update(citizens)
        .set({ ...values, updatedAt: at })
        .where(eq(citizens.id, id))
        .returning()
        .get();
    },
    /** Deletes the person if no request, registration or enquiry refers to them (data economy, DSGVO). */
    deleteIfUnreferenced(id: number): boolean {
      const result = db
        .delete(citizens)
        .where(
          and(
            eq(citizens.id, id),
            notExists(db.select({ one: sql`1` }).from(citizenRequests).where(eq(citizenRequests.citizenId, citizens.id))),
            notExists(db.select({ one: sql`1` }).from(eventRegistrations).where(eq(eventRegistrations.citizenId, citizens.id))),
            notExists(db.select({ one: sql`1` }).from(volunteerEnquiries).where(eq(volunteerEnquiries.citizenId, citizens.id))),
          ),
        )
        .run();
      return result.changes > 0;
    },
  };
}

