// Search in Chromium, on builds made the Netlify way and served with netlify.toml's headers: a
// stemmed word finds its post, a production build never finds a draft (a preview does), the page is
// used with the keyboard alone, nothing breaks the CSP (Pagefind's WebAssembly runs in its worker),
// and without JavaScript, or without the index, the page says so and offers the topics.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch } from "../support/browser.ts";
import { serve, type RunningSite } from "../support/serve.ts";
import { repoRoot } from "../support/site.ts";
import { discard } from "../support/html.ts";
import { netlifyBuild, type Deploy } from "../netlify/deploys.ts";

const screenshots = join(repoRoot, "test-results/screenshots");
let browser: Browser;
const deploys: Partial<Record<"production" | "deploy-preview", Deploy>> = {};
const sites: Partial<Record<"production" | "deploy-preview", RunningSite>> = {};

beforeAll(async () => {
  const toml = join(repoRoot, "netlify.toml");
  for (const context of ["production", "deploy-preview"] as const) {
    // Production's index in parts of one post, as a site of thousands has parts of 500
    // (src/search/index.ts): every search below then merges them; the preview keeps one part.
    deploys[context] = netlifyBuild(
      context,
      context === "production" ? { siteSettings: { HOEDOEDEDA_SEARCH_PART_POSTS: "1" } } : {},
    );
    sites[context] = await serve(deploys[context].out, toml);
  }
  browser = await launch();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(sites).map((site) => site?.close()));
  for (const deploy of Object.values(deploys)) discard({ root: deploy!.root });
});

/** A page that records every CSP violation, page error and console complaint (workers' included). */
async function open(context: BrowserContext, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning")
      problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("worker", (worker) => worker.on("console", (message) => problems.push(`worker console: ${message.text()}`)));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(url);
  return { page, problems };
}

const searchbox = (page: Page) => page.getByRole("searchbox", { name: "Zoek op een woord" });
const status = (page: Page) => page.getByRole("status");
const resultTitles = (page: Page) => page.locator(".search-result__title a").allTextContents();
/** Waits for the page: Pagefind loads its index and WebAssembly first, which on a busy machine takes a few seconds. */
const eventually = <T>(value: () => Promise<T>) => expect.poll(value, { timeout: 20_000, interval: 100 });

async function searchFor(page: Page, words: string): Promise<void> {
  await searchbox(page).fill(words);
  await searchbox(page).press("Enter");
  await eventually(() => status(page).textContent()).toContain(`“${words}”`);
}

