// Raw HTML in posts is allowed for formatting and embeds, through an allow-list: no script, no
// event handlers, no javascript: URLs. Text that merely looks like HTML is escaped.
import { describe, expect, test } from "vitest";
import { jsonFeed } from "../../src/posts/feeds.ts";
import { nl } from "../../src/i18n/nl.ts";
import { absoluteUrl } from "@11ty/eleventy-plugin-rss";
import { excerptOf } from "../../src/content/excerpt.ts";
import { createMarkdown } from "../../src/markdown/render.ts";
import { renderResponseText } from "../../src/comments/earlier.ts";
import { localImageSize } from "../../src/markdown/images.ts";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { elementsOf as elements, liveScripts } from "../support/html.ts";
import { absolute } from "../../src/model/urls.ts";
import type { Site } from "../../src/model/content.ts";
import type { Post } from "../../src/model/posts.ts";

const md = createMarkdown();
const render = (source: string) => md.render(source);

describe("hostile raw HTML leaves nothing that runs", () => {
  test.each([
    ["a script block", "<script>alert(1)</script>"],
    ["a script inside allowed markup", "<div><script>alert(1)</script></div>"],
    ["a split script tag", "<scr<script>ipt>alert(1)</script>"],
    ["an event handler on an image", "<img src=x onerror=alert(1)>"],
    ["an event handler on svg", "<svg onload=alert(1)><circle/></svg>"],
    ["a javascript: link in raw HTML", 'x <a href="JaVaScRiPt:alert(1)">a</a>'],
    ["an entity-hidden javascript: link", '<a href="jav&#x09;ascript:alert(1)">a</a>'],
    ["a javascript: link in Markdown", "[klik](javascript:alert(1))"],
    ["a javascript: autolink", "<javascript:alert(1)>"],
    ["an iframe with srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ["an iframe from a host not on the list", '<iframe src="https://evil.example/"></iframe>'],
    ["a style block", "<style>body{display:none}</style>"],
    ["a form", '<form action="https://evil.example"><input name="wachtwoord"></form>'],
    ["object and embed", '<object data="x.swf"></object><embed src="x">'],
    ["a meta refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
    ["a base element", '<base href="https://evil.example/">'],
    [
      "mutation-XSS nesting",
      "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    ],
    ["protocol-relative link", '<a href="//evil.example/">x</a>'],
    ["inline style", '<p style="position:fixed;inset:0" class="overlay">p</p>'],
  ])("%s", (_name, source) => {
    const html = render(`Tekst ervoor.\n\n${source}\n\nTekst erna.`);
    expect(liveScripts(html, "post")).toEqual([]);
    for (const el of elements(html)) {
      expect(["script", "style", "form", "input", "object", "embed", "meta", "base", "svg", "math"]).not.toContain(
        el.name,
      );
      // The scroll box the site puts around every table (`scrollBoxes`) is the one class allowed.
      const ownBox = el.name === "div" && el.attribs.class === "table-scroll";
      for (const [name, value] of Object.entries(el.attribs)) {
        if (!(ownBox && name === "class")) expect(name).not.toMatch(/^on|^style$|^srcdoc$|^class$|^action$/);
        if (["href", "src"].includes(name)) expect(value).toMatch(/^(https?:|mailto:|tel:|\/[^/]|#|[\w.-]+$)/);
      }
    }
    // The prose around the hostile part survives.
    expect(html).toContain("Tekst ervoor.");
    expect(html).toContain("Tekst erna.");
  });
});

describe("allowed formatting and embeds stay", () => {
  test("a YouTube embed keeps its player, lazily and with a strict referrer", () => {
    const html = render(
      '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video" allowfullscreen></iframe>',
    );
    const [iframe] = elements(html).filter((e) => e.name === "iframe");
    expect(iframe?.attribs).toMatchObject({
      src: "https://www.youtube-nocookie.com/embed/abc",
      title: "Video",
      loading: "lazy",
      referrerpolicy: "strict-origin-when-cross-origin",
    });
  });

  test("a Vimeo embed stays", () => {
    expect(render('<iframe src="https://player.vimeo.com/video/1" title="Video"></iframe>')).toContain(
      'src="https://player.vimeo.com/video/1"',
    );
  });

  test("a link opening a new tab cannot reach back to this page", () => {
    const [a] = elements(render('<a href="https://example.org" target="_blank">x</a>')).filter((e) => e.name === "a");
    expect(a?.attribs.rel).toBe("noopener noreferrer");
  });

  test("details, summary, figures and highlighted code", () => {
    const html = render(
      '<details><summary>Meer</summary>\n\nTekst\n\n</details>\n\n<figure><img src="/img/a.png" alt="A"><figcaption>Bijschrift</figcaption></figure>\n\n<pre><code class="language-js hack">x</code></pre>',
    );
    const names = elements(html).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["details", "summary", "figure", "img", "figcaption", "pre", "code"]));
    expect(html).toContain('<code class="language-js">');
    expect(html).toContain('alt="A"');
  });

  test("Markdown images load lazily", () => {
    expect(render("![Een foto](/img/foto.jpg)")).toMatch(
      /<img src="\/img\/foto\.jpg" alt="Een foto" loading="lazy" decoding="async"/,
    );
  });
});

// The page must not jump when an image arrives: the site's own images get their real size.
describe("images from content/img/ get width and height", () => {
  const sizeOf = (html: string) => elements(html).find((el) => el.name === "img")?.attribs;

  test("in Markdown and in raw HTML (content/img/marjan.svg is 64×64)", () => {
    expect(sizeOf(render("![Marjan](/img/marjan.svg)"))).toMatchObject({ width: "64", height: "64", loading: "lazy" });
    expect(sizeOf(render('<figure><img src="/img/marjan.svg" alt="Marjan"></figure>'))).toMatchObject({
      width: "64",
      height: "64",
    });
  });

  test("a size written in the post is kept", () => {
    expect(sizeOf(render('<img src="/img/marjan.svg" alt="Marjan" width="32" height="32">'))).toMatchObject({
      width: "32",
      height: "32",
    });
    expect(sizeOf(render('<img src="/img/marjan.svg" alt="Marjan" width="32">'))).not.toHaveProperty("height");
  });

  test.each([
    ["a missing image", "![x](/img/bestaat-niet.png)"],
    ["an image on another site", "![x](https://example.org/foto.png)"],
    ["a path out of content/img/", "![x](/img/../_data/site.yaml)"],
    ["a malformed address", "![x](/img/%E0%A4%A.png)"],
  ])("%s is left as written", (_what, source) => {
    const attribs = sizeOf(render(source));
    expect(attribs).toBeDefined();
    expect(attribs).not.toHaveProperty("width");
  });

  test("PNG and JPEG are read from their headers, again when the file changes", () => {
    const root = mkdtempSync(join(tmpdir(), "hoedoededa-img-"));
    mkdirSync(join(root, "content/img"), { recursive: true });
    const png = (width: number, height: number) => {
      const ihdr = Buffer.alloc(13);
      ihdr.writeUInt32BE(width, 0);
      ihdr.writeUInt32BE(height, 4);
      ihdr.set([8, 2, 0, 0, 0], 8);
      return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
        Buffer.from("IHDR"),
        ihdr,
        Buffer.alloc(4),
      ]);
    };
    // A baseline JPEG's markers: start, a JFIF header, then the frame: height 300, width 400.
    const jfif = [
      0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    ];
    const frame = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x01, 0x90, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
    const jpeg = Buffer.from([0xff, 0xd8, ...jfif, ...frame, 0xff, 0xd9]);
    writeFileSync(join(root, "content/img/groep foto.png"), png(1200, 800));
    writeFileSync(join(root, "content/img/zaal.jpg"), jpeg);
    expect(localImageSize("/img/groep%20foto.png", root)).toEqual({ width: 1200, height: 800 });
    expect(localImageSize("/img/zaal.jpg?v=2", root)).toEqual({ width: 400, height: 300 });
    writeFileSync(join(root, "content/img/groep foto.png"), png(600, 450));
    utimesSync(join(root, "content/img/groep foto.png"), new Date(), new Date(Date.now() + 5000));
    expect(localImageSize("/img/groep%20foto.png", root)).toEqual({ width: 600, height: 450 });
    writeFileSync(join(root, "content/img/kapot.png"), "geen plaatje");
    expect(localImageSize("/img/kapot.png", root)).toBeUndefined();
    // A folder beside content/img/ whose name starts the same is not published as /img/.
    mkdirSync(join(root, "content/img-oud"));
    writeFileSync(join(root, "content/img-oud/oud.png"), png(10, 10));
    expect(localImageSize("/img/../img-oud/oud.png", root)).toBeUndefined();
    rmSync(root, { recursive: true, force: true });
  });
});

describe("text that looks like HTML is escaped", () => {
  test("angle brackets, ampersands and quotes in prose", () => {
    const html = render('Tom & Jerry <3 "samen" en 1 < 2 > 0');
    expect(html).toContain("Tom &amp; Jerry &lt;3");
    expect(html).toContain("1 &lt; 2 &gt; 0");
    expect(elements(html).map((e) => e.name)).toEqual(["p"]);
  });

  test("code keeps its markup as text", () => {
    const html = render("Gebruik `<script>` nooit zo:\n\n```html\n<script>alert(1)</script>\n```");
    expect(html).toContain("<code>&lt;script&gt;</code>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(liveScripts(html, "code")).toEqual([]);
  });

  test("the excerpt of a post is plain text, whatever its first paragraph holds", () => {
    expect(excerptOf("Een *mooie* dag met [een link](https://x.org) en `code`.\n\nMeer.")).toBe(
      "Een mooie dag met een link en code.",
    );
    expect(excerptOf("<p>Raw</p>\n\nDe eerste echte alinea.")).toBe("De eerste echte alinea.");
  });
});

describe("the JSON feed is valid JSON whatever the titles hold", () => {
  test("quotes, `]]>`, backslashes, line separators and script tags survive a round trip", async () => {
    const hostile = `"Citaat" ]]> \\ \u2028 </script><script>alert(1)</script>`;
    const site = { title: hostile, description: hostile, url: "https://example.org", lang: "nl" } as unknown as Site;
    const post = {
      url: "/posts/x/",
      title: hostile,
      excerpt: hostile,
      datetime: "2012-04-11T00:00:00+02:00",
      author: { name: hostile },
      tags: [{ label: hostile }],
      item: { content: "<p>x</p>" },
    } as unknown as Post;
    const feed = JSON.parse(await jsonFeed([post], site, nl));
    expect(feed.title).toBe(hostile);
    expect(feed.items[0].title).toBe(hostile);
    expect(feed.items[0].summary).toBe(hostile);
    expect(feed.items[0].tags).toEqual([hostile]);
    expect(feed.items[0].authors).toEqual([{ name: hostile }]);
    expect(feed.items[0].url).toBe("https://example.org/posts/x/");
  });
});

// Canonical links, Open Graph, feeds and the sitemap join plain paths as text (src/build/routes.ts):
// the answer must be what parsing the URL gives, for every site address and path.
test("absolute addresses are what URL parsing gives", () => {
  const sites = [
    "https://leergang.example.org",
    "http://localhost",
    "https://Leergang.Example.org",
    "https://example.org:443",
    "https://example.org/sub",
    "",
  ];
  const paths = [
    "/",
    "/posts/x/",
    "/posts/x-y_z/",
    "/feed.xml",
    "//evil.example/",
    "/posts/./x/",
    "/posts/../x/",
    "/a//b/",
    "/posts/é/",
    "/posts/x y/",
    "/x?y=1",
    "/x#a",
    "/.hidden",
    "/a.b.c",
    "posts/x/",
    "https://other.example/x",
  ];
  for (const url of sites)
    for (const path of paths) {
      expect(absolute(path, { url } as Site), `${url} + ${path}`).toBe(absoluteUrl(path, `${url}/`));
    }
});

describe("the live-script detector these tests rely on", () => {
  test("finds each kind of live code", () => {
    expect(liveScripts("<script>alert(1)</script>", "x")).toHaveLength(1);
    expect(liveScripts('<script src="https://cdn.example/x.js"></script>', "x")).toHaveLength(1);
    expect(liveScripts('<img src="x" onerror="alert(1)">', "x")).toHaveLength(1);
    expect(liveScripts('<a href=" java\tscript:alert(1)">x</a>', "x")).toHaveLength(1);
    expect(liveScripts('<iframe srcdoc="x"></iframe>', "x")).toHaveLength(1);
    expect(liveScripts('<iframe src="https://evil.example/"></iframe>', "x")).toHaveLength(1);
    expect(liveScripts('<meta http-equiv="refresh" content="0">', "x")).toHaveLength(1);
  });
  test("accepts our own script files, JSON data and escaped text", () => {
    expect(liveScripts('<script type="module" src="/assets/comments.js"></script>', "x")).toEqual([]);
    expect(liveScripts('<script type="application/ld+json">{"a":1}</script>', "x")).toEqual([]);
    expect(liveScripts("<p>&lt;script&gt;alert(1)&lt;/script&gt; onerror=x</p>", "x")).toEqual([]);
  });
});

describe("what is wider than a phone scrolls in its own box (WCAG 1.4.10)", () => {
  const { render } = createMarkdown();
  const t = { tableScroll: "Tabel" };

  test("a table, from Markdown or from raw HTML, sits in a labelled group that takes keyboard focus", () => {
    const markdown = render("| a | b |\n| --- | --- |\n| 1 | 2 |", { t });
    expect(markdown).toMatch(
      /^<div class="table-scroll" role="group" aria-label="Tabel" tabindex="0"><table>[\s\S]*<\/table><\/div>\s*$/,
    );
    const raw = render("<table><tr><td>x</td></tr></table>\n\n<p>daarna</p>", { t });
    expect(raw).toContain('<div class="table-scroll" role="group" aria-label="Tabel" tabindex="0"><table>');
    expect(raw.indexOf("</table></div>")).toBeLessThan(raw.indexOf("daarna"));
  });

  test("a code block takes keyboard focus; text that only looks like a tag is left alone", () => {
    expect(render("```\nconst x = 1;\n```", { t })).toContain('<pre tabindex="0"><code>');
    const text = render("Schrijf `<table>` of &lt;pre&gt; in een zin.", { t });
    expect(text).not.toContain("table-scroll");
    expect(text).not.toContain("tabindex");
  });

  test("earlier responses get the same boxes, named in the site's language", () => {
    expect(renderResponseText("| a |\n| - |\n| 1 |", "Table")).toContain('aria-label="Table"');
  });
});
