// Sessions in real builds: the next meeting on the home page and its post's page, the sessions page
// in Dutch and English, the calendar files and their type, a site without sessions, drafts, the day
// boundary in the build, and a bad end or clock stopping the build before anything is written.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { en } from "../../src/i18n/en.ts";
import { nl } from "../../src/i18n/nl.ts";
import { build, buildSite, post, repoRoot, tempProject, type BuildResult } from "../support/site.ts";
import { discard, read, siteFiles, visibleText } from "../support/html.ts";

const results: BuildResult[] = [];
const keep = (result: BuildResult) => (results.push(result), result);
afterAll(() => results.forEach(discard));

/** The part of a page between the first element with `className` and its closing tag `tag`. */
function part(html: string, className: string, tag = "section"): string {
  const start = html.search(new RegExp(`<${tag} class="${className}[ "]`));
  return start < 0 ? "" : html.slice(start, html.indexOf(`</${tag}>`, start) + tag.length + 3);
}
const events = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));

describe("the example, two days before its next session", () => {
  let site: BuildResult;
  beforeAll(() => (site = keep(buildSite())));

  test("the home page starts with the next meeting: day, date, time, place, and links to its post and calendar", () => {
    const home = read(site.out, "index.html");
    const block = part(home, "next-session");
    expect(home.indexOf("next-session")).toBeLessThan(home.indexOf('class="site-intro"'));
    expect(visibleText(block)).toBe(
      `${nl.sessionNext} Loslaten en regie houden donderdag 3 december 2026, 13:30–16:30 Kasteel Broekhuizen, Doorn ${nl.sessionPrepare} ${nl.sessionAddToCalendar}`,
    );
    expect(block).toContain('<a class="next-session__prepare" href="/posts/loslaten-en-regie/">');
    expect(block).toContain('href="/posts/loslaten-en-regie/loslaten-en-regie.ics"');
    expect(block).toContain('<time datetime="2026-12-03T13:30:00+01:00">');
    // Only the first page of the home page has it.
    expect(existsSync(join(site.out, "page/2/index.html"))).toBe(false);
  });

  test("that post's page says it is the next one and links its calendar; a past session's page does neither", () => {
    const next = part(read(site.out, "posts/loslaten-en-regie/index.html"), "session", "aside");
    expect(visibleText(next)).toBe(
      `${nl.sessionNext} donderdag 3 december 2026, 13:30–16:30 Kasteel Broekhuizen, Doorn ${nl.sessionAddToCalendar}`,
    );
    const past = part(read(site.out, "posts/welkom-in-de-leergang/index.html"), "session", "aside");
    expect(visibleText(past)).toBe(`${nl.session} Startbijeenkomst donderdag 10 september 2026 Utrecht`);
    expect(past).not.toContain(".ics");
  });

  test("/bijeenkomsten/ lists the upcoming sessions first, then the past ones, and links the calendar to subscribe to", () => {
    const page = read(site.out, "bijeenkomsten/index.html");
    const text = visibleText(page);
    expect(text).toContain(
      `${nl.sessionsUpcoming} donderdag 3 december 2026, 13:30–16:30 ${nl.sessionNext} Loslaten en regie houden Kasteel Broekhuizen, Doorn ${nl.sessionAddToCalendar}`,
    );
    expect(text).toContain(
      `${nl.sessionsPast} donderdag 10 september 2026 Startbijeenkomst ${nl.sessionPreparation}: Welkom in de leergang Utrecht`,
    );
    expect(text.indexOf(nl.sessionsUpcoming)).toBeLessThan(text.indexOf(nl.sessionsPast));
    expect(page).toContain('href="webcal://leergang.example.org/bijeenkomsten.ics"');
    expect(page).toContain('value="https://leergang.example.org/bijeenkomsten.ics"');
    expect(page).toContain("<title>Bijeenkomsten — Leergang Samen Ontwerpen</title>");
  });

  test("every page's menu links the sessions page; the sitemap lists it", () => {
    for (const file of siteFiles(site.out).filter((f) => f.endsWith(".html"))) {
      expect(read(site.out, file), file).toContain(
        `<a href="/bijeenkomsten/"${file === "bijeenkomsten/index.html" ? ' aria-current="page"' : ""}>${nl.navSessions}</a>`,
      );
    }
    expect(read(site.out, "sitemap.xml")).toContain("<loc>https://leergang.example.org/bijeenkomsten/</loc>");
  });

  test("a calendar file per post with a session and one for all, served as text/calendar; charset=utf-8", () => {
    expect(
      siteFiles(site.out)
        .filter((f) => f.endsWith(".ics"))
        .sort(),
    ).toEqual([
      "bijeenkomsten.ics",
      "posts/loslaten-en-regie/loslaten-en-regie.ics",
      "posts/welkom-in-de-leergang/welkom-in-de-leergang.ics",
    ]);
    const all = events(read(site.out, "bijeenkomsten.ics"));
    expect(all.map((e) => [e.uid, e.summary])).toEqual([
      ["welkom-in-de-leergang@leergang.example.org", "Startbijeenkomst"],
      ["loslaten-en-regie@leergang.example.org", "Loslaten en regie houden"],
    ]);
    expect(
      events(read(site.out, "posts/loslaten-en-regie/loslaten-en-regie.ics")).map((e) =>
        e.startDate.toJSDate().toISOString(),
      ),
    ).toEqual(["2026-12-03T12:30:00.000Z"]);
    const headers = read(site.out, "_headers");
    for (const path of [
      "/bijeenkomsten.ics",
      "/posts/loslaten-en-regie/loslaten-en-regie.ics",
      "/posts/welkom-in-de-leergang/welkom-in-de-leergang.ics",
    ]) {
      expect(headers).toContain(`\n${path}\n  Content-Type: text/calendar; charset=utf-8\n`);
    }
  });
});

