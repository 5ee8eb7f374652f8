// WordPress HTML → Markdown: the paragraphs WordPress adds when it shows a post, its shortcodes,
// embeds, and what a hostile response may contain.
import { describe, expect, test } from "vitest";
import { createMarkdown } from "../../src/markdown/render.ts";
import { renderResponseText } from "../../src/comments/earlier.ts";
import {
  autop,
  commentToMarkdown,
  outlineLevels,
  plainText,
  postToMarkdown,
} from "../../src/commands/wordpress/html.ts";
import { embedUrl, expandShortcodes, shortcodeAttributes } from "../../src/commands/wordpress/shortcodes.ts";
import { elementsOf } from "../support/html.ts";

const none = { attachments: new Map<string, string>(), ownAttachments: [] as string[] };
const md = (html: string) => postToMarkdown(html, none).trim();

describe("paragraphs, as WordPress makes them", () => {
  test("blank lines make paragraphs, single newlines line breaks", () => {
    expect(autop("Een\ntwee\n\nDrie")).toBe("<p>Een<br>\ntwee</p>\n<p>Drie</p>");
    expect(md("Een\ntwee\n\nDrie")).toBe("Een\\\ntwee\n\nDrie");
  });

  test("blocks stay blocks and text around them becomes paragraphs", () => {
    expect(md("Voor\n<h2>Kop</h2>\nNa")).toBe("Voor\n\n## Kop\n\nNa");
  });

  test("a blockquote's own paragraphs are kept", () => {
    expect(md("<blockquote>Een\n\nTwee</blockquote>")).toBe("> Een\n>\n> Twee");
  });

  test("preformatted text keeps its blank lines", () => {
    expect(md("<pre>regel 1\n\n  regel 3</pre>")).toBe("```\nregel 1\n\n  regel 3\n```");
  });

  test("block-editor content (already in <p>, with <!-- wp: --> comments) is left as it is", () => {
    expect(
      md(
        "<!-- wp:paragraph -->\n<p>Een</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>Twee</p>\n<!-- /wp:paragraph -->",
      ),
    ).toBe("Een\n\nTwee");
  });

  test("<!--more--> leaves no trace", () => {
    expect(md("Intro\n<!--more-->\nRest")).toBe("Intro\n\nRest");
  });
});

describe("the outline of imported headings", () => {
  test.each([
    [
      [2, 3],
      [2, 3],
    ],
    [
      [1, 2],
      [2, 3],
    ],
    [
      [3, 3, 5],
      [2, 2, 3],
    ],
    [[6], [2]],
    [
      [4, 2, 3],
      [2, 2, 3],
    ],
    [
      [2, 5, 5, 3],
      [2, 3, 3, 3],
    ],
    [
      [1, 2, 3, 4, 5, 6],
      [2, 3, 4, 5, 6, 6],
    ],
    [[], []],
  ])("%j → %j", (levels, expected) => {
    const outlined = outlineLevels(levels);
    expect(outlined).toEqual(expected);
    // Whatever came in: the first is h2, and none is more than one under the one before it.
    outlined.forEach((level, i) => expect(level).toBeLessThanOrEqual((i ? outlined[i - 1]! : 1) + 1));
  });
});

