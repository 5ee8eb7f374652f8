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

/** A post's session in this build: when and where, and whether it is still to come. */
export interface PostSession extends Session {
  /** Its last day has not ended at the build's moment (src/sessions/next.ts `isUpcoming`). */
  upcoming: boolean;
  /** The first upcoming session of the site: the home page shows it. */
  next: boolean;
}

export interface SessionLists<T> {
  /** Still to come, soonest first. */
  upcoming: T[];
  /** Over, most recent first. */
  past: T[];
  /** The first upcoming one, if any. */
  next?: T;
}
