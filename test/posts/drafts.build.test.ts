// The "published" rule (src/content/visibility.ts) everywhere a post is listed: a preview shows
// drafts on every list, in both feeds and in the sitemap, marked as drafts and kept out of search
// engines; a production build holds nothing of a draft, not even a link.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { settingsFromEnv } from "../../src/model/build.ts";
import { loadContent } from "../../src/content/load.ts";
import { nl } from "../../src/i18n/nl.ts";
import { slugify } from "../../src/model/slug.ts";
import { buildSite, repoRoot, type BuildResult } from "../support/site.ts";
import { discard, elementsOf, read, siteFiles, visibleText } from "../support/html.ts";
import type { PostEntry } from "../../src/model/content.ts";

const previewEnv = {
  CONTEXT: "deploy-preview",
  REVIEW_ID: "3",
  HOEDOEDEDA_DRAFTS: "true",
  URL: "https://leergang.example.org",
  DEPLOY_PRIME_URL: "https://deploy-preview-3--leergang.netlify.app",
};
let preview: BuildResult;
let production: BuildResult;
let drafts: PostEntry[];
let published: PostEntry[];
const robots = (page: string) =>
  elementsOf(page)
    .filter((e) => e.name === "meta" && e.attribs.name === "robots")
    .map((e) => e.attribs.content);
const sitemap = (out: string) =>
  (new XMLParser().parse(read(out, "sitemap.xml")).urlset.url as { loc: string }[]).map((u) => u.loc);
const atomTitles = (out: string) =>
  [read(out, "feed.xml").matchAll(/<entry>\s*<title>([^<]*)<\/title>/g)].flatMap((all) => [...all].map((m) => m[1]));

beforeAll(() => {
  preview = buildSite({ env: previewEnv });
  production = buildSite({
    env: { HOEDOEDEDA_DRAFTS: "true", CONTEXT: "production", URL: "https://leergang.example.org" },
  });
  const model = loadContent(repoRoot, settingsFromEnv({}));
  drafts = model.posts.filter((p) => p.data.draft);
  published = model.posts.filter((p) => !p.data.draft);
});
afterAll(() => {
  discard(preview);
  discard(production);
});

describe("in a preview", () => {
  test("a draft gets its page, with a visible “Concept” banner and noindex", () => {
    expect(drafts.length).toBeGreaterThan(0);
    for (const draft of drafts) {
      const page = read(preview.out, `posts/${draft.slug}/index.html`);
      expect(
        elementsOf(page).find((e) => e.attribs.class?.split(" ").includes("draft-banner")),
        "draft banner",
      ).toBeDefined();
      expect(visibleText(page)).toContain(`${nl.draft} ${nl.draftNotice}`);
      expect(robots(page)).toEqual(["noindex"]);
    }
  });

  test("the draft is on the home page, its tag pages and its author's page, marked as a draft", () => {
    const summary = (slug: string) =>
      new RegExp(`href="/posts/${slug}/">[^<]*</a>\\s*<span class="badge">${nl.draft}</span>`);
    for (const draft of drafts) {
      expect(read(preview.out, "index.html")).toMatch(summary(draft.slug));
      for (const tag of draft.data.tags ?? [])
        expect(read(preview.out, `tags/${slugify(tag)}/index.html`)).toMatch(summary(draft.slug));
      expect(read(preview.out, `authors/${draft.data.author}/index.html`)).toMatch(summary(draft.slug));
    }
  });

  test("both feeds carry the draft, its title saying it is a draft", () => {
    const json = JSON.parse(read(preview.out, "feed.json")) as { items: { url: string; title: string }[] };
    for (const draft of drafts) {
      const marked = `${nl.draft}: ${draft.data.title}`;
      expect(atomTitles(preview.out)).toContain(marked);
      expect(json.items.find((item) => item.url.endsWith(`/posts/${draft.slug}/`))?.title).toBe(marked);
    }
    for (const post of published) expect(atomTitles(preview.out)).toContain(post.data.title);
  });

  test("the sitemap lists the draft with the rest (robots.txt points no crawler to it)", () => {
    for (const post of [...drafts, ...published])
      expect(sitemap(preview.out)).toContain(`https://deploy-preview-3--leergang.netlify.app/posts/${post.slug}/`);
    expect(read(preview.out, "robots.txt")).not.toMatch(/Sitemap:/);
  });
});

describe("in production, even with HOEDOEDEDA_DRAFTS set for every context", () => {
  test("nothing of a draft is anywhere in the site: no page, no link, no title", () => {
    const files = siteFiles(production.out);
    for (const draft of drafts) {
      expect(files.filter((f) => f.includes(draft.slug))).toEqual([]);
      for (const file of files.filter((f) => /\.(html|xml|json|txt)$/.test(f))) {
        const text = read(production.out, file);
        expect(text, file).not.toContain(`/posts/${draft.slug}/`);
        expect(text, file).not.toContain(draft.data.title);
      }
    }
  });

  test("published posts are listed, unmarked and indexable", () => {
    for (const post of published) {
      const page = read(production.out, `posts/${post.slug}/index.html`);
      expect(robots(page)).toEqual([]);
      expect(page).not.toContain("draft-banner");
      expect(sitemap(production.out)).toContain(`https://leergang.example.org/posts/${post.slug}/`);
      expect(atomTitles(production.out)).toContain(post.data.title);
    }
    expect(read(production.out, "index.html")).not.toContain('class="badge"');
  });
});
