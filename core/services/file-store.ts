import fs from 'node:fs';
import path from 'node:path';
import type { Engine } from '../../db/engine';
import { writeFileAtomic } from './files';
import { storedFilesRepository } from './stored-files/repository';
import { fileTrash } from './privacy/file-trash';

/**
 * The files users produce or attach — letters, attachments of requests and invitations, the
 * staff's template copies, the images and videos of online posts — behind one store, addressed by a key: the file's path relative to
 * the data folder ("Briefe/2026/000001-erika-beispiel.docx"), which is what the records keep.
 *
 * - Single PC (SQLite): the data folder, files on disk exactly as always (`folderFileStore`).
 * - Office mode (PostgreSQL): the `stored_files` table of the office database
 *   (`databaseFileStore`), so every PC opens every letter and nothing lives on one PC's disk.
 *
 * Writing a record and its file together: call `put` inside the record's `engine.transaction`.
 * In the database the file is part of the transaction (both or neither); in the data folder it is
 * written atomically (temp file, then rename) before the commit, and a caller whose transaction
 * fails removes it again (`remove`), as the services always did.
 */
export interface FileStore {
  /** Where the files are: the data folder's disk, or the office database. */
  readonly kind: 'folder' | 'database';
  /** Stores (or replaces) the file under `key`. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** Stores (or replaces) many files at once (a mail merge's letters: few round trips to the office database). */
  putMany(files: ReadonlyArray<{ key: string; bytes: Uint8Array }>): Promise<void>;
  /** The file's bytes, null when there is none. */
  get(key: string): Promise<Uint8Array | null>;
  /**
   * Stores `bytes` under `key` only while the stored content is still `expected` (null: no file
   * yet); false, and nothing written, when someone stored another content meanwhile. The
   * revision check for files edited outside the app (a template saved in Word).
   */
  replaceIf(key: string, bytes: Uint8Array, expected: Uint8Array | null): Promise<boolean>;
  /** Removes the files (missing ones are fine). */
  remove(keys: readonly string[]): Promise<void>;
  /** The keys of the stored files below `folder` ("Briefe"), sorted. */
  list(folder: string): Promise<string[]>;
  /**
   * Removing files together with the records that point at them, all or nothing: prepare before
   * the transaction, `inTransaction()` inside it, then `done()` after the commit or `undo()` after
   * a failure. A file that cannot be removed (open in another program) fails here with a German
   * message, before anything is changed.
   */
  removal(keys: readonly string[]): Promise<FileRemoval>;
  /** Settles removals a crash interrupted (`inUse`: a record still points at the file). */
  recover(inUse: (key: string) => Promise<boolean>): Promise<void>;
  /**
   * A file on this PC's disk with the content of `key`, for a program to open (Word): the data
   * folder's own file, or a copy in this PC's folder (office mode; saving it there changes only
   * the copy). Null when there is no such file.
   */
  localFile(key: string): Promise<string | null>;
  /** Where a person finds the file, for messages: its path in the data folder, or its key in the office database. */
  place(key: string): string;
}

export interface FileRemoval {
  /** How many of the files exist (and are removed). */
  readonly count: number;
  inTransaction(): Promise<void>;
  done(): void;
  undo(): void;
}

/** The folders of the data folder that hold users' files (what `db copy` and a backup move). */
export const FILE_FOLDERS = ['Briefe', 'Anliegen', 'Einladungen', 'Vorlagen', 'Online'] as const;

/** Keys always use "/", whichever system wrote the record ("Briefe\\2026\\x.docx" on Windows). */
export const fileKey = (relative: string): string => relative.split(/[\\/]+/).filter(Boolean).join('/');

/** Names that are work in progress, never a stored file: hidden folders and files (staging, trash), temp files. */
const IN_PROGRESS = /^\.|\.tmp$/;

