// What a post page weighs for a first-time reader on a phone, measured from the traffic Chromium
// really sees (not from file sizes): a fresh context, 390×844, no cache. giscus.app answers from
// the local stand-in the tests use and every other outside host from a stub, so nothing leaves the
// machine. The local server does not compress, so each response body is gzipped here (zlib level 6,
// the default most servers compress on the fly with; level 9 would show a few bytes less).
import { gzipSync } from "node:zlib";
import type { Browser, Page, Response } from "playwright";
import { launch } from "../../test/support/browser.ts";
import { routeGiscus } from "../../test/support/giscus-standin.ts";

export const GZIP_LEVEL = 6;
const KB = 1024;

/** The targets of issue 6: the first round trip, a tiny loader, one stylesheet, no jumping. */
export const weightTargets = {
  /** HTML + CSS, gzipped: what fits in TCP's first round trip (10 segments ≈ 14 KB). */
  htmlAndCss: 14 * KB,
  jsBeforeComments: 1.5 * KB,
  renderBlocking: 1,
  commentsLayoutShift: 0,
} as const;

export interface PostPageWeight {
  url: string;
  viewport: { width: number; height: number };
  /** Gzipped bytes (level GZIP_LEVEL) of the main document and of its stylesheets. */
  html: number;
  css: number;
  /** html + css: each response is compressed on its own, as a server sends them. */
  htmlAndCss: number;
  /** Our scripts (main frame) loaded before the reader scrolled: the comments not yet near. */
  jsBeforeComments: number;
  /** Our scripts loaded once the reader scrolled to the comments (the widget bundle). */
  jsAfterComments: number;
  /** True when the page is so short that the comments were near without scrolling. */
  commentsNearAtLoad: boolean;
  /** Requests the browser waits for before the first paint, by address. */
  renderBlocking: string[];
  /** Images missing a width or height attribute (the page jumps when they arrive). */
  imagesWithoutSize: string[];
  /** Images below the first screen that load eagerly anyway. */
  imagesNotLazy: string[];
  /** Cumulative layout shift while the page loads, and when the comments widget arrives. */
  layoutShiftOnLoad: number;
  commentsLayoutShift: number;
  /** Whether a comments widget was found and arrived (from the giscus stand-in). */
  commentsWidget: "arrived" | "none";
  /** Hosts other than the site that the page asked for (answered locally). */
  otherHosts: string[];
}

interface Loaded {
  type: string;
  url: string;
  gzipped: number;
}

const gzipped = (body: Buffer) => gzipSync(body, { level: GZIP_LEVEL }).length;

/** Sums what the main frame loaded, by kind of resource. */
const total = (loaded: Loaded[], type: string) =>
  loaded.filter((l) => l.type === type).reduce((sum, l) => sum + l.gzipped, 0);

/**
 * Opens `path` on `siteUrl` the way a first-time reader on a phone does, then scrolls to the
 * comments and waits for the widget. Pass a `browser` to reuse one; otherwise one is launched.
 */
