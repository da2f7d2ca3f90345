import { and, asc, desc, eq, gte, like, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { contacts, giftItems, giftsGiven, giftsReceived, visits } from '../../../db/schema';

export type GiftItemRow = typeof giftItems.$inferSelect;
export type GiftItemValues = Omit<typeof giftItems.$inferInsert, 'id'>;
export type GiftGivenValues = Omit<typeof giftsGiven.$inferInsert, 'id' | 'createdAt'>;
export type GiftReceivedValues = Omit<typeof giftsReceived.$inferInsert, 'id' | 'createdAt'>;

/**
 * How many of a stock item were given. Written out with table names: drizzle leaves the columns
 * of a select's own fields unqualified, and inside the subquery "id" would be the gift's id.
 */
const givenOfItem = sql<number>`coalesce((select sum("gifts_given"."quantity") from "gifts_given" where "gifts_given"."item_id" = "gift_items"."id"), 0)`;

/** SQL of the gifts: the stock, gifts given and gifts received. */
export function giftsRepository(db: Db) {
  const given = () =>
    db
      .select({ given: giftsGiven, itemName: giftItems.name, unitValueCents: giftItems.unitValueCents, visit: visits.title })
      .from(giftsGiven)
      .leftJoin(giftItems, eq(giftItems.id, giftsGiven.itemId))
      .leftJoin(visits, eq(visits.id, giftsGiven.visitId));
  const received = () =>
    db
      .select({ received: giftsReceived, visit: visits.title })
      .from(giftsReceived)
      .leftJoin(visits, eq(visits.id, giftsReceived.visitId));

  return {
    items() {
      return db
        .select({
          item: giftItems,
          given: givenOfItem,
        })
        .from(giftItems)
        .orderBy(desc(giftItems.active), asc(giftItems.name))
        .all();
    },
    item(id: number) {
      return db
        .select({
          item: giftItems,
          given: givenOfItem,
        })
        .from(giftItems)
        .where(eq(giftItems.id, id))
        .get();
    },
    insertItem(values: GiftItemValues): number {
      return db.insert(giftItems).values(values).returning({ id: giftItems.id }).get().id;
    },
    updateItem(id: number, values: GiftItemValues): void {
      db.update(giftItems).set(values).where(eq(giftItems.id, id)).run();
    },
    /** Takes `quantity` pieces from the stock; false when fewer are left. */
    takeFromStock(id: number, quantity: number): boolean {
      const result = db
        .update(giftItems)
        .set({ quantity: sql`${giftItems.quantity} - ${quantity}` })
        .where(and(eq(giftItems.id, id), gte(giftItems.quantity, quantity)))
        .run();
      return result.changes === 1;
    },

    given(filter: { contactId?: number; visitId?: number; itemId?: number }) {
      const conditions = [
        filter.contactId !== undefined ? eq(giftsGiven.contactId, filter.contactId) : undefined,
        filter.visitId !== undefined ? eq(giftsGiven.visitId, filter.visitId) : undefined,
        filter.itemId !== undefined ? eq(giftsGiven.itemId, filter.itemId) : undefined,
      ].filter((c) => c !== undefined);
      return given()
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(desc(giftsGiven.givenOn), desc(giftsGiven.id))
        .all();
    },
    givenOne(id: number) {
      return given().where(eq(giftsGiven.id, id)).get();
    },
    /** Earlier gifts of the same item to the same person (by contact, or by the name as written), oldest first. */
    previous(itemId: number, recipient: { contactId: number } | { name: string }) {
      const who =
        'contactId' in recipient
          ? eq(giftsGiven.contactId, recipient.contactId)
          : sql`lower(trim(${giftsGiven.recipientName})) = ${recipient.name.trim().toLowerCase()}`;
      return given()
        .where(and(eq(giftsGiven.itemId, itemId), who))
        .orderBy(asc(giftsGiven.givenOn), asc(giftsGiven.id))
        .all();
    },
    insertGiven(values: GiftGivenValues, at: string): number {
      return db
        .insert(giftsGiven)
        .values({ ...values, createdAt: at })
        .returning({ id: giftsGiven.id })
        .get().id;
    },

    received(filter: { year?: number; visitId?: number }) {
      const conditions = [
        filter.year !== undefined ? like(giftsReceived.receivedOn, `${filter.year}-%`) : undefined,
        filter.visitId !== undefined ? eq(giftsReceived.visitId, filter.visitId) : undefined,
      ].filter((c) => c !== undefined);
      return received()
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(desc(giftsReceived.receivedOn), desc(giftsReceived.id))
        .all();
    },
    receivedOne(id: number) {
      return received().where(eq(giftsReceived.id, id)).get();
    },
    insertReceived(values: GiftReceivedValues, at: string): number {
      return db
        .insert(giftsReceived)
        .values({ ...values, createdAt: at })
        .returning({ id: giftsReceived.id })
        .get().id;
    },
    updateReceived(id: number, values: GiftReceivedValues): void {
      db.update(giftsReceived).set(values).where(eq(giftsReceived.id, id)).run();
    },

    contact(id: number) {
      return db.select().from(contacts).where(eq(contacts.id, id)).get();
    },
    visitExists(id: number): boolean {
      return db.select({ id: visits.id }).from(visits).where(eq(visits.id, id)).get() !== undefined;
    },
  };
}
