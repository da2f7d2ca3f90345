import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../api/errors';
import type { TemplateEditing } from '../../api/schemas/letters';
import { formatMomentNumeric } from '../../domain/dates/format';
import type { FileStore } from '../file-store';
import { writeFileAtomic } from '../files';

/** The folder of this PC's own folder where the working copies of templates are. */
export const WORKING_COPIES_FOLDER = 'Arbeitskopien';

export interface WorkingCopiesOptions {
  /** Where the staff's copies are stored (the office database). */
  files: FileStore;
  /** This PC's own folder. */
  localDir: string;
  now: () => Date;
  /** What is wrong with a file as a template (empty: it can be stored). */
  problemsOf(bytes: Uint8Array, name: string): string[];
  /** After a save from Word is stored: record it (audit) and tell every window. */
  stored(id: string): Promise<void>;
  /** Tell this PC's windows that a working copy's state changed without a stored change. */
  changed(): void;
  /** Who last changed the stored copy and when (the audit log), for a refusal. */
  lastChange(id: string): Promise<{ user: string; at: string } | null>;
  /** How often the working copies are looked at (ms). */
  interval?: number;
}

interface WorkingCopy {
  id: string;
  key: string;
  name: string;
  file: string;
  /** The stored copy the working copy is based on (null: none was stored; the shipped template). */
  base: Uint8Array | null;
  /** The hash of the working copy's content last handled (stored, or refused with its reason). */
  handled: string;
  editing: TemplateEditing;
  busy: boolean;
}

const hashOf = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');
/** Word keeps the file locked while saving (Windows): read again on the next look. */
const LOCKED = new Set(['EBUSY', 'EPERM', 'EACCES', 'ENOENT']);

/**
 * Office mode's „In Word bearbeiten“ for the staff's template copies: the copies are in the office
 * database, so Word gets a working copy in this PC's own folder (`Arbeitskopien/`), which is
 * watched; each save from Word is checked as a template and stored back only while the office's
 * copy is still the one the working copy came from (the revision check: a copy another PC stored
 * meanwhile is never overwritten; the save is refused naming who changed it). A working copy
 * with changes that were not stored is kept aside when the template is opened again, so nothing
 * is lost. Each template's state is this PC's (`editing` in templates.list).
 */
export function createTemplateWorkingCopies(options: WorkingCopiesOptions) {
  const copies = new Map<string, WorkingCopy>();
  const at = () => options.now().toISOString();

  const settle = (copy: WorkingCopy, hash: string, state: TemplateEditing['state'], message: string) => {
    copy.handled = hash;
    copy.editing = { file: copy.file, state, message, at: at() };
  };

  /** Looks at the working copy once: a changed, sound content is stored back if the office's copy is unchanged. */
  const look = async (copy: WorkingCopy): Promise<void> => {
    if (copy.busy) return;
    copy.busy = true;
    try {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(fs.readFileSync(copy.file));
      } catch (error) {
        if (LOCKED.has((error as NodeJS.ErrnoException).code ?? '')) return;
        throw error;
      }
      const hash = hashOf(bytes);
      if (hash === copy.handled) return;
      const kept = `Ihre Fassung liegt weiter in „${copy.file}“.`;
      const problems = options.problemsOf(bytes, `${copy.name} (Arbeitskopie)`);
      if (problems.length > 0) {
        settle(copy, hash, 'refused', `Nicht übernommen: ${problems.join(' ')} ${kept} Nach der Korrektur in Word erneut speichern.`);
        return options.changed();
      }
      if (!(await options.files.replaceIf(copy.key, bytes, copy.base))) {
        const last = await options.lastChange(copy.id);
        const by = last ? ` von ${last.user}` : '';
        const when = last ? ` (${formatMomentNumeric(last.at)})` : '';
        settle(
          copy,
          hash,
          'refused',
          `Die Vorlage „${copy.name}“ wurde inzwischen${by} an einem anderen Arbeitsplatz geändert${when}; Ihre Änderungen wurden nicht übernommen. ${kept} ` +
            'Mit „In Word bearbeiten“ laden Sie die neue Fassung (Ihre bleibt daneben als „nicht übernommen“ erhalten).',
        );
        return options.changed();
      }
      copy.base = bytes;
      settle(copy, hash, 'saved', `Gespeichert in der Bürodatenbank (${formatMomentNumeric(at())}).`);
      await options.stored(copy.id);
    } catch (error) {
      copy.editing = { file: copy.file, state: 'refused', message: `Nicht übernommen: ${(error as Error).message}`, at: at() };
      options.changed();
    } finally {
      copy.busy = false;
    }
  };

  /** A working copy whose content was not stored is renamed „… (nicht übernommen <Zeit>).docx“ beside it. */
  const keepAside = (file: string, stamp: string) => {
    const extension = path.extname(file);
    const aside = path.join(path.dirname(file), `${path.basename(file, extension)} (nicht übernommen ${stamp})${extension}`);
    fs.renameSync(file, aside);
  };

  return {
    /**
     * Writes the working copy of a template (the stored copy, else `initial`: the shipped one)
     * and watches it; returns the file for Word.
     */
    async open(template: { id: string; key: string; name: string; fileName: string }, initial: Uint8Array): Promise<string> {
      const file = path.join(options.localDir, WORKING_COPIES_FOLDER, template.fileName);
      const stored = await options.files.get(template.key);
      const bytes = stored ?? initial;
      const previous = copies.get(template.id);
      if (fs.existsSync(file)) {
        const current = new Uint8Array(fs.readFileSync(file));
        const hash = hashOf(current);
        // Unsaved in the office: what this PC has not stored (refused, or from before a restart).
        const unsaved = hash !== hashOf(bytes) && (!previous || previous.editing.state !== 'saved' || hash !== previous.handled);
        if (unsaved) keepAside(file, at().slice(0, 16).replace(/[:T]/g, '-'));
      }
      try {
        writeFileAtomic(file, bytes);
      } catch (error) {
        if (error instanceof AppError) {
          throw new AppError('CONFLICT', `Die Arbeitskopie „${file}“ ist noch geöffnet (in Word?). Bitte dort schließen und „In Word bearbeiten“ erneut wählen.`, { file });
        }
        throw error;
      }
      if (previous) fs.unwatchFile(previous.file);
      const copy: WorkingCopy = {
        ...template,
        file,
        base: stored,
        handled: hashOf(bytes),
        editing: { file, state: 'watching', message: `In Bearbeitung: Jedes Speichern in Word wird in die Bürodatenbank übernommen.`, at: at() },
        busy: false,
      };
      copies.set(template.id, copy);
      // Not persistent: the watch never keeps the app running.
      fs.watchFile(file, { interval: options.interval ?? 500, persistent: false }, () => void look(copy));
      return file;
    },
    /** This PC's working copy of the template and what became of its last save (null: none). */
    editing: (id: string): TemplateEditing | null => copies.get(id)?.editing ?? null,
  };
}

export type TemplateWorkingCopies = ReturnType<typeof createTemplateWorkingCopies>;
