import { defineConfig } from 'drizzle-kit';

/** Office mode: the PostgreSQL twin of the schema (db/schema-pg) and its own migrations. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema-pg/index.ts',
  out: './db/migrations-pg',
});
