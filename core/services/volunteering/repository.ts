import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Engine } from '../../../db/engine';
import { deleteAtRevision, updateAtRevision, type RevisionedRecord, type RevisionTarget } from '../../../db/engine/revision';

type Tables = Engine['t'];
export type EnquiryRow = Tables['volunteerEnquiries']['$inferSelect'];
export type EnquiryValues = Omit<Tables['volunteerEnquiries']['$inferInsert'], 'id' | 'createdAt' | 'updatedAt'>;
export type OfferRow = Tables['volunteerOffers']['$inferSelect'];
export type OfferValues = Omit<Tables['volunteerOffers']['$inferInsert'], 'id' | 'updatedAt'>;

/** Enquiries referred to the offer's organisation with success (PostgreSQL counts as bigint: read as a number). */
const referralCount = sql<number>`(select count(*) from volunteer_enquiries e where e.organisation_id = "volunteer_offers"."organisation_id" and e.outcome = 'vermittelt')`.mapWith(
  Number,
);

/** SQL of the volunteering enquiries and the organisations' offers. */
/** How STALE names an enquiry and an offer (the audit log's entities, as the service writes them). */
const ENQUIRY: RevisionedRecord = { entity: 'volunteer_enquiry', thisOne: 'Diese Anfrage', it: 'sie' };
const OFFER: RevisionedRecord = { entity: 'volunteer_offer', thisOne: 'Dieses Angebot', it: 'es' };

export function volunteeringRepository(engine: Engine) {
  const { db, t } = engine;
  const { citizens, contacts, volunteerEnquiries, volunteerOffers } = t;
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
        .orderBy(desc(sql`${volunteerEnquiries.outcome} = 'offen'`), desc(volunteerEnquiries.receivedOn), desc(volunteerEnquiries.id));
    },
    async enquiry(id: number) {
      const [row] = await enquiries().where(eq(volunteerEnquiries.id, id)).limit(1);
      return row;
    },
    async insertEnquiry(values: EnquiryValues, at: string): Promise<EnquiryRow> {
      const [row] = await db
        .insert(volunteerEnquiries)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning();
      return row!;
    },
    /** Saves the enquiry as loaded at `target.revision` (STALE when someone changed it since) and raises the revision. */
    async updateEnquiry(target: RevisionTarget, values: Partial<EnquiryValues>, at: string): Promise<void> {
      await updateAtRevision(engine, volunteerEnquiries, ENQUIRY, target, { ...values, updatedAt: at });
    },

    offers(filter: { activeOnly: boolean }) {
      const conditions: SQL[] = [];
      if (filter.activeOnly) conditions.push(eq(volunteerOffers.active, true));
      return offers()
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(asc(volunteerOffers.field), asc(contacts.name), asc(volunteerOffers.id));
    },
    async offer(id: number) {
      const [row] = await offers().where(eq(volunteerOffers.id, id)).limit(1);
      return row;
    },
    async insertOffer(values: OfferValues, at: string): Promise<OfferRow> {
      const [row] = await db
        .insert(volunteerOffers)
        .values({ ...values, updatedAt: at })
        .returning();
      return row!;
    },
    /** Saves the offer as loaded at `target.revision` (STALE when someone changed it since) and raises the revision. */
    async updateOffer(target: RevisionTarget, values: Partial<OfferValues>, at: string): Promise<void> {
      await updateAtRevision(engine, volunteerOffers, OFFER, target, { ...values, updatedAt: at });
    },
    /** Deletes the offer as loaded at `target.revision` (STALE when someone changed it since). */
    async deleteOffer(target: RevisionTarget): Promise<void> {
      await deleteAtRevision(engine, volunteerOffers, OFFER, target);
    },

    async contact(id: number) {
      const [row] = await db.select().from(contacts).where(eq(contacts.id, id)).limit(1);
      return row;
    },
  };
}