describe("HTML to Markdown", () => {
  test.each([
    ["emphasis", "<strong>vet</strong> en <em>schuin</em>", "**vet** en *schuin*"],
    [
      "links",
      '<a href="https://example.org/x" title="Een titel">bron</a>',
      '[bron](https://example.org/x "Een titel")',
    ],
    ["lists", "<ul>\n<li>een</li>\n<li>twee</li>\n</ul>", "- een\n- twee"],
    ["numbered lists keep their start", '<ol start="3"><li>drie</li><li>vier</li></ol>', "3. drie\n4. vier"],
    ["nested lists", "<ul><li>een<ul><li>sub</li></ul></li></ul>", "- een\n  - sub"],
    ["images", '<img src="https://example.org/a.jpg" alt="Foto">', "![Foto](https://example.org/a.jpg)"],
    ["headings (the post title is the only h1)", "<h1>Groot</h1>\n<h2>Kleiner</h2>", "## Groot\n\n### Kleiner"],
    ["headings without h1 stay", "<h2>Kop</h2>", "## Kop"],
    [
      "a post that starts at h3 starts at h2",
      "<h3>Hoe test je?</h3>\n<p>Zo.</p>\n<h3>Bronnen</h3>",
      "## Hoe test je?\n\nZo.\n\n## Bronnen",
    ],
    ["an h6 right under the title becomes h2", "<p>Tekst.</p>\n<h6>een kop</h6>", "Tekst.\n\n## een kop"],
    [
      "levels are never skipped",
      "<h2>Een</h2>\n<h4>Twee</h4>\n<h6>Drie</h6>\n<h3>Vier</h3>",
      "## Een\n\n### Twee\n\n#### Drie\n\n### Vier",
    ],
    ["entities and non-ASCII", "Caf&eacute; &amp; &#8216;thee&#8217; — Ümlaut", "Café & ‘thee’ — Ümlaut"],
    ["text that looks like a tag stays text", "&lt;script&gt;", "\\<script>"],
    ["a javascript: link keeps its words only", '<a href="javascript:alert(1)">klik</a>', "klik"],
    ["scripts and styles are dropped", "Tekst<script>alert(1)</script><style>p{}</style>", "Tekst"],
  ])("%s", (_name, html, expected) => {
    expect(md(html)).toBe(expected);
  });

  test("tables and allowed players stay as sanitised HTML", () => {
    expect(md('<table><tr><td onclick="x()">a</td></tr></table>')).toBe(
      "<table><tbody><tr><td>a</td></tr></tbody></table>",
    );
    const player = md('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" onload="x()"></iframe>');
    expect(player).toMatch(/^<iframe [^>]*src="https:\/\/www\.youtube\.com\/embed\/dQw4w9WgXcQ"/);
    expect(player).not.toContain("onload");
  });

  test("a player from elsewhere becomes a link to it", () => {
    expect(md('<iframe src="https://evil.example/frame"></iframe>')).toBe("<https://evil.example/frame>");
  });

  test("a video address alone on a line is embedded, as WordPress does", () => {
    expect(md("Kijk:\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nEinde")).toMatch(
      /^Kijk:\n\n<iframe [^>]*src="https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ"[^>]*><\/iframe>\n\nEinde$/,
    );
    expect(md("Zie https://youtu.be/dQw4w9WgXcQ in de tekst")).toBe("Zie https://youtu.be/dQw4w9WgXcQ in de tekst");
  });

  test("the result renders through the site's Markdown without losing the embed", () => {
    const html = createMarkdown().render(md("https://vimeo.com/123456789"));
    expect(html).toContain('src="https://player.vimeo.com/video/123456789"');
  });

  test("links to other imported posts are rewritten; others are not", () => {
    const rewriteLink = (href: string) => (href === "https://old.example/2012/x/" ? "/posts/x/" : href);
    expect(
      postToMarkdown('<a href="https://old.example/2012/x/">x</a> <a href="https://elders.example/">y</a>', {
        ...none,
        rewriteLink,
      }).trim(),
    ).toBe("[x](/posts/x/) [y](https://elders.example/)");
  });

  test("plain text for titles and names: tags removed, entities decoded", () => {
    expect(plainText("Tom &#038; Jerry&#8217;s <b>caf&eacute;</b>\n")).toBe("Tom & Jerry’s café");
  });
});

