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
import { writeFileAtomic } from '../files';

export interface TemplateStoreOptions {
  /** The shipped templates and their manifest.json (templates/ of the app). */
  shippedDir: string;
  /** The staff's copies (data folder); a copy named <id>.docx overrides the shipped one. */
  userDir: string;
}

export interface UsableTemplate {
  entry: TemplateManifestEntry;
  template: CompiledTemplate;
  source: 'shipped' | 'user';
}

/**
 * The letter templates: shipped ones, overridden by the staff's copies in the data folder.
 * A broken copy is reported and the shipped template is used instead. Compiled templates are
 * cached until their file changes.
 */
export function createTemplateStore(options: TemplateStoreOptions) {
  const cache = new Map<string, { stamp: string; template: CompiledTemplate }>();
  let manifestCache: TemplateManifestEntry[] | null = null;

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
  const shippedPath = (e: TemplateManifestEntry) => path.join(options.shippedDir, e.file);
  const userPath = (e: TemplateManifestEntry) => path.join(options.userDir, e.file);
  const templateName = (e: TemplateManifestEntry, source: 'shipped' | 'user') =>
    source === 'user' ? `${e.name} (eigene Fassung)` : e.name;

  /** Compiles once per content: a copy saved again in Word is picked up, whatever its timestamp. */
  const compileFile = (file: string, name: string): CompiledTemplate => {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const stamp = crypto.createHash('sha256').update(bytes).digest('hex');
    const cached = cache.get(file);
    if (cached?.stamp === stamp) return cached.template;
    const template = compileTemplate(bytes, name);
    cache.set(file, { stamp, template });
    return template;
  };

  const userProblems = (e: TemplateManifestEntry): string[] | null => {
    const file = userPath(e);
    if (!fs.existsSync(file)) return null;
    try {
      return checkTemplate(new Uint8Array(fs.readFileSync(file)), templateName(e, 'user')).problems;
    } catch (error) {
      return [`Die eigene Fassung der Vorlage „${e.name}“ kann nicht gelesen werden: ${(error as Error).message}`];
    }
  };

  const info = (e: TemplateManifestEntry): TemplateInfo => {
    const problems = userProblems(e);
    const useUser = problems !== null && problems.length === 0;
    const file = useUser ? userPath(e) : shippedPath(e);
    let placeholders: string[] = [];
    const all = [...(problems ?? [])];
    if (problems && problems.length > 0) all.push('Bis zur Korrektur wird die mitgelieferte Vorlage verwendet.');
    try {
      placeholders = [...compileFile(file, templateName(e, useUser ? 'user' : 'shipped')).placeholders].sort();
    } catch (error) {
      all.push((error as Error).message);
    }
    return {
      ...e,
      source: useUser ? 'user' : 'shipped',
      placeholders,
      problems: all,
      userFile: problems !== null ? userPath(e) : null,
    };
  };

  return {
    manifest,
    list: (): TemplateInfo[] => manifest().map(info),
    info: (id: string): TemplateInfo => info(entry(id)),

    /** The template to fill: the staff's copy when it is sound, else the shipped one. */
    usable(id: string): UsableTemplate {
      const e = entry(id);
      const problems = userProblems(e);
      if (problems !== null && problems.length === 0) {
        return { entry: e, template: compileFile(userPath(e), templateName(e, 'user')), source: 'user' };
      }
      return { entry: e, template: compileFile(shippedPath(e), e.name), source: 'shipped' };
    },

    /** Copies the shipped template into the data folder for editing in Word (keeps an existing copy). */
    copyForEditing(id: string): string {
      const e = entry(id);
      const target = userPath(e);
      if (!fs.existsSync(target)) writeFileAtomic(target, fs.readFileSync(shippedPath(e)));
      return target;
    },

    /** Takes a file as the staff's copy of a template, if it passes the check; otherwise writes nothing. */
    importUserCopy(id: string, bytes: Uint8Array, fileName: string): TemplateInfo {
      const e = entry(id);
      const { problems } = checkTemplate(bytes, `${e.name} (${fileName})`);
      if (problems.length > 0) {
        throw new AppError('TEMPLATE_INVALID', `Die Datei „${fileName}“ wurde nicht übernommen: ${problems.join(' ')}`, { problems });
      }
      writeFileAtomic(userPath(e), bytes);
      return info(e);
    },

    resetToShipped(id: string): TemplateInfo {
      const e = entry(id);
      fs.rmSync(userPath(e), { force: true });
      return info(e);
    },

    file(id: string): { fileName: string; bytes: Uint8Array } {
      const e = entry(id);
      const problems = userProblems(e);
      const file = problems !== null && problems.length === 0 ? userPath(e) : shippedPath(e);
      return { fileName: e.file, bytes: new Uint8Array(fs.readFileSync(file)) };
    },
  };
}

export type TemplateStore = ReturnType<typeof createTemplateStore>;
