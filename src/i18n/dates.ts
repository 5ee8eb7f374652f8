// Dates in words of the site's language ("donderdag 12 april 2012", "13:30–15:45"), for pages,
// feeds and messages. The instants come from src/model/calendar.ts, which reads front-matter.
import { formatter } from "../model/calendar.ts";
import { localeOf, type Lang } from "../model/languages.ts";

/** "11 april 2012" (nl) / "11 April 2012" (en). */
export function longDate(instant: Date, lang: Lang, timeZone: string): string {
  return formatter("longDate", localeOf(lang).tag, timeZone, () => ({
    day: "numeric",
    month: "long",
    year: "numeric",
  })).format(instant);
}

/** "21 nov. 2026, 15:43" (nl) / "21 Nov 2026, 15:43" (en): short enough for a table cell. */
export function shortDateTime(instant: Date, lang: Lang, timeZone: string): string {
  return formatter("shortDateTime", localeOf(lang).tag, timeZone, () => ({
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  })).format(instant);
}

/** "donderdag 12 april 2012" (nl) / "Thursday, 12 April 2012" (en); with the time when `withTime`. */
export function sessionDate(instant: Date, lang: Lang, timeZone: string, withTime: boolean): string {
  const format = formatter(withTime ? "sessionWithTime" : "session", localeOf(lang).tag, timeZone, () => ({
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" as const } : {}),
  }));
  return format
    .format(instant)
    .replace(/,(?= \d{4}$)/, "")
    .replace(" om ", ", ")
    .replace(" at ", ", ");
}

/** "13:30–15:45": a span of clock times on one day. */
export function timeSpan(start: Date, end: Date, lang: Lang, timeZone: string): string {
  return formatter("timeSpan", localeOf(lang).tag, timeZone, () => ({
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  })).formatRange(start, end);
}

/**
 * A span of days, "donderdag 3 – vrijdag 4 december 2026" (`last`: the start of the last day), or of
 * moments on different days, "donderdag 3 december 2026, 13:30 – vrijdag 4 december 2026, 12:00".
 */
export function daySpan(first: Date, last: Date, lang: Lang, timeZone: string, withTime: boolean): string {
  const format = formatter(withTime ? "daySpanWithTime" : "daySpan", localeOf(lang).tag, timeZone, () => ({
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" as const } : {}),
  }));
  return format.formatRange(first, last).replaceAll(" om ", ", ").replaceAll(" at ", ", ");
}