describe("shortcodes", () => {
  test("attributes in every quoting style, and positional values", () => {
    expect(shortcodeAttributes(` id="attachment_5" align='left' width=300 https://youtu.be/x`)).toEqual({
      id: "attachment_5",
      align: "left",
      width: "300",
      0: "https://youtu.be/x",
    });
  });

  test("[caption] becomes an image with its caption below it", () => {
    const html =
      '[caption id="attachment_7" align="aligncenter" width="300"]<a href="https://old.example/big.jpg"><img src="https://old.example/small.jpg" alt="Foto" /></a> Het onderschrift[/caption]';
    expect(md(html)).toBe("[![Foto](https://old.example/small.jpg)](https://old.example/big.jpg)\n*Het onderschrift*");
  });

  test('the older [caption caption="…"] form too', () => {
    expect(md('[caption caption="Onder de foto"]<img src="https://old.example/a.jpg" alt="" />[/caption]')).toBe(
      "![](https://old.example/a.jpg)\n*Onder de foto*",
    );
  });

  test("block-editor images with a figcaption", () => {
    expect(
      md(
        '<figure class="wp-block-image"><img src="https://old.example/a.jpg" alt="A"/><figcaption>Bijschrift</figcaption></figure>',
      ),
    ).toBe("![A](https://old.example/a.jpg)\n*Bijschrift*");
  });

  test("[embed], [youtube] and block-editor embeds become players", () => {
    for (const html of [
      "[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]",
      "[youtube https://www.youtube.com/watch?v=dQw4w9WgXcQ]",
      '<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n</div></figure>',
    ]) {
      expect(md(html)).toMatch(/^<iframe [^>]*src="https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ"/);
    }
  });

  test("[gallery] shows the attachments it names, or the post's own", () => {
    const attachments = new Map([
      ["7", "https://old.example/a.jpg"],
      ["8", "https://old.example/b.jpg"],
    ]);
    expect(postToMarkdown('[gallery ids="8,7"]', { attachments, ownAttachments: [] }).trim()).toBe(
      "![](https://old.example/b.jpg) ![](https://old.example/a.jpg)",
    );
    expect(postToMarkdown("[gallery]", { attachments, ownAttachments: ["https://old.example/c.jpg"] }).trim()).toBe(
      "![](https://old.example/c.jpg)",
    );
  });

  test("[audio] and [video] become links to the file", () => {
    expect(md('[audio mp3="https://old.example/a.mp3"][/audio]')).toBe("<https://old.example/a.mp3>");
  });

  test("shortcodes we do not know stay readable", () => {
    expect(expandShortcodes('[contact-form-7 id="12"]', none)).toBe('[contact-form-7 id="12"]');
    expect(createMarkdown().render(md('[contact-form-7 id="12"]'))).toMatch(/<p>\[contact-form-7 id=.12.\]<\/p>/);
  });

  test("video addresses the site may embed", () => {
    expect(embedUrl("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10")).toBe(
      "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    );
    expect(embedUrl("https://youtu.be/dQw4w9WgXcQ")).toBe("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
    expect(embedUrl("https://vimeo.com/123456789")).toBe("https://player.vimeo.com/video/123456789");
    expect(embedUrl("https://example.org/watch?v=dQw4w9WgXcQ")).toBeUndefined();
    expect(embedUrl("niet een adres")).toBeUndefined();
  });
});

describe("responses (readers' text)", () => {
  const hostile = `Kijk <script>alert("xss")</script><img src=x onerror="alert(2)"> hier: <a href="javascript:alert(3)">klik</a> of <a href="https://ok.example.org" onclick="alert(4)">deze</a>. &lt;b&gt;geen tag&lt;/b&gt;\n<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>`;

  test("hostile HTML leaves only words and safe links", () => {
    const text = commentToMarkdown(hostile);
    expect(text).toBe("Kijk hier: klik of [deze](https://ok.example.org). \\<b>geen tag\\</b>");
  });

  test("rendered on the page: no script, handler or javascript: link; the words and the link stay", () => {
    const html = renderResponseText(commentToMarkdown(hostile), "Tabel");
    expect(elementsOf(html).map((el) => el.name)).toEqual(["p", "a"]);
    expect(html).not.toMatch(/onerror|onclick|javascript:/i);
    expect(html).toContain('<a href="https://ok.example.org" rel="nofollow ugc">deze</a>');
    expect(html).toContain("&lt;b&gt;geen tag&lt;/b&gt;");
  });

  test("even Markdown typed by hand in the data file cannot inject HTML", () => {
    const html = renderResponseText(
      "<img src=x onerror=alert(1)> [x](javascript:alert(1)) <script>alert(2)</script>",
      "Tabel",
    );
    const elements = elementsOf(html);
    expect(elements.map((el) => el.name)).toEqual(["p"]);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  test("links in responses stay links, marked as the reader's", () => {
    const links = elementsOf(
      renderResponseText("Zie [mijn blog](https://blog.example.org) en https://example.org/x", "Tabel"),
    ).filter((el) => el.name === "a");
    expect(links.map((a) => [a.attribs.href, a.attribs.rel])).toEqual([
      ["https://blog.example.org", "nofollow ugc"],
      ["https://example.org/x", "nofollow ugc"],
    ]);
  });

  test("a picture in a response becomes a link to it", () => {
    expect(commentToMarkdown('<img src="https://example.org/kat.jpg" alt="kat">')).toBe(
      "[kat](https://example.org/kat.jpg)",
    );
  });

  test("paragraphs and line breaks as the reader typed them", () => {
    expect(commentToMarkdown("Regel een\nregel twee\n\nAlinea twee")).toBe("Regel een\\\nregel twee\n\nAlinea twee");
  });
});
