import type { ChangeEvent } from '../../../core/api';
// Not from the barrel: that would load the whole contract (every schema, zod) before the first render.
import { isInAreas } from '../../../core/api/query-areas';

/**
 * The part of TanStack Query's QueryClient used here (said structurally: React's types stay out
 * of the Node tests that run this).
 */
export interface QueryInvalidator {
  invalidateQueries(filters?: { predicate?: (query: { queryKey: readonly unknown[] }) => boolean }): Promise<void>;
}

/** How a door delivers the app's change events (changes.ts); returns the unsubscribe. */
export type SubscribeToChanges = (listener: (event: ChangeEvent) => void) => () => void;

/**
 * Keeps the page's query cache current: after a change (saved in this window, another one, or on
 * another PC of the office) the queries of the areas it touched are read again — the ones on
 * screen at once, the others when next shown; after a resync, all of them. Queries are keyed by
 * their method's name (`['calendar.view', …]`), so an area names its queries.
 */
export function followChanges(client: QueryInvalidator, subscribe: SubscribeToChanges): () => void {
  return subscribe((event) => {
    if (event.type === 'resync') {
      void client.invalidateQueries();
    } else if (event.type === 'change' && event.areas.length > 0) {
      void client.invalidateQueries({ predicate: (query) => isInAreas(query.queryKey[0], event.areas) });
    }
  });
}
