// `lang: en` in site.yaml: the whole interface speaks English, dates included; no Dutch of ours
// remains (the posts themselves may of course be Dutch).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { en } from "../../src/i18n/en.ts";
import { nl } from "../../src/i18n/nl.ts";
import { buildSite, repoRoot, type BuildResult } from "../support/site.ts";
import { discard, elementsOf, read, siteFiles, visibleText } from "../support/html.ts";
import { containsPhrase, contentText, ownPhrases } from "../support/phrases.ts";

let built: BuildResult;
let pages: string[];

beforeAll(() => {
  const siteYaml = readFileSync(join(repoRoot, "content/_data/site.yaml"), "utf8").replace(/^lang: nl$/m, "lang: en");
  expect(siteYaml).toMatch(/^lang: en$/m);
  built = buildSite({ files: { "_data/site.yaml": siteYaml } });
  pages = siteFiles(built.out).filter((f) => f.endsWith(".html"));
});
afterAll(() => discard(built));

test('every page says <html lang="en">', () => {
  for (const file of pages) expect(read(built.out, file), file).toMatch(/<html lang="en">/);
});

test("the post page speaks English: questions, session, author box, navigation, dates", () => {
  const text = visibleText(read(built.out, "posts/loslaten-en-regie/index.html"));
  for (const phrase of [
    en.skipToContent,
    en.navPosts,
    en.navTags,
    en.questions,
    en.session,
    en.aboutAuthor,
    en.authorPage,
    en.previousPost,
    en.feed,
  ]) {
    expect(text).toContain(phrase);
  }
  expect(text).toMatch(/\b20 November 2026\b/);
  expect(text).toMatch(/\bThursday,? 3 December 2026\b/);
  expect(read(built.out, "posts/loslaten-en-regie/index.html")).toContain(
    '<meta property="og:locale" content="en_GB">',
  );
});

test("list pages speak English", () => {
  expect(visibleText(read(built.out, "index.html"))).toContain(en.newestPosts);
  expect(visibleText(read(built.out, "tags/index.html"))).toContain(en.allTags);
  expect(visibleText(read(built.out, "tags/reflectie/index.html"))).toMatch(/Posts about “Reflectie”/);
  expect(visibleText(read(built.out, "authors/marjan/index.html"))).toContain(en.postsBy("Marjan de Vries"));
});

test("the feeds say the site is English", () => {
  expect(read(built.out, "feed.xml")).toContain('xml:lang="en"');
  expect(JSON.parse(read(built.out, "feed.json")).language).toBe("en");
});

test("no Dutch interface text remains", () => {
  const written = contentText(repoRoot);
  // Phrases the facilitator's own (Dutch) posts also use cannot tell interface from content.
  const dutch = ownPhrases(nl, en).filter((phrase) => !containsPhrase(written, phrase));
  expect(dutch).toContain(nl.aboutAuthor);
  const leaks: string[] = [];
  for (const file of pages) {
    const page = read(built.out, file);
    const ui = elementsOf(page).flatMap((e) =>
      ["aria-label", "title", "alt", "placeholder"].map((a) => e.attribs[a] ?? ""),
    );
    const text = [visibleText(page), ...ui].join("\n");
    for (const phrase of dutch) if (containsPhrase(text, phrase)) leaks.push(`${file}: "${phrase}"`);
  }
  expect(leaks).toEqual([]);
});
