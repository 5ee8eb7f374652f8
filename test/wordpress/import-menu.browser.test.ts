// The menu after `npm run import:wordpress` of a blog with many pages: the pages are imported (and
// built, and in the sitemap) but stay out of the header, which keeps to the site's sections and the
// page that asked (`menu: 1`); on a 390 px phone it takes at most two lines.
import { mkdirSync, writeFileSync } from "node:fs";
import { DomUtils } from "htmlparser2";
import { join } from "node:path";
import type { Browser } from "playwright";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launch } from "../support/browser.ts";
import { serve, type RunningSite } from "../support/serve.ts";
import { build, repoRoot, tempProject, type BuildResult } from "../support/site.ts";
import { discard, elementsOf, read } from "../support/html.ts";
import { runScript, type Run } from "../support/cli.ts";
import { sampleExport, wxr } from "./wxr-fixture.ts";

const pageTitles = Array.from(
  { length: 21 },
  (_, i) => `Pagina ${i + 1}: ${["Programma", "Contact", "Privacy", "Archief", "Links", "Team", "Locaties"][i % 7]}`,
);

let root: string;
let imported: Run;
let built: BuildResult;
let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  root = tempProject();
  const blog = sampleExport();
  blog.items.push(
    ...pageTitles.map((title, i) => ({
      id: 500 + i,
      title,
      name: `pagina-${i + 1}`,
      type: "page",
      link: `${blog.link}/pagina-${i + 1}/`,
      content: `De tekst van ${title}.`,
    })),
  );
  const file = join(root, "export.xml");
  writeFileSync(file, wxr(blog));
  imported = runScript(root, "import-wordpress", [file]);
  built = build(root);
  site = await serve(built.out, join(repoRoot, "netlify.toml"));
  browser = await launch();
  mkdirSync(join(repoRoot, "test-results/screenshots"), { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  discard(built);
});

const menuOf = (html: string) => {
  const nav = elementsOf(html).find((el) => el.name === "nav" && el.attribs.class === "site-nav")!;
  return DomUtils.findAll((el) => el.name === "a", [nav]).map((a) => `${DomUtils.textContent(a)} ${a.attribs.href}`);
};

test("the import writes the pages, without a place in the menu", () => {
  expect(imported.status, imported.stderr).toBe(0);
  for (let i = 1; i <= 21; i++) expect(read(root, `content/pagina-${i}.md`)).not.toMatch(/^menu:/m);
  expect(built.status, built.stderr).toBe(0);
});

test("every page of the site has the calm header: the sections, search and the page that asked", () => {
  // The example site has sessions, so its sessions page is among the sections.
  const expected = [
    "Berichten /",
    "Onderwerpen /tags/",
    "Bijeenkomsten /bijeenkomsten/",
    "Zoeken /zoeken/",
    "Over de leergang /over/",
  ];
  for (const file of ["index.html", "pagina-3/index.html", "posts/loslaten-en-regie/index.html", "zoeken/index.html"]) {
    expect(menuOf(read(built.out, file)), file).toEqual(expected);
  }
  // The imported pages are there, and search engines are told about them.
  expect(read(built.out, "pagina-21/index.html")).toContain("De tekst van Pagina 21");
  expect(read(built.out, "sitemap.xml")).toContain("/pagina-21/</loc>");
});

test.each(["light", "dark"] as const)(
  "on a 390 px phone the menu takes at most two lines (%s)",
  async (colorScheme) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme });
    const page = await context.newPage();
    await page.goto(`${site.url}/pagina-1/`);
    const lines = await page
      .locator(".site-nav a")
      .evaluateAll((links) => new Set(links.map((a) => Math.round(a.getBoundingClientRect().top))).size);
    expect(lines).toBeLessThanOrEqual(2);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await page
      .locator(".site-header")
      .screenshot({ path: join(repoRoot, `test-results/screenshots/header-390-${colorScheme}-after-import.png`) });
    await context.close();
  },
);
