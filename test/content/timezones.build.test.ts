// `date: 2012-04-11` is the 11th on the page, in both feeds and in the sitemap, whatever the time
// zone of the machine that builds the site: built here on "machines" 21 hours apart.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { buildSite, post, repoRoot, type BuildResult } from "../support/site.ts";
import { discard, elementsOf, read } from "../support/html.ts";

const siteYaml = readFileSync(join(repoRoot, "content/_data/site.yaml"), "utf8");
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["entry", "link", "url"].includes(name),
});

const files = (timezone: string) => ({
  "_data/site.yaml": siteYaml.replace(/^timezone: .*$/m, `timezone: ${timezone}`),
  // A calendar day, and a moment late on that day in the site's own time zone.
  "posts/een-dag.md": post({ title: "Een dag", date: "2012-04-11", author: "marjan" }),
  "posts/laat-op-de-dag.md": post({ title: "Laat op de dag", date: "2012-04-11T23:30", author: "ruben" }),
});

describe.each([
  { machine: "America/Los_Angeles", site: "Europe/Amsterdam", offset: "+02:00" },
  { machine: "Pacific/Kiritimati", site: "America/Los_Angeles", offset: "-07:00" },
])("built with TZ=$machine for a site in $site", ({ machine, site, offset }) => {
  let built: BuildResult;
  beforeAll(() => {
    built = buildSite({ files: files(site), env: { TZ: machine } });
    expect(built.root).not.toBe(repoRoot);
  });
  afterAll(() => discard(built));

  test.each(["een-dag", "laat-op-de-dag"])("%s: the post page says 11 april 2012", (slug) => {
    const page = read(built.out, `posts/${slug}/index.html`);
    const times = elementsOf(page).filter(
      (e) =>
        e.name === "time" &&
        e.parent &&
        (e.parent as { attribs?: Record<string, string> }).attribs?.class?.split(" ").includes("post-meta"),
    );
    expect(times.map((t) => t.attribs.datetime)).toEqual(["2012-04-11"]);
    expect(page).toContain('<time datetime="2012-04-11">11 april 2012</time>');
    expect(page).toContain(
      `<meta property="article:published_time" content="2012-04-11T${slug === "een-dag" ? "00:00" : "23:30"}:00${offset}">`,
    );
  });

  test("the Atom feed", () => {
    const entries = xml.parse(read(built.out, "feed.xml")).feed.entry as Record<string, any>[];
    const published = (slug: string) => entries.find((e) => e.id.endsWith(`/posts/${slug}/`))?.published;
    expect(published("een-dag")).toBe(`2012-04-11T00:00:00${offset}`);
    expect(published("laat-op-de-dag")).toBe(`2012-04-11T23:30:00${offset}`);
  });

  test("the JSON feed", () => {
    const items = JSON.parse(read(built.out, "feed.json")).items as { id: string; date_published: string }[];
    const published = (slug: string) => items.find((i) => i.id.endsWith(`/posts/${slug}/`))?.date_published;
    expect(published("een-dag")).toBe(`2012-04-11T00:00:00${offset}`);
    expect(published("laat-op-de-dag")).toBe(`2012-04-11T23:30:00${offset}`);
  });

  test("the sitemap", () => {
    const urls = xml.parse(read(built.out, "sitemap.xml")).urlset.url as { loc: string; lastmod?: string }[];
    for (const slug of ["een-dag", "laat-op-de-dag"])
      expect(urls.find((u) => u.loc.endsWith(`/posts/${slug}/`))?.lastmod).toBe("2012-04-11");
  });

  test("lists put the late post first, both on the 11th", () => {
    const home = read(built.out, "index.html");
    const late = home.indexOf('href="/posts/laat-op-de-dag/"');
    const day = home.indexOf('href="/posts/een-dag/"');
    expect(late).toBeGreaterThan(-1);
    expect(day).toBeGreaterThan(late);
    expect(home.match(/<time datetime="2012-04-11">11 april 2012<\/time>/g)).toHaveLength(2);
  });
});
