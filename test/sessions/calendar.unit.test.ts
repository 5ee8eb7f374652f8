// The calendars as RFC 5545 says and as a real parser reads them (Mozilla's ical.js): CRLF, lines
// folded at 75 octets (not characters), TEXT escaping, UTC instants in winter and summer, whole
// days as VALUE=DATE, stable UIDs, and drafts never in a production calendar.
import ICAL from "ical.js";
import { describe, expect, test } from "vitest";
import type { FrontMatter } from "../support/model.ts";
import { messages } from "../../src/i18n/index.ts";
import { postCalendar, sessionUid, siteCalendar } from "../../src/sessions/calendar.ts";
import { escapeText, fold, serialize } from "../../src/sessions/ics.ts";
import { content, entry, index } from "../support/model.ts";
import type { PostIndex } from "../../src/model/posts.ts";

const t = messages("nl");
const NOW = { HOEDOEDEDA_NOW: "2026-12-01T09:00" };
const site = { url: "https://leergang.example.org", timezone: "Europe/Amsterdam" };

function built(
  posts: ReturnType<typeof entry>[],
  env: Record<string, string> = NOW,
  settings: Record<string, unknown> = site,
): { model: ReturnType<typeof content>; index: PostIndex } {
  const model = content(posts, env, settings);
  return { model, index: index(model) };
}

/** A post's calendar file, and its one event as ical.js reads it. */
function eventOf(data: FrontMatter, slug = "bijeenkomst") {
  const { model, index: idx } = built([entry(slug, { date: "2026-11-20", ...data })]);
  const text = postCalendar(idx.posts[0]!, model.site, t);
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent("vevent")!;
  return { text, calendar, vevent, event: new ICAL.Event(vevent) };
}

/** The physical lines of a calendar file, checking every one ends in CRLF. */
function physicalLines(text: string): string[] {
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  return text.slice(0, -2).split("\r\n");
}

describe("the serialiser", () => {
  test("TEXT escaping: backslash, semicolon, comma and line breaks; control characters dropped", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
    expect(escapeText("bel\u0007 tab\there")).toBe("bel tab\there");
  });

  test("folds at 75 octets: a Dutch accent is two, an emoji four, and no character is split", () => {
    const value = `DESCRIPTION:${"Coördinatie van één café’s naïeve reünie 🙂 ".repeat(12)}`;
    const lines = fold(value).split("\r\n");
    expect(lines.length).toBeGreaterThan(6);
    for (const [i, line] of lines.entries()) {
      expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
      if (i > 0) expect(line.startsWith(" ")).toBe(true);
      // Each line on its own is whole UTF-8: cutting inside a sequence would leave U+FFFD here.
      expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
    }
    // Most lines are full: folding counts octets, not characters.
    expect(lines.slice(0, -1).every((line) => Buffer.byteLength(line) >= 72)).toBe(true);
    // Unfolding (RFC 5545 §3.1: remove CRLF and one space) gives the line back.
    expect(fold(value).replace(/\r\n /g, "")).toBe(value);
    expect(fold("KORT:tekst")).toBe("KORT:tekst");
  });

  test("every line ends in CRLF, the last one too", () => {
    const text = serialize({
      name: "VCALENDAR",
      properties: [
        { name: "VERSION", value: "2.0" },
        { name: "X-TEXT", value: "één\ntwee", text: true },
      ],
    });
    expect(physicalLines(text)).toEqual(["BEGIN:VCALENDAR", "VERSION:2.0", "X-TEXT:één\\ntwee", "END:VCALENDAR"]);
  });
});

