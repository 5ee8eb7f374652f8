// Time moves in the browser, not by rebuilding: a site built on 1 December (the build's clock) is
// read days and weeks later, with Playwright's clock moved past a meeting. The home page's next
// meeting, "coming" and "past" on the sessions page and a post's "next meeting" follow the reader's
// date, by the end of a meeting's day in the site's time zone (Amsterdam), whatever the reader's own
// zone. Without JavaScript the build's view stays, with full dates. Served the way Netlify serves
// the site (its CSP), at 390 px, light and dark; screenshots go to test-results/ for people to look at.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch } from "../support/browser.ts";
import { discard } from "../support/html.ts";
import { serve, type RunningSite } from "../support/serve.ts";
import { buildSite, post, repoRoot, type BuildResult } from "../support/site.ts";

const screenshots = join(repoRoot, "test-results");
// The example's next meeting is "Loslaten en regie houden", 3 December 2026, 13:30–16:30 in Doorn;
// its last day ends at midnight in Amsterdam: 23:00 UTC. A second one follows in January.
const dayOfMeetingEnds = "2026-12-03T23:00:00Z";
const januaryPost = post(
  {
    title: "Terug naar de praktijk",
    date: "2026-11-30",
    author: "marjan",
    session: { date: "2027-01-14T13:30", location: "Utrecht" },
  },
  "Na de bijeenkomst van december: wat nemen we mee?",
);

let built: BuildResult;
let site: RunningSite;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  built = buildSite({ files: { "posts/terug-naar-de-praktijk.md": januaryPost } });
  site = await serve(built.out, join(repoRoot, "netlify.toml"));
  browser = await launch();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await site?.close();
  discard(built);
});

interface Reader {
  page: Page;
  problems: string[];
}

/** A reader at `time` (and in `timezoneId`, Amsterdam unless said), on a phone. */
async function readerAt(time: string, options: BrowserContextOptions = {}): Promise<Reader> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    timezoneId: "Europe/Amsterdam",
    ...options,
  });
  contexts.push(context);
  await context.clock.install({ time: new Date(time) });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => /Content Security Policy/i.test(message.text()) && problems.push(message.text()));
  page.on(
    "request",
    (request) => !request.url().startsWith(site.url) && problems.push(`request elsewhere: ${request.url()}`),
  );
  return { page, problems };
}

const nextMeeting = (page: Page) => page.locator(".next-session__item:visible .next-session__name").allTextContents();
const upcoming = (page: Page) =>
  page.locator("[data-clock=upcoming] > li:visible .session-item__title").allTextContents();
const pastTitles = (page: Page) => page.locator("[data-clock=past]:visible li .session-item__title").allTextContents();
const sessionTitle = (page: Page) => page.locator(".session__title").textContent();

describe("before the meeting (the build's own view)", () => {
  test("the home page names December's meeting next; the sessions page has it first, with the badge", async () => {
    const { page, problems } = await readerAt("2026-12-02T10:00:00+01:00");
    await page.goto(`${site.url}/`);
    expect(await nextMeeting(page)).toEqual(["Loslaten en regie houden"]);
    await page.goto(`${site.url}/bijeenkomsten/`);
    expect(await upcoming(page)).toEqual(["Loslaten en regie houden", "Terug naar de praktijk"]);
    expect(await page.locator("[data-clock=upcoming] .badge--next:visible").count()).toBe(1);
    await page.goto(`${site.url}/posts/loslaten-en-regie/`);
    expect(await sessionTitle(page)).toBe("Volgende bijeenkomst");
    expect(problems).toEqual([]);
  });
});

describe("the evening of the meeting and the morning after, in the site's time zone", () => {
  test("at 23:59 in Amsterdam it is still the next meeting; at midnight January's is", async () => {
    const evening = await readerAt("2026-12-03T22:59:00Z");
    await evening.page.goto(`${site.url}/`);
    expect(await nextMeeting(evening.page)).toEqual(["Loslaten en regie houden"]);
    const morning = await readerAt(dayOfMeetingEnds);
    await morning.page.goto(`${site.url}/`);
    expect(await nextMeeting(morning.page)).toEqual(["Terug naar de praktijk"]);
  });

  test("a reader in New York at 18:00 on the 3rd: Amsterdam's day is over, so the meeting is past", async () => {
    const { page } = await readerAt("2026-12-03T23:30:00Z", { timezoneId: "America/New_York" });
    await page.goto(`${site.url}/`);
    expect(await page.evaluate(() => new Date().getDate())).toBe(3);
    expect(await nextMeeting(page)).toEqual(["Terug naar de praktijk"]);
  });

  test("a page left open over midnight moves on by itself", async () => {
    const { page, problems } = await readerAt("2026-12-03T22:58:00Z");
    await page.goto(`${site.url}/bijeenkomsten/`);
    expect(await upcoming(page)).toEqual(["Loslaten en regie houden", "Terug naar de praktijk"]);
    await page.clock.runFor(5 * 60_000);
    expect(await upcoming(page)).toEqual(["Terug naar de praktijk"]);
    expect(await pastTitles(page)).toEqual(["Loslaten en regie houden", "Startbijeenkomst"]);
    expect(problems).toEqual([]);
  });
});

