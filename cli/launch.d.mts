/** Types of launch.mjs (plain JavaScript, run before anything compiles). */
export interface CliEntry {
  file: string;
  built: boolean;
  /** Why the sources run instead of the build (one German line for the console). */
  reason?: string;
}
export function newestSourceTime(root: string): number;
export function chooseEntry(root: string): CliEntry;
