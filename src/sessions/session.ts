// A post's session as pages and calendars show it: its instants (src/model/session-times.ts), its labels in
// the site's language, and where its calendar file is. Derived once per post version and time zone
// (src/posts/post-index.ts `derive`); whether it is still to come is decided per build (./next.ts).
import type { Site } from "../content/load.ts";
import type { PostData } from "../model/schema.ts";
import { daySpan, isoDateTime, isoDay, parseSiteDate, sessionDate, timeSpan } from "../model/calendar.ts";
import { postCalendarUrl } from "../build/routes.ts";
import { sessionTimes, type SessionTimes } from "../model/session-times.ts";

export interface Session extends SessionTimes {
  /** "donderdag 12 april 2012", "donderdag 12 april 2012, 13:30" or with its end "…, 13:30–15:45". */
  label: string;
  /** For `<time datetime>`: the day, or the start with the site's offset. */
  datetime: string;
  location?: string;
  /** `session.title`: the meeting's own name, when it has one. */
  title?: string;
  /** Its calendar file, one event (`/posts/<slug>/<slug>.ics`). */
  calendar: string;
}

/** The label of a session: only what the facilitator wrote (no end unless `session.end` says one). */
function labelOf(times: SessionTimes, site: Pick<Site, "lang" | "timezone">): string {
  const { lang, timezone: tz } = site;
  if (times.allDay) {
    return times.lastDay === times.firstDay ? sessionDate(times.start, lang, tz, false) : daySpan(times.start, parseSiteDate(times.lastDay, tz), lang, tz, false);
  }
  if (!times.endWritten) return sessionDate(times.start, lang, tz, true);
  if (times.lastDay === times.firstDay) return `${sessionDate(times.start, lang, tz, false)}, ${timeSpan(times.start, times.end, lang, tz)}`;
  return daySpan(times.start, times.end, lang, tz, true);
}

/** `data`: front-matter's `session`, valid (the schema has checked its date and end). */
export function deriveSession(data: NonNullable<PostData["session"]>, slug: string, site: Pick<Site, "lang" | "timezone">): Session {
  const times = sessionTimes(data.date.trim(), data.end?.trim(), site.timezone);
  if ("problem" in times) throw new Error(`session.end of ${slug} passed validation but cannot be read: ${times.problem}`);
  const location = data.location?.trim();
  const title = data.title?.trim();
  return {
    ...times,
    label: labelOf(times, site),
    datetime: times.allDay ? isoDay(times.start, site.timezone) : isoDateTime(times.start, site.timezone),
    ...(location ? { location } : {}),
    ...(title ? { title } : {}),
    calendar: postCalendarUrl(slug),
  };
}