describe.each(["light", "dark"] as const)("a week after the meeting, %s colour scheme, 390 px", (colorScheme) => {
  const at = "2026-12-10T09:00:00+01:00";

  test("home: January's meeting is next, with its own link and calendar", async () => {
    const { page, problems } = await readerAt(at, { colorScheme });
    await page.goto(`${site.url}/`);
    expect(await nextMeeting(page)).toEqual(["Terug naar de praktijk"]);
    const shown = page.locator(".next-session__item:visible");
    expect(await shown.locator(".next-session__prepare").getAttribute("href")).toBe("/posts/terug-naar-de-praktijk/");
    expect(await shown.locator(".calendar-link").getAttribute("href")).toBe(
      "/posts/terug-naar-de-praktijk/terug-naar-de-praktijk.ics",
    );
    expect(await shown.locator("time").textContent()).toBe("donderdag 14 januari 2027, 13:30");
    await page.locator(".next-session").screenshot({ path: join(screenshots, `clock-home-${colorScheme}.png`) });
    expect(problems).toEqual([]);
  });

  test("sessions page: December's meeting is at the top of the past ones, without its calendar link", async () => {
    const { page, problems } = await readerAt(at, { colorScheme });
    await page.goto(`${site.url}/bijeenkomsten/`);
    expect(await upcoming(page)).toEqual(["Terug naar de praktijk"]);
    expect(await page.locator("[data-clock=upcoming] > li").first().getAttribute("class")).toContain(
      "session-item--next",
    );
    expect(await pastTitles(page)).toEqual(["Loslaten en regie houden", "Startbijeenkomst"]);
    const moved = page.locator("[data-clock=past] li").first();
    expect(await moved.locator(".calendar-link").count()).toBe(0);
    expect(await moved.locator(".badge--next").count()).toBe(0);
    // Nothing sideways on a phone, and nothing for axe.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.screenshot({ path: join(screenshots, `clock-sessions-${colorScheme}.png`), fullPage: true });
    expect(problems).toEqual([]);
  });

  test("post pages: December's post no longer says next, and has no calendar link; January's does", async () => {
    const { page, problems } = await readerAt(at, { colorScheme });
    await page.goto(`${site.url}/posts/loslaten-en-regie/`);
    expect(await sessionTitle(page)).toBe("Bijeenkomst");
    expect(await page.locator(".session").getAttribute("class")).not.toContain("session--next");
    expect(await page.locator(".session__calendar").count()).toBe(0);
    await page.locator(".session").screenshot({ path: join(screenshots, `clock-post-${colorScheme}.png`) });
    await page.goto(`${site.url}/posts/terug-naar-de-praktijk/`);
    expect(await sessionTitle(page)).toBe("Volgende bijeenkomst");
    expect(await page.locator(".session").getAttribute("class")).toContain("session--next");
    expect(problems).toEqual([]);
  });
});

describe("after the last meeting", () => {
  test("the home page has no next-meeting block and the sessions page says none is planned", async () => {
    const { page } = await readerAt("2027-02-01T09:00:00+01:00");
    await page.goto(`${site.url}/`);
    expect(await page.locator(".next-session").isVisible()).toBe(false);
    await page.goto(`${site.url}/bijeenkomsten/`);
    expect(await upcoming(page)).toEqual([]);
    expect(await page.locator("[data-clock=none-upcoming]").isVisible()).toBe(true);
    expect(await pastTitles(page)).toEqual(["Terug naar de praktijk", "Loslaten en regie houden", "Startbijeenkomst"]);
  });
});

describe("without JavaScript", () => {
  test("the build's view, with full dates: December's meeting is named, with its date, so nobody is misled", async () => {
    const { page } = await readerAt("2026-12-10T09:00:00+01:00", { javaScriptEnabled: false });
    await page.goto(`${site.url}/`);
    expect(await nextMeeting(page)).toEqual(["Loslaten en regie houden"]);
    expect(await page.locator(".next-session__item:visible time").textContent()).toBe(
      "donderdag 3 december 2026, 13:30–16:30",
    );
    await page.goto(`${site.url}/bijeenkomsten/`);
    expect(await upcoming(page)).toEqual(["Loslaten en regie houden", "Terug naar de praktijk"]);
    expect(await page.locator("[data-clock=none-upcoming]").isVisible()).toBe(false);
  });
});
