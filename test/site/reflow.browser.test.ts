// WCAG 2.1 Reflow (1.4.10) and Resize text (1.4.4), as a property of every page whatever the content:
// a site built from hostile content (test/support/hostile-layout.ts, three seeds) plus a WordPress
// export with such titles, imported with the real command, and every HTML page of it opened in
// Chromium at 320 CSS px (light and dark) and at 640 px with the text at 200%. No page may scroll
// sideways; what is wider than the screen (tables, code) scrolls inside its own box, which the
// keyboard can reach.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright";
import { launch } from "../support/browser.ts";
import { hostileSite, longUrl, random, unbroken } from "../support/hostile-layout.ts";
import { serve, type RunningSite } from "../support/serve.ts";
import { build, repoRoot, tempProject, type BuildResult } from "../support/site.ts";
import { discard, siteFiles } from "../support/html.ts";
import { runScript } from "../support/cli.ts";
import { wxr } from "../wordpress/wxr-fixture.ts";

const seeds = [1, 2];

/** A WordPress blog with the same kind of titles, in block-editor markup. */
function hostileExport(seed: number): string {
  const next = random(seed * 101);
  const post = (id: number, title: string, content: string) => ({
    id,
    title,
    name: `oud-${id}`,
    link: `https://oud.example.org/${id}/`,
    creator: "oud",
    date: "2012-04-11 10:00:00",
    dateGmt: "2012-04-11 08:00:00",
    content,
    categories: [{ domain: "post_tag" as const, slug: `t-${id}`, label: unbroken(70, next) }],
    comments: [
      {
        id: id * 10,
        author: unbroken(90, next),
        dateGmt: "2012-04-12 08:00:00",
        content: `${unbroken(200, next)} ${longUrl(150, next)}`,
      },
    ],
  });
  return wxr({
    title: unbroken(80, next),
    link: "https://oud.example.org",
    authors: [{ login: "oud", email: "oud@example.org", displayName: unbroken(100, next) }],
    items: [
      post(501, unbroken(260, next), `<!-- wp:paragraph -->\n<p>${unbroken(300, next)}</p>\n<!-- /wp:paragraph -->`),
      post(
        502,
        longUrl(200, next),
        `<!-- wp:heading -->\n<h2 class="wp-block-heading">${unbroken(140, next)}</h2>\n<!-- /wp:heading -->\n\n<!-- wp:table -->\n<figure class="wp-block-table"><table><tbody><tr>${"<td>".concat(unbroken(30, next), "</td>").repeat(12)}</tr></tbody></table></figure>\n<!-- /wp:table -->`,
      ),
    ],
  });
}

interface Mode {
  name: string;
  width: number;
  dark: boolean;
  /** Chromium's default font size in px: 32 is the reader's text at 200%. */
  fontSize?: number;
}
const modes: Mode[] = [
  { name: "320 light", width: 320, dark: false },
  { name: "320 dark", width: 320, dark: true },
  { name: "640 at 200% text", width: 640, dark: false, fontSize: 32 },
];

interface Measured {
  /** The root's font size in px: 32 when the reader's text is at 200%. */
  fontSize: number;
  scrollWidth: number;
  clientWidth: number;
  /** The outermost elements that stick out past the right edge, for the message. */
  wide: string[];
  /** Boxes that scroll sideways but cannot be reached with the keyboard. */
  unreachable: string[];
}

