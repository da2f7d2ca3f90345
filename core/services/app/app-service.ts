import path from 'node:path';
import fs from 'node:fs';
import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import { appliedSchemaVersion, backupDatabase } from '../../../db/open';
import type { ServiceDeps } from '../deps';
import { contactsRepository } from '../contacts/repository';
import { recordAudit } from '../audit';

/** Facts about the running app, and the backup of the data file. */
export function createAppService(deps: ServiceDeps): Pick<Handlers, 'app.info' | 'app.backup'> {
  return {
    'app.info': () => ({
      appName: 'Rathausbüro',
      version: deps.appVersion,
      dataFile: deps.dataFile,
      schemaVersion: appliedSchemaVersion(deps.db.$client),
      contactCount: contactsRepository(deps.db).count(),
    }),
    'app.backup': async ({ target }) => {
      const file = target ?? defaultBackupFile(deps);
      if (fs.existsSync(file)) {
        throw new AppError('CONFLICT', `Die Sicherungsdatei „${file}“ gibt es schon; bitte einen anderen Namen wählen.`);
      }
      try {
        await backupDatabase(deps.db, file);
      } catch (error) {
        throw new AppError('INTERNAL', `Die Sicherung nach „${file}“ ist fehlgeschlagen: ${(error as Error).message}`);
      }
      recordAudit(deps, { action: 'backup', entity: 'database', summary: file });
      return { file, bytes: fs.statSync(file).size };
    },
  };
}

function defaultBackupFile(deps: ServiceDeps): string {
  const stamp = deps.now().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return path.join(path.dirname(deps.dataFile), 'Sicherungen', `rathausbuero-${stamp}.sqlite`);
}