export async function measurePostPageWeight(
  siteUrl: string,
  path: string,
  options: { browser?: Browser } = {},
): Promise<PostPageWeight> {
  const browser = options.browser ?? (await launch());
  const viewport = { width: 390, height: 844 };
  const context = await browser.newContext({ viewport, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  try {
    const site = new URL(siteUrl);
    const otherHosts = new Set<string>();
    // Registered first, so the giscus stand-in (registered after it) wins for giscus.app.
    await context.route(
      (url) => url.origin !== site.origin && url.protocol.startsWith("http"),
      (route) => {
        otherHosts.add(new URL(route.request().url()).host);
        return route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>stub</title>" });
      },
    );
    const giscus = await routeGiscus(context);
    const page = await context.newPage();
    await page.addInitScript(() => {
      // The Layout Instability API, summed as CLS does (shifts right after input left out).
      const w = window as unknown as { layoutShift: number };
      w.layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!entry.hadRecentInput) w.layoutShift += entry.value;
        }
      }).observe({ type: "layout-shift", buffered: true });
    });

    let loaded: Loaded[] = [];
    const pending: Promise<void>[] = [];
    const record = async (response: Response) => {
      const request = response.request();
      if (request.frame() !== page.mainFrame() || new URL(response.url()).origin !== site.origin) return;
      if (response.status() >= 300 && response.status() < 400) return;
      loaded.push({ type: request.resourceType(), url: response.url(), gzipped: gzipped(await response.body()) });
    };
    page.on("response", (response) => void pending.push(record(response).catch(() => undefined)));

    await page.goto(new URL(path, site).href, { waitUntil: "load" });
    await page.waitForLoadState("networkidle");
    await Promise.all(pending);
    const first = loaded;
    loaded = [];
    const state = await commentsState(page);
    const layoutShiftOnLoad = await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
    const fold = await foldFacts(page);

    const commentsWidget = await arriveAtComments(page, () => giscus.posted);
    await Promise.all(pending);
    const html = total(first, "document");
    const css = total(first, "stylesheet");
    return {
      url: page.url(),
      viewport,
      html,
      css,
      htmlAndCss: html + css,
      jsBeforeComments: total(first, "script"),
      jsAfterComments: total(loaded, "script"),
      commentsNearAtLoad: state !== undefined,
      ...fold,
      layoutShiftOnLoad,
      commentsLayoutShift:
        commentsWidget === "arrived"
          ? await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift)
          : 0,
      commentsWidget,
      otherHosts: [...otherHosts].sort(),
    };
  } finally {
    await context.close();
    if (!options.browser) await browser.close();
  }
}

const commentsState = (page: Page) =>
  page.evaluate(() => document.querySelector<HTMLElement>("[data-widget]")?.dataset.widgetState);

/** Render-blocking requests and images, read at the top of the page before any scrolling. */
function foldFacts(
  page: Page,
): Promise<Pick<PostPageWeight, "renderBlocking" | "imagesWithoutSize" | "imagesNotLazy">> {
  return page.evaluate(() => {
    // What Chromium itself marked as blocking the first paint…
    const blocking = new Set(
      (performance.getEntriesByType("resource") as (PerformanceResourceTiming & { renderBlockingStatus?: string })[])
        .filter((entry) => entry.renderBlockingStatus === "blocking")
        .map((entry) => entry.name),
    );
    // …and, by the rule, stylesheets and classic scripts in the head without async or defer.
    const selector =
      'link[rel~="stylesheet"]:not([media="print"]):not([disabled]), script[src]:not([async]):not([defer]):not([type="module"])';
    for (const el of document.head.querySelectorAll<HTMLLinkElement | HTMLScriptElement>(selector)) {
      blocking.add(el instanceof HTMLLinkElement ? el.href : el.src);
    }
    // No named helpers in here: tsx would wrap them in a __name() the page does not have.
    const images = [...document.images];
    return {
      renderBlocking: [...blocking],
      imagesWithoutSize: images
        .filter((img) => !img.hasAttribute("width") || !img.hasAttribute("height"))
        .map((img) => img.currentSrc || img.src),
      imagesNotLazy: images
        .filter((img) => img.getBoundingClientRect().top + scrollY > innerHeight && img.loading !== "lazy")
        .map((img) => img.currentSrc || img.src),
    };
  });
}

/** Scrolls the comments into view the way a reader gets there, and waits until giscus has answered. */
async function arriveAtComments(page: Page, giscusDone: () => boolean): Promise<PostPageWeight["commentsWidget"]> {
  const section = page.locator("[data-widget]");
  if ((await section.count()) === 0) return "none";
  // Only what happens from here counts as "when the widget arrives".
  await page.evaluate(() => ((window as unknown as { layoutShift: number }).layoutShift = 0));
  // At once, not smoothly (the site scrolls smoothly): the widget must arrive with the section in view.
  await section.evaluate((el) => el.scrollIntoView({ block: "start", behavior: "instant" }));
  await page.locator("giscus-widget iframe").waitFor({ state: "attached", timeout: 15_000 });
  await page.waitForFunction(
    () => document.querySelector<HTMLElement>("[data-widget]")?.dataset.widgetState === "ready",
    undefined,
    { timeout: 15_000 },
  );
  for (const end = Date.now() + 15_000; !giscusDone();) {
    if (Date.now() > end) throw new Error("the giscus stand-in did not post its messages within 15 s");
    await page.waitForTimeout(50);
  }
  // Layout shifts are reported after the frame that paints them.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300)))),
  );
  return "arrived";
}

