/**
 * SQL of the register import in office mode (PostgreSQL), on the import's own connection in the
 * background worker: the extract's accepted rows go with COPY into a temporary table, and the
 * comparison with the stored copy (new, changed, unchanged, gone) is one statement each, not
 * half a million round trips. Everything happens in the caller's transaction.
 */
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { encodeRow } from '../../../db/copy/copy-text';
import { REGISTER_FIELDS } from '../../domain/residents/register-fields';
import type { ResidentRow } from './register-extract';

/**
 * The key of the transaction lock an import that writes holds (pg_try_advisory_xact_lock): of
 * two PCs starting an import at once, one imports and the other is told so.
 */
export const IMPORT_LOCK = 7_104_202;

/** The imported columns (the register's fields, whose names are the columns') and the row's fingerprint, in the order of COPY's lines. */
const COLUMNS = [...REGISTER_FIELDS, 'row_hash'] as const;

/** A row as a line of COPY text for the temporary table (the values in the order of COLUMNS). */
export function importLine(row: ResidentRow, hash: string): string {
  return encodeRow([
    row.registerId,
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
    row.movedAway,
    row.objection,
    row.informationBlock,
    row.conditionalBlock,
    hash,
  ]);
}

export interface ImportComparison {
  added: number;
  changed: number;
  unchanged: number;
  /** Stored people (not gone) the extract does not name, not even in a rejected row. */
  goneIds: string[];
  /** People stored before whose changed row the register now blocks. */
  newlyBlocked: string[];
}

export async function connectForImport(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'Rathausbuero Melderegister-Import' });
  client.on('error', () => {
    // A dropped connection fails the running statement, which the import reports.
  });
  await client.connect();
  // This connection's own memory for the import: the temporary table of half a million rows
  // (~100 MB) stays in memory instead of going through the default 8 MB to disk, and the
  // comparison's joins and the index builds get room (per session, before any temporary table).
  await client.query("SET temp_buffers = '256MB'; SET work_mem = '64MB'; SET maintenance_work_mem = '256MB'");
  return client;
}

