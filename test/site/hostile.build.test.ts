// A post (and data files) written to break out of every context the site writes text into:
// HTML, attributes, meta tags, Atom (XML) and the JSON feed. Nothing may run; everything a person
// wrote must still be there, as text.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { slugify } from "../../src/model/slug.ts";
import { buildSite, type BuildResult } from "../support/site.ts";
import {
  authorBio,
  authorName,
  description,
  hostileFiles,
  location,
  question,
  quotedTag,
  siteTitle,
  slug,
  tag,
  templatePage,
  title,
} from "../support/hostile-content.ts";
import { discard, elementsOf, liveScripts, read, siteFiles, visibleText } from "../support/html.ts";

let built: BuildResult;
let files: string[];
const html = (file: string) => read(built.out, file);
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  htmlEntities: true,
  isArray: (name) => ["entry", "category"].includes(name),
});

beforeAll(() => {
  built = buildSite({ files: hostileFiles() });
  files = siteFiles(built.out);
});
afterAll(() => discard(built));

test("no live script anywhere in the built site", () => {
  const pages = files.filter((f) => f.endsWith(".html"));
  expect(pages).toContain(`posts/${slug}/index.html`);
  expect(pages.flatMap((f) => liveScripts(html(f), f))).toEqual([]);
});

describe("the post page shows what was written, as text", () => {
  const page = () => html(`posts/${slug}/index.html`);
  const text = (name: string) =>
    elementsOf(page())
      .filter((e) => e.name === name)
      .map((e) => visibleText(`<body>${inner(e)}</body>`));

  test("title in the h1 and the <title>", () => {
    expect(text("h1")).toEqual([title]);
    expect(elementsOf(page()).find((e) => e.name === "title")).toBeDefined();
    expect(page()).toMatch(/<title>[^<]*&lt;script&gt;alert\(&#39;titel&#39;\)&lt;\/script&gt;[^<]*<\/title>/);
  });

  test("description in meta tags stays inside its attribute", () => {
    const metas = elementsOf(page()).filter((e) => e.name === "meta");
    expect(metas.find((m) => m.attribs.name === "description")?.attribs.content).toBe(description);
    expect(metas.find((m) => m.attribs.property === "og:description")?.attribs.content).toBe(description);
    expect(metas.find((m) => m.attribs.property === "og:title")?.attribs.content).toBe(title);
    expect(metas.filter((m) => m.attribs.name === "x")).toEqual([]);
  });

  test("tags, question, session place, author name and bio are visible text", () => {
    const visible = visibleText(page());
    for (const written of [tag, quotedTag, question, location, authorName, authorBio])
      expect(visible).toContain(written);
  });

  test("template syntax in a post or a page is text: neither goes through a template engine", () => {
    expect(visibleText(page())).toContain("Sjabloontaal blijft tekst: {{ site.title }} en {% if true %}ja{% endif %}.");
    expect(visibleText(html("sjabloon/index.html"))).toContain(templatePage);
  });

  test("the body keeps its prose but loses script, handlers and javascript: links", () => {
    const visible = visibleText(page());
    expect(visible).toContain("Gewone tekst met ]]> erin.");
    expect(visible).toContain("Laatste alinea.");
    expect(visible).not.toContain("alert('body')");
    const links = elementsOf(page())
      .filter((e) => e.name === "a")
      .map((a) => a.attribs.href ?? "");
    expect(links.filter((href) => /script:/i.test(href))).toEqual([]);
  });

  test("the author's web address stays one attribute", () => {
    const link = elementsOf(page()).find((e) => e.name === "a" && e.attribs.rel === "author");
    // Written the way a browser reads it: the quotes escaped, so it is one valid address.
    expect(link?.attribs.href).toBe("https://example.org/%22onmouseover=%22alert(1)");
    expect(link?.attribs.onmouseover).toBeUndefined();
  });
});

test("lists, tag and author pages show the hostile title as text", () => {
  for (const file of [
    "index.html",
    `tags/${slugify(tag)}/index.html`,
    `tags/${slugify(quotedTag)}/index.html`,
    "authors/hacker/index.html",
  ]) {
    expect(files).toContain(file);
    expect(visibleText(html(file)), file).toContain(title);
  }
  expect(visibleText(html(`tags/${slugify(tag)}/index.html`))).toContain(`“${tag}”`);
});

test("the site title from site.yaml is text on every page", () => {
  for (const file of files.filter((f) => f.endsWith(".html"))) {
    expect(visibleText(html(file)), file).toContain(siteTitle);
    expect(html(file), file).toContain(
      `content="${siteTitle.replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")}"`,
    );
  }
});

test("the Atom feed stays valid XML and carries the text unchanged", () => {
  const source = html("feed.xml");
  expect(XMLValidator.validate(source)).toBe(true);
  const feed = xml.parse(source).feed;
  expect(feed.title).toBe(siteTitle);
  const entry = (feed.entry as Record<string, any>[]).find((e) => e.id.endsWith(`/posts/${slug}/`))!;
  expect(entry.title).toBe(title);
  expect(entry.summary).toBe(description);
  expect(entry.author.name).toBe(authorName);
  expect(entry.category.map((c: Record<string, string>) => c["@term"])).toEqual([tag, quotedTag, "leergang"]);
  expect(liveScripts(entry.content["#text"], "feed.xml content")).toEqual([]);
  expect(entry.content["#text"]).toContain("Laatste alinea.");
});

test("the JSON feed stays valid JSON and carries the text unchanged", () => {
  const feed = JSON.parse(html("feed.json"));
  expect(feed.title).toBe(siteTitle);
  const item = feed.items.find((i: { id: string }) => i.id.endsWith(`/posts/${slug}/`));
  expect(item.title).toBe(title);
  expect(item.summary).toBe(description);
  expect(item.tags).toEqual([tag, quotedTag, "leergang"]);
  expect(item.authors[0].name).toBe(authorName);
  expect(liveScripts(item.content_html, "feed.json content_html")).toEqual([]);
});

test("the sitemap stays valid XML", () => {
  expect(XMLValidator.validate(html("sitemap.xml"))).toBe(true);
});

/** The inner HTML of an element, re-serialised well enough for visibleText. */
function inner(el: ReturnType<typeof elementsOf>[number]): string {
  const escape = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  return el.children
    .map((c) =>
      "data" in c ? escape(String(c.data)) : "name" in c ? `<${c.name}>${inner(c as typeof el)}</${c.name}>` : "",
    )
    .join("");
}