async function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join("")}`;
    const clipped = (el: Element) => {
      for (let at = el.parentElement; at && at !== document.body; at = at.parentElement)
        if (getComputedStyle(at).overflowX !== "visible") return true;
      return false;
    };
    const wide = [...document.querySelectorAll("body *")].filter(
      (el) => el.getBoundingClientRect().right > root.clientWidth + 1 && !clipped(el),
    );
    const outermost = wide.filter((el) => !wide.some((other) => other !== el && other.contains(el)));
    const scrollers = [...document.querySelectorAll("body *")].filter(
      (el) => el.scrollWidth > el.clientWidth + 1 && ["auto", "scroll"].includes(getComputedStyle(el).overflowX),
    );
    const unreachable = scrollers.filter(
      (el) => (el as HTMLElement).tabIndex < 0 && !el.querySelector("a[href], button, input, [tabindex='0']"),
    );
    return {
      fontSize: parseFloat(getComputedStyle(root).fontSize),
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
      wide: outermost.slice(0, 5).map(describe),
      unreachable: unreachable.slice(0, 5).map(describe),
    };
  });
}

const built: BuildResult[] = [];
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
  for (const seed of seeds) {
    const root = tempProject({ files: hostileSite(seed) });
    const exportFile = join(root, "oud-blog.xml");
    writeFileSync(exportFile, hostileExport(seed));
    const imported = runScript(root, "import-wordpress", [exportFile]);
    if (imported.status !== 0) throw new Error(`import failed: ${imported.stderr}${imported.stdout}`);
    // Halfway through the sessions: some upcoming, one next, some past.
    const result = build(root, { env: { HOEDOEDEDA_NOW: "2030-01-10T09:00" } });
    if (result.status !== 0) throw new Error(`build of seed ${seed} failed:\n${result.stderr}\n${result.stdout}`);
    built.push(result);
  }
});
afterAll(async () => {
  await browser?.close();
  for (const result of built) discard(result);
});

describe.each(seeds.map((seed, i) => ({ seed, i })))("hostile site, seed $seed", ({ i }) => {
  let site: RunningSite;
  let pages: string[];
  beforeAll(async () => {
    site = await serve(built[i]!.out, join(repoRoot, "netlify.toml"));
    pages = siteFiles(built[i]!.out)
      .filter((file) => file.endsWith(".html"))
      .map((file) => `/${file.replace(/index\.html$/, "")}`);
  });
  afterAll(async () => site?.close());

  test("every page type is among the pages checked", () => {
    for (const page of [
      "/",
      "/page/2/",
      "/posts/vijandig-13/",
      "/tags/",
      "/authors/marjan/",
      "/series/lange-leerlijn/",
      "/bijeenkomsten/",
      "/zoeken/",
      "/hoe-reageer-ik/",
      "/schrijven/",
      "/404.html",
      "/lange-pagina/",
    ]) {
      expect(pages, page).toContain(page);
    }
    expect(pages.some((page) => /^\/tags\/[^/]+\/$/.test(page))).toBe(true);
  });

  test.each(modes)(
    "no page scrolls sideways at $name; wide tables and code scroll in a box the keyboard reaches",
    async (mode) => {
      expect(pages.length).toBeGreaterThan(40);
      const context: BrowserContext = await browser.newContext({
        viewport: { width: mode.width, height: 800 },
        colorScheme: mode.dark ? "dark" : "light",
      });
      try {
        const page = await context.newPage();
        if (mode.fontSize) {
          // The reader's own text size, as Chromium's settings set it: rem-based layouts grow with it.
          const cdp = await context.newCDPSession(page);
          await cdp.send("Page.setFontSizes", {
            fontSizes: { standard: mode.fontSize, fixed: Math.round(mode.fontSize * 0.8125) },
          });
        }
        const failures: string[] = [];
        for (const path of pages) {
          await page.goto(site.url + path, { waitUntil: "load" });
          const m = await measure(page);
          if (m.fontSize !== (mode.fontSize ?? 16))
            failures.push(`${path}: the text is ${m.fontSize} px, not the ${mode.fontSize ?? 16} px this mode sets`);
          if (m.scrollWidth > m.clientWidth)
            failures.push(`${path}: ${m.scrollWidth} px wide at ${m.clientWidth} (${m.wide.join(", ")})`);
          if (m.unreachable.length)
            failures.push(`${path}: scrolls inside ${m.unreachable.join(", ")}, which the keyboard cannot reach`);
        }
        expect(failures).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  test.each([false, true])("axe finds nothing on the worst pages at 320 px (dark: %s)", async (dark) => {
    const context = await browser.newContext({
      viewport: { width: 320, height: 800 },
      colorScheme: dark ? "dark" : "light",
    });
    try {
      const page = await context.newPage();
      // A post with every wide thing and the ten-level thread, a page with a table, an author with a long name.
      for (const path of [
        "/posts/vijandig-13/",
        "/lange-pagina/",
        "/authors/marjan/",
        "/",
        "/bijeenkomsten/",
        "/series/lange-leerlijn/",
        "/hoe-reageer-ik/",
        "/schrijven/",
        "/zoeken/",
      ]) {
        await page.goto(site.url + path, { waitUntil: "load" });
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${path}: ${v.id} (${v.nodes.length})`)).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
});