/** The targets `weight` misses, each as a sentence; empty when all are met. */
export function missedTargets(weight: PostPageWeight): string[] {
  const missed: string[] = [];
  const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
  if (weight.htmlAndCss > weightTargets.htmlAndCss)
    missed.push(`HTML + CSS is ${kb(weight.htmlAndCss)} gzipped, more than ${kb(weightTargets.htmlAndCss)}`);
  if (weight.jsBeforeComments > weightTargets.jsBeforeComments)
    missed.push(
      `JavaScript before the comments is ${kb(weight.jsBeforeComments)} gzipped, more than ${kb(weightTargets.jsBeforeComments)}`,
    );
  if (weight.renderBlocking.length > weightTargets.renderBlocking)
    missed.push(`${weight.renderBlocking.length} render-blocking requests: ${weight.renderBlocking.join(", ")}`);
  if (weight.renderBlocking.some((url) => !/\.css(\?|$)/.test(url)))
    missed.push(`a render-blocking request that is not the stylesheet: ${weight.renderBlocking.join(", ")}`);
  if (weight.imagesWithoutSize.length)
    missed.push(`images without width and height: ${weight.imagesWithoutSize.join(", ")}`);
  if (weight.imagesNotLazy.length)
    missed.push(`images below the first screen without loading="lazy": ${weight.imagesNotLazy.join(", ")}`);
  if (weight.commentsLayoutShift > weightTargets.commentsLayoutShift)
    missed.push(
      `the comments widget moves the page when it arrives (layout shift ${weight.commentsLayoutShift.toFixed(3)})`,
    );
  return missed;
}

/** A few aligned lines for a terminal, each target beside its figure. */
export function formatPostPageWeight(weight: PostPageWeight): string {
  const kb = (n: number) => `${(n / KB).toFixed(1)} KB`.padStart(8);
  const mark = (ok: boolean) => (ok ? "ok" : "MISSED");
  const path = new URL(weight.url).pathname;
  const lines = [
    `Post page ${path}: first visit on a phone (${weight.viewport.width}×${weight.viewport.height}), each response gzipped (level ${GZIP_LEVEL})`,
    `  HTML                                ${kb(weight.html)}`,
    `  CSS                                 ${kb(weight.css)}`,
    `  HTML + CSS                          ${kb(weight.htmlAndCss)}   target ≤ ${kb(weightTargets.htmlAndCss).trim()}: ${mark(weight.htmlAndCss <= weightTargets.htmlAndCss)}`,
    `  JavaScript before the comments      ${kb(weight.jsBeforeComments)}   target ≤ ${kb(weightTargets.jsBeforeComments).trim()}: ${mark(weight.jsBeforeComments <= weightTargets.jsBeforeComments)}` +
      (weight.commentsNearAtLoad ? " (page so short the comments were near at once)" : ""),
    `  JavaScript after scrolling to them  ${kb(weight.jsAfterComments)}   (giscus.app's own iframe not counted: a stand-in here)`,
    `  render-blocking requests            ${String(weight.renderBlocking.length).padStart(8)}   ${weight.renderBlocking.map((u) => new URL(u).pathname).join(", ")}`,
    `  images without width/height         ${String(weight.imagesWithoutSize.length).padStart(8)}`,
    `  images below the fold, not lazy     ${String(weight.imagesNotLazy.length).padStart(8)}`,
    `  layout shift while loading          ${weight.layoutShiftOnLoad.toFixed(3).padStart(8)}`,
    weight.commentsWidget === "arrived"
      ? `  layout shift when comments arrive   ${weight.commentsLayoutShift.toFixed(3).padStart(8)}   target 0: ${mark(weight.commentsLayoutShift === 0)}`
      : `  comments widget                         none   (no giscus settings, or comments off for this post)`,
  ];
  if (weight.otherHosts.length) lines.push(`  other hosts asked (answered locally): ${weight.otherHosts.join(", ")}`);
  return lines.join("\n");
}
