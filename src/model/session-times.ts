// When a session is: its start and end as instants, read from front-matter's `session.date` and
// `session.end` in the site's time zone. The schema asks this module what is wrong with an end, the
// post index asks it for the instants: one reading, so `npm run check`, the pages and the calendars
// agree. A whole-day session ends at the start of the day after its last day, as RFC 5545's DTEND
// does (https://www.rfc-editor.org/rfc/rfc5545#section-3.6.1).
import { clockTime, dateProblem, isCalendarDay, isoDay, parseSiteDate } from "./calendar.ts";

/** How long a session with a start time and no `end` lasts in the calendars. */
export const DEFAULT_MINUTES = 120;

/** `15:45` or `9:30`: a time on the session's own day. */
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

export interface SessionTimes {
  /** Written as a day (or days) without a time: an all-day event. */
  allDay: boolean;
  start: Date;
  /** When it ends: `session.end`, two hours after a start time, or the start of the day after its last day. */
  end: Date;
  /** Whether `session.end` was written (the pages show an end only then). */
  endWritten: boolean;
  /** Its first and last calendar day in the site's time zone, `YYYY-MM-DD`. */
  firstDay: string;
  lastDay: string;
  /** When its last day is over in the site's time zone: until then it is upcoming. */
  dayEnds: Date;
}

/** `2026-12-03` → `2026-12-04`: calendar arithmetic on the date alone, whatever the clocks do. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

const endExample = "`end: 15:45` (the time it ends, HH:MM) or `end: 2026-12-04T12:00` (a date and time)";

/**
 * What is wrong with `session.end` given `session.date`, as a message for the field, or the times.
 * `date` must be valid already (the schema checks it first). Values without an offset are wall-clock
 * time in `timeZone`.
 */
export function sessionTimes(
  date: string,
  end: string | undefined,
  timeZone: string,
): SessionTimes | { problem: string } {
  const allDay = isCalendarDay(date);
  const start = parseSiteDate(date, timeZone);
  const firstDay = isoDay(start, timeZone);
  const until = (lastDay: string) => parseSiteDate(nextDay(lastDay), timeZone);
  if (end === undefined) {
    if (allDay)
      return {
        allDay,
        start,
        end: until(firstDay),
        endWritten: false,
        firstDay,
        lastDay: firstDay,
        dayEnds: until(firstDay),
      };
    return timed(start, new Date(start.getTime() + DEFAULT_MINUTES * 60_000), false, timeZone);
  }

  const time = TIME.exec(end);
  if (allDay) {
    if (isCalendarDay(end) && !dateProblem(end)) {
      if (end < firstDay)
        return {
          problem: `${end} is before the session's first day (${firstDay}) — write its last day on or after \`date\`, or leave \`end\` out for one day`,
        };
      return { allDay, start, end: until(end), endWritten: true, firstDay, lastDay: end, dayEnds: until(end) };
    }
    if (time || !dateProblem(end)) {
      return {
        problem: `is a time, but \`session.date\` has none — add the start time to the date (\`date: ${firstDay}T13:30\`), or leave \`end\` out for a whole day`,
      };
    }
    return {
      problem: `"${end}" is not a day — for a session of several days write its last day, like \`end: ${nextDay(firstDay)}\``,
    };
  }

  let finish: Date;
  if (time) finish = parseSiteDate(`${firstDay}T${time[1]!.padStart(2, "0")}:${time[2]}`, timeZone);
  else if (!dateProblem(end) && !isCalendarDay(end)) finish = parseSiteDate(end, timeZone);
  else if (isCalendarDay(end) && !dateProblem(end))
    return { problem: `is a day, but the session starts at a time — write when it ends: ${endExample}` };
  else if (/^\d{1,2}[.h]\d{2}$/.test(end))
    return { problem: `"${end}" — write the time with a colon: \`end: ${end.replace(/[.h]/, ":")}\`` };
  else return { problem: `"${end}" is not a time — write it like ${endExample}` };

  if (finish.getTime() <= start.getTime()) {
    const shown = (instant: Date) =>
      isoDay(instant, timeZone) === firstDay
        ? clockTime(instant, timeZone)
        : `${isoDay(instant, timeZone)} ${clockTime(instant, timeZone)}`;
    return {
      problem: `${end} is not after the start (${shown(start)}) — the end must come after \`session.date\`; write it like ${endExample}`,
    };
  }
  return timed(start, finish, true, timeZone);
}

function timed(start: Date, end: Date, endWritten: boolean, timeZone: string): SessionTimes {
  // A session that ends exactly at midnight belongs to the day before.
  const lastDay = isoDay(new Date(end.getTime() - 1), timeZone);
  return {
    allDay: false,
    start,
    end,
    endWritten,
    firstDay: isoDay(start, timeZone),
    lastDay,
    dayEnds: parseSiteDate(nextDay(lastDay), timeZone),
  };
}
