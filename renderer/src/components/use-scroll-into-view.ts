import { useEffect, useRef } from 'react';

/**
 * A ref for an element that scrolls into view whenever `trigger` becomes something new and
 * truthy: an error or a result at the end of a long dialog stays visible after the click.
 */
export function useScrollIntoView<E extends HTMLElement>(trigger: unknown) {
  const ref = useRef<E>(null);
  useEffect(() => {
    if (trigger) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [trigger]);
  return ref;
}
