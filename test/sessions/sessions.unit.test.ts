// When a session is, which one is next, and the build's clock: the rules the home page, the post
// pages, the sessions page and the calendars share (src/sessions/, src/model/build.ts).
import { describe, expect, test } from "vitest";
import { buildMoment, clockProblem, settingsFromEnv } from "../../src/model/build.ts";
import { loadContent } from "../../src/content/load.ts";
import { formatProblem } from "../../src/model/problems.ts";
import { nextSession, sessionLists } from "../../src/sessions/next.ts";
import { deriveSession } from "../../src/sessions/session.ts";
import { sessionSchemaIn } from "../../src/model/schema.ts";
import { nextDay, sessionTimes, type SessionTimes } from "../../src/model/session-times.ts";
import { content, entry, index } from "../support/model.ts";
import { repoRoot } from "../support/site.ts";

const AMS = "Europe/Amsterdam";
const times = (date: string, end: string | undefined, tz = AMS) => sessionTimes(date, end, tz) as SessionTimes;
const problem = (date: string, end: string, tz = AMS) => (sessionTimes(date, end, tz) as { problem?: string }).problem;
const iso = (d: Date) => d.toISOString();

describe("when a session is, in the site's time zone", () => {
  test("a day without a time is a whole day, ending when that day ends", () => {
    const day = times("2026-12-03", undefined);
    expect(day).toMatchObject({ allDay: true, endWritten: false, firstDay: "2026-12-03", lastDay: "2026-12-03" });
    expect([iso(day.start), iso(day.end), iso(day.dayEnds)]).toEqual([
      "2026-12-02T23:00:00.000Z",
      "2026-12-03T23:00:00.000Z",
      "2026-12-03T23:00:00.000Z",
    ]);
  });

  test("a start time without an end lasts two hours; with `end: 15:45` it ends then", () => {
    const plain = times("2026-12-03T13:30", undefined);
    expect([iso(plain.start), iso(plain.end), plain.endWritten]).toEqual([
      "2026-12-03T12:30:00.000Z",
      "2026-12-03T14:30:00.000Z",
      false,
    ]);
    const ended = times("2026-12-03T13:30", "15:45");
    expect([iso(ended.end), ended.endWritten, ended.lastDay]).toEqual(["2026-12-03T14:45:00.000Z", true, "2026-12-03"]);
    expect(iso(times("2026-12-03T08:00", "9:30").end)).toBe("2026-12-03T08:30:00.000Z");
  });

  test("winter and summer time: the same wall-clock hour is another UTC instant", () => {
    expect(iso(times("2026-12-03T13:30", undefined).start)).toBe("2026-12-03T12:30:00.000Z");
    expect(iso(times("2026-06-11T13:30", undefined).start)).toBe("2026-06-11T11:30:00.000Z");
    // The day the clocks go forward has 23 hours: it still ends at midnight.
    expect(iso(times("2026-03-29", undefined).dayEnds)).toBe("2026-03-29T22:00:00.000Z");
  });

  test("an end on another day, several whole days, and an end at midnight", () => {
    const overnight = times("2026-12-03T13:30", "2026-12-04T12:00");
    expect([overnight.firstDay, overnight.lastDay, iso(overnight.dayEnds)]).toEqual([
      "2026-12-03",
      "2026-12-04",
      "2026-12-04T23:00:00.000Z",
    ]);
    const days = times("2026-12-03", "2026-12-04");
    expect([days.allDay, days.lastDay, iso(days.end)]).toEqual([true, "2026-12-04", "2026-12-04T23:00:00.000Z"]);
    expect(times("2026-12-03T20:00", "2026-12-04T00:00").lastDay).toBe("2026-12-03");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
  });

  test("an end that is not after the start, or does not fit the start, says how to write it", () => {
    expect(problem("2026-12-03T13:30", "12:00")).toMatch(
      /^12:00 is not after the start \(13:30\) — the end must come after `session.date`; write it like `end: 15:45`/,
    );
    expect(problem("2026-12-03T13:30", "13:30")).toMatch(/is not after the start/);
    expect(problem("2026-12-03T13:30", "2026-12-02T18:00")).toMatch(/is not after the start/);
    expect(problem("2026-12-03", "15:45")).toMatch(
      /^is a time, but `session.date` has none — add the start time to the date \(`date: 2026-12-03T13:30`\)/,
    );
    expect(problem("2026-12-03", "2026-12-02")).toMatch(/^2026-12-02 is before the session's first day \(2026-12-03\)/);
    expect(problem("2026-12-03T13:30", "2026-12-04")).toMatch(/^is a day, but the session starts at a time/);
    expect(problem("2026-12-03T13:30", "15.45")).toBe('"15.45" — write the time with a colon: `end: 15:45`');
    expect(problem("2026-12-03T13:30", "kwart voor vier")).toMatch(
      /^"kwart voor vier" is not a time — write it like `end: 15:45`/,
    );
  });
});

describe("labels: only what the facilitator wrote, in the site's language", () => {
  const label = (date: string, end: string | undefined, lang: "nl" | "en" = "nl") =>
    deriveSession(sessionSchemaIn(AMS).parse({ date, ...(end ? { end } : {}) }), "x", { lang, timezone: AMS }).label;
  test("Dutch and English", () => {
    expect(label("2026-12-03", undefined)).toBe("donderdag 3 december 2026");
    expect(label("2026-12-03T13:30", undefined)).toBe("donderdag 3 december 2026, 13:30");
    expect(label("2026-12-03T13:30", "16:30")).toBe("donderdag 3 december 2026, 13:30–16:30");
    // Intl sets a span's dash between thin spaces (U+2009).
    expect(label("2026-12-03", "2026-12-04")).toBe("donderdag 3\u2009–\u2009vrijdag 4 december 2026");
    expect(label("2026-12-03T13:30", "2026-12-04T12:00")).toBe(
      "donderdag 3 december 2026, 13:30\u2009–\u2009vrijdag 4 december 2026, 12:00",
    );
    expect(label("2026-12-03T13:30", "16:30", "en")).toBe("Thursday, 3 December 2026, 13:30–16:30");
    expect(label("2026-12-03", undefined, "en")).toBe("Thursday, 3 December 2026");
  });
});

describe("the next session: the first whose day has not ended in the site's time zone", () => {
  const posts = [
    entry("eerste", { date: "2026-10-01", session: { date: "2026-10-08", location: "Utrecht" } }),
    entry("ochtend", { date: "2026-11-20", session: { date: "2026-12-03T09:00", end: "11:00" } }),
    entry("later", { date: "2026-11-25", session: { date: "2027-01-14" } }),
    entry("zonder", { date: "2026-11-26" }),
  ];
  const nextAt = (now: string, timezone = AMS) =>
    index(content(posts, { HOEDOEDEDA_NOW: now }, { timezone })).sessions.next?.slug;

  test("a session stays next for the whole of its day, also after it has ended", () => {
    expect(nextAt("2026-12-01T09:00")).toBe("ochtend");
    expect(nextAt("2026-12-03T16:00")).toBe("ochtend");
    expect(nextAt("2026-12-03T23:59")).toBe("ochtend");
    expect(nextAt("2026-12-04T00:00")).toBe("later");
    expect(nextAt("2027-01-15T00:00")).toBeUndefined();
  });

  test("across time zones: the same instant is another day in Kiritimati than in Los Angeles", () => {
    // 2026-12-03 at noon UTC: 13:00 in Amsterdam, 04:00 in Los Angeles, already 02:00 on the 4th in Kiritimati (UTC+14).
    const instant = "2026-12-03T12:00Z";
    expect(nextAt(instant, AMS)).toBe("ochtend");
    expect(nextAt(instant, "America/Los_Angeles")).toBe("ochtend");
    expect(nextAt(instant, "Pacific/Kiritimati")).toBe("later");
    // At the boundary itself: midnight in Kiritimati is 10:00 UTC the day before.
    expect(nextAt("2026-12-03T09:59Z", "Pacific/Kiritimati")).toBe("ochtend");
    expect(nextAt("2026-12-03T10:00Z", "Pacific/Kiritimati")).toBe("later");
  });

  test("upcoming soonest first, past most recent first; only the next one is marked next", () => {
    const built = index(content(posts, { HOEDOEDEDA_NOW: "2026-12-05T10:00" })).sessions;
    expect(built.upcoming.map((p) => p.slug)).toEqual(["later"]);
    const earlier = index(content(posts, { HOEDOEDEDA_NOW: "2026-09-01T10:00" }));
    expect(earlier.sessions.upcoming.map((p) => p.slug)).toEqual(["eerste", "ochtend", "later"]);
    expect(earlier.posts.filter((p) => p.session?.next).map((p) => p.slug)).toEqual(["eerste"]);
    expect(earlier.posts.find((p) => p.slug === "eerste")!.summary.session).toMatchObject({
      next: true,
      upcoming: true,
      location: "Utrecht",
    });
    const late = index(content(posts, { HOEDOEDEDA_NOW: "2027-02-01T10:00" })).sessions;
    expect(late.past.map((p) => p.slug)).toEqual(["later", "ochtend", "eerste"]);
    expect(late.next).toBeUndefined();
  });

  test("nextSession is the same rule for any list of posts, ties by slug", () => {
    const at = new Date("2026-12-01T08:00:00Z");
    const same = [entry("b", { session: { date: "2026-12-03" } }), entry("a", { session: { date: "2026-12-03" } })];
    expect(nextSession(index(content(same)).posts, at)?.slug).toBe("a");
    expect(sessionLists([], at)).toEqual({ upcoming: [], past: [] });
  });

  test("a draft's session is not in a production build's lists, only in a preview that shows drafts", () => {
    const withDraft = [...posts, entry("concept", { draft: true, session: { date: "2026-12-02" } })];
    expect(index(content(withDraft, { HOEDOEDEDA_NOW: "2026-12-01T09:00" })).sessions.next?.slug).toBe("ochtend");
    expect(
      index(
        content(withDraft, { HOEDOEDEDA_NOW: "2026-12-01T09:00", CONTEXT: "production", HOEDOEDEDA_DRAFTS: "true" }),
      ).sessions.upcoming.map((p) => p.slug),
    ).not.toContain("concept");
    expect(
      index(
        content(withDraft, {
          HOEDOEDEDA_NOW: "2026-12-01T09:00",
          CONTEXT: "deploy-preview",
          HOEDOEDEDA_DRAFTS: "true",
        }),
      ).sessions.next?.slug,
    ).toBe("concept");
  });
});

describe("the build's clock", () => {
  test("HOEDOEDEDA_NOW is read in the site's time zone; with Z or an offset as written; a day is its start", () => {
    expect(iso(buildMoment(settingsFromEnv({ HOEDOEDEDA_NOW: "2026-12-01T09:00" }), AMS))).toBe(
      "2026-12-01T08:00:00.000Z",
    );
    expect(iso(buildMoment(settingsFromEnv({ HOEDOEDEDA_NOW: "2026-07-01T09:00" }), AMS))).toBe(
      "2026-07-01T07:00:00.000Z",
    );
    expect(iso(buildMoment(settingsFromEnv({ HOEDOEDEDA_NOW: "2026-12-01T09:00Z" }), AMS))).toBe(
      "2026-12-01T09:00:00.000Z",
    );
    expect(iso(buildMoment(settingsFromEnv({ HOEDOEDEDA_NOW: "2026-12-01" }), "Pacific/Kiritimati"))).toBe(
      "2026-11-30T10:00:00.000Z",
    );
  });

  test("without it, the machine's clock, read once when the settings are", () => {
    const before = Date.now();
    const settings = settingsFromEnv({});
    const moment = buildMoment(settings, AMS).getTime();
    expect(moment).toBeGreaterThanOrEqual(before);
    expect(moment).toBeLessThanOrEqual(Date.now());
    expect(buildMoment(settings, AMS).getTime()).toBe(moment);
  });

  test("a value that is not a moment stops the build with one message saying how to write it", () => {
    expect(clockProblem(settingsFromEnv({ HOEDOEDEDA_NOW: "2026-12-01T09:00" }))).toBeUndefined();
    const model = loadContent(repoRoot, settingsFromEnv({ HOEDOEDEDA_NOW: "morgen" }));
    expect(model.problems.map(formatProblem)).toEqual([
      'environment: HOEDOEDEDA_NOW: "morgen" is not a moment — write it like `HOEDOEDEDA_NOW=2026-12-01T09:00` (a time in the site\'s time zone), `2026-12-01` (the start of that day) or `2026-12-01T08:00Z` (UTC), or leave it out to use the clock',
    ]);
  });
});
