import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../api/errors';

/**
 * Writes a file so that readers see the old or the new content, never half of it: a temp
 * file beside the target, then rename. A file locked by another program (Word on Windows)
 * gives a German message naming it.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array | Buffer): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.writeFileSync(temp, bytes);
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
