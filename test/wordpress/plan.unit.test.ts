// Reading a WordPress export and deciding what to import: which items and comments, under which
// names, dated in the site's time zone, threaded, with the old addresses — from the export alone.
import { describe, expect, test } from "vitest";
import { earlierResponsesOf, commentOutcome, wordpressDate } from "../../src/commands/wordpress/comments.ts";
import { planImport, type PlannedEntry } from "../../src/commands/wordpress/plan.ts";
import { schemaProblem } from "../../src/commands/wordpress/import.ts";
import { parseWxr, type WxrComment } from "../../src/commands/wordpress/wxr.ts";
import { ToolError } from "../../src/commands/tool-error.ts";
import { sampleExport, wxr } from "./wxr-fixture.ts";
import type { Author } from "../../src/model/content.ts";

const site = { timezone: "Europe/Amsterdam", lang: "nl" as const };
const marjan: Author = { id: "marjan", name: "Marjan de Vries", initials: "MdV", page: "/authors/marjan/" };
const plan = (xml = wxr(sampleExport()), authors: Record<string, Author> = { marjan }) =>
  planImport(parseWxr(xml), { site, authors });
const entry = (entries: PlannedEntry[], slug: string) => entries.find((e) => e.slug === slug)!;

describe("reading the export", () => {
  test("authors, items, terms and comments come out as written", () => {
    const data = parseWxr(wxr(sampleExport()));
    expect(data.title).toBe("Leren &amp; werken — het oude blog");
    expect(data.link).toBe("https://oudblog.example.org");
    expect(data.authors).toEqual([
      { login: "marjan", displayName: "Marjan de Vries" },
      { login: "pjansen", displayName: "Piet Jansen" },
    ]);
    const first = data.items[0]!;
    expect(first).toMatchObject({
      id: "1",
      type: "post",
      status: "publish",
      postName: "leren-in-netwerken-een-terugblik",
      creator: "marjan",
    });
    expect(first.terms).toContainEqual({ domain: "post_tag", slug: "sociale-media", label: "Sociale media" });
    expect(first.comments).toHaveLength(16);
    expect(first.comments[0]).toMatchObject({
      id: "100",
      author: "Sanne",
      approved: "1",
      type: "comment",
      parent: "0",
    });
  });

  test("a title like 2012 stays text, and ]]> inside content survives", () => {
    const xml = wxr({ ...sampleExport(), items: [{ id: 9, title: "2012", name: "x", content: "a ]]> b" }] });
    const [item] = parseWxr(xml).items;
    expect(item).toMatchObject({ title: "2012", content: "a ]]> b" });
  });

  test.each([
    [
      "a cut-off file",
      wxr(sampleExport()).slice(0, 2000),
      /is not a complete XML file \(line \d+, column \d+: .*\) — export it again/,
    ],
    [
      "an RSS feed that is not an export",
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item><title>x</title></item></channel></rss>',
      /is XML but not a WordPress export/,
    ],
    ["an HTML page", "<!doctype html><html><body><p>Hallo</body></html>", /is not a complete XML file/],
    ["plain text", "Dit is geen export.", /is not a complete XML file/],
    ["an empty file", "", /is not a complete XML file|is XML but not a WordPress export/],
  ])("%s is refused with a clear message", (_name, xml, message) => {
    expect(() => parseWxr(xml, "export.xml")).toThrow(ToolError);
    expect(() => parseWxr(xml, "export.xml")).toThrow(message);
  });
});

