// The site under its own headers: production and a deploy preview, built the Netlify way and served
// with netlify.toml's headers and redirects plus the generated _site/_headers. Every page type is
// opened in Chromium with the comments scrolled into view (giscus.app routed to a stand-in):
// no CSP violation, no page error, and the widget's iframe loads.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { launch } from "../support/browser.ts";
import { serve, type RunningSite } from "../support/serve.ts";
import { post, repoRoot } from "../support/site.ts";
import { routeGiscus, type GiscusStandIn } from "../support/giscus-standin.ts";
import { netlifyBuild, productionUrl, siteWithComments } from "./deploys.ts";

const files = {
  // Comments switched on, with a separate category for previews.
  "_data/site.yaml": siteWithComments({ previewCategory: true }),
  // A post with an embedded player, so the CSP's frame-src is tried on a real embed too.
  "posts/met-video.md": post(
    { title: "Met video", date: "2026-11-01", author: "marjan", tags: ["Reflectie"] },
    'Kijk eerst dit fragment.\n\n<iframe src="https://www.youtube-nocookie.com/embed/abc123" title="Fragment" width="560" height="315" allowfullscreen></iframe>\n',
  ),
};

const pageTypes = {
  home: "/",
  post: "/posts/loslaten-en-regie/",
  "post with a video": "/posts/met-video/",
  tag: "/tags/reflectie/",
  "tags index": "/tags/",
  author: "/authors/marjan/",
  about: "/over/",
  "not found": "/bestaat-niet/",
};
const withComments = new Set(["post", "post with a video"]);

let browser: Browser;
const sites: Record<"production" | "deploy-preview", RunningSite> = {} as never;

beforeAll(async () => {
  const toml = join(repoRoot, "netlify.toml");
  sites.production = await serve(netlifyBuild("production", { files }).out, toml);
  sites["deploy-preview"] = await serve(netlifyBuild("deploy-preview", { files }).out, toml);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(sites).map((s) => s?.close()));
});

/** The video player answers from here: the network is out of reach in tests. */
async function playerStandIn(context: BrowserContext) {
  await context.route("https://www.youtube-nocookie.com/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: "<!doctype html><title>player</title><p id=stand-in>player stand-in</p>",
    }),
  );
}

interface Visit {
  page: Page;
  problems: string[];
  status: number | undefined;
}

/** Opens `path`, scrolls to the end (where the comments are), and collects every complaint. */
async function visit(context: BrowserContext, site: RunningSite, path: string): Promise<Visit> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    const text = message.text();
    // The 404 page's own status is reported as a failed load; that is the point of the page. The
    // site has no favicon yet, so Chromium's own request for /favicon.ico fails the same way.
    const failedLoad = /status of 404/.test(text) ? new URL(message.location().url).pathname : undefined;
    if (failedLoad === path || failedLoad === "/favicon.ico") return;
    if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${text}`);
  });
  // Playwright's init scripts are not subject to the page's CSP: they can listen for violations.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const response = await page.goto(site.url + path);
  await page.locator("footer").scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 20_000);
  return { page, problems, status: response?.status() };
}

describe.each(["production", "deploy-preview"] as const)("%s, served with its Netlify headers", (context) => {
  let browserContext: BrowserContext;
  // giscus.app answers from the comments' stand-in, which also posts giscus's resize and metadata messages.
  let giscus: GiscusStandIn;

  beforeAll(async () => {
    browserContext = await browser.newContext();
    giscus = await routeGiscus(browserContext);
    await playerStandIn(browserContext);
  });
  afterAll(async () => browserContext?.close());

  test.each(Object.entries(pageTypes))("%s page: no CSP violation, no page error", async (name, path) => {
    const { page, problems, status } = await visit(browserContext, sites[context], path);
    expect(status).toBe(name === "not found" ? 404 : 200);
    if (withComments.has(name)) {
      const widget = page.frameLocator('iframe[src^="https://giscus.app/"]');
      await expect(widget.locator("p").textContent({ timeout: 15_000 })).resolves.toBe("giscus stand-in");
      await expect.poll(() => giscus.posted).toBe(true);
    }
    if (name === "post with a video") {
      await page.locator('iframe[src^="https://www.youtube-nocookie.com/"]').scrollIntoViewIfNeeded();
      await expect(
        page.frameLocator('iframe[src^="https://www.youtube-nocookie.com/"]').locator("#stand-in").textContent(),
      ).resolves.toBe("player stand-in");
    }
    // Give late work (lazy frames, the widget's messages) a moment to complain.
    await page.waitForTimeout(300);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("the widget asks giscus for this context's category", () => {
    const categories = new Set(giscus.widgets.map((url) => url.searchParams.get("categoryId")));
    expect(giscus.widgets).toHaveLength(withComments.size);
    expect(categories).toEqual(new Set([context === "production" ? "DIC_kwDOTEST_live" : "DIC_kwDOTEST_preview"]));
  });
});

describe("HTTP, as Netlify answers", () => {
  const head = async (context: "production" | "deploy-preview", path: string) =>
    fetch(sites[context].url + path, { redirect: "manual" });

  test("every response carries the security headers; only the preview adds X-Robots-Tag", async () => {
    for (const path of ["/", "/posts/loslaten-en-regie/", "/feed.xml", "/img/marjan.svg", "/bestaat-niet/"]) {
      const live = await head("production", path);
      expect(live.headers.get("content-security-policy"), path).toContain("script-src 'self';");
      expect(live.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(live.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(live.headers.get("x-robots-tag"), path).toBeNull();
      const preview = await head("deploy-preview", path);
      expect(preview.headers.get("x-robots-tag"), path).toBe("noindex");
      expect(preview.headers.get("content-security-policy"), path).toBe(live.headers.get("content-security-policy"));
    }
  });

  test("HTML is revalidated on every visit; the fingerprinted stylesheet is cached for a year", async () => {
    const home = await head("production", "/");
    expect(home.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    const css = (await home.text()).match(/href="(\/assets\/[^"]+\.css)"/)?.[1];
    expect(css).toMatch(/^\/assets\/site\.[0-9a-f]{8,}\.css$/);
    const asset = await head("production", css!);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  test("common feed addresses redirect to /feed.xml; unknown pages get the site's own 404", async () => {
    for (const path of ["/feed", "/feed/", "/feed/atom/", "/rss/", "/rss.xml", "/atom.xml"]) {
      const response = await head("production", path);
      expect(response.status, path).toBe(301);
      expect(response.headers.get("location"), path).toBe("/feed.xml");
    }
    const missing = await head("production", "/posts/bestaat-niet/");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Pagina niet gevonden");
  });

  test("the preview bar links to the live site", async () => {
    const html = await (await head("deploy-preview", "/")).text();
    expect(html).toContain(`href="${productionUrl}/"`);
  });
});

describe("the preview bar in Chromium", () => {
  test.each(["light", "dark"] as const)(
    "is a labelled landmark, readable in %s mode (axe finds nothing on the preview's home page)",
    async (colorScheme) => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(sites["deploy-preview"].url + "/");
      await expect(
        page
          .getByRole("complementary", { name: "Voorbeeldweergave van pull request #12" })
          .getByRole("link", { name: "Naar de openbare site" })
          .getAttribute("href"),
      ).resolves.toBe(`${productionUrl}/`);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      await context.close();
    },
  );
});
