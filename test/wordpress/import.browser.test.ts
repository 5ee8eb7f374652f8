// `npm run import:wordpress` end to end: a generated WordPress export imported into a copy of the
// example site, built, served the way Netlify serves it, and read in Chromium. Then the same import
// again (nothing changes), a broken export (nothing written), an edited post and --force.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser } from "playwright";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch } from "../support/browser.ts";
import { serve, type RunningSite } from "../support/serve.ts";
import { build, repoRoot, tempProject, type BuildResult } from "../support/site.ts";
import { elementsOf, siteFiles, visibleText } from "../support/html.ts";
import { runScript, type Run } from "../support/cli.ts";
import { sampleExport, wxr } from "./wxr-fixture.ts";

const imported = "content/posts/leren-in-netwerken-een-terugblik.md";
/** Words only the not-public posts, pages and their responses contain. */
const secrets =
  /Geheim dagboek|Vertrouwelijke casus|rooster van de begeleiders|telefoonnummers|Herkenbaar, dank je Ilse|Wat deed je daarna|leergang2012/;

/** The text of every file of a built site. */
const everything = (dir: string) =>
  siteFiles(dir)
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\n");

/** Every file under content/ with its text and modification time. */
function snapshot(root: string): Map<string, string> {
  const files = readdirSync(join(root, "content"), {
    recursive: true,
    withFileTypes: true,
  }) as import("node:fs").Dirent[];
  return new Map(
    files
      .filter((d) => d.isFile())
      .map((d) => {
        const full = join(d.parentPath, d.name);
        return [full.slice(root.length + 1), `${statSync(full).mtimeMs} ${readFileSync(full, "utf8")}`];
      }),
  );
}

