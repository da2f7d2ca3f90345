import fs from 'node:fs';
import path from 'node:path';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const DEFAULT_STATE: WindowState = { width: 1280, height: 820, maximized: false };

/** Reads the remembered window bounds; a missing or broken file gives the defaults. */
export function loadWindowState(file: string): WindowState {
  try {
    const state = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<WindowState>;
    if (typeof state.width !== 'number' || typeof state.height !== 'number') return DEFAULT_STATE;
    return { ...DEFAULT_STATE, ...state };
  } catch {
    return DEFAULT_STATE;
  }
}

/** Writes atomically (temp file, then rename). */
export function saveWindowState(file: string, state: WindowState): void {
  const temp = `${file}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(temp, JSON.stringify(state));
  fs.renameSync(temp, file);
}
