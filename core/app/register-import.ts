/**
 * A register extract through the API, from start to end, for the doors without a window (CLI,
 * tests, benchmarks): upload in pieces, check or import in the background, wait for the end.
 */
import fs from 'node:fs';
import path from 'node:path';
import { call } from '../api/dispatcher';
import type { Handlers } from '../api/contract';
import type { RegisterMapping, ResidentImportJob } from '../api/schemas/residents';

/** The window sends 4 MB pieces too (the HTTP bridge takes 64 MB at most). */
const PIECE_BYTES = 4 * 1024 * 1024;

export async function uploadBytes(handlers: Handlers, bytes: Uint8Array, fileName: string): Promise<string> {
  let uploadId: string | undefined;
  for (let start = 0; start === 0 || start < bytes.length; start += PIECE_BYTES) {
    const piece = Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(PIECE_BYTES, bytes.length - start));
    ({ uploadId } = await call(handlers, 'uploads.append', { uploadId, fileName, chunkBase64: piece.toString('base64') }));
  }
  return uploadId!;
}

/** Uploads a file from disk piece by piece, without holding it whole. */
export async function uploadFile(handlers: Handlers, file: string): Promise<string> {
  const fd = fs.openSync(file, 'r');
  try {
    const piece = Buffer.alloc(PIECE_BYTES);
    let uploadId: string | undefined;
    for (;;) {
      const read = fs.readSync(fd, piece, 0, PIECE_BYTES, null);
      if (read === 0 && uploadId) return uploadId;
      ({ uploadId } = await call(handlers, 'uploads.append', { uploadId, fileName: path.basename(file), chunkBase64: piece.toString('base64', 0, read) }));
      if (read === 0) return uploadId;
    }
  } finally {
    fs.closeSync(fd);
  }
}

export interface RegisterImportRun {
  uploadId: string;
  mapping?: RegisterMapping;
  commit: boolean;
  /** Called while the job runs (bytes read of total). */
  onProgress?: (done: number, total: number) => void;
  pollMs?: number;
}

/** Starts the check or import and waits for its end; the job's final status. */
export async function runRegisterImport(handlers: Handlers, run: RegisterImportRun): Promise<ResidentImportJob> {
  let status = await call(handlers, 'residents.import.start', { uploadId: run.uploadId, mapping: run.mapping, commit: run.commit });
  while (status.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, run.pollMs ?? 50));
    status = await call(handlers, 'residents.import.status', { jobId: status.jobId });
    run.onProgress?.(status.done, status.total);
  }
  return status;
}
