/**
 * Which queries a change refreshes, without the contract: the window's start code needs only
 * this, and importing the contract would load every schema (and zod) before the first render.
 * The areas a method changes are worked out in change-areas.ts.
 */

/** A query keyed by a method name (`['calendar.view', …]`) belongs to these areas' views. */
export function isInAreas(queryKeyHead: unknown, areas: readonly string[]): boolean {
  return typeof queryKeyHead === 'string' && areas.some((area) => queryKeyHead.startsWith(`${area}.`));
}
