import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setRunDir, stopSharedCluster } from './pg-cluster';

/**
 * Once per vitest run: a folder where the first test file that needs PostgreSQL starts the
 * run's cluster (tests/support/pg-cluster.ts); removed, with the cluster, when the run ends.
 * Costs nothing when no test file asks for PostgreSQL.
 */
export default function setup(): () => Promise<void> {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathausbuero-pg-run-'));
  setRunDir(runDir);
  return () => stopSharedCluster(runDir);
}
