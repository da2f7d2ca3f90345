import type { ChangeEvent } from '../../../core/api';
import { browserToken } from './client';
import type { SubscribeToChanges } from './follow-changes';

/**
 * The app's change events, through whichever door the page runs in: the desktop app's preload
 * (onChange), or in browser mode the bridge's server-sent events (cli/change-stream.ts).
 */
export const subscribeToChanges: SubscribeToChanges = (listener) =>
  window.rathaus ? window.rathaus.onChange(listener) : streamChanges(listener);

/** The first wait before the stream is opened again after a failure; doubled up to the second. */
const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

/**
 * Browser mode: a ticket (asked for with the tab's token) opens the stream. When the stream drops
 * — the server restarted, the computer slept — it is opened again with a new ticket (a ticket is
 * good for one stream only), and the page reads everything again: changes may have been missed.
 */
function streamChanges(listener: (event: ChangeEvent) => void): () => void {
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let delay = FIRST_RETRY_MS;
  let missed = false;
  let stopped = false;

  const again = () => {
    if (stopped) return;
    missed = true;
    retry = setTimeout(() => void open(), delay);
    delay = Math.min(delay * 2, LONGEST_RETRY_MS);
  };

  const open = async () => {
    let ticket: string;
    try {
      const response = await fetch('/events/ticket', { method: 'POST', headers: { 'x-rathaus-token': browserToken() } });
      const body = (await response.json()) as { data?: { ticket?: unknown } };
      if (!response.ok || typeof body.data?.ticket !== 'string') throw new Error(`HTTP ${response.status}`);
      ticket = body.data.ticket;
    } catch {
      return again();
    }
    if (stopped) return;
    const opened = new EventSource(`/events?ticket=${encodeURIComponent(ticket)}`);
    source = opened;
    opened.onopen = () => {
      delay = FIRST_RETRY_MS;
      if (!missed) return;
      missed = false;
      listener({ type: 'resync', at: new Date().toISOString() });
    };
    opened.onmessage = (message: MessageEvent<string>) => {
      const event = parseEvent(message.data);
      if (event) listener(event);
    };
    // EventSource would try again with the same ticket, which is used up: a new one is needed.
    opened.onerror = () => {
      opened.close();
      if (source !== opened) return;
      source = null;
      again();
    };
  };

  void open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    source?.close();
    source = null;
  };
}

function parseEvent(data: string): ChangeEvent | null {
  try {
    const event = JSON.parse(data) as ChangeEvent;
    if (event?.type === 'resync') return event;
    if (event?.type === 'change' && Array.isArray(event.areas)) return event;
  } catch {
    // A frame this version does not understand: nothing to read again.
  }
  return null;
}