/** Single PC: the files in the data folder, as they always were. */
export function folderFileStore(dataDir: string): FileStore {
  const absolute = (key: string) => path.join(dataDir, ...fileKey(key).split('/'));
  const trash = fileTrash(dataDir);
  const get = async (key: string): Promise<Uint8Array | null> => {
    try {
      return new Uint8Array(fs.readFileSync(absolute(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') return null;
      throw error;
    }
  };
  return {
    kind: 'folder',
    put: async (key, bytes) => writeFileAtomic(absolute(key), bytes),
    putMany: async (files) => {
      for (const { key, bytes } of files) writeFileAtomic(absolute(key), bytes);
    },
    get,
    // One PC, one process: compared and written without a writer in between.
    replaceIf: async (key, bytes, expected) => {
      const stored = await get(key);
      if (stored === null ? expected !== null : expected === null || !Buffer.from(stored).equals(Buffer.from(expected))) return false;
      writeFileAtomic(absolute(key), bytes);
      return true;
    },
    remove: async (keys) => {
      for (const key of keys) fs.rmSync(absolute(key), { force: true });
    },
    list: async (folder) => {
      const keys: string[] = [];
      const walk = (relative: string) => {
        let entries: fs.Dirent[];
        try {
          entries = fs.readdirSync(path.join(dataDir, ...relative.split('/')), { withFileTypes: true });
        } catch {
          return; // no such folder
        }
        for (const entry of entries) {
          if (IN_PROGRESS.test(entry.name)) continue;
          const key = `${relative}/${entry.name}`;
          if (entry.isDirectory()) walk(key);
          else if (entry.isFile()) keys.push(key);
        }
      };
      walk(fileKey(folder));
      return keys.sort();
    },
    removal: async (keys) => {
      const batch = trash.moveAway(keys);
      return { count: batch.count, inTransaction: async () => {}, done: () => batch.purge(), undo: () => batch.restore() };
    },
    recover: (inUse) => trash.recover(inUse),
    localFile: async (key) => (fs.existsSync(absolute(key)) ? absolute(key) : null),
    place: absolute,
  };
}

/**
 * Office mode: the files in the office database (`stored_files`). Statements run on the engine,
 * so inside `engine.transaction` a file is stored or removed with the records.
 * `localDir`: this PC's own folder, where `localFile` puts the copies a program opens.
 */
export function databaseFileStore(engine: Engine, options: { localDir: string; now: () => Date }): FileStore {
  const rows = storedFilesRepository(engine);
  const get = (key: string) => rows.get(fileKey(key));
  const remove = (keys: readonly string[]) => rows.remove(keys.map(fileKey));
  return {
    kind: 'database',
    put: (key, bytes) => rows.put(fileKey(key), bytes, options.now().toISOString()),
    putMany: (files) => rows.putMany(files.map(({ key, bytes }) => ({ key: fileKey(key), bytes })), options.now().toISOString()),
    get,
    replaceIf: (key, bytes, expected) => rows.replaceIf(fileKey(key), bytes, expected, options.now().toISOString()),
    remove,
    list: (folder) => rows.below(`${fileKey(folder)}/`),
    removal: async (keys) => {
      const present = await rows.existing(keys.map(fileKey));
      return { count: present.length, inTransaction: () => remove(present), done: () => {}, undo: () => {} };
    },
    // Removed with the records in one transaction: nothing is ever left half done.
    recover: async () => {},
    localFile: async (key) => {
      const bytes = await get(key);
      if (!bytes) return null;
      const file = path.join(options.localDir, 'Geöffnet', ...fileKey(key).split('/'));
      writeFileAtomic(file, bytes);
      return file;
    },
    place: (key) => `${fileKey(key)} (Bürodatenbank)`,
  };
}

/** The store for an engine: the office database's table in office mode, else the data folder. */
export function fileStoreFor(engine: Engine, options: { dataDir: string; now: () => Date }): FileStore {
  return engine.kind === 'postgres' ? databaseFileStore(engine, { localDir: options.dataDir, now: options.now }) : folderFileStore(options.dataDir);
}
