// The page-weight budget of issue 6 on the example site's richest post, measured in Chromium as a
// first-time reader on a phone gets it (scripts/lib/weight.ts): HTML + CSS within the first round
// trip, a tiny loader before the comments, one render-blocking stylesheet, images that keep their
// place, and a comments widget that arrives without moving the page. A budget, not a timing.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright";
import { settingsFromEnv } from "../../src/model/build.ts";
import { loadContent } from "../../src/content/load.ts";
import { measurePostPageWeight, missedTargets, weightTargets, type PostPageWeight } from "../../scripts/lib/weight.ts";
import { launch } from "../support/browser.ts";
import { serve, type RunningSite } from "../support/serve.ts";
import { buildSite, repoRoot, type BuildResult, siteYamlWithComments } from "../support/site.ts";
import { discard } from "../support/html.ts";

// The example site with comments set up: in production, empty giscus settings leave them out.
const siteYaml = siteYamlWithComments();

let built: BuildResult;
let site: RunningSite;
let browser: Browser;
let weight: PostPageWeight;

beforeAll(async () => {
  built = buildSite({ files: { "_data/site.yaml": siteYaml } });
  site = await serve(built.out, join(repoRoot, "netlify.toml"));
  browser = await launch();
  // The richest post: a session, questions, an author with an avatar, comments on.
  const model = loadContent(repoRoot, settingsFromEnv({}));
  const rich = model.posts.find(
    (p) => !p.data.draft && p.data.questions?.length && p.data.session && p.data.comments !== false,
  );
  weight = await measurePostPageWeight(site.url, `/posts/${rich!.slug}/`, { browser });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  discard(built);
});

describe("the example post page for a first-time reader on a phone", () => {
  test("meets every target of the page-weight budget", () => {
    expect(missedTargets(weight)).toEqual([]);
  });

  test("was measured from real traffic: a document, a stylesheet, the loader first and the widget only later", () => {
    expect(weight.html).toBeGreaterThan(500);
    expect(weight.css).toBeGreaterThan(500);
    expect(weight.htmlAndCss).toBeLessThanOrEqual(weightTargets.htmlAndCss);
    expect(weight.commentsNearAtLoad).toBe(false);
    expect(weight.jsBeforeComments).toBeGreaterThan(0);
    expect(weight.jsBeforeComments).toBeLessThanOrEqual(weightTargets.jsBeforeComments);
    expect(weight.jsAfterComments).toBeGreaterThan(weight.jsBeforeComments);
    expect(weight.commentsWidget).toBe("arrived");
    expect(weight.renderBlocking).toHaveLength(1);
    expect(weight.renderBlocking[0]).toMatch(/\/assets\/site\.[0-9a-f]{10}\.css$/);
    expect(weight.layoutShiftOnLoad).toBe(0);
    expect(weight.commentsLayoutShift).toBe(0);
    expect(weight.otherHosts).toEqual([]);
  });
});

describe("missedTargets", () => {
  const within: PostPageWeight = {
    url: "http://127.0.0.1/posts/x/",
    viewport: { width: 390, height: 844 },
    html: 3000,
    css: 3000,
    htmlAndCss: 6000,
    jsBeforeComments: 400,
    jsAfterComments: 9000,
    commentsNearAtLoad: false,
    renderBlocking: ["http://127.0.0.1/assets/site.0123456789.css"],
    imagesWithoutSize: [],
    imagesNotLazy: [],
    layoutShiftOnLoad: 0,
    commentsLayoutShift: 0,
    commentsWidget: "arrived",
    otherHosts: [],
  };

  test("names each target a page misses", () => {
    expect(missedTargets(within)).toEqual([]);
    const missed = missedTargets({
      ...within,
      htmlAndCss: 15 * 1024,
      jsBeforeComments: 2000,
      renderBlocking: [...within.renderBlocking, "http://127.0.0.1/assets/app.js"],
      imagesWithoutSize: ["http://127.0.0.1/img/a.jpg"],
      imagesNotLazy: ["http://127.0.0.1/img/b.jpg"],
      commentsLayoutShift: 0.02,
    });
    expect(missed).toHaveLength(7);
    expect(missed.join("\n")).toMatch(/HTML \+ CSS is 15\.0 KB/);
    expect(missed.join("\n")).toMatch(/not the stylesheet: .*app\.js/);
    expect(missed.join("\n")).toMatch(/layout shift 0\.020/);
  });
});