export function registerImportPostgresRepository(client: pg.Client) {
  return {
    begin: () => client.query('BEGIN'),
    commit: () => client.query('COMMIT'),
    /**
     * The planner's statistics of the register, in the import's transaction (ANALYZE counts its
     * rows): the jubilee lists right after an import are planned on the rows just written, not
     * on those of the extract before (or on guesses for an empty table) until autovacuum comes by.
     */
    async analyze(): Promise<void> {
      await client.query('ANALYZE residents');
    },
    rollback: () => client.query('ROLLBACK').then(() => {}, () => {}),

    /** Whether this transaction got the office's import lock (false: another PC imports right now). */
    async lockForImport(): Promise<boolean> {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [IMPORT_LOCK]);
      return rows[0]!.locked;
    },

    /** The temporary tables of this transaction: the extract's rows, and every register id it names. */
    async createStaging(): Promise<void> {
      await client.query(
        `CREATE TEMP TABLE import_rows ON COMMIT DROP AS SELECT ${COLUMNS.join(', ')} FROM residents WITH NO DATA;
         CREATE TEMP TABLE import_seen (register_id text) ON COMMIT DROP;`,
      );
    },

    /** COPYs the rows written to `file` (lines of `importLine`) into the temporary table; its key built once after. */
    async copyRows(file: string): Promise<void> {
      await pipeline(fs.createReadStream(file), client.query(copyFrom(`COPY import_rows (${COLUMNS.join(', ')}) FROM STDIN`)));
      await client.query('ALTER TABLE import_rows ADD PRIMARY KEY (register_id); ANALYZE import_rows');
    },

    /**
     * COPYs the register ids the extract names in rows it rejected into the temporary table (the
     * accepted rows' ids are in import_rows): a person named only there is not gone.
     */
    async copySeen(ids: Iterable<string>): Promise<void> {
      async function* lines() {
        let batch = '';
        for (const id of ids) {
          batch += encodeRow([id]);
          if (batch.length > 1 << 16) {
            yield batch;
            batch = '';
          }
        }
        if (batch) yield batch;
      }
      await pipeline(lines, client.query(copyFrom('COPY import_seen (register_id) FROM STDIN')));
      await client.query('ALTER TABLE import_seen ADD PRIMARY KEY (register_id); ANALYZE import_seen');
    },

    /** The extract against the stored copy. */
    async compare(): Promise<ImportComparison> {
      const counts = await client.query<{ added: number; changed: number; unchanged: number }>(
        `SELECT count(*) FILTER (WHERE r.register_id IS NULL)::int AS added,
                count(*) FILTER (WHERE r.register_id IS NOT NULL AND (r.row_hash <> s.row_hash OR r.gone))::int AS changed,
                count(*) FILTER (WHERE r.row_hash = s.row_hash AND NOT r.gone)::int AS unchanged
           FROM import_rows s LEFT JOIN residents r ON r.register_id = s.register_id`,
      );
      const blocked = await client.query<{ register_id: string }>(
        `SELECT s.register_id FROM import_rows s JOIN residents r ON r.register_id = s.register_id
          WHERE (r.row_hash <> s.row_hash OR r.gone)
            AND (s.objection OR s.information_block OR s.conditional_block OR s.death_date IS NOT NULL OR s.moved_away)
          ORDER BY s.register_id`,
      );
      const gone = await client.query<{ register_id: string }>(
        `SELECT register_id FROM residents r WHERE NOT r.gone
            AND NOT EXISTS (SELECT 1 FROM import_rows s WHERE s.register_id = r.register_id)
            AND NOT EXISTS (SELECT 1 FROM import_seen s WHERE s.register_id = r.register_id)
          ORDER BY register_id`,
      );
      return {
        ...counts.rows[0]!,
        goneIds: gone.rows.map((r) => r.register_id),
        newlyBlocked: blocked.rows.map((r) => r.register_id),
      };
    },

    async recordImport(values: { at: string; user: string; fileName: string }): Promise<number> {
      const { rows } = await client.query<{ id: number }>(
        'INSERT INTO resident_imports (at, "user", file_name, added, changed, unchanged, gone, rejected) VALUES ($1, $2, $3, 0, 0, 0, 0, 0) RETURNING id',
        [values.at, values.user, values.fileName],
      );
      return rows[0]!.id;
    },

    /**
     * Writes the new and the changed rows of the extract (changed: the hash differs, or the person
     * was gone). Into an empty register (the first import) the other indexes are built once after
     * the rows are in, not row by row: nobody can be reading a register that has no one yet.
     */
    async writeRows(importId: number, at: string): Promise<void> {
      const values = COLUMNS.join(', ');
      const empty = (await client.query('SELECT NOT EXISTS (SELECT 1 FROM residents) AS empty')).rows[0]!.empty as boolean;
      const rebuilt = empty
        ? (
            await client.query<{ name: string; definition: string }>(
              `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
                WHERE i.schemaname = current_schema() AND i.tablename = 'residents'
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = to_regnamespace(i.schemaname))`,
            )
          ).rows
        : [];
      for (const { name } of rebuilt) await client.query(`DROP INDEX ${pg.escapeIdentifier(name)}`);
      // In key order: the key's index grows at its end instead of at half a million places.
      await client.query(
        `INSERT INTO residents (${values}, gone, import_id, updated_at)
         SELECT ${COLUMNS.map((c) => `s.${c}`).join(', ')}, false, $1, $2 FROM import_rows s
          WHERE NOT EXISTS (SELECT 1 FROM residents r WHERE r.register_id = s.register_id)
          ORDER BY s.register_id`,
        [importId, at],
      );
      for (const { definition } of rebuilt) await client.query(definition);
      await client.query(
        `UPDATE residents r SET ${COLUMNS.filter((c) => c !== 'register_id')
          .map((c) => `${c} = s.${c}`)
          .join(', ')}, gone = false, import_id = $1, updated_at = $2
           FROM import_rows s WHERE r.register_id = s.register_id AND (r.row_hash <> s.row_hash OR r.gone)`,
        [importId, at],
      );
    },

    async markGone(registerIds: readonly string[], importId: number, at: string): Promise<void> {
      if (registerIds.length === 0) return;
      await client.query('UPDATE residents SET gone = true, import_id = $1, updated_at = $2 WHERE register_id = ANY($3::text[])', [importId, at, registerIds]);
    },

    async updateImportCounts(id: number, counts: { added: number; changed: number; unchanged: number; gone: number; rejected: number }): Promise<void> {
      await client.query('UPDATE resident_imports SET added = $2, changed = $3, unchanged = $4, gone = $5, rejected = $6 WHERE id = $1', [
        id,
        counts.added,
        counts.changed,
        counts.unchanged,
        counts.gone,
        counts.rejected,
      ]);
    },

    /** Removes the planned visits of these residents (a jubilee key names them after its second bar); returns what was removed. */
    async dropVisitsOf(registerIds: readonly string[]): Promise<Array<{ jubileeKey: string; visitDate: string; visitor: string }>> {
      if (registerIds.length === 0) return [];
      const ids = new Set(registerIds);
      const { rows } = await client.query<{ id: number; jubileeKey: string; visitDate: string; visitor: string }>(
        'SELECT id, jubilee_key AS "jubileeKey", visit_date AS "visitDate", visitor FROM jubilee_visits ORDER BY id',
      );
      const affected = rows.filter((v) => v.jubileeKey.split('|')[2]!.split(',').some((id) => ids.has(id)));
      if (affected.length > 0) await client.query('DELETE FROM jubilee_visits WHERE id = ANY($1::int[])', [affected.map((v) => v.id)]);
      return affected.map(({ jubileeKey, visitDate, visitor }) => ({ jubileeKey, visitDate, visitor }));
    },

    async audit(entry: { at: string; user: string; entityId: number; summary: string }): Promise<void> {
      await client.query(`INSERT INTO audit_log (at, "user", action, entity, entity_id, summary) VALUES ($1, $2, 'import', 'residents', $3, $4)`, [
        entry.at,
        entry.user,
        entry.entityId,
        entry.summary,
      ]);
    },
  };
}
