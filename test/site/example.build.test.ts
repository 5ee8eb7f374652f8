// The example site, built the way `npm run build` does: every page type, feeds that parse,
// one page per tag whatever its spelling, drafts left out, and only Dutch in the interface.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { settingsFromEnv } from "../../src/model/build.ts";
import { loadContent } from "../../src/content/load.ts";
import { en } from "../../src/i18n/en.ts";
import { nl } from "../../src/i18n/nl.ts";
import { slugify } from "../../src/model/slug.ts";
import { buildSite, repoRoot, type BuildResult } from "../support/site.ts";
import { discard, elementsOf, facilitatorPages, liveScripts, read, siteFiles, visibleText } from "../support/html.ts";
import { containsPhrase, contentText, ownPhrases } from "../support/phrases.ts";
import type { Content, PostEntry } from "../../src/model/content.ts";
import { isoDay } from "../../src/model/calendar.ts";

let built: BuildResult;
let files: string[];
let model: Content;
let published: PostEntry[];
let draftPosts: PostEntry[];
const html = (file: string) => read(built.out, file);
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["entry", "category", "url", "link"].includes(name),
});
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

beforeAll(() => {
  built = buildSite();
  files = siteFiles(built.out);
  // What the build should show, read from the same content by the content model.
  model = loadContent(repoRoot, settingsFromEnv({}));
  published = model.posts.filter((p) => !p.data.draft);
  draftPosts = model.posts.filter((p) => p.data.draft);
});
afterAll(() => discard(built));

test("the example has what the other checks need: several posts, a draft, a tag in two spellings", () => {
  expect(published.length).toBeGreaterThanOrEqual(3);
  expect(draftPosts.length).toBeGreaterThanOrEqual(1);
  const spellings = published.flatMap((p) => p.data.tags ?? []).filter((t) => slugify(t) === "reflectie");
  expect(new Set(spellings).size).toBeGreaterThanOrEqual(2);
});

describe("every page type exists", () => {
  test.each([
    "index.html",
    "tags/index.html",
    "over/index.html",
    "404.html",
    "feed.xml",
    "feed.json",
    "sitemap.xml",
    "robots.txt",
  ])("%s", (file) => {
    expect(files).toContain(file);
  });

  test("a page per published post, at /posts/<slug>/", () => {
    for (const post of published) expect(files).toContain(`posts/${post.slug}/index.html`);
    expect(files.filter((f) => f.startsWith("posts/") && f.endsWith(".html")).length).toBe(published.length);
  });

  test("a page per tag and per author", () => {
    const tags = new Set(published.flatMap((p) => (p.data.tags ?? []).map(slugify)));
    expect(files.filter((f) => /^tags\/[^/]+\/index\.html$/.test(f)).sort()).toEqual(
      [...tags].map((t) => `tags/${t}/index.html`).sort(),
    );
    for (const id of new Set(published.map((p) => p.data.author))) expect(files).toContain(`authors/${id}/index.html`);
  });

  test("the stylesheet is fingerprinted and linked from every page", () => {
    const css = files.filter((f) => /^assets\/site\.[0-9a-f]{10}\.css$/.test(f));
    expect(css).toHaveLength(1);
    for (const file of files.filter((f) => f.endsWith(".html"))) expect(html(file)).toContain(`href="/${css[0]}"`);
  });

  test("robots.txt points to the sitemap", () => {
    expect(html("robots.txt")).toContain("Sitemap: https://leergang.example.org/sitemap.xml");
  });
});

describe("home page", () => {
  test("lists the published posts, newest first", () => {
    const home = html("index.html");
    const positions = published.map((p) => ({
      date: p.data.date.getTime(),
      at: home.indexOf(`href="/posts/${p.slug}/"`),
    }));
    for (const p of positions) expect(p.at, String(p.date)).toBeGreaterThan(-1);
    const order = [...positions].sort((a, b) => a.at - b.at).map((p) => p.date);
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });
});

