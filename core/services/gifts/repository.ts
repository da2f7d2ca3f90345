import { and, asc, desc, eq, gte, like, sql } from 'drizzle-orm';
import type { Engine } from '../../../db/engine';
import { updateAtRevision, type RevisionedRecord, type RevisionTarget } from '../../../db/engine/revision';

type Tables = Engine['t'];
export type GiftItemRow = Tables['giftItems']['$inferSelect'];
export type GiftItemValues = Omit<Tables['giftItems']['$inferInsert'], 'id' | 'revision'>;
export type GiftGivenValues = Omit<Tables['giftsGiven']['$inferInsert'], 'id' | 'createdAt'>;
export type GiftReceivedValues = Omit<Tables['giftsReceived']['$inferInsert'], 'id' | 'createdAt' | 'revision'>;

/** How STALE names a stock item and a gift received (the audit log's entities, as the service writes them). */
const ITEM: RevisionedRecord = { entity: 'gift-item', thisOne: 'Dieses Geschenk im Bestand', it: 'es' };
const RECEIVED: RevisionedRecord = { entity: 'gift-received', thisOne: 'Dieses erhaltene Geschenk', it: 'es' };

/**
 * How many of a stock item were given. Written out with table names: drizzle leaves the columns
 * of a select's own fields unqualified, and inside the subquery "id" would be the gift's id.
 * PostgreSQL's sum is numeric (text to node-postgres): read as a number.
 */
const givenOfItem = sql<number>`coalesce((select sum("gifts_given"."quantity") from "gifts_given" where "gifts_given"."item_id" = "gift_items"."id"), 0)`.mapWith(
  Number,
);

/** SQL of the gifts: the stock, gifts given and gifts received. */
export function giftsRepository(engine: Engine) {
  const { db, t, dsql } = engine;
  const { contacts, giftItems, giftsGiven, giftsReceived, visits } = t;
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
  const withGiven = () => db.select({ item: giftItems, given: givenOfItem }).from(giftItems);

  return {
    items() {
      return withGiven().orderBy(desc(giftItems.active), asc(giftItems.name), asc(giftItems.id));
    },
    async item(id: number) {
      const [row] = await withGiven().where(eq(giftItems.id, id)).limit(1);
      return row;
    },
    /**
     * The item, its row locked until the transaction ends: what is checked against its stock and
     * its earlier gifts stays true until the gift is written (two people giving the same item at
     * once would otherwise both see the last piece, or both miss the other's gift to the same person).
     */
    async lockItem(id: number): Promise<void> {
      await dsql.forUpdate(db.select({ id: giftItems.id }).from(giftItems).where(eq(giftItems.id, id)));
    },
    async insertItem(values: GiftItemValues): Promise<number> {
      const [row] = await db.insert(giftItems).values(values).returning({ id: giftItems.id });
      return row!.id;
    },
    /** Saves the item as loaded at `target.revision` (STALE when someone changed it or took from its stock since) and raises the revision. */
    async updateItem(target: RevisionTarget, values: GiftItemValues): Promise<void> {
      await updateAtRevision(engine, giftItems, ITEM, target, values);
    },
    /** Takes `quantity` pieces from the stock (a change of the item: its revision rises); false when fewer are left. */
    async takeFromStock(id: number, quantity: number): Promise<boolean> {
      const taken = await db
        .update(giftItems)
        .set({ quantity: sql`${giftItems.quantity} - ${quantity}`, revision: sql`${giftItems.revision} + 1` })
        .where(and(eq(giftItems.id, id), gte(giftItems.quantity, quantity)))
        .returning({ id: giftItems.id });
      return taken.length === 1;
    },

    given(filter: { contactId?: number; visitId?: number; itemId?: number }) {
      const conditions = [
        filter.contactId !== undefined ? eq(giftsGiven.contactId, filter.contactId) : undefined,
        filter.visitId !== undefined ? eq(giftsGiven.visitId, filter.visitId) : undefined,
        filter.itemId !== undefined ? eq(giftsGiven.itemId, filter.itemId) : undefined,
      ].filter((c) => c !== undefined);
      return given()
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(desc(giftsGiven.givenOn), desc(giftsGiven.id));
    },
    async givenOne(id: number) {
      const [row] = await given().where(eq(giftsGiven.id, id)).limit(1);
      return row;
    },
    /** Earlier gifts of the same item to the same person (by contact, or by the name as written), oldest first. */
    previous(itemId: number, recipient: { contactId: number } | { name: string }) {
      const who =
        'contactId' in recipient
          ? eq(giftsGiven.contactId, recipient.contactId)
          : dsql.foldedEquals(sql`trim(${giftsGiven.recipientName})`, recipient.name.trim());
      return given()
        .where(and(eq(giftsGiven.itemId, itemId), who))
        .orderBy(asc(giftsGiven.givenOn), asc(giftsGiven.id));
    },
    async insertGiven(values: GiftGivenValues, at: string): Promise<number> {
      const [row] = await db
        .insert(giftsGiven)
        .values({ ...values, createdAt: at })
        .returning({ id: giftsGiven.id });
      return row!.id;
    },

    received(filter: { year?: number; visitId?: number }) {
      const conditions = [
        filter.year !== undefined ? like(giftsReceived.receivedOn, `${filter.year}-%`) : undefined,
        filter.visitId !== undefined ? eq(giftsReceived.visitId, filter.visitId) : undefined,
      ].filter((c) => c !== undefined);
      return received()
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(desc(giftsReceived.receivedOn), desc(giftsReceived.id));
    },
    async receivedOne(id: number) {
      const [row] = await received().where(eq(giftsReceived.id, id)).limit(1);
      return row;
    },
    async insertReceived(values: GiftReceivedValues, at: string): Promise<number> {
      const [row] = await db
        .insert(giftsReceived)
        .values({ ...values, createdAt: at })
        .returning({ id: giftsReceived.id });
      return row!.id;
    },
    /** Saves the record as loaded at `target.revision` (STALE when someone changed it since) and raises the revision. */
    async updateReceived(target: RevisionTarget, values: GiftReceivedValues): Promise<void> {
      await updateAtRevision(engine, giftsReceived, RECEIVED, target, values);
    },

    async contact(id: number) {
      const [row] = await db.select().from(contacts).where(eq(contacts.id, id)).limit(1);
      return row;
    },
    async visitExists(id: number): Promise<boolean> {
      const [row] = await db.select({ id: visits.id }).from(visits).where(eq(visits.id, id)).limit(1);
      return row !== undefined;
    },
  };
}
