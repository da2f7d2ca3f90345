import os from 'node:os';
import { DatabaseOpenError } from '../open-error';

export interface PostgresTarget {
  host: string;
  database: string;
  user: string;
}

/** Where the URL points (never the password: it goes into messages and logs). */
export function describePostgresUrl(url: string): PostgresTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseOpenError(
      'DB_UNREACHABLE',
      'Die Adresse der Datenbank ist keine gültige PostgreSQL-Adresse (erwartet: postgres://benutzer@server:5432/datenbank).',
      {},
    );
  }
  // What node-postgres falls back to when the URL leaves a part out.
  const user = decodeURIComponent(parsed.username) || process.env.PGUSER || os.userInfo().username;
  const hostname = parsed.hostname || process.env.PGHOST || 'localhost';
  return {
    host: parsed.port ? `${hostname}:${parsed.port}` : hostname,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || process.env.PGDATABASE || user,
    user,
  };
}