describe("post page", () => {
  const withSession = () => published.find((p) => p.data.session && p.data.questions?.length)!;

  test("title as the only h1, date in Dutch in a <time datetime>, author linked", () => {
    const post = withSession();
    const page = html(`posts/${post.slug}/index.html`);
    const h1 = elementsOf(page).filter((e) => e.name === "h1");
    expect(h1).toHaveLength(1);
    expect(
      visibleText(
        `<body>${read(built.out, `posts/${post.slug}/index.html`).match(/<h1[^>]*>[\s\S]*?<\/h1>/)![0]}</body>`,
      ),
    ).toBe(post.data.title);
    const day = isoDay(post.data.date, "Europe/Amsterdam");
    const [y, m, d] = day.split("-").map(Number) as [number, number, number];
    const months = [
      "januari",
      "februari",
      "maart",
      "april",
      "mei",
      "juni",
      "juli",
      "augustus",
      "september",
      "oktober",
      "november",
      "december",
    ];
    expect(page).toContain(`<time datetime="${day}">${d} ${months[m - 1]} ${y}</time>`);
    expect(page).toContain(`href="/authors/${post.data.author}/"`);
  });

  test("the questions as a list that invites answers, and the session with weekday, date and place", () => {
    const post = withSession();
    const text = visibleText(html(`posts/${post.slug}/index.html`));
    expect(text).toContain(nl.questions);
    for (const q of post.data.questions!) expect(text).toContain(q);
    expect(text).toContain(nl.session);
    expect(text).toMatch(/(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d{1,2} \w+ \d{4}/);
    expect(text).toContain(post.data.session!.location!);
  });

  test("an author box with name, bio and links; previous and next posts", () => {
    const post = withSession();
    const page = html(`posts/${post.slug}/index.html`);
    const author = model.authors[post.data.author]!;
    expect(visibleText(page)).toContain(`${nl.aboutAuthor}: ${author.name}`);
    if (author.bio) expect(visibleText(page)).toContain(author.bio);
    const nav = elementsOf(page).filter((e) => e.attribs.rel === "prev" || e.attribs.rel === "next");
    expect(nav.length).toBeGreaterThanOrEqual(1);
    for (const link of nav) expect(files).toContain(`${link.attribs.href!.slice(1)}index.html`);
  });
});

describe("tags that differ only in case or accents share one page", () => {
  test("one /tags/reflectie/ listing every post with either spelling, under one label", () => {
    const tagged = published.filter((p) => (p.data.tags ?? []).some((t) => slugify(t) === "reflectie"));
    const page = html("tags/reflectie/index.html");
    for (const post of tagged) expect(page).toContain(`href="/posts/${post.slug}/"`);
    expect(files.filter((f) => /^tags\/r[eé]flectie/i.test(f))).toEqual(["tags/reflectie/index.html"]);
    // The tag index shows it once, and every post shows the same label for it.
    const labels = elementsOf(html("tags/index.html")).filter(
      (e) => e.name === "a" && e.attribs.href === "/tags/reflectie/",
    );
    expect(labels).toHaveLength(1);
    const shown = new Set(
      tagged.map((p) => /href="\/tags\/reflectie\/">([^<]+)</.exec(html(`posts/${p.slug}/index.html`))?.[1]),
    );
    expect(shown.size).toBe(1);
  });
});

describe("feeds", () => {
  test("the Atom feed is well-formed XML with every published post, newest first", () => {
    const source = html("feed.xml");
    expect(XMLValidator.validate(source)).toBe(true);
    const feed = xml.parse(source).feed;
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.title).toBe("Leergang Samen Ontwerpen");
    expect(feed.updated).toMatch(RFC3339);
    expect(feed.link.map((l: Record<string, string>) => l["@href"])).toContain("https://leergang.example.org/feed.xml");
    const entries = feed.entry as Record<string, any>[];
    expect(entries.map((e) => e.link[0]["@href"])).toEqual(
      [...published]
        .sort((a, b) => b.data.date.getTime() - a.data.date.getTime())
        .map((p) => `https://leergang.example.org/posts/${p.slug}/`),
    );
    for (const entry of entries) {
      expect(entry.id).toBe(entry.link[0]["@href"]);
      expect(entry.published).toMatch(RFC3339);
      expect(entry.author.name).toBeTruthy();
      expect(entry.content["@type"]).toBe("html");
      // Full content, with links made absolute.
      expect(entry.content["#text"]).toMatch(/^<p>/);
      expect(entry.content["#text"]).not.toMatch(/(href|src)="\/(?!\/)/);
    }
  });

  test("the JSON feed is JSON Feed 1.1 with every published post", () => {
    const feed = JSON.parse(html("feed.json"));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.title).toBe("Leergang Samen Ontwerpen");
    expect(feed.home_page_url).toBe("https://leergang.example.org/");
    expect(feed.feed_url).toBe("https://leergang.example.org/feed.json");
    expect(feed.language).toBe("nl");
    expect(feed.items).toHaveLength(published.length);
    for (const item of feed.items) {
      expect(item.id).toBe(item.url);
      expect(item.url).toMatch(/^https:\/\/leergang\.example\.org\/posts\/[a-z0-9-]+\/$/);
      expect(typeof item.title).toBe("string");
      expect(item.content_html).toMatch(/^<p>/);
      expect(item.date_published).toMatch(RFC3339);
      expect(item.authors[0].name).toBeTruthy();
      // 1.1 replaced `author` with `authors`.
      expect(item.author).toBeUndefined();
    }
  });

  test("the sitemap lists every page a search engine should find, and nothing else", () => {
    const source = html("sitemap.xml");
    expect(XMLValidator.validate(source)).toBe(true);
    const urls = xml.parse(source).urlset.url as { loc: string; lastmod?: string }[];
    const locs = urls.map((u) => u.loc.replace("https://leergang.example.org/", "")).sort();
    // The facilitator's pages (/schrijven/) are for the facilitator, not for search engines.
    const pages = files
      .filter((f) => f.endsWith("index.html") && !facilitatorPages.has(f))
      .map((f) => f.replace(/index\.html$/, ""))
      .sort();
    expect(locs).toEqual(pages);
    for (const post of published)
      expect(urls).toContainEqual({
        loc: `https://leergang.example.org/posts/${post.slug}/`,
        lastmod: isoDay(post.data.date, "Europe/Amsterdam"),
      });
  });
});

