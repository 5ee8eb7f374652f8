// A post's session as pages and calendars show it (src/sessions/): what the schema read — when and
// where — with its label in the site's language and its calendar file; and, in a build, whether it
// is still to come.
import type { SessionFields } from "./schema.ts";

export interface Session extends SessionFields {
  /** "donderdag 12 april 2012", "donderdag 12 april 2012, 13:30" or with its end "…, 13:30–15:45". */
  label: string;
  /** For `<time datetime>`: the day, or the start with the site's offset. */
  datetime: string;
  /** Its calendar file, one event (`/posts/<slug>/<slug>.ics`). */
  calendar: string;
}

/**
 * A post's session in this build: when and where, whether it is still to come and whether it is
 * the next one at the build's moment — and, for the page's clock (src/client/clock.ts), from when to
 * when that holds, so a page built before a meeting is right after it without a new build.
 */
export interface PostSession extends Session {
  /** Its last day has not ended at the build's moment (src/sessions/next.ts `isUpcoming`). */
  upcoming: boolean;
  /** The first upcoming session of the site: the home page shows it. */
  next: boolean;
  /** `dayEnds` as an ISO instant: until then it is upcoming. */
  until: string;
  /** From when it is the next one (the end of the last day of every session before it), as an ISO instant; none for the first. */
  nextFrom?: string;
}

export interface SessionLists<T> {
  /** Still to come, soonest first. */
  upcoming: T[];
  /** Over, most recent first. */
  past: T[];
  /** The first upcoming one, if any. */
  next?: T;
}