describe("the day boundary, as the build sees the clock", () => {
  test("at 23:59 on the day of the session it is still next; at midnight it is not, and no empty block is left", () => {
    const late = keep(buildSite({ env: { HOEDOEDEDA_NOW: "2026-12-03T23:59" } }));
    expect(part(read(late.out, "index.html"), "next-session")).toContain("Loslaten en regie houden");
    const after = keep(buildSite({ env: { HOEDOEDEDA_NOW: "2026-12-04T00:00" } }));
    const home = read(after.out, "index.html");
    expect(home).not.toContain("next-session");
    expect(visibleText(home)).not.toContain(nl.sessionNext);
    expect(visibleText(part(read(after.out, "posts/loslaten-en-regie/index.html"), "session", "aside"))).toMatch(
      new RegExp(`^${nl.session} donderdag`),
    );
    expect(visibleText(read(after.out, "bijeenkomsten/index.html"))).toContain(
      `${nl.sessionsUpcoming} ${nl.sessionsNoneUpcoming}`,
    );
    // The calendars keep every session: a subscriber's past meetings stay in their calendar.
    expect(events(read(after.out, "bijeenkomsten.ics"))).toHaveLength(2);
  });

  test("the build machine's own time zone changes nothing", () => {
    const far = keep(buildSite({ env: { TZ: "Pacific/Kiritimati", HOEDOEDEDA_NOW: "2026-12-03T23:30" } }));
    const here = keep(buildSite({ env: { TZ: "Europe/Amsterdam", HOEDOEDEDA_NOW: "2026-12-03T23:30" } }));
    expect(part(read(far.out, "index.html"), "next-session")).toBe(part(read(here.out, "index.html"), "next-session"));
    expect(part(read(far.out, "index.html"), "next-session")).not.toBe("");
    expect(read(far.out, "bijeenkomsten.ics")).toBe(read(here.out, "bijeenkomsten.ics"));
  });
});

describe("an English site", () => {
  let site: BuildResult;
  beforeAll(() => {
    const siteYaml = readFileSync(join(repoRoot, "content/_data/site.yaml"), "utf8").replace(/^lang: nl$/m, "lang: en");
    site = keep(buildSite({ files: { "_data/site.yaml": siteYaml } }));
  });

  test("has /sessions/ and /sessions.ics, in English", () => {
    const files = siteFiles(site.out);
    expect(files).toContain("sessions/index.html");
    expect(files).toContain("sessions.ics");
    expect(files.some((f) => f.startsWith("bijeenkomsten"))).toBe(false);
    const text = visibleText(read(site.out, "sessions/index.html"));
    expect(text).toContain(
      `${en.sessionsUpcoming} Thursday, 3 December 2026, 13:30–16:30 ${en.sessionNext} Loslaten en regie houden`,
    );
    expect(text).toContain(
      `${en.sessionsPast} Thursday, 10 September 2026 Startbijeenkomst ${en.sessionPreparation}: Welkom in de leergang`,
    );
    expect(visibleText(part(read(site.out, "index.html"), "next-session"))).toMatch(
      new RegExp(`^${en.sessionNext} .* ${en.sessionPrepare} ${en.sessionAddToCalendar}$`),
    );
    expect(read(site.out, "index.html")).toContain(`<a href="/sessions/">${en.navSessions}</a>`);
    expect(events(read(site.out, "sessions.ics"))[1]!.description).toMatch(
      /\n\nRead the preparation: https:\/\/leergang\.example\.org\/posts\/loslaten-en-regie\/$/,
    );
  });
});

