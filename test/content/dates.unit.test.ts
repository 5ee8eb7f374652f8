// A front-matter date is a calendar day in the site's time zone: `2012-04-11` is the 11th on the
// page, in the feeds and the sitemap, whatever the clock of the machine that builds the site says.
import { afterEach, describe, expect, test } from "vitest";
import {
  dateProblem,
  isCalendarDay,
  isoDateTime,
  isoDay,
  offsetMinutes,
  parseSiteDate,
} from "../../src/model/calendar.ts";
import { longDate, sessionDate } from "../../src/i18n/dates.ts";

const AMS = "Europe/Amsterdam";
const machineZones = ["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Europe/Amsterdam", "Pacific/Pago_Pago"];
const siteZones = ["Europe/Amsterdam", "America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"];

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe("dateProblem", () => {
  test.each([
    ["2012-04-11", null],
    ["2012-04-11T13:30", null],
    ["2012-04-11 13:30:15", null],
    ["2012-04-11T13:30:00Z", null],
    ["2012-04-11T13:30:00+02:00", null],
    ["2012-02-29", null],
    ["11-04-2012", "day-first"],
    ["11/4/2012", "day-first"],
    ["11.04.2012", "day-first"],
    ["2011-02-29", "impossible"],
    ["2012-04-31", "impossible"],
    ["2012-13-01", "impossible"],
    ["2012-04-11T24:00", "impossible"],
    ["2012-04-11T12:60", "impossible"],
    ["april 2012", "format"],
    ["2012-4-11", "format"],
    ["", "format"],
  ])("%j → %j", (value, problem) => {
    expect(dateProblem(value)).toBe(problem);
  });

  test("isCalendarDay tells a day from a moment", () => {
    expect(isCalendarDay("2012-04-11")).toBe(true);
    expect(isCalendarDay("2012-04-11T09:00")).toBe(false);
  });
});

describe("parseSiteDate", () => {
  test("a calendar day is midnight in the site's time zone, not in UTC", () => {
    expect(parseSiteDate("2012-04-11", AMS).toISOString()).toBe("2012-04-10T22:00:00.000Z"); // summer time, +02:00
    expect(parseSiteDate("2012-01-11", AMS).toISOString()).toBe("2012-01-10T23:00:00.000Z"); // winter time, +01:00
    expect(parseSiteDate("2012-04-11", "America/Los_Angeles").toISOString()).toBe("2012-04-11T07:00:00.000Z");
    expect(parseSiteDate("2012-04-11", "Pacific/Kiritimati").toISOString()).toBe("2012-04-10T10:00:00.000Z");
  });

  test("a time without offset is wall-clock time in the site's zone; an explicit offset is taken as written", () => {
    expect(parseSiteDate("2012-04-11T23:30", AMS).toISOString()).toBe("2012-04-11T21:30:00.000Z");
    expect(parseSiteDate("2012-04-11T23:30:00Z", AMS).toISOString()).toBe("2012-04-11T23:30:00.000Z");
    expect(parseSiteDate("2012-04-11T23:30:00-07:00", AMS).toISOString()).toBe("2012-04-12T06:30:00.000Z");
    expect(parseSiteDate("2012-04-11T08:00+0530", AMS).toISOString()).toBe("2012-04-11T02:30:00.000Z");
  });

  test("the days the clocks change keep their date", () => {
    // Amsterdam: 25 March 2012 02:00 → 03:00, 28 October 2012 03:00 → 02:00.
    expect(isoDateTime(parseSiteDate("2012-03-25", AMS), AMS)).toBe("2012-03-25T00:00:00+01:00");
    expect(isoDateTime(parseSiteDate("2012-03-26", AMS), AMS)).toBe("2012-03-26T00:00:00+02:00");
    expect(isoDateTime(parseSiteDate("2012-10-28", AMS), AMS)).toBe("2012-10-28T00:00:00+02:00");
    expect(isoDateTime(parseSiteDate("2012-10-28T12:00", AMS), AMS)).toBe("2012-10-28T12:00:00+01:00");
    expect(isoDay(parseSiteDate("2012-03-25T02:30", AMS), AMS)).toBe("2012-03-25");
  });

  test("refuses what dateProblem refuses", () => {
    expect(() => parseSiteDate("11-04-2012", AMS)).toThrow(RangeError);
    expect(() => parseSiteDate("2012-02-30", AMS)).toThrow(RangeError);
  });
});

