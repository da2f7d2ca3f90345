import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../../db/open';
import { jubileeNotifications, jubileeVisits, residentImports, residents } from '../../../db/schema';
import type { DateRange } from '../../domain/jubilees/candidate-ranges';
import type { ResidentRow } from './register-extract';

export type ResidentDbRow = typeof residents.$inferSelect;

/** SQL of the residents' register copy. Bulk writes use prepared statements (500,000 rows). */
export function residentsRepository(db: Db) {
  const client = db.$client;
  /** Prepared once per text: a jubilee query has one of a few shapes. */
  const statements = new Map<string, Statement>();
  const statement = (source: string): Statement => {
    let prepared = statements.get(source);
    if (!prepared) {
      if (statements.size >= 64) statements.clear();
      prepared = client.prepare(source);
      statements.set(source, prepared);
    }
    return prepared;
  };
  return {
    /**
     * What an import needs to compare an extract with the stored copy without holding half a
     * million ids in memory: the stored fingerprint of a person, and which ids the extract
     * named (a temporary table of this connection, emptied at the start).
     */
    extractComparison() {
      client.exec('create temp table if not exists import_seen (register_id text primary key, line integer not null) without rowid');
      client.exec('delete from import_seen');
      const stored = client.prepare('select row_hash, gone from residents where register_id = ?').raw();
      const insertSeen = client.prepare('insert into import_seen (register_id, line) values (?, ?) on conflict do nothing');
      const seenLine = client.prepare('select line from import_seen where register_id = ?').pluck();
      const unseen = client.prepare('select register_id from residents where gone = 0 and register_id not in (select register_id from import_seen)').pluck();
      return {
        /** The stored row hash and whether the person is marked gone; undefined when new. */
        stored(registerId: string): { hash: string; gone: boolean } | undefined {
          const row = stored.get(registerId) as [string, number] | undefined;
          return row && { hash: row[0], gone: row[1] === 1 };
        },
        /** Records that the extract names this id on this line; the earlier line when it did already. */
        see(registerId: string, line: number): number | undefined {
          if (insertSeen.run(registerId, line).changes > 0) return undefined;
          return seenLine.get(registerId) as number;
        },
        /** Stored people (not yet gone) the extract did not name. */
        unseenIds(): string[] {
          return unseen.all() as string[];
        },
        clear(): void {
          client.exec('delete from import_seen');
        },
      };
    },

    /**
     * A function that writes one new (insert) or changed (update) row; use inside a transaction.
     * Positional parameters and no upsert: half a million rows in a few seconds.
     */
    writer(importId: number, at: string): (row: ResidentRow, hash: string, isNew: boolean) => void {
      const columns =
        'surname, given_names, degree, gender, birth_date, street, house_number, postcode, city, district, ' +
        'marriage_date, spouse_register_id, death_date, moved_away, objection, information_block, ' +
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
          row.street,
          row.houseNumber,
          row.postcode,
          row.city,
          row.district,
          row.marriageDate,
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
    /** The recorded notifications of the jubilees between `from` and `to` (ISO dates). */
    notificationsBetween(from: string, to: string): JubileeNotificationRow[] {
      return db
        .select()
        .from(jubileeNotifications)
        .where(and(gte(jubileeNotifications.jubileeKey, from), lte(jubileeNotifications.jubileeKey, `${to}|~`)))
        .all();
    },
    /** Records, for each jubilee, that this notification was produced (or sent: `sent` set, or taken back: null). */
    recordNotifications(
      jubileeKeys: readonly string[],
      action: JubileeNotificationRow['action'],
      change: { produced: { at: string; user: string } } | { sent: { at: string; user: string } | null },
    ): void {
      if (jubileeKeys.length === 0) return;
      const values =
        'produced' in change
          ? { producedAt: change.produced.at, producedBy: change.produced.user }
          : { sentAt: change.sent?.at ?? null, sentBy: change.sent?.user ?? null };
      db.insert(jubileeNotifications)
        .values(jubileeKeys.map((jubileeKey) => ({ jubileeKey, action, ...values })))
        .onConflictDoUpdate({
          target: [jubileeNotifications.jubileeKey, jubileeNotifications.action],
          set: 'produced' in change
            ? { producedAt: sql`excluded.produced_at`, producedBy: sql`excluded.produced_by` }
            : { sentAt: sql`excluded.sent_at`, sentBy: sql`excluded.sent_by` },
        })
        .run();
    },
    deleteVisit(id: number): boolean {
      return db.delete(jubileeVisits).where(eq(jubileeVisits.id, id)).run().changes > 0;
    },

    /** One index lookup per district (residents_current_district_idx), not a pass over every resident. */
    districts(): string[] {
      return client
        .prepare(
          `with recursive next(district) as (
             select (select min(district) from residents where gone = 0 and district > '')
             union all
             select (select min(district) from residents where gone = 0 and district > next.district) from next where next.district is not null
           )
           select district from next where district is not null`,
        )
        .pluck()
        .all() as string[];
    },

    count(): number {
      return db.select({ n: sql<number>`count(*)` }).from(residents).where(sql`${residents.gone} = 0`).get()!.n;
    },

    /**
     * The listable residents (no objection, no block under § 51 or § 52 BMG, not deceased,
     * not moved away, not gone) born, or married with a spouse on record, within the given
     * date ranges, optionally of one district. A person is returned once. Spouses are not
     * read apart: a couple is listed only with both spouses listable, married on the same
     * day and in the district, and then both are inside the ranges.
     */
    jubileeCandidates(search: CandidateSearch, district?: string): JubileeResident[] {
      const found = new Map<string, JubileeResident>();
      const read = (dateColumn: string, ranges: readonly DateRange[], extra: string) => {
        if (ranges.length === 0) return;
        const dates = ranges.map((r) => (r.from === null ? `${dateColumn} <= ?` : `${dateColumn} between ? and ?`)).join(' or ');
        const dateParams = ranges.flatMap((r) => (r.from === null ? [r.to] : [r.from, r.to]));
        // "+district": never the district index (a whole district is far more than a few dates).
        const source = `select ${JUBILEE_COLUMNS} from residents where (${dates}) and ${LISTABLE}${extra}${district ? ' and +district = ?' : ''}`;
        const params = [...dateParams, ...(district ? [district] : [])];
        for (const row of statement(source).raw().iterate(...params) as Iterable<unknown[]>) {
          if (!found.has(row[0] as string)) found.set(row[0] as string, jubileeResidentOf(row));
        }
      };
      read('birth_date', search.births, '');
      read('marriage_date', search.marriages, " and spouse_register_id <> ''");
      return [...found.values()];
    },
  };
}

export type JubileeNotificationRow = typeof jubileeNotifications.$inferSelect;

/** What to read for a jubilee list: the birth and marriage date ranges of the honoured ages. */
export interface CandidateSearch {
  births: readonly DateRange[];
  marriages: readonly DateRange[];
}

/** What the jubilee lists need of a resident (no import bookkeeping). */
export type JubileeResident = Omit<ResidentDbRow, 'rowHash' | 'importId' | 'updatedAt'>;

const JUBILEE_COLUMNS =
  'register_id, surname, given_names, degree, gender, birth_date, street, house_number, postcode, city, district, ' +
  'marriage_date, spouse_register_id, death_date, moved_away, objection, information_block, conditional_block, gone';

/** Who may appear on a jubilee list at all (DOMAIN.md C; the engine checks it again). */
const LISTABLE =
  "gone = 0 and objection = 0 and information_block = 0 and conditional_block = 0 and moved_away = 0 and coalesce(death_date, '') = ''";

function jubileeResidentOf(row: unknown[]): JubileeResident {
  return {
    registerId: row[0] as string,
    surname: row[1] as string,
    givenNames: row[2] as string,
    degree: row[3] as string,
    gender: row[4] as JubileeResident['gender'],
    birthDate: row[5] as string,
    street: row[6] as string,
    houseNumber: row[7] as string,
    postcode: row[8] as string,
    city: row[9] as string,
    district: row[10] as string,
    marriageDate: (row[11] as string | null) ?? null,
    spouseRegisterId: (row[12] as string | null) ?? null,
    deathDate: (row[13] as string | null) ?? null,
    movedAway: row[14] === 1,
    objection: row[15] === 1,
    informationBlock: row[16] === 1,
    conditionalBlock: row[17] === 1,
    gone: row[18] === 1,
  };
}
