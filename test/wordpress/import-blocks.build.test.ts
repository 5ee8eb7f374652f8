// A block-editor blog (one post per group of core blocks, WordPress 6.x markup) imported into a copy
// of the example site and built: on every built page the WordPress text's words are there, every
// player plays a real video, and no paragraph ends with a stray backslash.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DomUtils, parseDocument } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { retention, wordsOf } from "../../src/commands/wordpress/words.ts";
import { discard, elementsOf } from "../support/html.ts";
import { build, tempProject, type BuildResult } from "../support/site.ts";
import { blockExport, blockPostHtml, blockPosts } from "./block-fixtures.ts";
import { runScript, type Run } from "../support/cli.ts";
import { sampleExport, wxr } from "./wxr-fixture.ts";

/** The post's own text on its built page (not the header, byline or comments around it). */
function postBody(html: string): string {
  const body = DomUtils.findOne(
    (el) => (el.attribs.class ?? "").split(" ").includes("post__body"),
    parseDocument(html).children,
  );
  if (!body) throw new Error("no .post__body on the page");
  return DomUtils.getInnerHTML(body);
}

describe("a block-editor blog, imported and built", () => {
  let root: string;
  let run: Run;
  let check: Run;
  let built: BuildResult;
  const page = (slug: string) => readFileSync(join(built.out, "posts", slug, "index.html"), "utf8");
  const slugs = Object.keys(blockPosts);

  beforeAll(() => {
    root = tempProject();
    writeFileSync(join(root, "export.xml"), wxr(blockExport()));
    run = runScript(root, "import-wordpress", ["export.xml"]);
    check = runScript(root, "check");
    built = build(root);
  });
  afterAll(() => discard(built));

  test("every post is imported, the result passes npm run check and builds", () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`In the export: ${slugs.length} published posts`);
    expect(check.status).toBe(0);
    expect(built.status).toBe(0);
  });

  test.each(slugs)("%s: at least 97% of the WordPress text's words are on the built page", (slug) => {
    const kept = retention(wordsOf(blockPostHtml(slug)), wordsOf(postBody(page(slug))));
    expect(kept.words).toBeGreaterThan(20);
    expect(kept.ratio, `missing on the page: ${kept.missing.join(", ")}`).toBeGreaterThanOrEqual(0.97);
  });

  test("every video player points at a real video: an 11-character YouTube id, a Vimeo number", () => {
    const players = slugs.flatMap((slug) =>
      elementsOf(postBody(page(slug)))
        .filter((el) => el.name === "iframe")
        .map((el) => el.attribs.src ?? ""),
    );
    expect(players).toHaveLength(4);
    for (const src of players)
      expect(src).toMatch(/^https:\/\/(www\.youtube-nocookie\.com\/embed\/[\w-]{11}|player\.vimeo\.com\/video\/\d+)$/);
  });

  test("links from embeds go to the embedded address itself, with the caption under them", () => {
    const body = postBody(page("videos-en-embeds"));
    const hrefs = elementsOf(body)
      .filter((el) => el.name === "a")
      .map((el) => el.attribs.href);
    expect(hrefs).toEqual([
      "https://twitter.com/leergang/status/1650000000000000000",
      "https://www.ander-blog.example.nl/2023/04/leren-in-de-zorg/",
      "https://twitter.com/leergang/status/1100000000000000000",
    ]);
    expect(body).toMatch(
      /<a href="https:\/\/twitter\.com\/leergang\/status\/1650000000000000000"[^>]*>[^<]*<\/a><\/p>\s*<p><em>Een reactie van een oud-deelnemer op de eerste bijeenkomst<\/em><\/p>/,
    );
  });

  test("no paragraph, list item, caption, quote or cell ends with a visible backslash", () => {
    const ends = slugs.flatMap((slug) =>
      elementsOf(postBody(page(slug)))
        .filter((el) => ["p", "li", "figcaption", "blockquote", "td", "th", "h2", "h3", "cite"].includes(el.name))
        .map((el) => [slug, DomUtils.textContent(el).trim()] as const)
        .filter(([, text]) => text.endsWith("\\")),
    );
    expect(ends).toEqual([]);
  });

  test("every gallery image keeps its caption and its link to the full picture", () => {
    const body = postBody(page("galerij"));
    const linked = elementsOf(body).filter(
      (el) => el.name === "a" && el.children.some((c) => "name" in c && c.name === "img"),
    );
    expect(linked.map((a) => a.attribs.href)).toEqual(
      ["zorg", "gemeente", "onderwijs"].map(
        (g) => `https://oudblog.example.org/wp-content/uploads/2023/06/poster-${g}.jpg`,
      ),
    );
    for (const caption of [
      "wie bepaalt wat goede zorg is",
      "beleid maken met inwoners",
      "de docent als begeleider",
      "vertrouwen als vertrekpunt",
      "Alle posters hangen tot de zomer",
    ]) {
      expect(body).toContain(caption);
    }
  });

  test("the summary names the blocks to check, and no post that lost words", () => {
    expect(run.stdout).toContain(
      [
        "Check how these posts look: they use blocks the import does not know (it kept their text) or cannot find:",
        "  core/block (reusable block not in the export) (1×): content/posts/herbruikbaar-en-onbekend.md",
        "  core/latest-posts (1×): content/posts/herbruikbaar-en-onbekend.md",
        "  jetpack/slideshow (1×): content/posts/herbruikbaar-en-onbekend.md",
        "  yoast-seo/table-of-contents (1×): content/posts/herbruikbaar-en-onbekend.md",
      ].join("\n"),
    );
    expect(run.stdout).not.toContain("did not come through the conversion");
  });

  test("a post whose words do not come through is listed in the summary", () => {
    const lossy = {
      ...sampleExport(),
      items: [
        {
          id: 1,
          title: "Aanmelden",
          name: "aanmelden",
          content:
            'Meld je aan.\n\n<form><label>Naam, organisatie en functie</label><input name="n"><button>Verstuur je aanmelding</button></form>',
        },
      ],
    };
    writeFileSync(join(root, "lossy.xml"), wxr(lossy));
    const dry = runScript(root, "import-wordpress", ["lossy.xml", "--dry-run"]);
    expect(dry.stdout).toContain(
      "Check the text of these posts: more than 3% of their words did not come through the conversion:\n  content/posts/aanmelden.md: 30% of 10 words kept (missing, e.g.: naam, organisatie, en, functie, verstuur)",
    );
  });

  test('the text before "more" became the post\'s description', () => {
    const file = readFileSync(join(root, "content/posts/tekst-en-koppen.md"), "utf8");
    expect(file).toContain(
      '\ndescription: "Na de eerste bijeenkomst bleef één vraag hangen: wat betekent regie eigenlijk, als je met twaalf collega\'s van verschillende ziekenhuizen samen leert? We spraken af dat iedereen voor de volgende keer een voorbeeld meeneemt uit de eigen praktijk."\n',
    );
  });
});
