// With HOEDOEDEDA_DRAFTS=true (deploy previews) drafts are built, clearly marked and kept out of
// search engines; everything else stays as it is.
import { afterAll, beforeAll, expect, test } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { buildFromEnv } from "../../src/build.ts";
import { loadContent, type PostEntry } from "../../src/content/load.ts";
import { nl } from "../../src/i18n/nl.ts";
import { slugify } from "../../src/slug.ts";
import { buildSite, repoRoot, type BuildResult } from "../support/site.ts";
import { discard, elementsOf, read, siteFiles, visibleText } from "./html.ts";

let built: BuildResult;
let files: string[];
let drafts: PostEntry[];
let published: PostEntry[];
const robots = (page: string) => elementsOf(page).filter((e) => e.name === "meta" && e.attribs.name === "robots").map((e) => e.attribs.content);

beforeAll(() => {
  built = buildSite({ env: { HOEDOEDEDA_DRAFTS: "true" } });
  files = siteFiles(built.out);
  const model = loadContent(repoRoot, buildFromEnv({}));
  drafts = model.posts.filter((p) => p.data.draft);
  published = model.posts.filter((p) => !p.data.draft);
});
afterAll(() => discard(built));

test("a draft gets its page, with a visible “Concept” banner and noindex", () => {
  expect(drafts.length).toBeGreaterThan(0);
  for (const draft of drafts) {
    const page = read(built.out, `posts/${draft.slug}/index.html`);
    const banner = elementsOf(page).find((e) => e.attribs.class?.split(" ").includes("draft-banner"));
    expect(banner, "draft banner").toBeDefined();
    expect(visibleText(page)).toContain(`${nl.draft} ${nl.draftNotice}`);
    expect(robots(page)).toEqual(["noindex"]);
  }
});

test("the draft shows in the lists, marked as a draft", () => {
  const home = read(built.out, "index.html");
  for (const draft of drafts) {
    const summary = new RegExp(`href="/posts/${draft.slug}/">[^<]*</a>\\s*<span class="badge">${nl.draft}</span>`);
    expect(home).toMatch(summary);
    for (const tag of draft.data.tags ?? []) expect(read(built.out, `tags/${slugify(tag)}/index.html`)).toContain(`/posts/${draft.slug}/`);
  }
});

test("published posts are not marked and stay indexable", () => {
  for (const post of published) {
    const page = read(built.out, `posts/${post.slug}/index.html`);
    expect(robots(page)).toEqual([]);
    expect(page).not.toContain("draft-banner");
  }
});

test("the sitemap never lists a draft", () => {
  const locs = (new XMLParser().parse(read(built.out, "sitemap.xml")).urlset.url as { loc: string }[]).map((u) => u.loc);
  for (const draft of drafts) expect(locs.some((l) => l.includes(`/posts/${draft.slug}/`))).toBe(false);
  for (const post of published) expect(locs).toContain(`https://leergang.example.org/posts/${post.slug}/`);
  expect(files).toContain(`posts/${drafts[0]!.slug}/index.html`);
});
