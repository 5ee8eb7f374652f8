// A post's session as pages and calendars show it: the schema's instants (src/model/session-times.ts)
// with labels in the site's language and where its calendar file is. Derived once per post version
// and language (src/posts/post-index.ts `derive`); whether it is still to come is decided per build
// (./next.ts).
import type { SessionFields } from "../model/schema.ts";
import type { Session } from "../model/sessions.ts";
import { isoDateTime, isoDay, parseSiteDate } from "../model/calendar.ts";
import type { SessionTimes } from "../model/session-times.ts";
import { postCalendarUrl } from "../model/urls.ts";
import { daySpan, sessionDate, timeSpan } from "../i18n/dates.ts";
import type { Site } from "../model/content.ts";

/** The label of a session: only what the facilitator wrote (no end unless `session.end` says one). */
function labelOf(times: SessionTimes, site: Pick<Site, "lang" | "timezone">): string {
  const { lang, timezone: tz } = site;
  if (times.allDay) {
    return times.lastDay === times.firstDay
      ? sessionDate(times.start, lang, tz, false)
      : daySpan(times.start, parseSiteDate(times.lastDay, tz), lang, tz, false);
  }
  if (!times.endWritten) return sessionDate(times.start, lang, tz, true);
  if (times.lastDay === times.firstDay)
    return `${sessionDate(times.start, lang, tz, false)}, ${timeSpan(times.start, times.end, lang, tz)}`;
  return daySpan(times.start, times.end, lang, tz, true);
}

/** A post's session (front-matter's `session`, as the schema read it) with its labels and calendar. */
export function deriveSession(fields: SessionFields, slug: string, site: Pick<Site, "lang" | "timezone">): Session {
  return {
    ...fields,
    label: labelOf(fields, site),
    datetime: fields.allDay ? isoDay(fields.start, site.timezone) : isoDateTime(fields.start, site.timezone),
    calendar: postCalendarUrl(slug),
  };
}
