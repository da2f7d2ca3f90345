import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../api/errors';
import { leftByEndedProcess } from './work-folders';

/** A temp file of `writeFileAtomic`: `<target>.<pid>.<ms>.tmp`. */
const TEMP_FILE = /\.(\d+)\.\d+\.tmp$/;

/**
 * Writes a file so that readers see the old or the new content, never half of it: a temp
 * file beside the target, flushed to the disk, then renamed (so a power loss cannot leave an
 * empty file under the new name). A file locked by another program (Word on Windows) gives a
 * German message naming it.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array | Buffer): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
      throw new AppError(
        'CONFLICT',
        `Die Datei „${target}“ kann nicht geschrieben werden, weil sie gerade geöffnet oder schreibgeschützt ist (z. B. in Word). Bitte schließen und erneut versuchen.`,
        { file: target },
      );
    }
    throw new AppError('INTERNAL', `Die Datei „${target}“ konnte nicht geschrieben werden: ${(error as Error).message}`, { file: target });
  }
}

/**
 * Flushes files already written to the disk (so they survive a power loss), several at once: the
 * file system commits concurrent flushes together, so a thousand letters of a mail merge cost a
 * few flushes' time instead of a thousand in a row. A file that cannot be flushed fails with a
 * German message naming it.
 */
export async function flushToDisk(files: readonly string[], concurrency = 16): Promise<void> {
  let next = 0;
  const flushOne = async (file: string) => {
    try {
      const handle = await fs.promises.open(file, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw new AppError('INTERNAL', `Die Datei „${file}“ konnte nicht auf den Datenträger geschrieben werden: ${(error as Error).message}`, { file });
    }
  };
  const worker = async () => {
    while (next < files.length) await flushOne(files[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
}

/** At start: removes the temp files below a folder that a process killed while writing left. */
export function removeAbandonedTempFiles(folder: string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { recursive: true, withFileTypes: true });
  } catch {
    return; // no such folder yet
  }
  for (const entry of entries) {
    const owner = TEMP_FILE.exec(entry.name)?.[1];
    if (entry.isFile() && owner !== undefined && leftByEndedProcess(Number(owner))) {
      try {
        fs.rmSync(path.join(entry.parentPath, entry.name), { force: true });
      } catch {
        // Locked (Windows): left for the next start.
      }
    }
  }
}
