import { and, between, count, desc, eq, gte, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Engine, Tables } from '../../../db/engine';
import type { DateRange } from '../../domain/jubilees/candidate-ranges';

export type ResidentDbRow = Tables['residents']['$inferSelect'];
export type JubileeNotificationRow = Tables['jubileeNotifications']['$inferSelect'];

/** What to read for a jubilee list: the birth and marriage date ranges of the honoured ages. */
export interface CandidateSearch {
  births: readonly DateRange[];
  marriages: readonly DateRange[];
}

/** What the jubilee lists need of a resident (no import bookkeeping). */
export type JubileeResident = Omit<ResidentDbRow, 'rowHash' | 'importId' | 'updatedAt'>;

/**
 * SQL of the residents' register copy as the services read it, and of the jubilees' planned
 * visits and notifications (in the caller's transaction when there is one). The import writes
 * the copy through import-repository.ts.
 */
export function residentsRepository({ db, t, dsql }: Engine) {
  const { residents: r, residentImports, jubileeVisits, jubileeNotifications } = t;

  /** Who may appear on a jubilee list at all (DOMAIN.md C; the engine checks it again). */
  const listable = and(
    eq(r.gone, false),
    eq(r.objection, false),
    eq(r.informationBlock, false),
    eq(r.conditionalBlock, false),
    eq(r.movedAway, false),
    sql`coalesce(${r.deathDate}, '') = ''`,
  );
  const jubileeColumns = {
    registerId: r.registerId,
    surname: r.surname,
    givenNames: r.givenNames,
    degree: r.degree,
    gender: r.gender,
    birthDate: r.birthDate,
    street: r.street,
    houseNumber: r.houseNumber,
    postcode: r.postcode,
    city: r.city,
    district: r.district,
    marriageDate: r.marriageDate,
    spouseRegisterId: r.spouseRegisterId,
    deathDate: r.deathDate,
    movedAway: r.movedAway,
    objection: r.objection,
    informationBlock: r.informationBlock,
    conditionalBlock: r.conditionalBlock,
    gone: r.gone,
  };

  return {
    async lastImport() {
      const [row] = await db.select().from(residentImports).orderBy(desc(residentImports.id)).limit(1);
      return row;
    },

    visitsBetween(from: string, to: string) {
      return db
        .select()
        .from(jubileeVisits)
        .where(and(gte(jubileeVisits.jubileeKey, from), lte(jubileeVisits.jubileeKey, `${to}|~`)))
        .orderBy(jubileeVisits.jubileeKey, jubileeVisits.id);
    },
    async saveVisit(values: { jubileeKey: string; visitDate: string; visitor: string; note: string }, at: string) {
      const [row] = await db
        .insert(jubileeVisits)
        .values({ ...values, createdAt: at, updatedAt: at })
        .onConflictDoUpdate({ target: jubileeVisits.jubileeKey, set: { visitDate: values.visitDate, visitor: values.visitor, note: values.note, updatedAt: at } })
        .returning();
      return row!;
    },
    async deleteVisit(id: number): Promise<boolean> {
      return (await db.delete(jubileeVisits).where(eq(jubileeVisits.id, id)).returning({ id: jubileeVisits.id })).length > 0;
    },

    /** The recorded notifications of the jubilees between `from` and `to` (ISO dates). */
    notificationsBetween(from: string, to: string): Promise<JubileeNotificationRow[]> {
      return db
        .select()
        .from(jubileeNotifications)
        .where(and(gte(jubileeNotifications.jubileeKey, from), lte(jubileeNotifications.jubileeKey, `${to}|~`)));
    },
    /** Records, for each jubilee, that this notification was produced (or sent: `sent` set, or taken back: null). */
    async recordNotifications(
      jubileeKeys: readonly string[],
      action: JubileeNotificationRow['action'],
      change: { produced: { at: string; user: string } } | { sent: { at: string; user: string } | null },
    ): Promise<void> {
      if (jubileeKeys.length === 0) return;
      const values =
        'produced' in change
          ? { producedAt: change.produced.at, producedBy: change.produced.user }
          : { sentAt: change.sent?.at ?? null, sentBy: change.sent?.user ?? null };
      await db
        .insert(jubileeNotifications)
        .values(jubileeKeys.map((jubileeKey) => ({ jubileeKey, action, ...values })))
        .onConflictDoUpdate({
          target: [jubileeNotifications.jubileeKey, jubileeNotifications.action],
          set: 'produced' in change
            ? { producedAt: sql`excluded.produced_at`, producedBy: sql`excluded.produced_by` }
            : { sentAt: sql`excluded.sent_at`, sentBy: sql`excluded.sent_by` },
        });
    },

    /**
     * One index lookup per district (residents_current_district_idx), not a pass over every
     * resident. `gone = false` is written into the SQL (dsql.literal): only so does SQLite use
     * that partial index (`where gone = 0`); so in `count` too.
     */
    async districts(): Promise<string[]> {
      const current = sql`gone = ${dsql.literal(false)}`;
      const { rows } = await db.execute<{ district: string }>(
        sql`with recursive walk(district) as (
              select (select min(district) from ${r} where ${current} and district > '')
              union all
              select (select min(district) from ${r} where ${current} and district > walk.district) from walk where walk.district is not null
            )
            select district as "district" from walk where district is not null`,
      );
      return rows.map((row) => row.district);
    },

    async count(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(r).where(sql`${r.gone} = ${dsql.literal(false)}`);
      return row!.n;
    },

    /**
     * The listable residents (no objection, no block under § 51 or § 52 BMG, not deceased,
     * not moved away, not gone) born, or married with a spouse on record, within the given
     * date ranges, optionally of one district. A person is returned once. Spouses are not
     * read apart: a couple is listed only with both spouses listable, married on the same
     * day and in the district, and then both are inside the ranges.
     */
    async jubileeCandidates(search: CandidateSearch, district?: string): Promise<JubileeResident[]> {
      const found = new Map<string, JubileeResident>();
      const read = async (dateColumn: typeof r.birthDate | typeof r.marriageDate, ranges: readonly DateRange[], extra?: SQL) => {
        if (ranges.length === 0) return;
        const dates = or(...ranges.map((range) => (range.from === null ? lte(dateColumn, range.to) : between(dateColumn, range.from, range.to))));
        // `district || ''`: never the district index (a whole district is far more than a few dates).
        const inDistrict = district ? sql`(${r.district} || '') = ${district}` : undefined;
        for (const row of await db.select(jubileeColumns).from(r).where(and(dates, listable, extra, inDistrict))) {
          if (!found.has(row.registerId)) found.set(row.registerId, row);
        }
      };
      await read(r.birthDate, search.births);
      await read(r.marriageDate, search.marriages, ne(r.spouseRegisterId, ''));
      return [...found.values()];
    },
  };
}
