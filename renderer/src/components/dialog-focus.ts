import { useEffect, useLayoutEffect, useRef } from 'react';
import { useFocusFinders } from '@fluentui/react-components';

/**
 * Gives the focus back to where it was (a register's row, a button) when a dialog or drawer
 * closes, as long as that element is still on the page: the keyboard user goes on from there
 * instead of from the top of the page. Noted before the dialog takes the focus (a layout effect
 * runs before the dialog's own focus effect).
 */
export function useReturnFocus(open: boolean) {
  const origin = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (open && origin.current === null && document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
      origin.current = document.activeElement;
    }
  }, [open]);
  useEffect(() => {
    if (open || !origin.current) return;
    const element = origin.current;
    origin.current = null;
    if (element.isConnected) element.focus();
  }, [open]);
}

/**
 * A dialog whose content arrives after it opened: the focus sat on the loading state's button,
 * which the content replaces. Once loaded, the focus goes to the content's first control, as when
 * a dialog opens (else it falls to the page behind, and Escape no longer closes the dialog).
 * The ref belongs on the DialogSurface.
 */
export function useFocusOnceLoaded<T extends HTMLElement>(loading: boolean) {
  const { findFirstFocusable } = useFocusFinders();
  const surface = useRef<T>(null);
  useEffect(() => {
    const element = surface.current;
    if (loading || !element || element.contains(document.activeElement)) return;
    (findFirstFocusable(element) ?? element).focus();
  }, [loading, findFirstFocusable]);
  return surface;
}
