import { and, desc, eq, notExists, sql } from 'drizzle-orm';
import type { Engine, Tables } from '../../../db/engine';

export type CitizenRow = Tables['citizens']['$inferSelect'];
export type CitizenValues = Omit<Tables['citizens']['$inferInsert'], 'id' | 'createdAt' | 'updatedAt'>;

/**
 * The persons of the citizen dialogue (table `citizens`), shared by requests, talks and walks and volunteering:
 * find, create, update, and remove a person nothing refers to any more (in the caller's transaction when there is one).
 */
export function citizenRecords({ db, t }: Engine) {
  const { citizens, citizenRequests, eventRegistrations, volunteerEnquiries } = t;
  return {
    async find(id: number): Promise<CitizenRow | undefined> {
      const [row] = await db.select().from(citizens).where(eq(citizens.id, id)).limit(1);
      return row;
    },
    /** The person last recorded with this e-mail address (case ignored). */
    async byEmail(email: string): Promise<CitizenRow | undefined> {
      const [row] = await db
        .select()
        .from(citizens)
        .where(sql`lower(${citizens.email}) = ${email.toLowerCase()}`)
        .orderBy(desc(citizens.updatedAt), desc(citizens.id))
        .limit(1);
      return row;
    },
    async insert(values: CitizenValues, at: string): Promise<CitizenRow> {
      const [row] = await db
        .insert(citizens)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning();
      return row!;
    },
    async update(id: number, values: CitizenValues, at: string): Promise<CitizenRow | undefined> {
      const [row] = await db
        .update(citizens)
        .set({ ...values, updatedAt: at })
        .where(eq(citizens.id, id))
        .returning();
      return row;
    },
    /** Deletes the person if no request, registration or enquiry refers to them (data economy, DSGVO). */
    async deleteIfUnreferenced(id: number): Promise<boolean> {
      const deleted = await db
        .delete(citizens)
        .where(
          and(
            eq(citizens.id, id),
            notExists(db.select({ one: sql`1` }).from(citizenRequests).where(eq(citizenRequests.citizenId, citizens.id))),
            notExists(db.select({ one: sql`1` }).from(eventRegistrations).where(eq(eventRegistrations.citizenId, citizens.id))),
            notExists(db.select({ one: sql`1` }).from(volunteerEnquiries).where(eq(volunteerEnquiries.citizenId, citizens.id))),
          ),
        )
        .returning({ id: citizens.id });
      return deleted.length > 0;
    },
  };
}
