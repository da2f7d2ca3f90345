import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { jubileeVisits, residentImports, residents } from '../../../db/schema';
import type { ResidentRow } from './register-extract';

export type ResidentDbRow = typeof residents.$inferSelect;

/** SQL of the residents' register copy. Bulk writes use prepared statements (500,000 rows). */
export function residentsRepository(db: Db) {
  const client = db.$client;
  return {
    /** register id → [row hash, gone] of everyone stored. */
    fingerprints(): Map<string, { hash: string; gone: boolean }> {
      const map = new Map<string, { hash: string; gone: boolean }>();
      for (const row of client.prepare('select register_id, row_hash, gone from residents').raw().iterate() as Iterable<[string, string, number]>) {
        map.set(row[0], { hash: row[1], gone: row[2] === 1 });
      }
      return map;
    },

    /**
     * A function that writes one new (insert) or changed (update) row; use inside a transaction.
     * Positional parameters and no upsert: half a million rows in a few seconds.
     */
    writer(importId: number, at: string): (row: ResidentRow, hash: string, isNew: boolean) => void {
      const columns =
        'surname, given_names, degree, gender, birth_date, birth_month_day, street, house_number, postcode, city, district, ' +
        'marriage_date, marriage_month_day, spouse_register_id, death_date, moved_away, objection, information_block, ' +
        'conditional_block, gone, row_hash, import_id, updated_at';
      const insert = client.prepare(`insert into residents (${columns}, register_id) values (${columns.split(',').map(() => '?').join(', ')}, ?)`);
      const update = client.prepare(`update residents set ${columns.split(', ').map((c) => `${c} = ?`).join(', ')} where register_id = ?`);
      return (row, hash, isNew) => {
        (isNew ? insert : update).run(
          row.surname,
          row.givenNames,
          row.degree,
          row.gender,
          row.birthDate,
          row.birthDate.slice(5),
          row.street,
          row.houseNumber,
          row.postcode,
          row.city,
          row.district,
          row.marriageDate,
          row.marriageDate ? row.marriageDate.slice(5) : null,
          row.spouseRegisterId,
          row.deathDate,
          row.movedAway ? 1 : 0,
          row.objection ? 1 : 0,
          row.informationBlock ? 1 : 0,
          row.conditionalBlock ? 1 : 0,
          0,
          hash,
          importId,
          at,
          row.registerId,
        );
      };
    },

    /** Marks people gone who are no longer in the extract; call inside a transaction. */
    markGone(registerIds: readonly string[], importId: number, at: string): void {
      const statement = client.prepare('update residents set gone = 1, import_id = ?, updated_at = ? where register_id = ?');
      for (const id of registerIds) statement.run(importId, at, id);
    },

    updateImportCounts(id: number, counts: { added: number; changed: number; unchanged: number; gone: number; rejected: number }): void {
      db.update(residentImports).set(counts).where(eq(residentImports.id, id)).run();
    },

    recordImport(values: typeof residentImports.$inferInsert): number {
      return db.insert(residentImports).values(values).returning({ id: residentImports.id }).get().id;
    },

    lastImport() {
      return db.select().from(residentImports).orderBy(desc(residentImports.id)).limit(1).get();
    },

    visitsBetween(from: string, to: string) {
      return db
        .select()
        .from(jubileeVisits)
        .where(and(gte(jubileeVisits.jubileeKey, from), lte(jubileeVisits.jubileeKey, `${to}|~`)))
        .orderBy(jubileeVisits.jubileeKey)
        .all();
    },
    saveVisit(values: { jubileeKey: string; visitDate: string; visitor: string; note: string }, at: string) {
      return db
        .insert(jubileeVisits)
        .values({ ...values, createdAt: at, updatedAt: at })
        .onConflictDoUpdate({ target: jubileeVisits.jubileeKey, set: { visitDate: values.visitDate, visitor: values.visitor, note: values.note, updatedAt: at } })
        .returning()
        .get();
    },
    /** Removes the planned visits of these residents; returns what was removed. */
    dropVisitsOf(registerIds: readonly string[]) {
      if (registerIds.length === 0) return [];
      const ids = new Set(registerIds);
      const affected = db
        .select()
        .from(jubileeVisits)
        .all()
        .filter((v) => v.jubileeKey.split('|')[2].split(',').some((id) => ids.has(id)));
      for (const visit of affected) db.delete(jubileeVisits).where(eq(jubileeVisits.id, visit.id)).run();
      return affected;
    },
    deleteVisit(id: number): boolean {
      return db.delete(jubileeVisits).where(eq(jubileeVisits.id, id)).run().changes > 0;
    },

    districts(): string[] {
      return client.prepare("select distinct district from residents where gone = 0 and district <> '' order by district").pluck().all() as string[];
    },

    count(): number {
      return db.select({ n: sql<number>`count(*)` }).from(residents).where(sql`${residents.gone} = 0`).get()!.n;
    },

    /**
     * Residents whose birthday or wedding day (month-day) falls into the given month-day ranges,
     * plus their spouses (needed to decide about couples). Ranges: [from, to] as "MM-DD".
     */
    candidates(
      ranges: ReadonlyArray<[string, string]>,
      limits: { bornUpTo: string; marriedUpTo: string },
      district?: string,
    ): ResidentDbRow[] {
      const within = (column: string) => ranges.map(() => `${column} between ? and ?`).join(' or ');
      const params = ranges.flat();
      const districtClause = district ? ' and district = ?' : '';
      const districtParams = district ? [district] : [];
      // Two index range scans rather than one OR (which SQLite plans as a slower multi-index OR).
      const births = client
        .prepare(`select * from residents where (${within('birth_month_day')}) and birth_date <= ? and gone = 0${districtClause}`)
        .all(...params, limits.bornUpTo, ...districtParams) as Record<string, unknown>[];
      const weddings = client
        .prepare(`select * from residents where (${within('marriage_month_day')}) and marriage_date <= ? and gone = 0${districtClause}`)
        .all(...params, limits.marriedUpTo, ...districtParams) as Record<string, unknown>[];
      const seenIds = new Set<string>();
      const rows = [...births, ...weddings].filter((row) => {
        const id = row.register_id as string;
        if (seenIds.has(id)) return false;
        seenIds.add(id);
        return true;
      });
      const found = rows.map(fromSql);
      const ids = new Set(found.map((r) => r.registerId));
      const spouseIds = [...new Set(found.map((r) => r.spouseRegisterId).filter((id): id is string => Boolean(id) && !ids.has(id!)))];
      const spouses: ResidentDbRow[] = [];
      for (let i = 0; i < spouseIds.length; i += 500) {
        const chunk = spouseIds.slice(i, i + 500);
        const more = client.prepare(`select * from residents where register_id in (${chunk.map(() => '?').join(',')})`).all(...chunk) as Record<string, unknown>[];
        spouses.push(...more.map(fromSql));
      }
      return [...found, ...spouses];
    },
  };
}

function fromSql(row: Record<string, unknown>): ResidentDbRow {
  return {
    registerId: row.register_id as string,
    surname: row.surname as string,
    givenNames: row.given_names as string,
    degree: row.degree as string,
    gender: row.gender as ResidentDbRow['gender'],
    birthDate: row.birth_date as string,
    birthMonthDay: row.birth_month_day as string,
    street: row.street as string,
    houseNumber: row.house_number as string,
    postcode: row.postcode as string,
    city: row.city as string,
    district: row.district as string,
    marriageDate: (row.marriage_date as string | null) ?? null,
    marriageMonthDay: (row.marriage_month_day as string | null) ?? null,
    spouseRegisterId: (row.spouse_register_id as string | null) ?? null,
    deathDate: (row.death_date as string | null) ?? null,
    movedAway: row.moved_away === 1,
    objection: row.objection === 1,
    informationBlock: row.information_block === 1,
    conditionalBlock: row.conditional_block === 1,
    gone: row.gone === 1,
    rowHash: row.row_hash as string,
    importId: row.import_id as number,
    updatedAt: row.updated_at as string,
  };
}
