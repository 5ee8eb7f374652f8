// Sessions, calendars, the guide and print, as a participant meets them in Chromium, served the
// way Netlify serves the site: the calendars' type, axe in light and dark on the new pages, html-
// validate, the way from a post to the guide, and a post printed as a handout on A4. Screenshots
// go to test-results/ for people to look at. giscus.app is a stand-in.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AxeBuilder } from "@axe-core/playwright";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import type { Browser, BrowserContext, Page } from "playwright";
import { nl } from "../../src/i18n/nl.ts";
import { embedHosts } from "../../src/markdown/render.ts";
import { launch } from "../support/browser.ts";
import { routeGiscus } from "../support/giscus-standin.ts";
import { serve, type RunningSite } from "../support/serve.ts";
import { buildSite, post, repoRoot, siteYamlWithComments, type BuildResult } from "../support/site.ts";
import { discard, read } from "../support/html.ts";
import { testNowInstant } from "../support/env.ts";

const screenshots = join(repoRoot, "test-results");
// A post to print: links in its body and in an earlier response, a session, questions.
const handout = post(
  {
    title: "Een hand-out",
    date: "2026-10-29",
    author: "marjan",
    questions: ["Wat neem je mee?", "Wat laat je liggen?"],
    session: { date: "2026-12-10T09:30", end: "12:00", location: "Utrecht" },
  },
  "Lees vooraf [het artikel van Wenger](https://example.org/wenger) en [ons eerdere bericht](/posts/leren-in-netwerken/).\n\nEn [deze alinea](#reacties) verwijst naar de reacties.",
);
const earlier =
  "- id: 1\n  author: Sanne\n  date: 2026-10-30T10:00\n  text: Zie ook [dit verslag](https://example.org/verslag).\n";

let built: BuildResult;
let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  built = buildSite({
    files: {
      "_data/site.yaml": siteYamlWithComments().replace(/\ngiscus:/, "\ncontact: marjan@example.org\ngiscus:"),
      "posts/een-hand-out.md": handout,
      "posts/een-hand-out.comments.yaml": earlier,
    },
  });
  site = await serve(built.out, join(repoRoot, "netlify.toml"));
  browser = await launch();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  discard(built);
});

async function contextFor(options: Parameters<Browser["newContext"]>[0]): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  // The reader's date is the build's: the page's clock (src/client/clock.ts) then shows what the build did.
  await context.clock.install({ time: testNowInstant });
  await routeGiscus(context);
  for (const host of embedHosts)
    await context.route(`https://${host}/**`, (route) =>
      route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Video</title>" }),
    );
  return context;
}

test("the calendars are served as text/calendar; charset=utf-8, and parse", async () => {
  for (const path of [
    "/bijeenkomsten.ics",
    "/posts/loslaten-en-regie/loslaten-en-regie.ics",
    "/posts/een-hand-out/een-hand-out.ics",
  ]) {
    const response = await fetch(site.url + path);
    expect(response.status, path).toBe(200);
    expect(response.headers.get("content-type"), path).toBe("text/calendar; charset=utf-8");
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    expect(calendar.getAllSubcomponents("vevent").length, path).toBeGreaterThan(0);
  }
});

