import { useCallback, useRef, useState } from 'react';
import { useReturnFocus } from './dialog-focus';
import { useRouteSegment } from './route';

/**
 * Which record a register's dialog shows (`open(null)`: a new one) and a fresh `key` for every
 * opening, so the dialog starts anew – also for the record it showed before. `opened` is null
 * while the dialog is closed; then the focus is back where it was when the dialog opened.
 */
export function useDialogState<T = number | null>() {
  const [opened, setOpened] = useState<{ target: T; key: number } | null>(null);
  const openings = useRef(0);
  const open = useCallback((target: T) => setOpened({ target, key: ++openings.current }), []);
  const close = useCallback(() => setOpened(null), []);
  useReturnFocus(opened !== null);
  return { opened, open, close };
}

/** The record number in an address part: `42`, or with a prefix `list-42` (a second kind of record on the same page). */
function recordIn(segment: string | undefined, prefix: string | undefined): number | null {
  const match = segment === undefined ? null : /^(?:([a-z]+)-)?([1-9]\d*)$/.exec(segment);
  return match && match[1] === prefix ? Number(match[2]) : null;
}

/**
 * The same for a register whose records are numbered, with the open record in the address
 * (`#/requests/42`; `prefix` for a second register on the page: `#/engagement/offer-7`): a reload
 * or a passed-on address shows it again, Back closes it, Forward opens it again. A new record
 * (`open(null)`) has no address yet. `open(id, detail)` keeps a detail of the record in the
 * address too (`#/calendar/appointment-7/2027-01-06T16:00`: a date of a series), as `opened.detail`.
 */
export function useRecordDialog(prefix?: string) {
  const route = useRouteSegment();
  const inAddress = recordIn(route.segment, prefix);
  const [draft, setDraft] = useState<number | null>(null);
  const openings = useRef(0);
  const { go } = route;
  const open = useCallback(
    (id: number | null, detail?: string) => {
      if (id === null) {
        setDraft(++openings.current);
        if (inAddress !== null) go(undefined);
        return;
      }
      setDraft(null);
      go(prefix ? `${prefix}-${id}` : String(id), ...(detail === undefined ? [] : [detail]));
    },
    [go, prefix, inAddress],
  );
  const close = useCallback(() => {
    setDraft(null);
    if (inAddress !== null) go(undefined);
  }, [go, inAddress]);
  const detail = inAddress !== null ? route.below[0] : undefined;
  const opened =
    draft !== null
      ? { target: null as number | null, key: `new-${draft}`, detail: undefined as string | undefined }
      : inAddress !== null
        ? { target: inAddress as number | null, key: `${inAddress}@${route.entry}`, detail }
        : null;
  useReturnFocus(opened !== null);
  return { opened, open, close };
}

/**
 * The record an opened dialog shows, taken from the register's loaded list (for dialogs that get
 * the record itself): null for a new one; undefined while the list loads, or when the address
 * names a record the list does not hold – then no dialog is shown.
 */
export function openedRecord<R>(opened: { target: number | null } | null, list: readonly R[] | undefined, idOf: (record: R) => number): R | null | undefined {
  if (!opened) return undefined;
  if (opened.target === null) return null;
  return list?.find((record) => idOf(record) === opened.target);
}
