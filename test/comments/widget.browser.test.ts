// The comments section as a reader meets it, in Chromium, under a strict CSP: nothing is loaded
// until the reader comes near, then one giscus widget with the site's settings; the heading counts
// what giscus reports; only giscus's own messages count; the theme follows the reader; and when
// giscus is blocked or fails the post stays readable with a way to GitHub. giscus.app is a stand-in.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { AxeBuilder } from "@axe-core/playwright";
import { launch } from "../support/browser.ts";
import { serve, type RunningSite } from "../support/serve.ts";
import { buildSite, post, repoRoot, type BuildResult, siteYamlWithComments } from "../support/site.ts";
import {
  giscusError,
  metadata,
  resizeHeight,
  routeGiscus,
  blockGiscus,
  type GiscusStandIn,
} from "../support/giscus-standin.ts";

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src https://giscus.app; connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const siteYaml = siteYamlWithComments();
// Long enough that the comments start well below the first screen.
const longBody = Array.from(
  { length: 40 },
  (_, i) => `Alinea ${i + 1}: wat we meenemen uit de bijeenkomst, en wat we volgende keer anders willen doen.`,
).join("\n\n");

let built: BuildResult;
let site: RunningSite;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  built = buildSite({
    files: {
      "_data/site.yaml": siteYaml,
      // Like the seed's posts: a session and questions to respond to.
      "posts/een-lang-verhaal.md": post(
        {
          title: "Een lang verhaal",
          date: "2026-09-10",
          author: "marjan",
          questions: ["Wat neem je mee?"],
          session: { date: "2026-09-17", location: "Doorn" },
        },
        longBody,
      ),
      "posts/oud-gesprek.md": post(
        { title: "Oud gesprek", date: "2026-09-11", author: "marjan", discussion: 42 },
        longBody,
      ),
    },
  });
  const toml = join(mkdtempSync(join(tmpdir(), "hoedoededa-csp-")), "netlify.toml");
  writeFileSync(toml, `[[headers]]\n  for = "/*"\n  [headers.values]\n    Content-Security-Policy = "${CSP}"\n`);
  site = await serve(built.out, toml);
  browser = await launch();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await site?.close();
});

interface Reader {
  page: Page;
  context: BrowserContext;
  /** Requests for our comment scripts (the loader and the widget bundle). */
  scripts: string[];
  /** Uncaught errors and CSP violations: both must stay empty. */
  problems: string[];
}

async function reader(
  options: BrowserContextOptions = {},
  setup?: (context: BrowserContext) => Promise<unknown>,
): Promise<Reader> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, ...options });
  contexts.push(context);
  await setup?.(context);
  const page = await context.newPage();
  const scripts: string[] = [];
  const problems: string[] = [];
  page.on(
    "request",
    (request) =>
      /\/assets\/widget(-loader)?\.[0-9a-f]{10}\.js$/.test(request.url()) &&
      scripts.push(new URL(request.url()).pathname),
  );
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on(
    "console",
    (message) => /Content Security Policy/i.test(message.text()) && problems.push(`CSP: ${message.text()}`),
  );
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
    // Layout shifts not caused by the reader (the Layout Instability API), summed as CLS does.
    const w = window as unknown as { layoutShift: number };
    w.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
        if (!entry.hadRecentInput) w.layoutShift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  return { page, context, scripts, problems };
}

const heading = (page: Page) => page.locator("#responses-title");
const state = (page: Page) => page.locator("#reacties").getAttribute("data-widget-state");

async function scrollToComments(page: Page): Promise<void> {
  await page.locator("#reacties").scrollIntoViewIfNeeded();
  await page.locator("giscus-widget iframe").waitFor();
}

/** The widget's address as giscus.app received it: the iframe is in the page before its request reaches the stand-in. */
async function firstWidget(standIn: GiscusStandIn): Promise<URL> {
  await waitFor(() => standIn.widgets.length > 0, "the widget's request to giscus.app");
  return standIn.widgets[0]!;
}

async function waitFor(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("a post page", () => {
  test("has no inline script, inline style or event handler, and a loader well under 1.5 KB gzipped", () => {
    const html = readFileSync(join(built.out, "posts/een-lang-verhaal/index.html"), "utf8");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/\son[a-z]+=/);
    const loader = readdirSync(join(built.out, "assets")).find((f) => /^widget-loader\.[0-9a-f]{10}\.js$/.test(f))!;
    expect(html).toContain(`<script type="module" src="/assets/${loader}">`);
    expect(gzipSync(readFileSync(join(built.out, "assets", loader))).length).toBeLessThan(1536);
  });

  test("passes html-validate with the project's rules", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    for (const file of ["posts/een-lang-verhaal/index.html", "posts/oud-gesprek/index.html"]) {
      const report = await validator.validateString(
        readFileSync(join(built.out, file), "utf8"),
        join(repoRoot, "_site", file),
      );
      expect(
        report.results.flatMap((r) =>
          r.messages.filter((m) => m.severity === 2).map((m) => `${file}:${m.line} ${m.ruleId}: ${m.message}`),
        ),
      ).toEqual([]);
    }
  });
});

