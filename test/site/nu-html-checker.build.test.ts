// W3C's Nu Html Checker (the `vnu-jar` package, run with the machine's Java) over every page of three
// sites: the example with its drafts, the hostile content, and a WordPress import (every kind of
// item the importer meets, block-editor posts, and a post whose headings start at h3 and h6).
// html-validate (test/site/html-validate.build.test.ts) holds the project's own rules; this one holds
// the HTML standard, which html-validate does not check in full (a raw space in a URL, a heading
// that skips levels).
import { spawnSync } from "node:child_process";
import { writeFileSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { build, buildSite, tempProject, type BuildResult } from "../support/site.ts";
import { hostileFiles } from "../support/hostile-content.ts";
import { blockExport } from "../wordpress/block-fixtures.ts";
import { runScript } from "../support/cli.ts";
import { sampleExport, wxr } from "../wordpress/wxr-fixture.ts";
import { discard, siteFiles } from "../support/html.ts";

const vnuJar = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

interface VnuMessage {
  type: "error" | "info" | "non-document-error";
  url: string;
  lastLine?: number;
  message: string;
}

/** The checker's errors for every HTML file under `dirs`, as `file:line message`. */
function nuErrors(dirs: string[]): string[] {
  const run = spawnSync("java", ["-jar", vnuJar, "--errors-only", "--skip-non-html", "--format", "json", ...dirs], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  if (run.error) throw new Error(`the Nu Html Checker needs Java (17 or later) on the PATH: ${run.error.message}`);
  // It reports on standard error, and exits 1 when it found errors.
  const { messages } = JSON.parse(run.stderr) as { messages: VnuMessage[] };
  return messages
    .filter((m) => m.type !== "info")
    .map((m) => `${m.url.replace(/^file:/, "")}:${m.lastLine ?? "?"} ${m.message}`);
}

/** An import of the fixtures' exports into a copy of the example site, built. */
function importedSite(): BuildResult {
  const root = tempProject();
  const blocks = blockExport();
  const sample = sampleExport();
  const headings = {
    id: 4000,
    title: "Toetsenbord en koppen",
    name: "toetsenbord-en-koppen",
    link: "https://oudblog.example.org/2018/10/21/toetsenbord-en-koppen/",
    // Like WordPress's theme test data: the post's first heading an h3, and an h6 of its own.
    content:
      "Alles moet met het toetsenbord kunnen.\n\n<h3>Hoe test je?</h3>\n\nMet Tab.\n\n<h6>een kop</h6>\n\nEn verder.\n\n<h3>Bronnen</h3>\n\nHet handboek.",
  };
  writeFileSync(
    join(root, "export.xml"),
    wxr({ ...sample, authors: sample.authors, items: [...sample.items, ...blocks.items, headings] }),
  );
  const run = runScript(root, "import-wordpress", ["export.xml"]);
  if (run.status !== 0) throw new Error(`import failed:\n${run.stdout}\n${run.stderr}`);
  const built = build(root);
  if (built.status !== 0) throw new Error(`build failed:\n${built.stderr}`);
  return built;
}

const sites: Record<string, BuildResult> = {};

beforeAll(() => {
  sites.example = buildSite({ env: { HOEDOEDEDA_DRAFTS: "true" } });
  sites.hostile = buildSite({ files: hostileFiles() });
  sites.imported = importedSite();
});
afterAll(() => Object.values(sites).forEach(discard));

test("the three sites have their pages: a draft, the hostile post, the imported posts", () => {
  const pages = (site: string) => siteFiles(sites[site]!.out).filter((f) => f.endsWith(".html"));
  expect(pages("example")).toContain("posts/terugblik-eerste-jaar/index.html");
  expect(pages("hostile")).toContain("posts/kwaadaardig/index.html");
  expect(pages("imported")).toEqual(
    expect.arrayContaining([
      "posts/toetsenbord-en-koppen/index.html",
      "posts/tekst-en-koppen/index.html",
      "posts/leren-in-netwerken-een-terugblik/index.html",
    ]),
  );
});

test("the Nu Html Checker finds no error on any page", () => {
  const dirs = Object.values(sites).map((s) => s.out);
  const checked = dirs.flatMap((dir) => siteFiles(dir).filter((f) => f.endsWith(".html")));
  expect(checked.length).toBeGreaterThan(80);
  expect(nuErrors(dirs)).toEqual([]);
});

test("the checker really checks: a raw space in the icon's URL and a skipped heading level are errors", () => {
  const dir = mkdtempSync(join(tmpdir(), "hoedoededa-vnu-"));
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>x</title><link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E"></head><body><h1>Titel</h1><h3>Kop</h3></body></html>`,
  );
  const errors = nuErrors([dir]);
  expect(
    errors.some((e) => /Illegal character/.test(e)),
    errors.join("\n"),
  ).toBe(true);
  expect(
    errors.some((e) => /skipping 1 heading level/.test(e)),
    errors.join("\n"),
  ).toBe(true);
  discard({ root: dir });
});
