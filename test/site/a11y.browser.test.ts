// axe-core finds no violations on any page type, in light and in dark colour scheme.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext } from "playwright";
import { settingsFromEnv } from "../../src/model/build.ts";
import { loadContent } from "../../src/content/load.ts";
import { embedHosts } from "../../src/markdown/render.ts";
import { launch } from "../support/browser.ts";
import { serve, type RunningSite } from "../support/serve.ts";
import { buildSite, repoRoot, type BuildResult } from "../support/site.ts";
import { discard } from "../support/html.ts";

let browser: Browser;
let site: RunningSite;
let built: BuildResult;
const pageTypes: { type: string; path: string; status: number }[] = [];

beforeAll(async () => {
  // Drafts shown, so the draft banner and badge are checked as well.
  built = buildSite({ env: { HOEDOEDEDA_DRAFTS: "true" } });
  site = await serve(built.out, join(repoRoot, "netlify.toml"));
  browser = await launch();
  const model = loadContent(repoRoot, settingsFromEnv({}));
  const rich = model.posts.find((p) => !p.data.draft && p.data.questions?.length && p.data.session)!;
  const embeds = model.posts.find((p) => !p.data.draft && p.body.includes("<iframe")) ?? rich;
  const draft = model.posts.find((p) => p.data.draft)!;
  pageTypes.push(
    { type: "home", path: "/", status: 200 },
    { type: "post with questions and session", path: `/posts/${rich.slug}/`, status: 200 },
    { type: "post with raw HTML", path: `/posts/${embeds.slug}/`, status: 200 },
    { type: "draft post", path: `/posts/${draft.slug}/`, status: 200 },
    { type: "tag", path: "/tags/reflectie/", status: 200 },
    { type: "tags index", path: "/tags/", status: 200 },
    { type: "author", path: `/authors/${rich.data.author}/`, status: 200 },
    { type: "about", path: "/over/", status: 200 },
    { type: "series", path: "/series/eerste-halfjaar/", status: 200 },
    { type: "search", path: "/zoeken/", status: 200 },
    { type: "404", path: "/bestaat-niet/", status: 404 },
  );
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  discard(built);
});

describe.each(["light", "dark"] as const)("%s colour scheme", (colorScheme) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    for (const host of embedHosts) {
      await context.route(`https://${host}/**`, (route) =>
        route.fulfill({
          contentType: "text/html",
          body: '<!doctype html><html lang="en"><title>Video</title><p>Video</p></html>',
        }),
      );
    }
  });
  afterAll(async () => context?.close());

  test("axe finds no violations on any page type", async () => {
    expect(pageTypes.length).toBe(11);
    const found: string[] = [];
    const page = await context.newPage();
    for (const { type, path, status } of pageTypes) {
      const response = await page.goto(site.url + path);
      expect(response?.status(), path).toBe(status);
      // The page really is in the scheme under test.
      expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(
        colorScheme === "dark",
      );
      const results = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
      for (const v of results.violations) {
        found.push(
          `${type} (${path}): ${v.id} [${v.impact}] ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join(", ")}`,
        );
      }
    }
    await page.close();
    expect(found).toEqual([]);
  });
});
