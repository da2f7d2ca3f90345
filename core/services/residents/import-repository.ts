import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { jubileeVisits, residentImports } from '../../../db/schema';
import type { ResidentRow } from './register-extract';

/**
 * SQL of the register import (residents-import.ts) on the SQLite file's own synchronous
 * connection — the background worker's, or the demo's inside its transaction. Bulk writes use
 * prepared statements (500,000 rows). Everything else reads the register through the engine
 * (repository.ts). Office mode (PostgreSQL): import-postgres-repository.ts.
 */
export function registerImportRepository(db: Db) {
  const client = db.$client;
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
  };
}
