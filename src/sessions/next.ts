// Which sessions are still to come, and which one is next: the one rule the home page, the post
// pages, the sessions page and the header use. A session stays upcoming for the whole of its (last)
// day in the site's time zone — a participant who opens the site at 16:00 on the day of a morning
// meeting still finds it — and "now" is the build's clock (src/model/build.ts `buildMoment`). There is
// no daily rebuild: the page's clock (src/client/clock.ts) moves the next meeting on in the browser,
// from the instants the build writes with this rule (`dayEnds`, `nextFromBySlug`).
import type { Session, SessionLists } from "../model/sessions.ts";

/** Whether `session`'s last day has not ended at `now` (its `dayEnds` is read in the site's time zone). */
export const isUpcoming = (session: Pick<Session, "dayEnds">, now: Date): boolean =>
  now.getTime() < session.dayEnds.getTime();

interface WithSession {
  slug: string;
  session?: Pick<Session, "start" | "dayEnds">;
}

/** Soonest first; on the same start by slug, so the order never depends on the file system. */
const soonestFirst = (a: WithSession, b: WithSession) =>
  a.session!.start.getTime() - b.session!.start.getTime() || a.slug.localeCompare(b.slug);

/** The posts that have a session, split at `now` into upcoming (soonest first) and past (most recent first). */
export function sessionLists<T extends WithSession>(posts: readonly T[], now: Date): SessionLists<T> {
  const withSession = posts.filter((post) => post.session).sort(soonestFirst);
  const upcoming = withSession.filter((post) => isUpcoming(post.session!, now));
  const past = withSession.filter((post) => !isUpcoming(post.session!, now)).reverse();
  return { upcoming, past, ...(upcoming[0] ? { next: upcoming[0] } : {}) };
}

/** The next session at `now`: the first, by start, whose day has not ended in the site's time zone. */
export const nextSession = <T extends WithSession>(posts: readonly T[], now: Date): T | undefined =>
  sessionLists(posts, now).next;

/** Whether the site has any session at all (the sessions page, its calendar and the menu item exist only then). */
export const hasSessions = (lists: Pick<SessionLists<unknown>, "upcoming" | "past">): boolean =>
  lists.upcoming.length + lists.past.length > 0;

/**
 * From when each session is the next one: the moment the last of the sessions before it (in the order
 * they start) has had its day. Undefined for the first, which is the next one from the start. By slug.
 */
export function nextFromBySlug(posts: readonly WithSession[]): Map<string, Date | undefined> {
  const ordered = posts.filter((post) => post.session).sort(soonestFirst);
  const from = new Map<string, Date | undefined>();
  let latest: number | undefined;
  for (const post of ordered) {
    from.set(post.slug, latest === undefined ? undefined : new Date(latest));
    latest = Math.max(latest ?? -Infinity, post.session!.dayEnds.getTime());
  }
  return from;
}
