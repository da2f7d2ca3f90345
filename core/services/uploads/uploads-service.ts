/**
 * Files the user hands over (a register extract, later attachments) arrive in pieces and are
 * kept in the data folder's staging area until the service that asked for them is done.
 * In pieces because the HTTP bridge takes at most 64 MB per request and a register extract of
 * half a million residents is about as large; the window shows how far the transfer is.
 * Each process keeps its uploads in `.uploads/<pid>/`: only that process knows them, so once it
 * has ended they are of no use, and the next start removes them (`removeAbandonedUploads`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { ServiceDeps } from '../deps';
import { leftByEndedProcess } from '../work-folders';

/** Largest file accepted (an extract of the whole register is about 60 MB). */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface Uploads {
  handlers: Pick<Handlers, 'uploads.append' | 'uploads.discard'>;
  /** The staged file and its original name; a German NOT_FOUND when unknown. */
  get(uploadId: string): { file: string; fileName: string; size: number };
  discard(uploadId: string): void;
}

export function createUploads(deps: ServiceDeps): Uploads {
  const dir = path.join(uploadsFolder(path.dirname(deps.dataFile)), String(process.pid));
  const known = new Map<string, { fileName: string; size: number }>();

  const fileOf = (uploadId: string) => {
    if (!UUID.test(uploadId)) throw new AppError('INVALID_INPUT', `„${uploadId}“ ist keine gültige Upload-Kennung.`);
    return path.join(dir, uploadId);
  };
  const get = (uploadId: string) => {
    const entry = known.get(uploadId);
    const file = fileOf(uploadId);
    if (!entry || !fs.existsSync(file)) {
      throw new AppError('NOT_FOUND', 'Die hochgeladene Datei ist nicht mehr vorhanden. Bitte wählen Sie sie erneut.', { uploadId });
    }
    return { file, ...entry };
  };
  const discard = (uploadId: string) => {
    known.delete(uploadId);
    fs.rmSync(fileOf(uploadId), { force: true });
  };

  return {
    get,
    discard,
    handlers: {
      'uploads.append': ({ uploadId, fileName, chunkBase64 }) => {
        const chunk = Buffer.from(chunkBase64, 'base64');
        const id = uploadId ?? crypto.randomUUID();
        const entry = uploadId ? get(uploadId) : { file: fileOf(id), fileName, size: 0 };
        if (entry.size + chunk.length > MAX_UPLOAD_BYTES) {
          discard(id);
          throw new AppError('INVALID_INPUT', `Die Datei „${fileName}“ ist größer als ${MAX_UPLOAD_BYTES / 1024 / 1024 / 1024} GB und wird nicht angenommen.`);
        }
        fs.mkdirSync(dir, { recursive: true });
        fs.appendFileSync(entry.file, chunk);
        const size = entry.size + chunk.length;
        known.set(id, { fileName: entry.fileName, size });
        return { uploadId: id, fileName: entry.fileName, size };
      },
      'uploads.discard': ({ uploadId }) => {
        discard(uploadId);
        return { uploadId };
      },
    },
  };
}

const uploadsFolder = (dataDir: string) => path.join(dataDir, '.uploads');

/** At start: removes the uploads of processes that have ended (and loose files of older versions). */
export function removeAbandonedUploads(dataDir: string): void {
  const root = uploadsFolder(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return; // nothing was ever uploaded
  }
  for (const name of names) {
    if (!leftByEndedProcess(/^\d+$/.test(name) ? Number(name) : undefined)) continue;
    try {
      fs.rmSync(path.join(root, name), { recursive: true, force: true });
    } catch {
      // Locked (Windows): left for the next start.
    }
  }
}
