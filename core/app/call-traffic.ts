/**
 * Counts a door's API calls in flight, so that work that can wait (the start-up retention check)
 * runs once the start page has had its answers: `quiet(ms)` resolves when at least one call was
 * answered and none has been in flight for `ms` milliseconds. The HTTP bridge and the desktop
 * shell's IPC handler both count their calls with it.
 */
export interface CallTraffic {
  /** A call begins; the returned function ends it (call it once). */
  begin(): () => void;
  quiet(ms: number): Promise<void>;
}

export function createCallTraffic(): CallTraffic {
  let inFlight = 0;
  let answered = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waiting: Array<{ ms: number; resolve: () => void }> = [];
  /** (Re)starts the wait of the longest waiter; all resolve once the calls have been quiet that long. */
  const check = () => {
    clearTimeout(timer);
    if (inFlight > 0 || answered === 0 || waiting.length === 0) return;
    const ms = Math.max(...waiting.map((w) => w.ms));
    timer = setTimeout(() => {
      for (const w of waiting.splice(0)) w.resolve();
    }, ms);
    timer.unref?.();
  };
  return {
    begin() {
      inFlight++;
      clearTimeout(timer);
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        inFlight--;
        answered++;
        check();
      };
    },
    quiet(ms) {
      return new Promise((resolve) => {
        waiting.push({ ms, resolve });
        check();
      });
    },
  };
}

/** How long the calls must have been quiet after the start page's first ones. */
const START_PAGE_SETTLED_MS = 500;
/** At the latest this long after the start, whether a page came or not. */
const START_PAGE_LATEST_MS = 10_000;

/**
 * When the start-up work that can wait may run: the start page has had its answers, or (no page
 * came, a script calls the API) ten seconds have passed. The timer keeps no process alive.
 */
export function startPageServed(traffic: Pick<CallTraffic, 'quiet'>): Promise<void> {
  return Promise.race([
    traffic.quiet(START_PAGE_SETTLED_MS),
    new Promise<void>((resolve) => setTimeout(resolve, START_PAGE_LATEST_MS).unref?.()),
  ]);
}
