import { useEffect, useState } from 'react';

/**
 * The record a form edits, as the user loaded it (its `revision` goes back with the save). A
 * newer copy arriving from outside (another PC's save through the change feed) takes its place
 * only while the form holds no unsaved input — never under the user's typing; then the save is
 * refused as STALE and `take(fresh)` puts the newest copy in place when the user asks („Neu laden“).
 */
export function useLoadedRecord<T extends { id: number; revision: number }>(latest: T | null, unsaved: boolean): [T | null, (fresh: T) => void] {
  const [loaded, setLoaded] = useState(latest);
  useEffect(() => {
    // Another record (a dialog that moves on to the next one) is taken too, even at the same revision.
    if (!unsaved && (latest?.id !== loaded?.id || latest?.revision !== loaded?.revision)) setLoaded(latest);
  }, [latest, unsaved, loaded]);
  return [loaded, setLoaded];
}