describe("comments: which become earlier responses", () => {
  const comment = (over: Partial<WxrComment>): WxrComment => ({
    id: "1",
    author: "A",
    authorUrl: "",
    date: "2012-04-11 10:00:00",
    dateGmt: "2012-04-11 08:00:00",
    content: "Tekst",
    approved: "1",
    type: "comment",
    parent: "0",
    ...over,
  });

  test.each([
    [{ approved: "1" }, "kept"],
    [{ approved: "1", type: "" }, "kept"],
    [{ approved: "0" }, "pending"],
    [{ approved: "spam" }, "spam"],
    [{ approved: "trash" }, "trashed"],
    [{ approved: "post-trashed" }, "trashed"],
    [{ approved: "1", type: "pingback" }, "pingbacks"],
    [{ approved: "1", type: "trackback" }, "pingbacks"],
  ] as const)("%o → %s", (over, outcome) => {
    expect(commentOutcome(comment(over))).toBe(outcome);
  });

  test("threading is kept; a reply to a response that is left out moves to the top", () => {
    const { responses, counts } = earlierResponsesOf(
      [
        comment({ id: "1" }),
        comment({ id: "2", parent: "1", dateGmt: "2012-04-11 09:00:00" }),
        comment({ id: "3", approved: "0", dateGmt: "2012-04-11 09:30:00" }),
        comment({ id: "4", parent: "3", dateGmt: "2012-04-11 10:00:00" }),
        comment({ id: "5", approved: "spam" }),
      ],
      site,
    );
    expect(responses.map((r) => [r.id, r.parent])).toEqual([
      [1, undefined],
      [2, 1],
      [4, undefined],
    ]);
    expect(counts).toMatchObject({ kept: 3, pending: 1, spam: 1 });
  });

  test("dates in the site's time zone; e-mail and IP addresses never copied", () => {
    const { responses } = earlierResponsesOf(
      [comment({ authorUrl: " https://a.example ", dateGmt: "2012-10-28 01:30:00" })],
      site,
    );
    expect(responses[0]).toEqual({
      id: 1,
      author: "A",
      url: "https://a.example",
      date: "2012-10-28T02:30:00+01:00",
      text: "Tekst",
    });
    expect(JSON.stringify(responses)).not.toMatch(/@|192\.0\.2/);
  });

  test("names are plain text; an empty name reads Anoniem; only web addresses are kept", () => {
    const { responses } = earlierResponsesOf(
      [comment({ author: "<b>Bo</b> &amp; co", authorUrl: "javascript:alert(1)" }), comment({ id: "2", author: "" })],
      site,
    );
    expect(responses.map((r) => [r.author, r.url])).toEqual([
      ["Bo & co", undefined],
      ["Anoniem", undefined],
    ]);
  });

  test("a response that is empty once scripts are removed is left out and counted", () => {
    const { responses, counts } = earlierResponsesOf([comment({ content: "<script>alert(1)</script>" })], site);
    expect(responses).toEqual([]);
    expect(counts.empty).toBe(1);
  });

  test("WordPress dates: UTC when known, else the site's wall time", () => {
    expect(wordpressDate("2012-04-11 22:30:00", "2012-04-11 20:30:00", "Europe/Amsterdam")?.toISOString()).toBe(
      "2012-04-11T20:30:00.000Z",
    );
    expect(wordpressDate("2012-06-01 10:00:00", "0000-00-00 00:00:00", "Europe/Amsterdam")?.toISOString()).toBe(
      "2012-06-01T08:00:00.000Z",
    );
    expect(wordpressDate("0000-00-00 00:00:00", "0000-00-00 00:00:00", "Europe/Amsterdam")).toBeUndefined();
  });
});

