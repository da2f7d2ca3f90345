import { useCallback, useRef, useState } from 'react';
import { useReturnFocus } from './dialog-focus';

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
