// The QueryClient that @tanstack/react-query re-exports, without React's types (this runs in Node).
import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../core/api';
import { followChanges } from '../../renderer/src/api/follow-changes';

/** A page's query cache with a few fresh queries, keyed by method name as the UI keys them. */
function cacheWith(keys: unknown[][]) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  for (const key of keys) client.setQueryData(key, { loaded: true });
  const invalidated = () => keys.filter((key) => client.getQueryState(key)?.isInvalidated).map((key) => key[0]);
  return { client, invalidated };
}

/** The door's change events, sent by the test. */
function door() {
  const listeners = new Set<(event: ChangeEvent) => void>();
  return {
    subscribe: (listener: (event: ChangeEvent) => void) => (listeners.add(listener), () => void listeners.delete(listener)),
    send: (event: ChangeEvent) => listeners.forEach((listener) => listener(event)),
    listeners,
  };
}

const KEYS = [['calendar.view', { from: '2026-11-23' }], ['calendar.appointments.get', { id: 3 }], ['contacts.list', 'persons'], ['contacts.get', 7], ['letters.list', {}], ['carpool.drivers'], ['preview', 'x']];

describe('the page follows the app’s changes', () => {
  it('reads again the queries of the areas a change touched, and only those', () => {
    const { client, invalidated } = cacheWith(KEYS);
    const changes = door();
    followChanges(client, changes.subscribe);
    changes.send({ type: 'change', areas: ['calendar', 'visits'], method: 'calendar.appointments.save', at: '2026-11-27T09:00:00.000Z', origin: 'pc-2' });
    expect(invalidated()).toEqual(['calendar.view', 'calendar.appointments.get']);
    changes.send({ type: 'change', areas: ['contacts'], method: 'contacts.update', at: '2026-11-27T09:01:00.000Z', origin: 'pc-2' });
    expect(invalidated()).toEqual(['calendar.view', 'calendar.appointments.get', 'contacts.list', 'contacts.get']);
  });

  it('reads everything again after a resync (changes may have been missed)', () => {
    const { client, invalidated } = cacheWith(KEYS);
    const changes = door();
    followChanges(client, changes.subscribe);
    changes.send({ type: 'resync', at: '2026-11-27T09:00:00.000Z' });
    expect(invalidated()).toEqual(KEYS.map((key) => key[0]));
  });

  it('subscribes once and lets go when stopped', () => {
    const { client, invalidated } = cacheWith(KEYS);
    const changes = door();
    const stop = followChanges(client, changes.subscribe);
    expect(changes.listeners.size).toBe(1);
    stop();
    expect(changes.listeners.size).toBe(0);
    changes.send({ type: 'resync', at: '2026-11-27T09:00:00.000Z' });
    expect(invalidated()).toEqual([]);
  });
});