describe("importing an export into the example site", () => {
  let root: string;
  let first: Run;
  let again: Run;
  let check: Run;
  let before: Map<string, string>;
  let afterFirst: Map<string, string>;
  let afterAgain: Map<string, string>;
  let built: BuildResult;
  let site: RunningSite;
  let browser: Browser;
  const read = (file: string) => readFileSync(join(root, file), "utf8");
  const page = (path: string) => readFileSync(join(built.out, path), "utf8");

  beforeAll(async () => {
    root = tempProject();
    writeFileSync(join(root, "export.xml"), wxr(sampleExport()));
    before = snapshot(root);
    first = runScript(root, "import-wordpress", ["export.xml"]);
    afterFirst = snapshot(root);
    again = runScript(root, "import-wordpress", ["export.xml"]);
    afterAgain = snapshot(root);
    check = runScript(root, "check");
    built = build(root);
    site = await serve(built.out, join(repoRoot, "netlify.toml"));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  test("prints a summary of what was imported, left alone and skipped", () => {
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`  ${imported} (post, 12 earlier responses) — "Leren in netwerken: een terugblik"`);
    expect(first.stdout).toContain("  content/posts/concept-nog-niet-af.md (draft)");
    expect(first.stdout).toContain("  content/over-mij.md (page)");
    expect(first.stdout).toMatch(
      /Not imported: a different file with that name exists \(use --force to replace it\):\n {2}content\/posts\/welkom-in-de-leergang\.md/,
    );
    expect(first.stdout).toContain("left out: 1 spam, 2 pending, 1 trashed, 1 pingback or trackback");
    expect(first.stdout).toContain("Authors added to content/_data/authors.yaml: pjansen (Piet Jansen)");
    expect(first.stdout).toContain(
      "Skipped: 1 attachment (its file stays on the old blog), 1 revision, 1 menu item, 1 trashed item.",
    );
  });

  test("what was private or password-protected on WordPress is listed, not imported", () => {
    expect(first.stdout).toContain(
      [
        "Not imported, because they were not public on WordPress (their responses stay out too):",
        '  "Alleen voor mij" (post, private)',
        '  "Voor de groep: de casus van Ilse" (post, password-protected, 2 responses)',
        '  "Intern: roosters" (page, private)',
        '  "Deelnemerslijst" (page, password-protected)',
        "To import those posts as drafts instead, add --protected-as-drafts.",
      ].join("\n"),
    );
    const written = [...afterFirst.keys()].filter((f) => afterFirst.get(f) !== before.get(f));
    expect(written.filter((f) => /prive|casus-ilse|roosters|deelnemers/.test(f))).toEqual([]);
    expect([...afterFirst.values()].join("\n")).not.toMatch(secrets);
  });

  test("the post: front-matter in the site's terms and the body as clean Markdown", () => {
    expect(read(imported)).toMatch(
      /^---\n# Imported from WordPress: .*\ntitle: "Leren in netwerken: een terugblik"\ndate: 2012-04-11\nauthor: marjan\ntags: \[Leren, netwerken, Sociale media\]\n---\n\nWie leert er eigenlijk/,
    );
    expect(read(imported)).toContain(
      "\n## Drie observaties\n\n- Leren gebeurt in gesprekken\n- Netwerken zijn niet te plannen\n",
    );
    expect(read(imported)).toContain(
      "![De groep in Doorn](https://oudblog.example.org/wp-content/uploads/2012/04/groep.jpg)\n*De groep in Doorn*",
    );
    expect(read("content/posts/umlaut-cafe-wat-kost-leren.md")).toContain(
      "Zie [de terugblik](/posts/leren-in-netwerken-een-terugblik/).",
    );
  });

  test("what exists is never overwritten, and nothing of the other post lands beside it", () => {
    for (const file of [
      "content/posts/welkom-in-de-leergang.md",
      "content/posts/leren-in-netwerken.md",
      "content/over.md",
    ])
      expect(afterFirst.get(file)).toBe(before.get(file));
    expect(afterFirst.has("content/posts/welkom-in-de-leergang.comments.yaml")).toBe(false);
    expect(
      read("content/_data/authors.yaml").startsWith(before.get("content/_data/authors.yaml")!.replace(/^\S+ /, "")),
    ).toBe(true);
  });

  test("running it again changes nothing and duplicates nothing", () => {
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("Already imported and unchanged: 4 posts and pages.");
    expect(again.stdout).not.toContain("Written:");
    expect(afterAgain).toEqual(afterFirst);
    expect(read("content/_data/authors.yaml").match(/^pjansen:/gm)).toHaveLength(1);
  });

  test("the result passes npm run check (a new author without a bio is only a warning)", () => {
    expect(check.status).toBe(0);
    expect(check.stdout).toContain("content/_data/authors.yaml: pjansen.bio: warning: is missing");
  });

  test("the site builds: posts and the page published, the draft not, nothing that was not public", () => {
    expect(built.status).toBe(0);
    expect(everything(built.out)).not.toMatch(secrets);
    expect(visibleText(page("posts/umlaut-cafe-wat-kost-leren/index.html"))).toContain(
      "Één vraag bleef hangen: wat kóst leren eigenlijk?",
    );
    expect(visibleText(page("over-mij/index.html"))).toContain("Ik begeleid leergangen.");
    expect(() => page("posts/concept-nog-niet-af/index.html")).toThrow();
  });

  test("the post page shows the earlier responses as a read-only thread above the live comments", () => {
    const html = page("posts/leren-in-netwerken-een-terugblik/index.html");
    const section = html.slice(
      html.indexOf('<section class="earlier-responses"'),
      html.indexOf("</section>", html.indexOf('<section class="earlier-responses"')),
    );
    expect(section).toContain('<h2 id="earlier-responses-title">Eerdere reacties (12)</h2>');
    expect(html.indexOf("earlier-responses")).toBeGreaterThan(html.indexOf("</article>", html.indexOf('class="post')));
    const elements = elementsOf(section);
    expect(elements.filter((el) => el.name === "li")).toHaveLength(12);
    expect(elements.some((el) => el.name === "form" || el.name === "textarea" || el.name === "button")).toBe(false);
    // Joris answers Sanne; Fatima answers Joris: two levels deep.
    const fatima = elements.find((el) => el.name === "li" && el.attribs.id === "comment-102")!;
    const depth = (el: typeof fatima): number =>
      el.parent && "name" in el.parent ? (el.parent.name === "ol" ? 1 : 0) + depth(el.parent as typeof fatima) : 0;
    expect(depth(fatima)).toBe(3);
    expect(visibleText(section)).toContain("Sanne · 12 april 2012");
  });

  test("hostile HTML in a response is harmless: words and the safe link stay", () => {
    const html = page("posts/leren-in-netwerken-een-terugblik/index.html");
    const section = html.slice(html.indexOf('<section class="earlier-responses"'));
    const mallory = section.slice(section.indexOf("Mallory"), section.indexOf("</li>", section.indexOf("Mallory")));
    expect(elementsOf(mallory).map((el) => el.name)).not.toContain("script");
    expect(elementsOf(mallory).some((el) => Object.keys(el.attribs).some((a) => a.startsWith("on")))).toBe(false);
    expect(mallory).not.toContain("javascript:");
    expect(mallory).toContain('<a href="https://ok.example.org" rel="nofollow ugc">deze</a>');
    expect(visibleText(mallory)).toContain("<b>geen tag</b>");
  });

  test("the home page counts the earlier responses", () => {
    const summary = page("index.html")
      .split('<article class="summary">')
      .find((s) => s.includes("Leren in netwerken: een terugblik"))!;
    expect(visibleText(summary)).toContain("12 reacties");
  });

  test("the old WordPress addresses redirect (301) to the new ones", async () => {
    for (const [old, now] of [
      ["/2012/04/11/leren-in-netwerken-een-terugblik/", "/posts/leren-in-netwerken-een-terugblik/"],
      ["/2012/05/02/%c3%bcmlaut-cafe-wat-kost-leren/", "/posts/umlaut-cafe-wat-kost-leren/"],
      ["/2012/05/02/%C3%BCmlaut-cafe-wat-kost-leren/", "/posts/umlaut-cafe-wat-kost-leren/"],
    ]) {
      const response = await fetch(site.url + old, { redirect: "manual" });
      expect([old, response.status, response.headers.get("location")]).toEqual([old, 301, now]);
    }
    const followed = await fetch(`${site.url}/2012/04/11/leren-in-netwerken-een-terugblik/`);
    expect(followed.status).toBe(200);
    expect(await followed.text()).toContain("Eerdere reacties (12)");
  });

  test("in Chromium: the old address with an old #comment anchor lands on that response; axe finds nothing", async () => {
    // axe needs a page from an explicit context; nothing outside the test server is reached.
    const context = await browser.newContext();
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const tab = await context.newPage();
    await tab.goto(`${site.url}/2012/04/11/leren-in-netwerken-een-terugblik/#comment-105`);
    expect(new URL(tab.url()).pathname).toBe("/posts/leren-in-netwerken-een-terugblik/");
    expect(new URL(tab.url()).hash).toBe("#comment-105");
    await expect(tab.locator("#comment-105").isVisible()).resolves.toBe(true);
    await expect(tab.getByRole("heading", { name: "Eerdere reacties (12)" }).isVisible()).resolves.toBe(true);
    const results = await new AxeBuilder({ page: tab }).include(".earlier-responses").analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await context.close();
  });
});

describe("what the import refuses, and what it leaves alone", () => {
  test.each([
    [
      "a cut-off export",
      (xml: string) => xml.slice(0, xml.length / 2),
      /export\.xml is not a complete XML file \(line \d+, column \d+: .*\) — export it again .* Nothing was written\./,
    ],
    [
      "an RSS feed",
      () => '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
      /export\.xml is XML but not a WordPress export/,
    ],
    ["a missing file", null, /export\.xml cannot be read — check the file name/],
  ] as const)("%s: a clear message, exit 1, nothing written", (_name, make, message) => {
    const root = tempProject();
    if (make) writeFileSync(join(root, "export.xml"), make(wxr(sampleExport())));
    const before = snapshot(root);
    const run = runScript(root, "import-wordpress", ["export.xml"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(root)).toEqual(before);
  });

  test("a post edited after the import is kept; --dry-run writes nothing; --force replaces what differs", () => {
    const root = tempProject();
    writeFileSync(join(root, "export.xml"), wxr(sampleExport()));
    expect(runScript(root, "import-wordpress", ["export.xml"]).status).toBe(0);
    const edited = readFileSync(join(root, imported), "utf8").replace(
      "Dat vroegen we ons af.",
      "Dat vroegen we ons af, en nu weten we meer.",
    );
    writeFileSync(join(root, imported), edited);

    const keep = runScript(root, "import-wordpress", ["export.xml"]);
    expect(keep.stdout).toMatch(
      /Edited since the last import, left as they are \(use --force to import them again\):\n {2}content\/posts\/leren-in-netwerken-een-terugblik\.md/,
    );
    expect(readFileSync(join(root, imported), "utf8")).toBe(edited);

    const before = snapshot(root);
    const dry = runScript(root, "import-wordpress", ["export.xml", "--force", "--dry-run"]);
    expect(dry.stdout).toContain("dry run, nothing written");
    expect(dry.stdout).toContain("Would write:");
    expect(snapshot(root)).toEqual(before);

    const forced = runScript(root, "import-wordpress", ["export.xml", "--force"]);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(root, imported), "utf8")).not.toContain("nu weten we meer");
    expect(readFileSync(join(root, "content/posts/welkom-in-de-leergang.md"), "utf8")).toContain(
      "Dit is niet het welkomstbericht",
    );
    expect(readFileSync(join(root, "content/posts/welkom-in-de-leergang.comments.yaml"), "utf8")).toContain(
      "author: Iemand",
    );
    expect(readFileSync(join(root, "content/_data/redirects.yaml"), "utf8")).toContain(
      "/2012/03/01/welkom-in-de-leergang/: /posts/welkom-in-de-leergang/",
    );
  });

  test("a post that is not imported brings no new author and no redirect along", () => {
    const root = tempProject({
      files: {
        "posts/umlaut-cafe-wat-kost-leren.md":
          "---\ntitle: Al van mij\ndate: 2026-01-01\nauthor: ruben\n---\n\nEigen tekst.\n",
      },
    });
    writeFileSync(join(root, "export.xml"), wxr(sampleExport()));
    const run = runScript(root, "import-wordpress", ["export.xml"]);
    expect(run.stdout).toMatch(/Not imported: .*\n(?: {2}.*\n)* {2}content\/posts\/umlaut-cafe-wat-kost-leren\.md/);
    expect(run.stdout).not.toContain("Authors added");
    expect(readFileSync(join(root, "content/_data/authors.yaml"), "utf8")).not.toContain("pjansen");
    expect(readFileSync(join(root, "content/_data/redirects.yaml"), "utf8")).not.toContain("umlaut");
    expect(runScript(root, "check").status).toBe(0);
  });

  test("--protected-as-drafts: the posts become drafts with their responses, pages stay out, and nothing is published", () => {
    const root = tempProject();
    writeFileSync(join(root, "export.xml"), wxr(sampleExport()));
    const run = runScript(root, "import-wordpress", ["export.xml", "--protected-as-drafts"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      '  content/posts/casus-ilse.md (draft, password-protected on WordPress, 2 earlier responses) — "Voor de groep: de casus van Ilse"',
    );
    expect(run.stdout).toContain('  content/posts/prive.md (draft, private on WordPress) — "Alleen voor mij"');
    expect(run.stdout).toContain('  "Intern: roosters" (page, private) — a page cannot be a draft on this site');
    expect(run.stdout).toContain(
      '  "Deelnemerslijst" (page, password-protected) — a page cannot be a draft on this site',
    );
    expect(run.stdout).not.toContain("add --protected-as-drafts");
    expect(run.stdout).toContain(
      "Written as drafts because they were not public on WordPress: 2 posts. Drafts show in deploy previews and branch deploys: remove what must stay private.",
    );
    const draft = readFileSync(join(root, "content/posts/casus-ilse.md"), "utf8");
    expect(draft).toMatch(
      /\n# Password-protected on WordPress: imported as a draft, so it is never published\.\n.*\ndraft: true\n---\n\nVertrouwelijke casus/,
    );
    expect(draft).not.toContain("leergang2012");
    const responses = readFileSync(join(root, "content/posts/casus-ilse.comments.yaml"), "utf8");
    expect(responses).toContain("author: Fatima");
    expect(responses).not.toMatch(/Wachtende|Casino|fatima@example\.org|192\.0\.2/);
    expect(readFileSync(join(root, "content/_data/redirects.yaml"), "utf8")).not.toMatch(
      /casus-ilse|prive|roosters|deelnemers/,
    );
    // The drafts pass the site's own checks, and a production build publishes none of it.
    expect(runScript(root, "check").status).toBe(0);
    const site = build(root);
    expect(site.status).toBe(0);
    expect(everything(site.out)).not.toMatch(secrets);
  });

  test("--author gives every post to an existing author and adds none", () => {
    const root = tempProject();
    writeFileSync(join(root, "export.xml"), wxr(sampleExport()));
    const run = runScript(root, "import-wordpress", ["export.xml", "--author", "ruben"]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain("Authors added");
    expect(readFileSync(join(root, "content/posts/umlaut-cafe-wat-kost-leren.md"), "utf8")).toContain(
      "\nauthor: ruben\n",
    );
    const unknown = runScript(root, "import-wordpress", ["export.xml", "--author", "piet"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(
      '--author "piet" is not in content/_data/authors.yaml — use one of: marjan, ruben',
    );
  });
});
