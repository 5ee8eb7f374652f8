// Link previews on every page type of a real build: Open Graph and Twitter-card meta with absolute
// addresses, each image a 1200×630 PNG that exists; cards drawn once and taken from .cache/cards/ by
// the next build; a private site that shows previewers nothing of itself.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { build, buildSite, tempProject, type BuildResult } from "../support/site.ts";
import { discard, elementsOf, read, siteFiles } from "../support/html.ts";

const SITE = "https://leergang.example.org";

/** `property`/`name` → content of every <meta> in the head. */
function metaOf(html: string): Map<string, string> {
  const meta = new Map<string, string>();
  for (const el of elementsOf(html)) {
    if (el.name !== "meta") continue;
    const key = el.attribs.property ?? el.attribs.name;
    if (key) meta.set(key, el.attribs.content ?? "");
  }
  return meta;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const pageTypes = {
  home: "index.html",
  post: "posts/loslaten-en-regie/index.html",
  "post in a series": "posts/leren-in-netwerken/index.html",
  tag: "tags/reflectie/index.html",
  "tags index": "tags/index.html",
  author: "authors/marjan/index.html",
  series: "series/eerste-halfjaar/index.html",
  search: "zoeken/index.html",
  about: "over/index.html",
  "not found": "404.html",
};

describe("every page type has complete link-preview meta", () => {
  let built: BuildResult;
  beforeAll(() => void (built = buildSite()));
  afterAll(() => discard(built));

  test.each(Object.entries(pageTypes))("%s", (type, file) => {
    const meta = metaOf(read(built.out, file));
    for (const key of [
      "og:title",
      "og:description",
      "og:url",
      "og:image",
      "og:type",
      "og:locale",
      "og:site_name",
      "twitter:card",
      "description",
    ]) {
      expect(meta.get(key), `${type}: ${key}`).toBeTruthy();
    }
    expect(meta.get("og:url")).toMatch(new RegExp(`^${SITE}/`));
    expect(meta.get("og:locale")).toBe("nl_NL");
    expect(meta.get("twitter:card")).toBe("summary_large_image");
    const image = meta.get("og:image")!;
    expect(image).toMatch(new RegExp(`^${SITE}/assets/cards/[a-z0-9-]+\\.[0-9a-f]{16}\\.png$`));
    expect(pngSize(join(built.out, new URL(image).pathname))).toEqual({ width: 1200, height: 630 });
    expect([meta.get("og:image:width"), meta.get("og:image:height")]).toEqual(["1200", "630"]);
    expect(meta.get("og:image:alt")).toBeTruthy();
    if (type.startsWith("post")) {
      expect(meta.get("og:type")).toBe("article");
      expect(meta.get("article:published_time")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(image).toContain(`/assets/cards/${file.split("/")[1]}.`);
    } else {
      expect(meta.get("og:type")).toBe("website");
      expect(image).toMatch(/\/assets\/cards\/site\./);
    }
  });

  test("a card per listed post and one for the site, nothing for a draft", () => {
    const cards = siteFiles(join(built.out, "assets/cards"));
    expect(cards.map((f) => f.split(".")[0]).sort()).toEqual([
      "leren-in-netwerken",
      "loslaten-en-regie",
      "ontwerpen-voor-leren",
      "site",
      "welkom-in-de-leergang",
    ]);
  });
});

describe("the card cache and the search index cache", () => {
  let root: string;
  let first: BuildResult;
  let second: BuildResult;
  let third: BuildResult;
  /** Whether each card of the second build is the cached file itself (a hard link), by name. */
  let linked: Record<string, boolean>;
  beforeAll(() => {
    root = tempProject();
    first = build(root);
    second = build(root);
    linked = Object.fromEntries(
      siteFiles(join(second.out, "assets/cards")).map((file) => [
        file,
        statSync(join(second.out, "assets/cards", file)).ino ===
          statSync(join(root, ".cache/cards", `${file.split(".")[1]}.png`)).ino,
      ]),
    );
    // One title changes: one card is drawn, the rest come from the cache.
    const file = join(root, "content/posts/welkom-in-de-leergang.md");
    const source = readFileSync(file, "utf8");
    writeFileSync(file, source.replace("title: Welkom in de leergang", "title: Welkom in de leergang Samen Ontwerpen"));
    third = build(root);
  });
  afterAll(() => {
    for (const b of [first, second, third]) discard({ root: "", out: b?.out });
    discard({ root });
  });

  test("the first build draws every card and keeps it in .cache/cards/", () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/5 link-preview cards drawn in [\d.]+ s, 0 from the cache/);
    expect(siteFiles(join(root, ".cache/cards"))).toHaveLength(5);
  });

  test("the next build draws none, and its cards are the cached files", () => {
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).not.toMatch(/cards? drawn/);
    expect(Object.keys(linked)).toHaveLength(5);
    expect(Object.values(linked).every(Boolean)).toBe(true);
  });

  test("the search index too: made by the first build, reused while no post changed, made anew when one did", () => {
    expect(first.stdout).toMatch(/Search index of 4 posts written in [\d.]+ s/);
    expect(second.stdout).toContain("Search index of 4 posts unchanged: taken from .cache/search/");
    expect(third.stdout).toMatch(/Search index of 4 posts written in [\d.]+ s/);
    expect(
      siteFiles(join(third.out, "pagefind")).filter((f) => /^pagefind(-worker)?\.js$|^pagefind-entry\.json$/.test(f)),
    ).toHaveLength(3);
    // Only the newest index is kept.
    expect(readdirSync(join(root, ".cache/search"))).toHaveLength(1);
  });

  test("a changed title draws that post's card only, under a new name, and the old one is forgotten", () => {
    expect(third.stdout).toMatch(/1 link-preview card drawn in [\d.]+ s, 4 from the cache/);
    const oldName = siteFiles(join(second.out, "assets/cards")).find((f) => f.startsWith("welkom-in-de-leergang."))!;
    const newName = siteFiles(join(third.out, "assets/cards")).find((f) => f.startsWith("welkom-in-de-leergang."))!;
    expect(newName).not.toBe(oldName);
    expect(existsSync(join(root, ".cache/cards", `${oldName.split(".")[1]}.png`))).toBe(false);
    expect(siteFiles(join(root, ".cache/cards"))).toHaveLength(5);
  });
});

