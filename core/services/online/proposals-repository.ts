import { and, asc, eq, gte, inArray, isNotNull, lte, ne } from 'drizzle-orm';
import type { Engine } from '../../../db/engine';

/**
 * SQL of the online plan's proposals: what they are computed from (press releases with an
 * embargo, citizens' talks and walks) and which were taken (a post with the proposal as its
 * origin) or dismissed. The mayor's appointments come from the calendar's own repository.
 */
export function proposalsRepository({ db, t }: Engine) {
  const { pressReleases, citizenEvents, onlinePosts, onlineProposalDismissals: dismissals } = t;
  const releaseColumns = { id: pressReleases.id, title: pressReleases.title, subtitle: pressReleases.subtitle, embargoUntil: pressReleases.embargoUntil };
  const eventColumns = {
    id: citizenEvents.id,
    kind: citizenEvents.kind,
    title: citizenEvents.title,
    start: citizenEvents.start,
    place: citizenEvents.place,
    district: citizenEvents.district,
  };
  return {
    /** Press releases not withdrawn whose embargo (wall-clock text) lies from `from` to `to` (inclusive). */
    embargoedReleases(from: string, to: string) {
      return db
        .select(releaseColumns)
        .from(pressReleases)
        .where(and(isNotNull(pressReleases.embargoUntil), gte(pressReleases.embargoUntil, from), lte(pressReleases.embargoUntil, to), ne(pressReleases.status, 'zurueckgezogen')))
        .orderBy(asc(pressReleases.embargoUntil), asc(pressReleases.id));
    },
    async release(id: number) {
      const [row] = await db.select({ ...releaseColumns, status: pressReleases.status }).from(pressReleases).where(eq(pressReleases.id, id)).limit(1);
      return row;
    },
    /** Citizens' talks and walks starting from `from` to `to` (wall-clock text, inclusive). */
    events(from: string, to: string) {
      return db
        .select(eventColumns)
        .from(citizenEvents)
        .where(and(gte(citizenEvents.start, from), lte(citizenEvents.start, to)))
        .orderBy(asc(citizenEvents.start), asc(citizenEvents.id));
    },
    async event(id: number) {
      const [row] = await db.select(eventColumns).from(citizenEvents).where(eq(citizenEvents.id, id)).limit(1);
      return row;
    },
    /** Of these keys, those taken (a post has it as origin) or dismissed. */
    async done(keys: readonly string[]): Promise<{ taken: Set<string>; dismissed: Set<string> }> {
      if (!keys.length) return { taken: new Set(), dismissed: new Set() };
      const taken = await db.selectDistinct({ key: onlinePosts.origin }).from(onlinePosts).where(inArray(onlinePosts.origin, [...keys]));
      const dismissed = await db.select({ key: dismissals.key }).from(dismissals).where(inArray(dismissals.key, [...keys]));
      return { taken: new Set(taken.map((r) => r.key!)), dismissed: new Set(dismissed.map((r) => r.key)) };
    },
    async dismiss(key: string, user: string, at: string): Promise<void> {
      await db.insert(dismissals).values({ key, dismissedBy: user, dismissedAt: at });
    },
  };
}