describe("production", () => {
  let context: BrowserContext;
  beforeAll(async () => void (context = await browser.newContext({ viewport: { width: 390, height: 844 } })));
  afterAll(async () => context?.close());

  test("with the keyboard alone: to the box, a stemmed word, Enter, then Tab to the result and open it", async () => {
    const { page, problems } = await open(context, `${sites.production!.url}/zoeken/`);
    await searchbox(page).waitFor({ state: "visible" });
    for (let i = 0; i < 25 && !(await searchbox(page).evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press("Tab");
    expect(await searchbox(page).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type("netwerk");
    await page.keyboard.press("Enter");
    await eventually(() => status(page).textContent()).toMatch(/^\d+ berichten? gevonden voor “netwerk”$/);
    const titles = await resultTitles(page);
    expect(titles).toContain("Leren in netwerken");
    // The excerpt marks the match; the date is a <time>; the address holds the search.
    const first = page.locator(".search-result").first();
    expect(await first.locator("mark").first().textContent()).toMatch(/netwerk/i);
    expect(await first.locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new URL(page.url()).searchParams.get("q")).toBe("netwerk");
    await page.screenshot({ path: join(screenshots, "search-390-light.png"), fullPage: true });
    // Pagefind searched in its worker, under the page's policy.
    expect(page.workers().map((w) => new URL(w.url()).pathname)).toContain("/pagefind/pagefind-worker.js");
    // Past the button and the topic filter, the first result.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(
      await page
        .locator(".search-result__title a")
        .first()
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/posts\/[a-z0-9-]+\/$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("never finds a draft; finds it again when the address is opened anew", async () => {
    const { page, problems } = await open(context, `${sites.production!.url}/zoeken/?q=citaten`);
    await eventually(() => status(page).textContent()).toBe("Niets gevonden voor “citaten”. Probeer een ander woord.");
    expect(await resultTitles(page)).toEqual([]);
    await searchFor(page, "regie");
    expect(await resultTitles(page)).toContain("Loslaten en regie houden");
    expect(problems).toEqual([]);
    await page.close();
  });

  test("the topic filter narrows the results", async () => {
    const { page } = await open(context, `${sites.production!.url}/zoeken/?q=leren`);
    await eventually(async () => (await resultTitles(page)).length).toBeGreaterThan(1);
    await page.getByRole("combobox", { name: "Onderwerp" }).selectOption("kennismaking");
    await eventually(() => resultTitles(page)).toEqual(["Welkom in de leergang"]);
    expect(new URL(page.url()).searchParams.get("tag")).toBe("kennismaking");
    await page.close();
  });

  test("without JavaScript: the page says so and links the topics", async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${sites.production!.url}/zoeken/`);
    // (Playwright's text locators skip <noscript>; the text a reader sees is checked instead.)
    expect(await page.locator("main").innerText()).toContain(
      "Zoeken werkt met JavaScript, en dat staat in deze browser uit.",
    );
    expect(await page.getByRole("searchbox").count()).toBe(0);
    expect(await page.getByRole("link", { name: "Reflectie" }).getAttribute("href")).toBe("/tags/reflectie/");
    await noScript.close();
  });

  test("when the index cannot be loaded: the page says so and links the topics", async () => {
    const blocked = await browser.newContext();
    await blocked.route("**/pagefind/pagefind.js", (route) => route.fulfill({ status: 404, body: "" }));
    const page = await blocked.newPage();
    await page.goto(`${sites.production!.url}/zoeken/`);
    await page.getByText("Zoeken lukt nu even niet.", { exact: false }).waitFor({ state: "visible" });
    expect(await page.getByRole("searchbox").isVisible()).toBe(false);
    expect(await page.getByRole("link", { name: "Reflectie" }).isVisible()).toBe(true);
    await blocked.close();
  });

  test("an index in parts: the page merges every part listed in parts.json, and finds posts of several", async () => {
    const parts = (await (await fetch(`${sites.production!.url}/pagefind/parts.json`)).json()) as string[];
    expect(parts.length).toBeGreaterThan(1);
    const { page, problems } = await open(context, `${sites.production!.url}/zoeken/?q=leren`);
    const asked = new Set<string>();
    page.on("request", (request) => asked.add(new URL(request.url()).pathname));
    await page.reload();
    await eventually(async () => (await resultTitles(page)).length).toBeGreaterThan(1);
    for (const part of parts)
      expect(
        [...asked].some((path) => path.startsWith(`${part}pagefind.`) || path === `${part}pagefind-entry.json`),
        part,
      ).toBe(true);
    // A part has only its index: the first part's script, worker and WebAssembly serve them all.
    expect((await fetch(`${sites.production!.url}${parts[0]}pagefind.js`)).status).toBe(404);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("no other page loads a script for searching, nor Pagefind", async () => {
    for (const path of ["/", "/posts/loslaten-en-regie/", "/tags/reflectie/", "/series/eerste-halfjaar/", "/over/"]) {
      const html = await (await fetch(`${sites.production!.url}${path}`)).text();
      expect(html, path).not.toMatch(/assets\/search\.|\/pagefind\//);
    }
  });
});

describe("a deploy preview lists drafts, so its search finds them", () => {
  test("the draft is found, marked in the preview's own index", async () => {
    const context = await browser.newContext();
    const { page, problems } = await open(context, `${sites["deploy-preview"]!.url}/zoeken/?q=citaten`);
    await eventually(() => resultTitles(page)).toContain("Terugblik op het eerste halfjaar");
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe.each(["light", "dark"] as const)("the search page with results, %s", (colorScheme) => {
  test("axe finds nothing; screenshots at 390 and 1280 px", async () => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    const { page } = await open(context, `${sites.production!.url}/zoeken/?q=leren`);
    await eventually(async () => (await resultTitles(page)).length).toBeGreaterThan(1);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.screenshot({ path: join(screenshots, `search-1280-${colorScheme}.png`), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(screenshots, `search-390-${colorScheme}-leren.png`), fullPage: true });
    await context.close();
  });
});