describe("a search index in parts (a large site's: 500 posts each; 2 here)", () => {
  const env = { HOEDOEDEDA_SEARCH_PART_POSTS: "2" };
  let root: string;
  let first: BuildResult;
  let second: BuildResult;
  beforeAll(() => {
    root = tempProject();
    first = build(root, { env });
    // The newest post gets a sentence more: only the part it is in is made again.
    const file = join(root, "content/posts/loslaten-en-regie.md");
    writeFileSync(file, `${readFileSync(file, "utf8")}\nNog een gedachte over regie.\n`);
    second = build(root, { env });
  });
  afterAll(() => {
    for (const b of [first, second]) discard({ root: "", out: b?.out });
    discard({ root });
  });

  test("the first build makes every part; the first is the index itself, the others are listed in parts.json", () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Search index of 4 posts written in [\d.]+ s, in 2 parts/);
    expect(JSON.parse(read(first.out, "pagefind/parts.json"))).toEqual(["/pagefind/2/"]);
    const [own, second] = [siteFiles(join(first.out, "pagefind")), siteFiles(join(first.out, "pagefind/2"))];
    expect(own).toEqual(
      expect.arrayContaining(["pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.nl.pagefind"]),
    );
    // A part merged into the first needs only its index: no script, worker or WebAssembly of its own.
    expect(second).toContain("pagefind-entry.json");
    expect(second.filter((f) => /^pagefind(-worker)?\.js$|\.pagefind$/.test(f))).toEqual([]);
  });

  test("after an edit, only the edited post's part is made again; the cache keeps this build's parts", () => {
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(
      /Search index of 4 posts written in [\d.]+ s: 1 of its 2 parts made anew, the others taken from \.cache\/search\//,
    );
    expect(readdirSync(join(root, ".cache/search"))).toHaveLength(2);
    // The oldest part is the very same files as before.
    expect(read(second.out, "pagefind/pagefind-entry.json")).toBe(read(first.out, "pagefind/pagefind-entry.json"));
    expect(read(second.out, "pagefind/2/pagefind-entry.json")).not.toBe(
      read(first.out, "pagefind/2/pagefind-entry.json"),
    );
  });
});

test("where the search index cannot be kept, the build fails and says what to do, instead of hanging or saying nothing", () => {
  const root = tempProject();
  mkdirSync(join(root, ".cache"), { recursive: true });
  writeFileSync(join(root, ".cache/search"), "a file where the cache's folder belongs");
  const result = build(root);
  discard(result);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain(
    `The search index cannot be kept in ${join(root, ".cache/search")} (EEXIST). It is only a cache: remove it and build again.`,
  );
});

describe("a private site", () => {
  let built: BuildResult;
  beforeAll(() => {
    const siteYaml = readFileSync(join(tempProject(), "content/_data/site.yaml"), "utf8");
    built = buildSite({ files: { "_data/site.yaml": `${siteYaml}\nprivate: true\n` } });
  });
  afterAll(() => discard(built));

  test.each(Object.entries(pageTypes))("%s: no image and no description in the meta", (_type, file) => {
    const meta = metaOf(read(built.out, file));
    for (const key of ["og:image", "og:image:alt", "og:description", "description", "twitter:card"])
      expect(meta.has(key), key).toBe(false);
    expect(meta.get("robots")).toBe("noindex, nofollow");
  });

  test("and no cards at all", () => {
    expect(existsSync(join(built.out, "assets/cards"))).toBe(false);
  });
});
