// Each decision the site makes in one place, and every caller agreeing with it: which spelling of a
// tag wins (the build and `npm run check`), which addresses are the site's own (the check, the
// WordPress import, netlify.toml), what a preview is, which files are a post's.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "smol-toml";
import { describe, expect, test } from "vitest";
import { isPreview, settingsFromEnv } from "../../src/model/build.ts";
import { crossChecks } from "../../src/commands/check/cross.ts";
import { postSlugOf, responsesFile } from "../../src/model/paths.ts";
import { isListed, isPublished } from "../../src/content/visibility.ts";
import { tagSpellings, tagRefs } from "../../src/posts/tags.ts";
import { isReserved, reservedNames, routes } from "../../src/build/routes.ts";
import { planImport } from "../../src/commands/wordpress/plan.ts";
import { content, entry, index, postData } from "../support/model.ts";
import { repoRoot } from "../support/site.ts";
import { localeOf } from "../../src/model/languages.ts";
import { longDate } from "../../src/i18n/dates.ts";

describe("a tag's spelling", () => {
  // A newer post writes "Samenwerken", an older one "samenwerken": one post each.
  const posts = [
    entry("oud", { date: "2026-01-01", tags: ["samenwerken"] }),
    entry("nieuw", { date: "2026-02-01", tags: ["Samenwerken"] }),
  ];

  test("is the one most posts use; on a tie the newest post's", () => {
    expect(index(content(posts)).tags.map((t) => t.label)).toEqual(["Samenwerken"]);
    const third = entry("derde", { date: "2025-12-01", tags: ["samenwerken"] });
    expect(index(content([...posts, third])).tags.map((t) => t.label)).toEqual(["samenwerken"]);
    expect(tagSpellings([{ tags: tagRefs(["Réflectie"]) }, { tags: tagRefs(["reflectie", "Reflectie "]) }])).toEqual(
      new Map([["reflectie", "Réflectie"]]),
    );
  });

  test("npm run check warns about the post that differs from what the site shows, never about the one it shows", () => {
    const shown = index(content(posts)).tags[0]!.label;
    const warnings = crossChecks(content(posts), repoRoot).filter((f) => f.field === "tags");
    expect(warnings.map((w) => w.file)).toEqual(["content/posts/oud.md"]);
    expect(warnings[0]!.message).toContain(`the site shows the topic as "${shown}"`);
  });

  test("a draft does not decide the public site's spelling; the check holds a draft to a preview's", () => {
    const draft = entry("concept", { date: "2026-03-01", tags: ["SAMENWERKEN"], draft: true });
    const all = [...posts, draft];
    expect(index(content(all)).tags[0]!.label).toBe("Samenwerken");
    expect(index(content(all, { HOEDOEDEDA_DRAFTS: "true" })).tags[0]!.label).toBe("SAMENWERKEN");
    // The published posts are held to the public site ("Samenwerken"), the draft to the preview,
    // where it is the newest of three spellings and so the one shown.
    const warned = crossChecks(content(all), repoRoot)
      .filter((f) => f.field === "tags")
      .map((f) => f.file);
    expect(warned).toEqual(["content/posts/oud.md"]);
  });
});

describe("what is published", () => {
  test("a post unless it is a draft; a build lists drafts only when it shows them, never in Netlify's production", () => {
    // Without `draft:` the schema says false.
    expect([
      isPublished(postData({ title: "Een", date: "2026-11-26", author: "marjan" })),
      isPublished({ draft: false }),
      isPublished({ draft: true }),
    ]).toEqual([true, true, false]);
    expect(isListed({ draft: true }, settingsFromEnv({ CONTEXT: "deploy-preview", HOEDOEDEDA_DRAFTS: "true" }))).toBe(
      true,
    );
    expect(isListed({ draft: true }, settingsFromEnv({ CONTEXT: "production", HOEDOEDEDA_DRAFTS: "true" }))).toBe(
      false,
    );
    expect(isListed({ draft: true }, settingsFromEnv({}))).toBe(false);
  });
});

describe("the site's own addresses", () => {
  test("every derived page's first segment is reserved, and so are the feed addresses netlify.toml redirects", () => {
    for (const route of routes) expect(isReserved(route.at.split(" ")[0]!), route.at).toBe(true);
    const toml = parse(readFileSync(join(repoRoot, "netlify.toml"), "utf8")) as { redirects: { from: string }[] };
    for (const { from } of toml.redirects) expect(reservedNames.has(from.split("/")[1]!), from).toBe(true);
    expect(["/", "/tags/", "/posts/x/", "/page/2/", "/img/", "/assets/", "/feed/"].every(isReserved)).toBe(true);
    expect(["/over/", "/tags-en-meer/", "/programma/"].some(isReserved)).toBe(false);
  });

  test("npm run check refuses a page on one, and the WordPress import renames a page that would take one", () => {
    const model = {
      ...content([]),
      pages: [{ file: "content/page.md", data: { title: "Pagina" }, body: "", frontMatter: { source: "", data: {} } }],
    };
    expect(crossChecks(model, repoRoot).map((f) => f.message)).toEqual([
      expect.stringContaining("would be published at /page/, which the site uses itself"),
    ]);
    const page = (name: string) => ({
      id: name,
      type: "page",
      status: "publish",
      title: name,
      postName: name,
      link: `https://oud.example.org/${name}/`,
      date: "2012-04-11 10:00:00",
      dateGmt: "2012-04-11 08:00:00",
      creator: "a",
      content: "Tekst.",
      excerpt: "",
      terms: [],
      comments: [],
      parent: "0",
      attachmentUrl: "",
      password: "",
    });
    const plan = planImport(
      {
        title: "Oud",
        link: "https://oud.example.org",
        authors: [],
        items: ["tags", "feed", "over"].map(page),
      } as never,
      { site: { timezone: "Europe/Amsterdam", lang: "nl" }, authors: {} },
    );
    expect(plan.entries.map((e) => e.slug)).toEqual(["tags-2", "feed-2", "over"]);
  });
});

describe("one rule each", () => {
  test("a preview is a deploy preview or a branch deploy", () => {
    expect((["production", "deploy-preview", "branch-deploy", "development"] as const).map(isPreview)).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(settingsFromEnv({ CONTEXT: "branch-deploy" }).preview).toBe(true);
  });

  test("a language has one locale, for dates and for Open Graph", () => {
    expect(localeOf("nl")).toEqual({ tag: "nl-NL", openGraph: "nl_NL" });
    expect(longDate(new Date("2012-04-11T12:00:00Z"), "en", "Europe/London")).toBe(
      new Intl.DateTimeFormat(localeOf("en").tag, {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "Europe/London",
      }).format(new Date("2012-04-11T12:00:00Z")),
    );
  });

  test("a post's earlier responses live beside it, and both files name the post", () => {
    expect(responsesFile("welkom")).toBe("content/posts/welkom.comments.yaml");
    expect([
      postSlugOf("./content/posts/welkom.md"),
      postSlugOf(responsesFile("welkom")),
      postSlugOf("content\\posts\\welkom.md"),
    ]).toEqual(["welkom", "welkom", "welkom"]);
    expect([
      postSlugOf("content/over.md"),
      postSlugOf("content/posts/x/y.md"),
      postSlugOf("layouts/pages/post.njk"),
    ]).toEqual([undefined, undefined, undefined]);
  });
});
