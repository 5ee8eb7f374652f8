// The example site in Chromium, served the way Netlify serves it: home and post page on a phone
// and a desktop without errors or sideways scrolling, and every internal link on every page
// resolving. Screenshots go to test-results/ for people to look at.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright";
import { settingsFromEnv } from "../../src/model/build.ts";
import { loadContent } from "../../src/content/load.ts";
import { embedHosts } from "../../src/markdown/render.ts";
import { launch } from "../support/browser.ts";
import { serve, type RunningSite } from "../support/serve.ts";
import { buildSite, repoRoot, type BuildResult } from "../support/site.ts";
import { discard } from "../support/html.ts";

const screenshots = join(repoRoot, "test-results");
const productionOrigin = "https://leergang.example.org";

let browser: Browser;
let site: RunningSite;
let built: BuildResult;
let postPath: string;

beforeAll(async () => {
  built = buildSite();
  site = await serve(built.out, join(repoRoot, "netlify.toml"));
  browser = await launch();
  mkdirSync(screenshots, { recursive: true });
  // The richest post: questions, a session and an author with avatar.
  const model = loadContent(repoRoot, settingsFromEnv({}));
  const rich = model.posts.find((p) => !p.data.draft && p.data.questions?.length && p.data.session);
  postPath = `/posts/${rich!.slug}/`;
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  discard(built);
});

/**
 * A page that records console errors, page errors, failed requests and requests to other sites.
 * Video players a post embeds (the allow-list in src/markdown/render.ts) are the facilitator's choice:
 * they answer with a stand-in here, since the test machine has no internet.
 */
async function watchedPage(context: BrowserContext) {
  for (const host of embedHosts) {
    await context.route(`https://${host}/**`, (route) =>
      route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Video</title>" }),
    );
  }
  const page = await context.newPage();
  const problems: string[] = [];
  const where = () => new URL(page.url()).pathname;
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning")
      problems.push(`${where()}: console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${where()}: page error: ${error.message}`));
  page.on("requestfailed", (request) =>
    problems.push(`${where()}: request failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  page.on("response", (response) => {
    if (response.status() >= 400 && response.url() !== page.url())
      problems.push(`${where()}: ${response.status()} for ${response.url()}`);
  });
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.origin !== site.url && !(embedHosts as readonly string[]).includes(url.host))
      problems.push(`${where()}: request to another site: ${request.url()}`);
  });
  return { page, problems };
}

describe.each([
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 900 },
])("$name, $width px wide", ({ width, height }) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  });
  afterAll(async () => context?.close());

  test.each([
    { label: "home", path: () => "/" },
    { label: "post", path: () => postPath },
  ])("$label page: renders without errors, nothing sticks out sideways", async ({ label, path }) => {
    const { page, problems } = await watchedPage(context);
    const response = await page.goto(site.url + path(), { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1").first().isVisible()).resolves.toBe(true);
    // Lazy parts (images, the comments loader) get their chance to fail too.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState("networkidle");
    expect(problems).toEqual([]);

    const overflow = await page.evaluate(() => {
      const root = document.documentElement;
      const wide = [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`);
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: wide.slice(0, 5) };
    });
    expect(overflow.scrollWidth, `too wide: ${overflow.wide.join(", ")}`).toBeLessThanOrEqual(overflow.clientWidth);
    expect(overflow.wide).toEqual([]);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(screenshots, `${label}-${width}.png`), fullPage: true });
    if (width === 390) {
      await page.emulateMedia({ colorScheme: "dark" });
      await page.screenshot({ path: join(screenshots, `${label}-${width}-dark.png`), fullPage: true });
    }
    await page.close();
  });
});

test("the post page shows what a participant needs, in reading order", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(site.url + postPath);
  const order = await page.evaluate(() =>
    [".post__title", ".post-meta time", ".session", ".post__body", ".questions", ".tag-list", ".author-box"].map(
      (selector) => {
        const el = document.querySelector(selector);
        return el && (el as HTMLElement).offsetHeight > 0 ? el.getBoundingClientRect().top + window.scrollY : -1;
      },
    ),
  );
  expect(
    order.every((top) => top >= 0),
    JSON.stringify(order),
  ).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  await context.close();
});

describe("links", () => {
  const visited = new Map<string, number>();
  const broken: string[] = [];
  let pageProblems: string[] = [];

  /** A link target as a path on the test server, or undefined for other sites. */
  const local = (href: string, from: string): URL | undefined => {
    const url = new URL(href, from);
    if (url.origin === productionOrigin) return new URL(url.pathname + url.search + url.hash, site.url);
    return url.origin === site.url ? url : undefined;
  };

  beforeAll(async () => {
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context);
    const queue = ["/"];
    const targets = new Map<string, string>(); // path#fragment → the page that links to it
    const ids = new Map<string, Set<string>>(); // path → the ids on that page
    while (queue.length) {
      const path = queue.shift()!;
      if (visited.has(path)) continue;
      // Links must point at the page itself, not at something that redirects there.
      const response = await fetch(site.url + path, { redirect: "manual" });
      visited.set(path, response.status);
      // Feeds, styles and images are checked by status; pages are opened and read in Chromium.
      if (response.status !== 200 || !response.headers.get("content-type")?.startsWith("text/html")) continue;
      await page.goto(site.url + path);
      // What a page fetches by itself (the search page loads its index) must arrive before we move on.
      await page.waitForLoadState("networkidle");
      ids.set(path, new Set(await page.$$eval("[id]", (els) => els.map((el) => el.id))));
      const hrefs = await page.$$eval(
        "a[href], link[href], img[src], script[src], iframe[src], source[srcset]",
        (els) =>
          els.map(
            (el) => el.getAttribute("href") ?? el.getAttribute("src") ?? el.getAttribute("srcset")!.split(/\s/)[0]!,
          ),
      );
      for (const href of hrefs) {
        if (/^(mailto|tel):/.test(href)) continue;
        const url = local(href, page.url());
        if (!url) continue;
        if (url.hash) targets.set(url.pathname + url.hash, path);
        if (!visited.has(url.pathname)) queue.push(url.pathname);
      }
    }
    for (const [path, status] of visited) if (status !== 200) broken.push(`${path}: ${status}`);
    // Fragments must name an element on the target page.
    for (const [target, from] of targets) {
      const [path, id] = target.split("#") as [string, string];
      if (!ids.get(path)?.has(decodeURIComponent(id)))
        broken.push(`${target} (linked from ${from}): no element with that id`);
    }
    pageProblems = problems;
    await context.close();
  });

  test("every internal link on every page resolves, without redirects", () => {
    expect(visited.size).toBeGreaterThan(15);
    expect(broken).toEqual([]);
  });

  test("the crawl reaches every page the sitemap lists", async () => {
    const sitemap = await (await fetch(`${site.url}/sitemap.xml`)).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(locs.length).toBeGreaterThan(10);
    for (const path of locs) expect(visited.get(path), path).toBe(200);
  });

  test("no page logs an error or reaches for another site", () => {
    expect(pageProblems).toEqual([]);
  });

  test("an unknown address gets the 404 page with status 404", async () => {
    const response = await fetch(`${site.url}/bestaat-niet/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Pagina niet gevonden");
  });
});