describe("the plan", () => {
  test("published posts, drafts and pages are planned; everything else is skipped and counted", () => {
    const { entries, skipped } = plan();
    expect(entries.map((e) => [e.kind, e.file.path])).toEqual([
      ["post", "content/posts/leren-in-netwerken-een-terugblik.md"],
      ["post", "content/posts/umlaut-cafe-wat-kost-leren.md"],
      ["post", "content/posts/welkom-in-de-leergang.md"],
      ["draft", "content/posts/concept-nog-niet-af.md"],
      ["page", "content/over-mij.md"],
    ]);
    expect(skipped).toEqual({ attachment: 1, revision: 1, menu: 1, trash: 1 });
  });

  test("front-matter: title, date in the site's time zone, author, tags and categories, draft", () => {
    const { entries } = plan();
    expect(entry(entries, "leren-in-netwerken-een-terugblik").file.text).toMatch(
      /^---\n# Imported from WordPress: https:\/\/oudblog\.example\.org\/2012\/04\/11\/leren-in-netwerken-een-terugblik\/\ntitle: "Leren in netwerken: een terugblik"\ndate: 2012-04-11\nauthor: marjan\ntags: \[Leren, netwerken, Sociale media\]\n---\n\nWie leert/,
    );
    expect(entry(entries, "umlaut-cafe-wat-kost-leren").file.text).toContain(
      "description: Over de prijs van leren & aandacht.\n",
    );
    expect(entry(entries, "concept-nog-niet-af").file.text).toMatch(/\ndate: 2012-06-01\n.*\ndraft: true\n/s);
  });

  test("a post late in the evening in Amsterdam keeps its day in another site time zone too", () => {
    const { entries } = planImport(parseWxr(wxr(sampleExport())), {
      site: { timezone: "America/New_York", lang: "en" },
      authors: { marjan },
    });
    expect(entry(entries, "leren-in-netwerken-een-terugblik").file.text).toContain("\ndate: 2012-04-11\n");
    const tokyo = planImport(parseWxr(wxr(sampleExport())), {
      site: { timezone: "Asia/Tokyo", lang: "en" },
      authors: { marjan },
    });
    expect(entry(tokyo.entries, "leren-in-netwerken-een-terugblik").file.text).toContain("\ndate: 2012-04-12\n");
  });

  test("slugs: percent-encoded accents folded, empty names from the title, never twice the same", () => {
    const items = [
      { id: 1, title: "A", name: "%c3%bcber-ons" },
      { id: 2, title: "Nog één keer!", name: "" },
      { id: 3, title: "B", name: "dubbel" },
      { id: 4, title: "C", name: "dubbel" },
      { id: 5, title: "Tags", name: "tags", type: "page" },
    ];
    const { entries } = plan(wxr({ ...sampleExport(), items }));
    expect(entries.map((e) => e.slug)).toEqual(["uber-ons", "nog-een-keer", "dubbel", "dubbel-2", "tags-2"]);
  });

  test("authors: an existing id or name is reused, others added once; --author takes all", () => {
    const { entries, newAuthors } = plan();
    expect(newAuthors).toEqual([{ id: "pjansen", name: "Piet Jansen" }]);
    expect(entry(entries, "umlaut-cafe-wat-kost-leren").file.text).toContain("\nauthor: pjansen\n");
    const byName = plan(wxr(sampleExport()), { mdv: { ...marjan, id: "mdv" } });
    expect(entry(byName.entries, "leren-in-netwerken-een-terugblik").file.text).toContain("\nauthor: mdv\n");
    const all = planImport(parseWxr(wxr(sampleExport())), { site, authors: { marjan }, author: "marjan" });
    expect(all.newAuthors).toEqual([]);
    expect(all.entries.filter((e) => e.kind !== "page").every((e) => e.file.text.includes("\nauthor: marjan\n"))).toBe(
      true,
    );
  });

  test("old addresses redirect to the new ones (readable, not for drafts or unchanged addresses)", () => {
    const { entries } = plan();
    expect(entries.map((e) => e.redirect).filter(Boolean)).toEqual([
      { from: "/2012/04/11/leren-in-netwerken-een-terugblik/", to: "/posts/leren-in-netwerken-een-terugblik/" },
      { from: "/2012/05/02/ümlaut-cafe-wat-kost-leren/", to: "/posts/umlaut-cafe-wat-kost-leren/" },
      { from: "/2012/03/01/welkom-in-de-leergang/", to: "/posts/welkom-in-de-leergang/" },
    ]);
  });

  test("links between old posts point to the new addresses, also by ?p=id", () => {
    const items = [
      {
        id: 1,
        title: "Een",
        name: "een",
        link: "https://oudblog.example.org/2012/01/01/een/",
        content: 'Zie <a href="https://oudblog.example.org/?p=2">twee</a>.',
      },
      {
        id: 2,
        title: "Twee",
        name: "twee",
        link: "https://oudblog.example.org/2012/01/02/twee/",
        content: 'Terug naar <a href="/2012/01/01/een/#comment-3">een</a>.',
      },
    ];
    const { entries } = plan(wxr({ ...sampleExport(), items }));
    expect(entries[0]!.file.text).toContain("Zie [twee](/posts/twee/).");
    expect(entries[1]!.file.text).toContain("Terug naar [een](/posts/een/#comment-3).");
  });

  test("responses go beside their post, threaded, approved ones only", () => {
    const { entries, comments } = plan();
    const first = entry(entries, "leren-in-netwerken-een-terugblik");
    expect(first.responses).toMatchObject({
      path: "content/posts/leren-in-netwerken-een-terugblik.comments.yaml",
      count: 12,
    });
    expect(first.responses!.text).toMatch(/^# Earlier responses to "Leren in netwerken: een terugblik"/);
    expect(first.responses!.text).toContain("- id: 101\n  parent: 100\n  author: Joris\n");
    expect(first.responses!.text).not.toMatch(/Casino|Wachtende|Ander blog|Weg\b|example\.org\b.*@/);
    expect(entry(entries, "concept-nog-niet-af").responses).toBeUndefined();
    expect(comments).toEqual({ kept: 14, spam: 1, pending: 2, trashed: 1, pingbacks: 1, empty: 0 });
  });

  test("every planned file passes the site's own schema; a broken one would be caught before writing", () => {
    const files = plan().entries.flatMap((e) => [e.file, ...(e.responses ? [e.responses] : [])]);
    expect(files.map((f) => [f.path, schemaProblem(f)]).filter(([, problem]) => problem)).toEqual([]);
    expect(
      schemaProblem({ path: "content/posts/x.md", text: "---\ntitle: X\ndate: 11-04-2012\nauthor: marjan\n---\n" }),
    ).toMatch(/puts the day first/);
    expect(schemaProblem({ path: "content/posts/x.comments.yaml", text: "- author: A\n  text: B\n" })).toMatch(
      /is missing/,
    );
  });

  test('a post\'s text before its "more" block is its description, unless it has an excerpt', () => {
    const more =
      "<!-- wp:paragraph -->\n<p>Eerst dit.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>En dit<br>ook.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->\n\n<!-- wp:paragraph -->\n<p>De rest.</p>\n<!-- /wp:paragraph -->";
    const items = [
      { id: 1, title: "Een", name: "een", content: more },
      { id: 2, title: "Twee", name: "twee", content: more, excerpt: "Eigen samenvatting." },
      { id: 3, title: "Drie", name: "drie", content: "Klassiek.\n\n<!--more-->\n\nDe rest." },
    ];
    const { entries } = plan(wxr({ ...sampleExport(), items }));
    expect(entries.map((e) => /\ndescription: (.*)\n/.exec(e.file.text)?.[1])).toEqual([
      "Eerst dit. En dit ook.",
      "Eigen samenvatting.",
      undefined,
    ]);
    expect(entries[0]!.file.text).toContain("\nEerst dit.\n\nEn dit\\\nook.\n\nDe rest.\n");
  });

  test("a post whose conversion loses words says so; blocks it does not know are counted by name", () => {
    const form =
      '<form action="https://old.example/send"><label>Je naam en je organisatie</label> <input name="n"> <button>Verstuur het formulier nu</button></form>';
    const items = [
      { id: 1, title: "Formulier", name: "formulier", content: `Vul dit in.\n\n${form}` },
      {
        id: 2,
        title: "Plug-in",
        name: "plug-in",
        content:
          '<!-- wp:acme/card {"x":1} -->\n<div class="card"><p>Tekst op een kaart.</p></div>\n<!-- /wp:acme/card -->\n\n<!-- wp:acme/card /-->',
      },
    ];
    const [formulier, plugin] = plan(wxr({ ...sampleExport(), items })).entries;
    expect(formulier!.words).toMatchObject({ words: 12, kept: 3 });
    expect(formulier!.words.missing).toEqual(["je", "naam", "en", "organisatie", "verstuur", "het", "formulier", "nu"]);
    expect(plugin!.words.ratio).toBe(1);
    expect(plugin!.unknownBlocks).toEqual({ "acme/card": 2 });
    expect(plugin!.file.text).toContain("\nTekst op een kaart.\n");
  });

  test("the same export plans the same files", () => {
    expect(plan()).toEqual(plan());
  });
});

describe("what was not public on WordPress", () => {
  const byDefault = () => plan();
  const asDrafts = () =>
    planImport(parseWxr(wxr(sampleExport())), { site, authors: { marjan }, protectedAsDrafts: true });
  const secrets =
    /Geheim dagboek|Vertrouwelijke casus|rooster van de begeleiders|telefoonnummers|Herkenbaar|Wat deed je daarna/;

  test("by default private and password-protected posts and pages are left out and listed with the reason", () => {
    const { entries, notPublic, comments } = byDefault();
    expect(notPublic).toEqual([
      { kind: "post", title: "Alleen voor mij", link: "", reason: "private", responses: 0 },
      {
        kind: "post",
        title: "Voor de groep: de casus van Ilse",
        link: "https://oudblog.example.org/2012/06/10/casus-ilse/",
        reason: "password-protected",
        responses: 2,
      },
      {
        kind: "page",
        title: "Intern: roosters",
        link: "https://oudblog.example.org/roosters/",
        reason: "private",
        responses: 0,
      },
      {
        kind: "page",
        title: "Deelnemerslijst",
        link: "https://oudblog.example.org/deelnemers/",
        reason: "password-protected",
        responses: 0,
      },
    ]);
    expect(entries.some((e) => ["prive", "casus-ilse", "roosters", "deelnemers"].includes(e.slug))).toBe(false);
    // Their responses stay out with them: not written, not counted as kept.
    expect(comments.kept).toBe(14);
    expect(JSON.stringify(entries)).not.toMatch(secrets);
  });

  test("--protected-as-drafts: the posts become drafts that say why, with their approved responses beside them", () => {
    const { entries, notPublic } = asDrafts();
    const prive = entry(entries, "prive");
    const casus = entry(entries, "casus-ilse");
    expect([prive.kind, prive.notPublic, casus.kind, casus.notPublic]).toEqual([
      "draft",
      "private",
      "draft",
      "password-protected",
    ]);
    expect(casus.file.text).toMatch(
      /\n# Password-protected on WordPress: imported as a draft, so it is never published\.\n# Drafts do show in deploy previews and branch deploys: remove what must stay private\.\ndraft: true\n---\n/,
    );
    expect(prive.file.text).toMatch(/\n# Private on WordPress: imported as a draft, .*\n.*\ndraft: true\n---\n/);
    expect(casus.redirect).toBeUndefined();
    expect(casus.responses).toMatchObject({ path: "content/posts/casus-ilse.comments.yaml", count: 2 });
    expect(casus.responses!.text).toContain("- id: 911\n  parent: 910\n  author: Pieter\n");
    expect(casus.responses!.text).not.toMatch(/Wachtende|Casino|@|192\.0\.2/);
    // A page cannot be a draft on this site: left out, also with the flag.
    expect(notPublic.map((n) => [n.kind, n.title])).toEqual([
      ["page", "Intern: roosters"],
      ["page", "Deelnemerslijst"],
    ]);
    expect(entries.some((e) => e.kind === "page" && ["roosters", "deelnemers"].includes(e.slug))).toBe(false);
  });

  test("the drafts pass the site's own schema", () => {
    const files = asDrafts().entries.flatMap((e) => [e.file, ...(e.responses ? [e.responses] : [])]);
    expect(files.map((f) => [f.path, schemaProblem(f)]).filter(([, problem]) => problem)).toEqual([]);
  });

  test("a trashed item stays trash, whatever its password; a protected draft is protected too", () => {
    const items = [
      { id: 1, title: "Weg", name: "weg", status: "trash", password: "x" },
      { id: 2, title: "Concept", name: "concept", status: "draft", password: "x" },
      { id: 3, title: "Open", name: "open" },
    ];
    const result = plan(wxr({ ...sampleExport(), items }));
    expect(result.skipped).toEqual({ trash: 1 });
    expect(result.notPublic.map((n) => [n.title, n.reason])).toEqual([["Concept", "password-protected"]]);
    expect(result.entries.map((e) => e.slug)).toEqual(["open"]);
  });
});
