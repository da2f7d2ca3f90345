import { and, asc, between, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  contacts,
  contactTags,
  greetingConfirmations,
  greetingDispatches,
  greetingExtras,
  greetingRules,
  letters,
  signers,
} from '../../../db/schema';
import type { GreetingRecipientsRule } from '../../api/schemas/greetings';

export type GreetingRuleRow = Omit<typeof greetingRules.$inferSelect, 'recipients'> & { recipients: GreetingRecipientsRule };
export type GreetingExtraRow = typeof greetingExtras.$inferSelect;
export type GreetingConfirmationRow = typeof greetingConfirmations.$inferSelect;
export type GreetingDispatchRow = typeof greetingDispatches.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;

/** SQL of the greetings plan: rules, staff-added dates, confirmed dates, letters produced. */
export function greetingsRepository(db: Db) {
  return {
    rules(): GreetingRuleRow[] {
      return db.select().from(greetingRules).all() as GreetingRuleRow[];
    },
    putRule(row: GreetingRuleRow): void {
      const { key, ...values } = row;
      db.insert(greetingRules).values(row).onConflictDoUpdate({ target: greetingRules.key, set: values }).run();
    },
    deleteRule(key: string): void {
      db.delete(greetingRules).where(eq(greetingRules.key, key)).run();
    },

    extras(): GreetingExtraRow[] {
      return db.select().from(greetingExtras).orderBy(asc(greetingExtras.date), asc(greetingExtras.name)).all();
    },
    findExtra(id: number): GreetingExtraRow | undefined {
      return db.select().from(greetingExtras).where(eq(greetingExtras.id, id)).get();
    },
    insertExtra(values: Omit<GreetingExtraRow, 'id'>): GreetingExtraRow {
      return db.insert(greetingExtras).values(values).returning().get();
    },
    updateExtra(id: number, values: Omit<GreetingExtraRow, 'id'>): GreetingExtraRow {
      return db.update(greetingExtras).set(values).where(eq(greetingExtras.id, id)).returning().get()!;
    },
    deleteExtra(id: number): void {
      db.delete(greetingExtras).where(eq(greetingExtras.id, id)).run();
    },

    confirmations(year: number): GreetingConfirmationRow[] {
      return db.select().from(greetingConfirmations).where(eq(greetingConfirmations.year, year)).all();
    },
    putConfirmation(row: GreetingConfirmationRow): GreetingConfirmationRow {
      const { key: _k, year: _y, computedDate: _c, ...values } = row;
      return db
        .insert(greetingConfirmations)
        .values(row)
        .onConflictDoUpdate({ target: [greetingConfirmations.key, greetingConfirmations.year, greetingConfirmations.computedDate], set: values })
        .returning()
        .get();
    },

    /** Letters produced for occasions whose day lies in `year`. */
    dispatches(year: number): GreetingDispatchRow[] {
      return db
        .select()
        .from(greetingDispatches)
        .where(between(greetingDispatches.date, `${year}-01-01`, `${year}-12-31`))
        .all();
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
        .orderBy(asc(letters.recipientName))
        .all();
    },
    insertDispatch(values: Omit<GreetingDispatchRow, 'id'>): void {
      db.insert(greetingDispatches).values(values).run();
    },

    /** Contacts with any of the tags, with the tag they were found by (sorted by protocol name). */
    membersOf(tags: string[]): Array<{ tag: string; contact: ContactRow }> {
      if (tags.length === 0) return [];
      return db
        .select({ tag: contactTags.tag, contact: contacts })
        .from(contactTags)
        .innerJoin(contacts, eq(contacts.id, contactTags.contactId))
        .where(inArray(contactTags.tag, tags))
        .orderBy(asc(contacts.sortName), asc(contacts.id))
        .all();
    },
    contacts(ids: number[]): ContactRow[] {
      return ids.length ? db.select().from(contacts).where(inArray(contacts.id, ids)).all() : [];
    },

    /** The Oberbürgermeister/in: the first active signer who is nobody's deputy. */
    headSigner() {
      return db
        .select()
        .from(signers)
        .where(and(eq(signers.deputy, false), eq(signers.active, true)))
        .orderBy(asc(signers.sortOrder), asc(signers.id))
        .get();
    },
  };
}

export type GreetingsRepository = ReturnType<typeof greetingsRepository>;