describe("drafts are not built by default", () => {
  test("no page, and not in any list, feed or sitemap", () => {
    for (const draft of draftPosts) {
      expect(existsSync(join(built.out, "posts", draft.slug))).toBe(false);
      for (const file of files.filter((f) => /\.(html|xml|json|txt)$/.test(f))) {
        expect(html(file), file).not.toContain(`/posts/${draft.slug}/`);
        expect(html(file), file).not.toContain(draft.data.title);
      }
    }
  });

  test("and no page of a production build asks search engines to stay away — but the facilitator's", () => {
    for (const file of files.filter((f) => f.endsWith(".html") && !facilitatorPages.has(f)))
      expect(html(file), file).not.toContain('name="robots"');
    expect([...facilitatorPages].filter((f) => files.includes(f))).toEqual(["schrijven/index.html"]);
    for (const file of facilitatorPages)
      if (files.includes(file)) expect(html(file), file).toContain('<meta name="robots" content="noindex">');
  });
});

describe("the Dutch site", () => {
  test('says <html lang="nl"> on every page', () => {
    for (const file of files.filter((f) => f.endsWith(".html"))) expect(html(file), file).toMatch(/<html lang="nl">/);
  });

  test("has no English interface text", () => {
    const written = contentText(repoRoot);
    const english = ownPhrases(en, nl).filter((phrase) => !containsPhrase(written, phrase));
    expect(english).toContain(en.questions);
    const leaks: string[] = [];
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      const page = html(file);
      const labels = elementsOf(page).flatMap((e) =>
        ["aria-label", "title", "alt", "placeholder", "content"].map((a) => e.attribs[a] ?? ""),
      );
      const text = [visibleText(page), ...labels].join("\n");
      for (const phrase of english) if (containsPhrase(text, phrase)) leaks.push(`${file}: "${phrase}"`);
    }
    expect(leaks).toEqual([]);
  });
});

test("no page of the example runs a script of anyone else's", () => {
  const found = files.filter((f) => f.endsWith(".html")).flatMap((f) => liveScripts(html(f), f));
  expect(found).toEqual([]);
});