describe("a site without sessions", () => {
  test("has no sessions page, no calendars, no menu item and no next meeting", () => {
    const root = tempProject();
    for (const file of ["posts/loslaten-en-regie.md", "posts/welkom-in-de-leergang.md"]) {
      const path = join(root, "content", file);
      const source = readFileSync(path, "utf8").replace(/\nsession:\n(?: {2}.*\n)+/, "\n");
      expect(source).not.toContain("session:");
      writeFileSync(path, source);
    }
    const site = keep(build(root));
    expect(site.status, site.stderr).toBe(0);
    const files = siteFiles(site.out);
    expect(files.filter((f) => f.startsWith("bijeenkomsten") || f.endsWith(".ics"))).toEqual([]);
    const home = read(site.out, "index.html");
    expect(home).not.toContain("next-session");
    expect(home).not.toContain("/bijeenkomsten/");
    expect(read(site.out, "_headers")).not.toContain("text/calendar");
    expect(read(site.out, "sitemap.xml")).not.toContain("bijeenkomsten");
  });
});

describe("drafts", () => {
  const files = {
    "posts/concept-sessie.md": post({
      title: "Concept met sessie",
      date: "2026-11-28",
      author: "marjan",
      draft: true,
      session: { date: "2026-12-02T10:00", location: "Zeist" },
    }),
  };

  test("a draft's session is never in a production build: not next, not listed, not in a calendar", () => {
    const site = keep(buildSite({ files, env: { CONTEXT: "production", HOEDOEDEDA_DRAFTS: "true" } }));
    expect(read(site.out, "index.html")).not.toContain("Concept met sessie");
    expect(read(site.out, "bijeenkomsten/index.html")).not.toContain("Concept met sessie");
    expect(read(site.out, "bijeenkomsten.ics")).not.toContain("concept-sessie");
    expect(existsSync(join(site.out, "posts/concept-sessie"))).toBe(false);
  });

  test("a deploy preview shows it, marked as a draft, in its lists and its calendar", () => {
    const site = keep(
      buildSite({
        files,
        env: {
          CONTEXT: "deploy-preview",
          HOEDOEDEDA_DRAFTS: "true",
          REVIEW_ID: "7",
          URL: "https://leergang.example.org",
          DEPLOY_PRIME_URL: "https://deploy-preview-7--leergang.netlify.app",
        },
      }),
    );
    expect(visibleText(part(read(site.out, "index.html"), "next-session"))).toContain(`Concept met sessie ${nl.draft}`);
    const draft = events(read(site.out, "bijeenkomsten.ics")).find(
      (e) => e.uid === "concept-sessie@leergang.example.org",
    );
    expect(draft?.summary).toBe(`${nl.draft}: Concept met sessie`);
  });
});

describe("bad input stops the build before anything is written", () => {
  test("an end before the start names the file and session.end", () => {
    const root = tempProject({
      files: {
        "posts/te-vroeg.md": post({
          title: "Te vroeg",
          date: "2026-11-28",
          author: "marjan",
          session: { date: "2026-12-10T14:00", end: "13:00" },
        }),
      },
    });
    const result = keep(build(root));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "content/posts/te-vroeg.md: session.end: 13:00 is not after the start (14:00) — the end must come after `session.date`",
    );
    expect(result.stderr).toContain("Nothing was written.");
    expect(siteFiles(result.out)).toEqual([]);
  });

  test("a clock that is not a moment", () => {
    const result = keep(build(tempProject(), { env: { HOEDOEDEDA_NOW: "volgende week" } }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('environment: HOEDOEDEDA_NOW: "volgende week" is not a moment');
    expect(siteFiles(result.out)).toEqual([]);
  });
});