describe("the 11th stays the 11th whatever the machine's time zone", () => {
  test.each(machineZones)("machine TZ=%s", (machine) => {
    process.env.TZ = machine;
    // Node applies a changed TZ at once: prove the machine clock really moved.
    const expectedOffset = {
      UTC: 0,
      "America/Los_Angeles": 420,
      "Pacific/Kiritimati": -840,
      "Europe/Amsterdam": -120,
      "Pacific/Pago_Pago": 660,
    }[machine];
    expect(new Date(Date.UTC(2012, 3, 11, 12)).getTimezoneOffset()).toBe(expectedOffset);

    for (const zone of siteZones) {
      const date = parseSiteDate("2012-04-11", zone);
      expect(isoDay(date, zone), zone).toBe("2012-04-11");
      expect(isoDateTime(date, zone).slice(0, 19), zone).toBe("2012-04-11T00:00:00");
      expect(longDate(date, "nl", zone), zone).toBe("11 april 2012");
      expect(longDate(date, "en", zone), zone).toBe("11 April 2012");
      const late = parseSiteDate("2012-04-11T23:59", zone);
      expect(isoDay(late, zone), zone).toBe("2012-04-11");
    }
  });
});

describe("formats", () => {
  test("isoDateTime carries the site's offset", () => {
    expect(isoDateTime(parseSiteDate("2012-04-11", AMS), AMS)).toBe("2012-04-11T00:00:00+02:00");
    expect(isoDateTime(parseSiteDate("2012-04-11", "America/Los_Angeles"), "America/Los_Angeles")).toBe(
      "2012-04-11T00:00:00-07:00",
    );
    expect(isoDateTime(parseSiteDate("2012-04-11", "Pacific/Kiritimati"), "Pacific/Kiritimati")).toBe(
      "2012-04-11T00:00:00+14:00",
    );
    expect(isoDateTime(parseSiteDate("2012-04-11", "Asia/Kolkata"), "Asia/Kolkata")).toBe("2012-04-11T00:00:00+05:30");
    expect(isoDateTime(parseSiteDate("2012-04-11", "America/St_Johns"), "America/St_Johns")).toBe(
      "2012-04-11T00:00:00-02:30",
    );
    expect(isoDateTime(parseSiteDate("2012-04-11", "UTC"), "UTC")).toBe("2012-04-11T00:00:00+00:00");
  });

  test("offsetMinutes follows summer and winter time", () => {
    expect(offsetMinutes(new Date("2012-07-01T12:00:00Z"), AMS)).toBe(120);
    expect(offsetMinutes(new Date("2012-01-01T12:00:00Z"), AMS)).toBe(60);
    expect(offsetMinutes(new Date("2012-07-01T12:00:00Z"), "America/St_Johns")).toBe(-150);
  });

  test("long dates in the site's language", () => {
    const date = parseSiteDate("2012-04-11", AMS);
    expect(longDate(date, "nl", AMS)).toBe("11 april 2012");
    expect(longDate(date, "en", AMS)).toBe("11 April 2012");
  });

  test("session dates name the weekday, with the time when one is given", () => {
    expect(sessionDate(parseSiteDate("2012-04-12", AMS), "nl", AMS, false)).toBe("donderdag 12 april 2012");
    expect(sessionDate(parseSiteDate("2012-04-12", AMS), "en", AMS, false)).toBe("Thursday, 12 April 2012");
    expect(sessionDate(parseSiteDate("2012-04-12T13:30", AMS), "nl", AMS, true)).toBe("donderdag 12 april 2012, 13:30");
    expect(sessionDate(parseSiteDate("2012-04-12T09:05", AMS), "en", AMS, true)).toBe("Thursday, 12 April 2012, 09:05");
  });
});
