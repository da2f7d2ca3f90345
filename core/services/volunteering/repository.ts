import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { citizens, contacts, volunteerEnquiries, volunteerOffers } from '../../../db/schema';

export type EnquiryRow = typeof volunteerEnquiries.$inferSelect;
export type EnquiryValues = Omit<typeof volunteerEnquiries.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type OfferRow = typeof volunteerOffers.$inferSelect;
export type OfferValues = Omit<typeof volunteerOffers.$inferInsert, 'id' | 'updatedAt'>;

/** Enquiries referred to the offer's organisation with success. */
const referralCount = sql<number>`(select count(*) from volunteer_enquiries e where e.organisation_id = "volunteer_offers"."organisation_id" and e.outcome = 'vermittelt')`;

/** SQL of the volunteering enquiries and the organisations' offers. */
export function volunteeringRepository(db: Db) {
  const enquiries = () =>
    db
      .select({ enquiry: volunteerEnquiries, citizen: citizens, organisation: contacts })
      .from(volunteerEnquiries)
      .leftJoin(citizens, eq(citizens.id, volunteerEnquiries.citizenId))
      .leftJoin(contacts, eq(contacts.id, volunteerEnquiries.organisationId));
  const offers = () =>
    db
      .select({ offer: volunteerOffers, organisation: contacts, referrals: referralCount })
      .from(volunteerOffers)
      .innerJoin(contacts, eq(contacts.id, volunteerOffers.organisationId));

  return {
    /** Open enquiries first, then the newest. */
    enquiries(outcome?: EnquiryRow['outcome']) {
      return enquiries()
        .where(outcome ? eq(volunteerEnquiries.outcome, outcome) : undefined)
        .orderBy(desc(sql`${volunteerEnquiries.outcome} = 'offen'`), desc(volunteerEnquiries.receivedOn), desc(volunteerEnquiries.id))
        .all();
    },
    enquiry(id: number) {
      return enquiries().where(eq(volunteerEnquiries.id, id)).get();
    },
    insertEnquiry(values: EnquiryValues, at: string): EnquiryRow {
      return db
        .insert(volunteerEnquiries)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning()
        .get();
    },
    updateEnquiry(id: number, values: Partial<EnquiryValues>, at: string): EnquiryRow | undefined {
      return db
        .update(volunteerEnquiries)
        .set({ ...values, updatedAt: at })
        .where(eq(volunteerEnquiries.id, id))
        .returning()
        .get();
    },

    offers(filter: { activeOnly: boolean }) {
      const conditions: SQL[] = [];
      if (filter.activeOnly) conditions.push(eq(volunteerOffers.active, true));
      return offers()
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(asc(volunteerOffers.field), asc(contacts.name), asc(volunteerOffers.id))
        .all();
    },
    offer(id: number) {
      return offers().where(eq(volunteerOffers.id, id)).get();
    },
    insertOffer(values: OfferValues, at: string): OfferRow {
      return db
        .insert(volunteerOffers)
        .values({ ...values, updatedAt: at })
        .returning()
        .get();
    },
    updateOffer(id: number, values: Partial<OfferValues>, at: string): OfferRow | undefined {
      return db
        .update(volunteerOffers)
        .set({ ...values, updatedAt: at })
        .where(eq(volunteerOffers.id, id))
        .returning()
        .get();
    },
    deleteOffer(id: number): void {
      db.delete(volunteerOffers).where(eq(volunteerOffers.id, id)).run();
    },

    contact(id: number) {
      return db.select().from(contacts).where(eq(contacts.id, id)).get();
    },
  };
}
