// Series on a real build of the example: the series page lists the steps in order, a step shows
// "Stap 2 van 3" with the series and the steps beside it (and still the site-wide neighbours), a
// draft step only in a preview; and a post naming a series that does not exist stops the build
// with one message that names the file, the field and the series there are.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { build, buildSite, post, tempProject, type BuildResult } from "../support/site.ts";
import { discard, elementsOf, read, visibleText } from "../support/html.ts";

const linksIn = (html: string, className: string) =>
  elementsOf(html)
    .filter((el) => el.name === "a" && (el.attribs.class ?? "").split(" ").includes(className))
    .map((el) => el.attribs.href);

describe("the example's series", () => {
  let built: BuildResult;
  let preview: BuildResult;
  beforeAll(() => {
    built = buildSite();
    preview = buildSite({ env: { HOEDOEDEDA_DRAFTS: "true" } });
  });
  afterAll(() => [built, preview].forEach(discard));

  test("the series page lists its steps in order, numbered", () => {
    const html = read(built.out, "series/eerste-halfjaar/index.html");
    const text = visibleText(html);
    expect(text).toContain("Het eerste halfjaar De bijeenkomsten van het eerste halfjaar, stap voor stap. 3 stappen");
    const order = ["Leren in netwerken", "Ontwerpen voor leren, deel 1", "Loslaten en regie houden"];
    const at = order.map((title) => text.indexOf(title));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toMatch(
      /Stap 1 Leren in netwerken .* Stap 2 Ontwerpen voor leren, deel 1 .* Stap 3 Loslaten en regie houden/,
    );
    expect(text).not.toContain("Terugblik");
  });

  test("a step says where it is, links the steps beside it and the series, and keeps the site-wide neighbours", () => {
    const html = read(built.out, "posts/ontwerpen-voor-leren/index.html");
    const text = visibleText(html);
    expect(text).toContain("Stap 2 van 3 · Het eerste halfjaar");
    expect(text).toMatch(
      /Het eerste halfjaar: Stap 2 van 3 Vorige stap Leren in netwerken Volgende stap Loslaten en regie houden Alle stappen van deze serie/,
    );
    expect(linksIn(html, "series-nav__link")).toEqual(["/posts/leren-in-netwerken/", "/posts/loslaten-en-regie/"]);
    expect(html).toContain('href="/series/eerste-halfjaar/"');
    expect(linksIn(html, "post-nav__link")).toHaveLength(2);
    // The first step has no previous step, the last none after it.
    expect(linksIn(read(built.out, "posts/leren-in-netwerken/index.html"), "series-nav__link")).toEqual([
      "/posts/ontwerpen-voor-leren/",
    ]);
    expect(linksIn(read(built.out, "posts/loslaten-en-regie/index.html"), "series-nav__link")).toEqual([
      "/posts/ontwerpen-voor-leren/",
    ]);
    // A post outside the series shows none of it.
    expect(read(built.out, "posts/welkom-in-de-leergang/index.html")).not.toContain("series-nav");
  });

  test("in a preview the draft is a step too, numbered with the others", () => {
    expect(visibleText(read(preview.out, "series/eerste-halfjaar/index.html"))).toContain("4 stappen");
    expect(visibleText(read(preview.out, "posts/terugblik-eerste-jaar/index.html"))).toContain("Stap 4 van 4");
    expect(visibleText(read(preview.out, "posts/loslaten-en-regie/index.html"))).toContain(
      "Volgende stap Terugblik op het eerste halfjaar",
    );
  });

  test("the series page is in the sitemap", () => {
    expect(read(built.out, "sitemap.xml")).toContain("<loc>https://leergang.example.org/series/eerste-halfjaar/</loc>");
  });
});

describe("a post in a series that does not exist", () => {
  let result: BuildResult;
  beforeAll(() => {
    result = build(
      tempProject({
        files: {
          "posts/stap-9.md": post({
            title: "Stap negen",
            date: "2026-12-01",
            author: "marjan",
            series: "de-23-stappen",
            part: 9,
          }),
        },
      }),
    );
  });
  afterAll(() => discard(result));

  test("stops the build with the file, the field and the series there are, and writes nothing", () => {
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'content/posts/stap-9.md: series: "de-23-stappen" is not in content/_data/series.yaml — use one of: eerste-halfjaar, or add "de-23-stappen" to content/_data/series.yaml',
    );
    expect(result.stderr).toContain("Nothing was written.");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(join(result.out))).toEqual([]);
  });
});