describe.each(["light", "dark"] as const)("axe, %s colour scheme", (colorScheme) => {
  test("no violations on the home page with the next meeting, a post's session and responses, the sessions page and the guide", async () => {
    const context = await contextFor({ colorScheme, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of ["/", "/posts/loslaten-en-regie/", "/bijeenkomsten/", "/hoe-reageer-ik/"]) {
      expect((await page.goto(site.url + path))?.status(), path).toBe(200);
      expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(
        colorScheme === "dark",
      );
      await page.locator("details").evaluateAll((all) => all.forEach((d) => d.setAttribute("open", "")));
      const results = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
      for (const v of results.violations)
        found.push(
          `${path}: ${v.id} [${v.impact}] ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join(", ")}`,
        );
    }
    expect(found).toEqual([]);
    await context.close();
  });
});

test("html-validate finds nothing on the sessions page, the guide and a post with its guide links", async () => {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const errors: string[] = [];
  for (const file of [
    "bijeenkomsten/index.html",
    "hoe-reageer-ik/index.html",
    "posts/loslaten-en-regie/index.html",
    "posts/een-hand-out/index.html",
    "index.html",
  ]) {
    const report = await validator.validateString(read(built.out, file), join(repoRoot, "_site", file));
    for (const result of report.results)
      for (const m of result.messages) if (m.severity === 2) errors.push(`${file}:${m.line} ${m.ruleId}: ${m.message}`);
  }
  expect(errors).toEqual([]);
});

describe("on a phone", () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await contextFor({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  const noSidewaysScroll = () =>
    page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

  test("the home page shows the next meeting first, within the first screen", async () => {
    await page.goto(site.url + "/");
    const block = page.locator(".next-session");
    await expect(block.isVisible()).resolves.toBe(true);
    const box = (await block.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(844);
    expect(await noSidewaysScroll()).toBe(true);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: join(screenshots, `sessions-home-390-${scheme}.png`), fullPage: true });
    }
    await page.emulateMedia({ colorScheme: "light" });
  });

  test("from the next meeting to its post, then to the guide through the questions", async () => {
    await page.goto(site.url + "/");
    await page.getByRole("link", { name: nl.sessionPrepare }).click();
    await page.waitForURL(`${site.url}/posts/loslaten-en-regie/`);
    await expect(page.locator(".session__title").textContent()).resolves.toBe(nl.sessionNext);
    await page.locator(".session").screenshot({ path: join(screenshots, "sessions-post-session-390.png") });
    await page.locator(".questions").getByRole("link", { name: nl.guideLink }).click();
    await page.waitForURL(`${site.url}/hoe-reageer-ik/`);
    await expect(page.locator("h1").textContent()).resolves.toBe(nl.guideTitle);
    expect(await noSidewaysScroll()).toBe(true);
    await page.screenshot({ path: join(screenshots, "sessions-guide-390.png"), fullPage: true });
  });

  test("the responses section links the guide too, with the privacy line directly above the widget", async () => {
    await page.goto(site.url + "/posts/welkom-in-de-leergang/");
    const responses = page.locator("#reacties");
    await expect(responses.getByRole("link", { name: nl.guideLink }).getAttribute("href")).resolves.toBe(
      "/hoe-reageer-ik/",
    );
    await expect(responses.getByRole("link", { name: "marjan@example.org" }).getAttribute("href")).resolves.toBe(
      "mailto:marjan@example.org",
    );
    const above = await page.evaluate(
      () => document.querySelector(".responses__widget")?.previousElementSibling?.className,
    );
    expect(above).toBe("responses__privacy");
    await responses.scrollIntoViewIfNeeded();
    await page.locator(".responses__privacy").screenshot({ path: join(screenshots, "sessions-privacy-line-390.png") });
  });

  test("the sessions page: upcoming, the calendar to subscribe to, past; the menu marks it", async () => {
    await page.goto(site.url + "/posts/loslaten-en-regie/");
    await page.locator(".site-nav").getByRole("link", { name: nl.navSessions }).click();
    await page.waitForURL(`${site.url}/bijeenkomsten/`);
    await expect(page.locator('.site-nav a[aria-current="page"]').textContent()).resolves.toBe(nl.navSessions);
    const titles = await page.locator(".session-item__title").allTextContents();
    expect(titles.map((t) => t.trim())).toEqual(["Loslaten en regie houden", "Een hand-out", "Startbijeenkomst"]);
    await expect(page.locator(".session-list--past .session-item__title").allTextContents()).resolves.toEqual([
      "Startbijeenkomst",
    ]);
    await expect(page.getByRole("link", { name: nl.calendarSubscribe }).getAttribute("href")).resolves.toBe(
      "webcal://leergang.example.org/bijeenkomsten.ics",
    );
    await expect(page.getByLabel(nl.calendarAddress).inputValue()).resolves.toBe(
      "https://leergang.example.org/bijeenkomsten.ics",
    );
    expect(await noSidewaysScroll()).toBe(true);
    await page.screenshot({ path: join(screenshots, "sessions-page-390.png"), fullPage: true });
  });
});

test("the sessions page on a desktop, light and dark", async () => {
  for (const colorScheme of ["light", "dark"] as const) {
    const context = await contextFor({ colorScheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.url + "/bijeenkomsten/");
    await page.screenshot({ path: join(screenshots, `sessions-page-1280-${colorScheme}.png`), fullPage: true });
    await context.close();
  }
});

describe("printed", () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await contextFor({ viewport: { width: 794, height: 1123 }, colorScheme: "dark" });
    page = await context.newPage();
    await page.goto(site.url + "/posts/een-hand-out/");
    await page.emulateMedia({ media: "print" });
  });
  afterAll(async () => context?.close());

  const shown = async (selector: string) => {
    expect(await page.locator(selector).count(), `${selector} is on the page`).toBeGreaterThan(0);
    return page
      .locator(selector)
      .first()
      .evaluate((el) => getComputedStyle(el).display !== "none" && (el as HTMLElement).offsetHeight > 0);
  };

  test("a post is a handout: title, session, body, questions, earlier responses; no menu, widget, buttons or footer", async () => {
    for (const selector of [".post__title", ".session", ".post__body", ".questions", ".earlier-responses"])
      expect(await shown(selector), selector).toBe(true);
    for (const selector of [
      ".site-header",
      ".site-footer",
      "#reacties",
      ".post-nav",
      ".session__calendar",
      ".questions__guide",
      ".author-box",
      ".skip-link",
    ]) {
      expect(await shown(selector), selector).toBe(false);
    }
    // Black on white, even for a reader whose screen is dark.
    const colours = await page.evaluate(() => [
      getComputedStyle(document.body).color,
      getComputedStyle(document.body).backgroundColor,
    ]);
    expect(colours).toEqual(["rgb(0, 0, 0)", "rgb(255, 255, 255)"]);
    await page.screenshot({ path: join(screenshots, "sessions-print.png"), fullPage: true });
  });

  test("a link's target is written after its text; a link within the page is not", async () => {
    // The computed `content` of ::after: what is printed after the link's text.
    const texts = await page.evaluate(() =>
      [...document.querySelectorAll(".post__body a, .earlier-response__text a")].map((a) => [
        a.getAttribute("href"),
        getComputedStyle(a, "::after").content,
      ]),
    );
    expect(texts).toEqual([
      ["https://example.org/wenger", '" (https://example.org/wenger)"'],
      ["/posts/leren-in-netwerken/", '" (/posts/leren-in-netwerken/)"'],
      ["#reacties", "none"],
      ["https://example.org/verslag", '" (https://example.org/verslag)"'],
    ]);
  });

  test("on A4, as the stylesheet asks", async () => {
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString("latin1"));
    // A4 is 210 × 297 mm: 595 × 842 points.
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]);
    expect(read(built.out, "posts/een-hand-out/index.html")).not.toContain("print.css");
  });
});
