// The rules of issue 18 that need no build: series and menu fields checked with file, field and fix;
// which pages the header holds; how a card's title is fitted and named; what Pagefind is handed.
import { afterAll, describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { settingsFromEnv } from "../../src/model/build.ts";
import { cardHash, postCard, siteCard } from "../../src/cards/content.ts";
import { drawable, fitTitle } from "../../src/cards/render.ts";
import { loadContent } from "../../src/content/load.ts";
import { formatProblem } from "../../src/model/problems.ts";
import { messages } from "../../src/i18n/index.ts";
import { crossChecks } from "../../src/commands/check/cross.ts";
import { menuPages, phoneMenuLines } from "../../src/build/navigation.ts";
import { pagefindVersion, partFolder, partKey, searchDocument, searchParts } from "../../src/search/index.ts";
import { indexReport } from "../../src/build/plugins/search.ts";
import { discard } from "../support/html.ts";
import { content, entry, index, siteFor } from "../support/model.ts";
import { repoRoot, tempProject } from "../support/site.ts";

const fm = (yaml: string) => `---\n${yaml}\n---\n\nTekst.\n`;
const valid = "title: Een stap\ndate: 2026-01-01\nauthor: marjan";

describe("series, part and menu in the content", () => {
  const root = tempProject({
    files: {
      "_data/series.yaml":
        "de-23-stappen:\n  title: De 23 stappen\nTwee Woorden:\n  title: Kapot\nzonder-titel:\n  description: Geen titel\n",
      "posts/onbekend.md": fm(`${valid}\nseries: de-24-stappen`),
      "posts/deel-zonder-serie.md": fm(`${valid}\npart: 2`),
      "posts/deel-a.md": fm(`${valid}\nseries: de-23-stappen\npart: 3`),
      "posts/deel-b.md": fm(`${valid}\nseries: de-23-stappen\npart: 3`),
      "posts/deel-tekst.md": fm(`${valid}\nseries: de-23-stappen\npart: drie`),
      "posts/deel-nul.md": fm(`${valid}\nseries: de-23-stappen\npart: 0`),
      "posts/serie-nl.md": fm(`${valid}\nserie: de-23-stappen`),
      "menu-tekst.md": fm("title: Contact\nmenu: eerste"),
      "menu-goed.md": fm("title: Programma\nmenu: 2"),
    },
  });
  afterAll(() => discard({ root }));
  const loaded = loadContent(root, settingsFromEnv({}));
  const lines = loaded.problems.map(formatProblem);
  const said = (file: string, field: string, text: RegExp) =>
    expect(
      lines.filter((l) => l.startsWith(`${file}: ${field}: `) && text.test(l)),
      `${file}: ${field}\n${lines.join("\n")}`,
    ).toHaveLength(1);

  test("an unknown series names the file, the field and the series there are", () => {
    said(
      "content/posts/onbekend.md",
      "series",
      /"de-24-stappen" is not in content\/_data\/series\.yaml — use one of: de-23-stappen, or add "de-24-stappen" to content\/_data\/series\.yaml/,
    );
  });
  test("part without a series, twice the same part, a part that is not a whole number of 1 or more", () => {
    said("content/posts/deel-zonder-serie.md", "part", /only means something in a series — add `series: <id>`/);
    said(
      "content/posts/deel-b.md",
      "part",
      /3 is also the part of content\/posts\/deel-a\.md in series "de-23-stappen" — give each step its own number/,
    );
    said("content/posts/deel-tekst.md", "part", /must be a number, not "drie" — write it like `part: 3`/);
    said("content/posts/deel-nul.md", "part", /must be 1 or more/);
  });
  test("the Dutch word suggests the field, and series.yaml's own mistakes are named", () => {
    said("content/posts/serie-nl.md", "serie", /is not a known field — did you mean `series`\?/);
    said("content/_data/series.yaml", "Twee Woorden", /is not a usable series id .* e\.g\. `twee-woorden`/);
    said("content/_data/series.yaml", "zonder-titel.title", /is missing/);
  });
  test("menu must be a number; a valid one is accepted", () => {
    said("content/menu-tekst.md", "menu", /must be a number, not "eerste" — write it like `menu: 1`/);
    expect(lines.some((l) => l.startsWith("content/menu-goed.md"))).toBe(false);
    expect(loaded.pages.find((p) => p.file === "content/menu-goed.md")?.data.menu).toBe(2);
  });
});

describe("the header menu", () => {
  test("holds only the pages that asked, by their number, then by title", () => {
    const pages = [
      { title: "Zonder", url: "/zonder/" },
      { title: "Programma", url: "/programma/", menu: 2 },
      { title: "Over", url: "/over/", menu: 1 },
      { title: "Contact", url: "/contact/", menu: 2 },
      { title: "Geïmporteerd", url: "/oud/", menu: undefined },
    ];
    expect(menuPages(pages, "nl")).toEqual([
      { label: "Over", url: "/over/" },
      { label: "Contact", url: "/contact/" },
      { label: "Programma", url: "/programma/" },
    ]);
  });
});

describe("npm run check and a crowded header", () => {
  const page = (name: string, title: string, menu?: number) => ({
    file: `content/${name}.md`,
    data: { title, ...(menu ? { menu } : {}) },
    body: "",
    frontMatter: { source: "", data: {} },
  });

  test("the example's header (three sections and one page) takes two lines on a phone, as the browser test sees it", () => {
    expect(phoneMenuLines(["Berichten", "Onderwerpen", "Zoeken"])).toBe(1);
    expect(phoneMenuLines(["Berichten", "Onderwerpen", "Zoeken", "Over de leergang"])).toBe(2);
  });

  test("warns on the page whose menu: pushes the header past two lines, and on none before it", () => {
    const model = {
      ...content([]),
      pages: [
        page("over", "Over de leergang", 1),
        page("programma", "Programma en data", 2),
        page("contact", "Contact en privacy", 3),
        page("oud", "Oude pagina"),
      ],
    };
    const warnings = crossChecks(model, repoRoot).filter((f) => f.field === "menu");
    expect(warnings.map((w) => w.file)).toEqual(["content/contact.md"]);
    expect(warnings[0]!.message).toMatch(
      /^with this page the header takes about 3 lines on a phone — keep the menu to the pages readers need most/,
    );
  });
});

describe("link-preview cards", () => {
  const site = siteFor({ title: "Leergang", url: "https://leergang.example.org", description: "Samen leren" });
  const t = messages("nl");
  const [post] = index(
    content([entry("a", { title: "Loslaten", session: { date: "2026-12-03", location: "Doorn" } })]),
  ).posts;

  test("a post's card shows site, title, date and session; the site's card its address and description", () => {
    expect(postCard(post!, site, t)).toEqual({
      site: "Leergang",
      title: "Loslaten",
      date: post!.summary.dateLabel,
      session: `Bijeenkomst: ${post!.session!.label}, Doorn`,
    });
    expect(siteCard(site)).toEqual({ site: "leergang.example.org", title: "Leergang", subtitle: "Samen leren" });
  });

  test("is named by what it shows: the same card the same name, any change a new one", () => {
    const card = postCard(post!, site, t);
    expect(cardHash(card)).toBe(cardHash({ ...card }));
    expect(cardHash({ ...card, title: "Loslaten!" })).not.toBe(cardHash(card));
    expect(cardHash({ ...card, session: undefined })).not.toBe(cardHash(card));
  });

  test("a title wraps first, then shrinks, then ends in an ellipsis", async () => {
    const short = await fitTitle("Loslaten en regie houden");
    expect(short).toMatchObject({ size: 76, lines: 1, clamp: false });
    const wraps = await fitTitle("Waarom leren in netwerken meer vraagt dan een goed georganiseerde training");
    expect(wraps.size).toBe(76);
    expect(wraps.lines).toBeGreaterThan(1);
    const long =
      "Één café in Zürich: over het ‘waarom’ van leren in organisaties die alles willen regelen, behalve de gesprekken op de gang";
    const shrinks = await fitTitle(long);
    expect(shrinks.size).toBeLessThan(76);
    expect(shrinks.clamp).toBe(false);
    const clamped = await fitTitle(`${long} — ${long} — ${long}`);
    expect(clamped).toMatchObject({ size: 50, lines: 4, clamp: true });
  });

  test("text the font cannot draw is folded or left out", () => {
    expect(drawable("Ĳsselmeer 🎉 ﬁjn  leren 👩🏽‍🏫")).toBe("IJsselmeer fijn leren");
  });
});

describe("what Pagefind is handed for a post", () => {
  test("title, body and questions to search, in a document in the site's language; date and tags beside them", () => {
    const [post] = index(
      content([
        entry("a", { title: "Leren & <netwerken>", tags: ["Reflectie"], questions: ["Wat neem je mee?"] }, "De tekst."),
      ]),
    ).posts;
    const html = searchDocument(post!, { lang: "nl" }, messages("nl"));
    expect(html).toMatch(/^<!doctype html><html lang="nl">/);
    const body = /<main data-pagefind-body>([\s\S]*)<\/main>/.exec(html)![1]!;
    expect(body).toContain("<h1>Leren &amp; &lt;netwerken&gt;</h1>");
    expect(body).toContain("De tekst.");
    expect(body).toContain("<li>Wat neem je mee?</li>");
    expect(body).not.toContain("Reflectie");
    expect(html).toContain('<span data-pagefind-filter="tag">Reflectie</span>');
    expect(html).toContain(`<p data-pagefind-meta="day" data-pagefind-sort="date">${post!.summary.day}</p>`);
  });
});

describe("the search index in parts", () => {
  const newestFirst = ["e", "d", "c", "b", "a"];

  test("oldest first, so that a new post changes the last part only", () => {
    expect(searchParts(newestFirst, 2)).toEqual([["a", "b"], ["c", "d"], ["e"]]);
    const withNew = searchParts(["f", ...newestFirst], 2);
    expect(withNew.slice(0, 2)).toEqual(searchParts(newestFirst, 2).slice(0, 2));
    expect(withNew[2]).toEqual(["e", "f"]);
  });

  test("a site with fewer posts than a part, or none, has one part", () => {
    expect(searchParts(newestFirst, 500)).toEqual([["a", "b", "c", "d", "e"]]);
    expect(searchParts([], 500)).toEqual([[]]);
  });

  test("the first part is the index's own folder; the others sit in numbered folders inside it", () => {
    expect([0, 1, 7].map(partFolder)).toEqual(["", "2/", "8/"]);
  });

  test("what the build says: written, in how many parts, and what came from the cache", () => {
    expect(indexReport({ pages: 4, ms: 1234, parts: 1, made: 1 })).toBe("Search index of 4 posts written in 1.2 s");
    expect(indexReport({ pages: 1, ms: 10, parts: 1, made: 0 })).toBe(
      "Search index of 1 post unchanged: taken from .cache/search/",
    );
    expect(indexReport({ pages: 4000, ms: 6600, parts: 8, made: 8 })).toBe(
      "Search index of 4000 posts written in 6.6 s, in 8 parts",
    );
    expect(indexReport({ pages: 4000, ms: 600, parts: 8, made: 1 })).toBe(
      "Search index of 4000 posts written in 0.6 s: 1 of its 8 parts made anew, the others taken from .cache/search/",
    );
  });

  test("a part is kept under its documents and Pagefind's version: an upgrade makes every part again", () => {
    const docs = [
      { url: "/posts/a/", content: "<html>a</html>" },
      { url: "/posts/b/", content: "<html>b</html>" },
    ];
    expect(partKey(docs, "1.6.0")).toMatch(/^[0-9a-f]{16}$/);
    expect(
      partKey(
        docs.map((doc) => ({ ...doc })),
        "1.6.0",
      ),
    ).toBe(partKey(docs, "1.6.0"));
    expect(partKey(docs, "1.7.0")).not.toBe(partKey(docs, "1.6.0"));
    expect(partKey([docs[0]!, { ...docs[1]!, content: "<html>b!</html>" }], "1.6.0")).not.toBe(partKey(docs, "1.6.0"));
    // The version installed, as npm locked it.
    const lock = JSON.parse(readFileSync(join(repoRoot, "package-lock.json"), "utf8")) as {
      packages: Record<string, { version: string }>;
    };
    expect(pagefindVersion()).toBe(lock.packages["node_modules/pagefind"]!.version);
  });

  test("tests set the part's size; anything but a positive whole number leaves the default", () => {
    expect(settingsFromEnv({ HOEDOEDEDA_SEARCH_PART_POSTS: "2" }).searchPartPosts).toBe(2);
    for (const value of ["0", "-1", "1.5", "veel", ""])
      expect(settingsFromEnv({ HOEDOEDEDA_SEARCH_PART_POSTS: value }).searchPartPosts, value).toBeUndefined();
  });
});