describe("the comments section in Chromium", () => {
  test("loads nothing until the reader comes near, then one widget with the site's settings and the count", async () => {
    let standIn!: GiscusStandIn;
    const { page, scripts, problems } = await reader(
      {},
      async (c) => (standIn = await routeGiscus(c, [resizeHeight(480), metadata(10, 1)])),
    );
    await page.goto(`${site.url}/posts/een-lang-verhaal/`);
    await page.waitForLoadState("networkidle");
    expect(standIn.requests).toEqual([]);
    expect(scripts.filter((s) => s.startsWith("/assets/widget."))).toEqual([]);
    expect(await heading(page).textContent()).toBe("Reacties");

    await scrollToComments(page);
    await page.waitForFunction(
      () => document.querySelector("#responses-title")?.textContent === "11 reacties op “Een lang verhaal”",
    );
    expect(await state(page)).toBe("ready");
    expect(await page.locator(".responses__elsewhere").isVisible()).toBe(false);
    expect(await page.locator("giscus-widget iframe").getAttribute("title")).toBe("Reacties");

    // Scrolling away and back does not load it again.
    await page.mouse.wheel(0, -20_000);
    await page.locator("#reacties").scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    expect(standIn.widgets).toHaveLength(1);
    expect(scripts.filter((s) => s.startsWith("/assets/widget."))).toHaveLength(1);

    const widget = await firstWidget(standIn);
    expect(widget.pathname).toBe("/nl/widget");
    expect(Object.fromEntries(widget.searchParams)).toMatchObject({
      repo: "org/reacties",
      repoId: "R_kgDOtest",
      category: "Reacties",
      categoryId: "DIC_kwDOtest",
      term: "posts/een-lang-verhaal/",
      number: "",
      strict: "1",
      emitMetadata: "1",
      reactionsEnabled: "1",
      inputPosition: "bottom",
      theme: "light",
    });
    expect(new URL(widget.searchParams.get("origin")!).pathname).toBe("/posts/een-lang-verhaal/");
    expect(problems).toEqual([]);
  });

  test("acts only on giscus's own messages: other origins and malformed messages change nothing", async () => {
    let standIn!: GiscusStandIn;
    const malformed = [
      { giscus: { discussion: { totalCommentCount: 7, totalReplyCount: "1" } } },
      { giscus: { discussion: null } },
      { giscus: "metadata" },
      { discussion: { totalCommentCount: 9, totalReplyCount: 0 } },
      "giscus",
      null,
    ];
    const { page, context, problems } = await reader(
      {},
      async (c) => (standIn = await routeGiscus(c, [metadata(2, 1), ...malformed])),
    );
    let strangerPosted = false;
    await context.route("https://elders.example/**", (route) => {
      if (route.request().url().endsWith("/done")) return ((strangerPosted = true), route.fulfill({ status: 204 }));
      return route.fulfill({
        contentType: "text/html",
        body: `<script>window.opener.postMessage(${JSON.stringify(metadata(40, 2))}, "*"); fetch("/done");</script>`,
      });
    });
    await page.goto(`${site.url}/posts/een-lang-verhaal/`);
    await scrollToComments(page);
    await waitFor(() => standIn.posted, "the stand-in's messages");
    await page.waitForFunction(
      () => document.querySelector("#responses-title")?.textContent === "3 reacties op “Een lang verhaal”",
    );

    // A page of another origin (a popup the post opened) and the page itself send a perfect copy.
    await page.evaluate(() => void window.open("https://elders.example/"));
    await waitFor(() => strangerPosted, "the other origin's message");
    await page.evaluate((message) => window.postMessage(message, "*"), metadata(99, 0));
    await page.waitForTimeout(300);
    expect(await heading(page).textContent()).toBe("3 reacties op “Een lang verhaal”");
    expect(await state(page)).toBe("ready");
    expect(problems).toEqual([]);
  });

  test("follows a dark colour scheme, and tells giscus (setConfig) when the scheme changes", async () => {
    let standIn!: GiscusStandIn;
    const { page, problems } = await reader({ colorScheme: "dark" }, async (c) => (standIn = await routeGiscus(c)));
    await page.goto(`${site.url}/posts/een-lang-verhaal/`);
    await scrollToComments(page);
    expect((await firstWidget(standIn)).searchParams.get("theme")).toBe("dark");

    await waitFor(() => standIn.received.length > 0, "the widget's first setConfig");

    // The widget arrived (320 px high) in the space kept for it: nothing moved.
    await waitFor(() => standIn.posted, "the stand-in's messages");
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift)).toBe(0);

    await page.emulateMedia({ colorScheme: "light" });
    const themes = () =>
      standIn.received.map((m) => (m as { giscus?: { setConfig?: { theme?: string } } }).giscus?.setConfig?.theme);
    await waitFor(() => themes().at(-1) === "light", "setConfig with the light theme");
    await page.emulateMedia({ colorScheme: "dark" });
    await waitFor(() => themes().at(-1) === "dark", "setConfig with the dark theme");
    expect(standIn.widgets).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  test("`discussion: 42` opens that discussion (number mapping) and links to it", async () => {
    let standIn!: GiscusStandIn;
    const { page, problems } = await reader(
      {},
      async (c) => (standIn = await routeGiscus(c, [giscusError("Discussion not found")])),
    );
    await page.goto(`${site.url}/posts/oud-gesprek/`);
    expect(await page.locator(".responses__elsewhere a").getAttribute("href")).toBe(
      "https://github.com/org/reacties/discussions/42",
    );
    await scrollToComments(page);
    expect(Object.fromEntries((await firstWidget(standIn)).searchParams)).toMatchObject({ number: "42", term: "" });
    // "Discussion not found" only means nobody has answered yet.
    await page.waitForFunction(
      () => document.querySelector("#responses-title")?.textContent === "Nog geen reacties — begin het gesprek",
    );
    expect(await state(page)).toBe("ready");
    expect(problems).toEqual([]);
  });

  test("back from signing in to GitHub (?giscus=…), the widget loads at once with the session and the address is cleaned", async () => {
    let standIn!: GiscusStandIn;
    const { page, problems } = await reader({}, async (c) => (standIn = await routeGiscus(c)));
    // Where the section's top is at each scroll: the first one must already show it (no glide
    // through the post, which the stylesheet's smooth scrolling would make of a plain scrollIntoView).
    await page.addInitScript(() => {
      const w = window as unknown as { sectionTops: number[] };
      w.sectionTops = [];
      addEventListener(
        "scroll",
        () => w.sectionTops.push(document.querySelector("#reacties")!.getBoundingClientRect().top - innerHeight),
        { passive: true },
      );
    });
    await page.goto(`${site.url}/posts/een-lang-verhaal/?giscus=sessie123`);
    await page.locator("giscus-widget iframe").waitFor();
    expect((await firstWidget(standIn)).searchParams.get("session")).toBe("sessie123");
    await page.waitForFunction(() => location.search === "");
    await page.waitForFunction(() => (window as unknown as { sectionTops: number[] }).sectionTops.length > 0);
    const tops = await page.evaluate(() => (window as unknown as { sectionTops: number[] }).sectionTops);
    expect(tops[0], "the first scroll lands on the comments").toBeLessThan(0);
    expect(await page.locator("#reacties").evaluate((el) => el.getBoundingClientRect().top < innerHeight)).toBe(true);
    expect(problems).toEqual([]);
  });

  test("when giscus answers with an error, the section says so and links to GitHub", async () => {
    const { page, problems } = await reader({}, (c) =>
      routeGiscus(c, [resizeHeight(200), giscusError("giscus is not installed on this repository"), resizeHeight(210)]),
    );
    await page.goto(`${site.url}/posts/een-lang-verhaal/`);
    await scrollToComments(page);
    await page.locator(".responses__unavailable").waitFor({ state: "visible" });
    expect(await state(page)).toBe("failed");
    expect(await page.locator(".responses__elsewhere a").isVisible()).toBe(true);
    expect(await heading(page).textContent()).toBe("Reacties");
    // Our part of the section (the explanation and the link; the iframe is giscus's page, here a stand-in).
    const axe = await new AxeBuilder({ page }).include("#reacties").exclude("giscus-widget").analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test("when giscus is blocked, the post stays readable and the section offers the discussions on GitHub", async () => {
    let attempts: URL[] = [];
    const { page, problems } = await reader({}, async (c) => (attempts = await blockGiscus(c)));
    await page.clock.install();
    await page.goto(`${site.url}/posts/een-lang-verhaal/`);
    await page.locator("#reacties").scrollIntoViewIfNeeded();
    await page.locator("giscus-widget").waitFor({ state: "attached" });
    await waitFor(() => attempts.length > 0, "the blocked widget request");
    await page.clock.runFor(11_000);
    await page.locator(".responses__unavailable").waitFor({ state: "visible" });
    expect(await state(page)).toBe("unreachable");
    expect(await page.locator("giscus-widget").isVisible()).toBe(false);
    const link = page.locator(".responses__elsewhere a");
    expect(await link.isVisible()).toBe(true);
    expect(new URL((await link.getAttribute("href"))!).pathname).toBe("/org/reacties/discussions");
    expect(await page.locator("h1").textContent()).toBe("Een lang verhaal");
    expect(await page.locator(".post__body").isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });
});
