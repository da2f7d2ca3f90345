import { and, asc, between, eq, inArray } from 'drizzle-orm';
import type { Engine } from '../../../db/engine';
import type { GreetingRecipientsRule } from '../../api/schemas/greetings';

type Tables = Engine['t'];
export type GreetingRuleRow = Omit<Tables['greetingRules']['$inferSelect'], 'recipients'> & { recipients: GreetingRecipientsRule };
export type GreetingExtraRow = Tables['greetingExtras']['$inferSelect'];
export type GreetingConfirmationRow = Tables['greetingConfirmations']['$inferSelect'];
export type GreetingDispatchRow = Tables['greetingDispatches']['$inferSelect'];
export type ContactRow = Tables['contacts']['$inferSelect'];

/** SQL of the greetings plan: rules, staff-added dates, confirmed dates, letters produced. */
export function greetingsRepository({ db, t, dsql }: Engine) {
  const { contacts, contactTags, greetingConfirmations, greetingDispatches, greetingExtras, greetingRules, letters, signers } = t;
  return {
    async rules(): Promise<GreetingRuleRow[]> {
      return (await db.select().from(greetingRules)) as GreetingRuleRow[];
    },
    async putRule(row: GreetingRuleRow): Promise<void> {
      const { key, ...values } = row;
      await db.insert(greetingRules).values(row).onConflictDoUpdate({ target: greetingRules.key, set: values });
    },
    async deleteRule(key: string): Promise<void> {
      await db.delete(greetingRules).where(eq(greetingRules.key, key));
    },

    extras(): Promise<GreetingExtraRow[]> {
      return db.select().from(greetingExtras).orderBy(asc(greetingExtras.date), asc(greetingExtras.name), asc(greetingExtras.id));
    },
    async findExtra(id: number): Promise<GreetingExtraRow | undefined> {
      const [row] = await db.select().from(greetingExtras).where(eq(greetingExtras.id, id)).limit(1);
      return row;
    },
    async insertExtra(values: Omit<GreetingExtraRow, 'id'>): Promise<GreetingExtraRow> {
      const [row] = await db.insert(greetingExtras).values(values).returning();
      return row!;
    },
    async updateExtra(id: number, values: Omit<GreetingExtraRow, 'id'>): Promise<GreetingExtraRow> {
      const [row] = await db.update(greetingExtras).set(values).where(eq(greetingExtras.id, id)).returning();
      return row!;
    },
    async deleteExtra(id: number): Promise<void> {
      await db.delete(greetingExtras).where(eq(greetingExtras.id, id));
    },

    confirmations(year: number): Promise<GreetingConfirmationRow[]> {
      return db.select().from(greetingConfirmations).where(eq(greetingConfirmations.year, year));
    },
    async putConfirmation(row: GreetingConfirmationRow): Promise<GreetingConfirmationRow> {
      const { key: _k, year: _y, computedDate: _c, ...values } = row;
      const [saved] = await db
        .insert(greetingConfirmations)
        .values(row)
        .onConflictDoUpdate({ target: [greetingConfirmations.key, greetingConfirmations.year, greetingConfirmations.computedDate], set: values })
        .returning();
      return saved!;
    },

    /** Letters produced for occasions whose day lies in `year`, in the order produced. */
    dispatches(year: number): Promise<GreetingDispatchRow[]> {
      return db
        .select()
        .from(greetingDispatches)
        .where(between(greetingDispatches.date, `${year}-01-01`, `${year}-12-31`))
        .orderBy(asc(greetingDispatches.id));
    },
    /** The letters of one occasion (its day and, where confirmed differently, the computed day). */
    dispatchedLetters(key: string, dates: string[]) {
      return db
        .select({
          letterId: letters.id,
          contactId: greetingDispatches.contactId,
          recipientName: letters.recipientName,
          templateId: letters.templateId,
          status: letters.status,
          letterDate: letters.letterDate,
          approvedBy: greetingDispatches.approvedBy,
        })
        .from(greetingDispatches)
        .innerJoin(letters, eq(letters.id, greetingDispatches.letterId))
        .where(and(eq(greetingDispatches.key, key), inArray(greetingDispatches.date, dates)))
        .orderBy(asc(letters.recipientName), asc(letters.id));
    },
    async insertDispatch(values: Omit<GreetingDispatchRow, 'id'>): Promise<void> {
      await db.insert(greetingDispatches).values(values);
    },

    /** Contacts with any of the tags, with the tag they were found by (sorted by protocol name). */
    async membersOf(tags: string[]): Promise<Array<{ tag: string; contact: ContactRow }>> {
      if (tags.length === 0) return [];
      return db
        .select({ tag: contactTags.tag, contact: contacts })
        .from(contactTags)
        .innerJoin(contacts, eq(contacts.id, contactTags.contactId))
        .where(inArray(contactTags.tag, tags))
        .orderBy(asc(contacts.sortName), asc(contacts.id), asc(contactTags.tag));
    },
    async contacts(ids: number[]): Promise<ContactRow[]> {
      return ids.length ? db.select().from(contacts).where(dsql.inIds(contacts.id, ids)) : [];
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

export type GreetingsRepository = ReturnType<typeof greetingsRepository>;
