import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../api/errors';
import {
  templateManifestSchema,
  type TemplateInfo,
  type TemplateManifestEntry,
} from '../../api/schemas/letters';
import { checkTemplate, compileTemplate, type CompiledTemplate } from '../../documents/docx-template';
import type { FileStore } from '../file-store';
import type { TemplateWorkingCopies } from './template-working-copies';

export interface TemplateStoreOptions {
  /** The shipped templates and their manifest.json (templates/ of the app). */
  shippedDir: string;
  /**
   * The staff's copies, under `Vorlagen/<file>` (a copy named <id>.docx overrides the shipped
   * one): the data folder on a single PC, the office database in office mode.
   */
  files: FileStore;
  /** Office mode: the working copies Word edits on this PC (see template-working-copies.ts). */
  workingCopies?: TemplateWorkingCopies;
}

/** Where the staff's copies are kept in the file store. */
export const USER_TEMPLATES_FOLDER = 'Vorlagen';

export interface UsableTemplate {
  entry: TemplateManifestEntry;
  template: CompiledTemplate;
  source: 'shipped' | 'user';
}

/**
 * The letter templates: shipped ones, overridden by the staff's copies (the file store). A
 * broken copy is reported and the shipped template is used instead. Compiled templates are
 * cached until their content changes.
 */
export function createTemplateStore(options: TemplateStoreOptions) {
  const cache = new Map<string, { stamp: string; template: CompiledTemplate }>();
  let manifestCache: TemplateManifestEntry[] | null = null;
  const { files } = options;

  const manifest = (): TemplateManifestEntry[] => {
    if (!manifestCache) {
      const file = path.join(options.shippedDir, 'manifest.json');
      manifestCache = templateManifestSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).templates;
    }
    return manifestCache;
  };
  const entry = (id: string): TemplateManifestEntry => {
    const found = manifest().find((t) => t.id === id);
    if (!found) throw new AppError('NOT_FOUND', `Die Vorlage „${id}“ gibt es nicht.`, { id });
    return found;
  };
  const shippedBytes = (e: TemplateManifestEntry) => new Uint8Array(fs.readFileSync(path.join(options.shippedDir, e.file)));
  const userKey = (e: TemplateManifestEntry) => `${USER_TEMPLATES_FOLDER}/${e.file}`;
  const templateName = (e: TemplateManifestEntry, source: 'shipped' | 'user') =>
    source === 'user' ? `${e.name} (eigene Fassung)` : e.name;

  /** Compiles once per content: a copy saved again in Word is picked up, whatever its timestamp. */
  const compile = (cacheKey: string, bytes: Uint8Array, name: string): CompiledTemplate => {
    const stamp = crypto.createHash('sha256').update(bytes).digest('hex');
    const cached = cache.get(cacheKey);
    if (cached?.stamp === stamp) return cached.template;
    const template = compileTemplate(bytes, name);
    cache.set(cacheKey, { stamp, template });
    return template;
  };

  /** The staff's copy and what is wrong with it (null: there is none). */
  const userCopy = async (e: TemplateManifestEntry): Promise<{ bytes: Uint8Array; problems: string[] } | null> => {
    const bytes = await files.get(userKey(e));
    if (!bytes) return null;
    try {
      return { bytes, problems: checkTemplate(bytes, templateName(e, 'user')).problems };
    } catch (error) {
      return { bytes, problems: [`Die eigene Fassung der Vorlage „${e.name}“ kann nicht gelesen werden: ${(error as Error).message}`] };
    }
  };
  /** The template to fill and its bytes: the sound copy, else the shipped one. */
  const chosen = async (e: TemplateManifestEntry) => {
    const copy = await userCopy(e);
    const useUser = copy !== null && copy.problems.length === 0;
    return { copy, source: useUser ? ('user' as const) : ('shipped' as const), bytes: useUser ? copy.bytes : shippedBytes(e) };
  };

  const info = async (e: TemplateManifestEntry): Promise<TemplateInfo> => {
    const { copy, source, bytes } = await chosen(e);
    let placeholders: string[] = [];
    const all = [...(copy?.problems ?? [])];
    if (copy && copy.problems.length > 0) all.push('Bis zur Korrektur wird die mitgelieferte Vorlage verwendet.');
    try {
      placeholders = [...compile(`${source}:${e.id}`, bytes, templateName(e, source)).placeholders].sort();
    } catch (error) {
      all.push((error as Error).message);
    }
    return {
      ...e,
      source,
      placeholders,
      problems: all,
      userFile: copy !== null ? files.place(userKey(e)) : null,
      editing: options.workingCopies?.editing(e.id) ?? null,
    };
  };

  return {
    manifest,
    /** The manifest entry of a template; a German NOT_FOUND for an unknown id. */
    entry,
    list: (): Promise<TemplateInfo[]> => Promise.all(manifest().map(info)),
    info: (id: string): Promise<TemplateInfo> => info(entry(id)),

    /** The template to fill: the staff's copy when it is sound, else the shipped one. */
    async usable(id: string): Promise<UsableTemplate> {
      const e = entry(id);
      const { source, bytes } = await chosen(e);
      return { entry: e, template: compile(`${source}:${e.id}`, bytes, templateName(e, source)), source };
    },

    /**
     * The file Word edits: single PC, the copy in the data folder itself (the shipped template
     * copied there first; an existing copy is kept). Office mode: a working copy on this PC whose
     * saves are stored back into the office database (template-working-copies.ts).
     */
    async copyForEditing(id: string): Promise<string> {
      const e = entry(id);
      if (options.workingCopies) return options.workingCopies.open({ id: e.id, key: userKey(e), name: e.name, fileName: e.file }, shippedBytes(e));
      if (!(await files.get(userKey(e)))) await files.put(userKey(e), shippedBytes(e));
      return (await files.localFile(userKey(e)))!;
    },

    /** What is wrong with `bytes` as the template's copy (empty: it can be used). */
    problemsOf: (bytes: Uint8Array, name: string): string[] => {
      try {
        return checkTemplate(bytes, name).problems;
      } catch (error) {
        return [`„${name}“ kann nicht als Word-Vorlage gelesen werden: ${(error as Error).message}`];
      }
    },

    /** Takes a file as the staff's copy of a template, if it passes the check; otherwise writes nothing. */
    async importUserCopy(id: string, bytes: Uint8Array, fileName: string): Promise<TemplateInfo> {
      const e = entry(id);
      const { problems } = checkTemplate(bytes, `${e.name} (${fileName})`);
      if (problems.length > 0) {
        throw new AppError('TEMPLATE_INVALID', `Die Datei „${fileName}“ wurde nicht übernommen: ${problems.join(' ')}`, { problems });
      }
      await files.put(userKey(e), bytes);
      return info(e);
    },

    async resetToShipped(id: string): Promise<TemplateInfo> {
      const e = entry(id);
      await files.remove([userKey(e)]);
      return info(e);
    },

    async file(id: string): Promise<{ fileName: string; bytes: Uint8Array }> {
      const e = entry(id);
      return { fileName: e.file, bytes: (await chosen(e)).bytes };
    },
  };
}

export type TemplateStore = ReturnType<typeof createTemplateStore>;
