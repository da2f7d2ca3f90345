import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/**
 * Where the user is, kept in the address's fragment: `#/requests/42` is the page „Bürgeranliegen“
 * with request 42 open, `#/press/appointments` a tab of a page. A reload shows the same again,
 * Back and Forward move through what was shown, an address can be passed on. The fragment works
 * in the browser mode and in the desktop app (a file address) alike. Each component reads and
 * sets its own part: the app the page, a page its tab, a register the open record.
 */

interface Location {
  segments: string[];
  /** Tells the history entries apart: a record opened again gets a fresh dialog. */
  entry: number;
}

interface Router {
  location: Location;
  navigate(segments: string[]): void;
}

/** The parts of a fragment such as `#/requests/42`; any other fragment (`#inhalt`) is no address. */
export function segmentsOf(hash: string): string[] {
  if (!hash.startsWith('#/')) return [];
  return hash
    .slice(2)
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
}

/** The fragment of an address: `['settings', 'departments']` → `#/settings/departments` (for a link's href). */
export const addressOf = (segments: string[]) => `#/${segments.map(encodeURIComponent).join('/')}`;
const entryOf = (state: unknown) => (typeof state === 'object' && state !== null && typeof (state as { entry?: unknown }).entry === 'number' ? (state as { entry: number }).entry : 0);
const current = (): Location => ({ segments: segmentsOf(window.location.hash), entry: entryOf(window.history.state) });

const RouterContext = createContext<Router | null>(null);

/** The part of the address below the component: what is already read (`base`) and what is left. */
const LevelContext = createContext<{ base: string[]; rest: string[] }>({ base: [], rest: [] });

/** Follows the address (Back, Forward, a typed or pasted address) for the whole app. */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const follow = () => setLocation(current());
    window.addEventListener('popstate', follow);
    window.addEventListener('hashchange', follow);
    return () => {
      window.removeEventListener('popstate', follow);
      window.removeEventListener('hashchange', follow);
    };
  }, []);
  const navigate = useCallback((segments: string[]) => {
    const hash = addressOf(segments);
    if (hash === window.location.hash) return;
    const entry = entryOf(window.history.state) + 1;
    window.history.pushState({ entry }, '', hash);
    setLocation({ segments, entry });
  }, []);
  const router = useMemo(() => ({ location, navigate }), [location, navigate]);
  return (
    <RouterContext.Provider value={router}>
      <LevelContext.Provider value={{ base: [], rest: location.segments }}>{children}</LevelContext.Provider>
    </RouterContext.Provider>
  );
}

/**
 * This component's part of the address (`segment`; undefined when the address ends above it), the
 * parts after it (`below`), and `go`, which sets it (with parts after it, if given) and drops
 * whatever was below before (a new history entry).
 */
export function useRouteSegment() {
  const router = useContext(RouterContext);
  if (!router) throw new Error('useRouteSegment outside RouterProvider');
  const { base, rest } = useContext(LevelContext);
  const { navigate } = router;
  const go = useCallback(
    (segment: string | undefined, ...below: string[]) => navigate(segment === undefined ? base : [...base, segment, ...below]),
    [navigate, base],
  );
  return { segment: rest[0], below: rest.slice(1), entry: router.location.entry, go };
}

/**
 * A page's tabs in the address (`#/press/enquiries`): the tab shown (the first when the address
 * names none) and the way to show another.
 */
export function useRouteTab<V extends string>(views: readonly V[]): [V, (view: V) => void] {
  const { segment, go } = useRouteSegment();
  return [views.find((v) => v === segment) ?? views[0]!, go];
}

/** Goes to a whole address (`['calendar', '2026-11-27']`), from anywhere. */
export function useNavigate() {
  const router = useContext(RouterContext);
  if (!router) throw new Error('useNavigate outside RouterProvider');
  return router.navigate;
}

/** Hands the address below `segment` (the tab shown, even when the address leaves it out) to the children. */
export function RouteScope({ segment, children }: { segment: string; children: ReactNode }) {
  const { base, rest } = useContext(LevelContext);
  const value = useMemo(() => ({ base: [...base, segment], rest: rest[0] === segment ? rest.slice(1) : [] }), [base, rest, segment]);
  return <LevelContext.Provider value={value}>{children}</LevelContext.Provider>;
}
