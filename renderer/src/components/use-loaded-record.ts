import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Input, MethodName, Output } from '../../../core/api';
import { api } from '../api/client';

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

/** The API's `*.get` methods that take a record's id and return it with its revision. */
type RecordGet = {
  [M in MethodName]: M extends `${string}.get` ? ({ id: number } extends Input<M> ? (Output<M> extends { revision: number } ? M : never) : never) : never;
}[MethodName];

/**
 * „Neu laden“: the record as the database holds it now (never the cache), also put into the
 * cache under the key its view reads (`[method, id]`), for `take(fresh)`.
 */
export function fetchFresh<M extends RecordGet>(queryClient: QueryClient, method: M, id: number): Promise<Output<M>> {
  return queryClient.fetchQuery({ queryKey: [method, id], queryFn: () => api(method, { id } as Input<M>), staleTime: 0 });
}