describe("an event as ical.js reads it", () => {
  test("a timed session in winter: 13:30 in Amsterdam is 12:30 UTC, written in UTC", () => {
    const { text, event } = eventOf({ session: { date: "2026-12-03T13:30", end: "16:30", location: "Doorn" } });
    expect(text).toContain("\r\nDTSTART:20261203T123000Z\r\n");
    expect(event.startDate.isDate).toBe(false);
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-12-03T12:30:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-12-03T15:30:00.000Z");
    expect(event.startDate.zone?.tzid).toBe("UTC");
  });

  test("in summer: 13:30 in Amsterdam is 11:30 UTC; without an end it lasts two hours", () => {
    const { event } = eventOf({ session: { date: "2026-06-11T13:30" } });
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-06-11T11:30:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-06-11T13:30:00.000Z");
  });

  test("a day without a time is an all-day event (VALUE=DATE), ending the day after (exclusive)", () => {
    const { text, event } = eventOf({ session: { date: "2026-12-03" } });
    expect(text).toContain("\r\nDTSTART;VALUE=DATE:20261203\r\nDTEND;VALUE=DATE:20261204\r\n");
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe("2026-12-03");
    expect(event.endDate.toString()).toBe("2026-12-04");
    const days = eventOf({ session: { date: "2026-12-03", end: "2026-12-04" } }).event;
    expect(days.endDate.toString()).toBe("2026-12-05");
  });

  test("title, place and questions with commas, semicolons, backslashes and accents come back as written", () => {
    const questions = [
      "Wat is één ding, of twee; of meer?",
      "Back\\slash en een “aanhalingsteken”",
      "Een lange vraag over coördinatie ".repeat(6).trim(),
    ];
    const { text, event, vevent } = eventOf({
      title: "Regie; loslaten, \\ houden",
      questions,
      session: {
        date: "2026-12-03T13:30",
        location: "Kasteel Broekhuizen, Doorn; zaal 2",
        title: "Derde bijeenkomst: één, twee; drie",
      },
    });
    for (const line of physicalLines(text)) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    expect(event.summary).toBe("Derde bijeenkomst: één, twee; drie");
    expect(event.location).toBe("Kasteel Broekhuizen, Doorn; zaal 2");
    expect(event.description).toBe(
      `Vragen om op te reageren:\n1. ${questions[0]}\n2. ${questions[1]}\n3. ${questions[2]}\n\nLees de voorbereiding: https://leergang.example.org/posts/bijeenkomst/`,
    );
    expect(vevent.getFirstPropertyValue("url")).toBe("https://leergang.example.org/posts/bijeenkomst/");
    // The post's title when the session has none.
    expect(eventOf({ title: "Regie; loslaten, \\ houden", session: { date: "2026-12-03" } }).event.summary).toBe(
      "Regie; loslaten, \\ houden",
    );
  });

  test("the file is a calendar of one published event, stamped with the build's clock", () => {
    const { calendar, vevent } = eventOf({ session: { date: "2026-12-03" } });
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(String(calendar.getFirstPropertyValue("prodid"))).toMatch(/^-\/\/hoedoededa\/\//);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getAllSubcomponents("vevent")).toHaveLength(1);
    expect(String(vevent.getFirstPropertyValue("dtstamp"))).toBe("2026-12-01T08:00:00Z");
  });
});

describe("UIDs", () => {
  test("come from the slug and the production host, and stay the same when the time or the build changes", () => {
    const first = eventOf({ session: { date: "2026-12-03T13:30" } }, "loslaten").event.uid;
    const moved = eventOf({ session: { date: "2026-12-10T09:00", end: "12:00", location: "Utrecht" } }, "loslaten")
      .event.uid;
    expect(first).toBe("loslaten@leergang.example.org");
    expect(moved).toBe(first);
    expect(eventOf({ session: { date: "2026-12-03" } }, "ander-bericht").event.uid).not.toBe(first);
  });

  test("a deploy preview uses the production site's host, so an event added there is the same event", () => {
    const preview = content(
      [],
      {
        CONTEXT: "deploy-preview",
        URL: "https://leergang.example.org",
        DEPLOY_PRIME_URL: "https://deploy-preview-4--leergang.netlify.app",
      },
      site,
    ).site;
    expect(preview.url).toBe("https://deploy-preview-4--leergang.netlify.app");
    expect(sessionUid("loslaten", preview)).toBe("loslaten@leergang.example.org");
  });
});

describe("the subscribable calendar", () => {
  const posts = [
    entry("derde", { date: "2026-11-20", session: { date: "2026-12-03T13:30" } }),
    entry("eerste", { date: "2026-09-03", session: { date: "2026-09-10" } }),
    entry("zonder", { date: "2026-10-01" }),
    entry("concept", { date: "2026-11-27", draft: true, session: { date: "2027-01-14" } }),
  ];
  const calendarOf = (env: Record<string, string>) => {
    const { model, index: idx } = built(posts, { ...NOW, ...env });
    const text = siteCalendar([...idx.sessions.past].reverse().concat(idx.sessions.upcoming), model.site, t);
    return { text, calendar: new ICAL.Component(ICAL.parse(text)) };
  };
  const uids = (calendar: ICAL.Component) =>
    calendar.getAllSubcomponents("vevent").map((v) => String(v.getFirstPropertyValue("uid")));

  test("every session of the published posts, in the order they happen, with the calendar's name and refresh hint", () => {
    const { text, calendar } = calendarOf({});
    expect(uids(calendar)).toEqual(["eerste@leergang.example.org", "derde@leergang.example.org"]);
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Leergang — Bijeenkomsten");
    expect(calendar.getFirstPropertyValue("name")).toBe("Leergang — Bijeenkomsten");
    expect(text).toContain("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n");
    expect(text).toContain("\r\nSOURCE;VALUE=URI:https://leergang.example.org/bijeenkomsten.ics\r\n");
    for (const line of physicalLines(text)) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  test("drafts never in production, not even with HOEDOEDEDA_DRAFTS set; a preview that shows drafts marks them", () => {
    expect(uids(calendarOf({ CONTEXT: "production", HOEDOEDEDA_DRAFTS: "true" }).calendar)).not.toContain(
      "concept@leergang.example.org",
    );
    const preview = calendarOf({
      CONTEXT: "deploy-preview",
      HOEDOEDEDA_DRAFTS: "true",
      URL: "https://leergang.example.org",
    }).calendar;
    const draft = preview
      .getAllSubcomponents("vevent")
      .find((v) => v.getFirstPropertyValue("uid") === "concept@leergang.example.org")!;
    expect(new ICAL.Event(draft).summary).toBe("Concept: Over concept");
  });

  test("in English, the calendar is called Sessions and lives at /sessions.ics", () => {
    const model = content(posts, NOW, { ...site, lang: "en" });
    const text = siteCalendar(index(model).sessions.upcoming, model.site, messages("en"));
    expect(text).toContain("\r\nX-WR-CALNAME:Leergang — Sessions\r\n");
    expect(text).toContain("SOURCE;VALUE=URI:https://leergang.example.org/sessions.ics");
    expect(new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!).description).toMatch(
      /^Read the preparation: https:\/\/leergang\.example\.org\/posts\/derde\/$/,
    );
  });
});
