// Dates are calendar days in the site's time zone. A post dated 2012-04-11 is the 11th on the
// page, in the feeds and in the sitemap, whatever time zone the build machine is in. This module
// reads what front-matter writes and computes instants and days; src/i18n/dates.ts words them.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Creating an Intl.DateTimeFormat costs far more than using one (and holds ICU memory), and a build
 * formats thousands of dates in a handful of ways: each format is made once per name, locale and
 * time zone (the name stands for the options, so no key is built from them on every call).
 */
const formats = new Map<string, Intl.DateTimeFormat>();
export function formatter(
  name: string,
  locale: string,
  timeZone: string,
  options: () => Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${name}\0${locale}\0${timeZone}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, { timeZone, ...options() })));
  return format;
}

export type DateProblem = "format" | "impossible" | "day-first";

/** Why a date string is not usable, or null when it is. */
export function dateProblem(value: string): DateProblem | null {
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/.test(value)) return "day-first";
  const m = DAY.exec(value) ?? DATE_TIME.exec(value);
  if (!m) return "format";
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return "impossible";
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return "impossible";
  return null;
}

/** Whether the value names only a day (no time of day). */
export function isCalendarDay(value: string): boolean {
  return DAY.test(value);
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Amsterdam in summer: 120). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const key = `${timeZone} ${instant.getTime()}`;
  let offset = offsets.get(key);
  if (offset === undefined) offsets.set(key, (offset = computeOffset(instant, timeZone)));
  return offset;
}

/** A post's date is read for its page, its feeds and the sitemap: each offset is asked once. */
const offsets = new Map<string, number>();

/** "GMT+02:00", "GMT-03:30", "GMT" for UTC; seconds in old local mean times ("GMT+00:19:32"). */
const GMT_OFFSET = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

function computeOffset(instant: Date, timeZone: string): number {
  const text = formatter("offset", "en-US", timeZone, () => ({ timeZoneName: "longOffset" })).format(instant);
  const m = GMT_OFFSET.exec(text);
  if (!m) throw new RangeError(`Cannot read the UTC offset of ${timeZone} from "${text}"`);
  if (!m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]) + Number(m[4] ?? 0) / 60;
  return (m[1] === "-" ? -1 : 1) * Math.round(minutes);
}

/**
 * The instant a front-matter date means. A calendar day or a date-time without offset is
 * wall-clock time in `timeZone`; an explicit offset or Z is taken as written.
 */
export function parseSiteDate(value: string, timeZone: string): Date {
  if (dateProblem(value)) throw new RangeError(`Not a valid date: ${value}`);
  const m = (DAY.exec(value) ?? DATE_TIME.exec(value))!;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const zone = m[7];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (zone) {
    if (zone === "Z") return new Date(wall);
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    return new Date(wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000);
  }
  // Two passes settle the offset even on the day the clocks change.
  let guess = wall - offsetMinutes(new Date(wall), timeZone) * 60000;
  guess = wall - offsetMinutes(new Date(guess), timeZone) * 60000;
  return new Date(guess);
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, "0");

/** `2012-04-11`: the calendar day of `instant` in `timeZone` (sitemaps, `<time datetime>`). */
export function isoDay(instant: Date, timeZone: string): string {
  return formatter("isoDay", "en-CA", timeZone, () => ({ year: "numeric", month: "2-digit", day: "2-digit" })).format(
    instant,
  );
}

/** RFC 3339 with the site's offset, e.g. `2012-04-11T00:00:00+02:00` (Atom, JSON Feed). */
export function isoDateTime(instant: Date, timeZone: string): string {
  const offset = offsetMinutes(instant, timeZone);
  const local = new Date(instant.getTime() + offset * 60000).toISOString().slice(0, 19);
  const sign = offset < 0 ? "-" : "+";
  return `${local}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** `13:30`: the time of day of `instant` in `timeZone`, 24-hour (messages that name a time). */
export function clockTime(instant: Date, timeZone: string): string {
  return formatter("clock", "en-GB", timeZone, () => ({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" })).format(
    instant,
  );
}
