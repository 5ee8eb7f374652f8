// Block-editor markup: split into blocks the way WordPress's parser splits it, and each block
// converted from its attributes — embeds, galleries, captions and quotes whole, no stray `\`.
import { describe, expect, test } from "vitest";
import { createMarkdown } from "../../src/markdown/render.ts";
import { missingReusable } from "../../src/commands/wordpress/block-html.ts";
import { parseBlocks, unwrapDelimiters, type Block } from "../../src/commands/wordpress/blocks.ts";
import { convertPost, postToMarkdown } from "../../src/commands/wordpress/html.ts";
import { embedUrl } from "../../src/commands/wordpress/shortcodes.ts";
import { elementsOf } from "../support/html.ts";
import { blockPostHtml, blockPosts } from "./block-fixtures.ts";

const none = { attachments: new Map<string, string>(), ownAttachments: [] as string[] };
const md = (html: string, context = {}) => postToMarkdown(html, { ...none, ...context }).trim();
/** A block as WordPress saves it. */
const wp = (name: string, html: string, attrs?: object) =>
  `<!-- wp:${name}${attrs ? ` ${JSON.stringify(attrs)}` : ""} -->\n${html}\n<!-- /wp:${name} -->`;
const shape = (blocks: Block[]): unknown[] =>
  blocks.map((b) => [b.name, b.attrs, b.innerContent, ...(b.innerBlocks.length ? [shape(b.innerBlocks)] : [])]);

describe("parsing block markup", () => {
  test("names (core/ when no namespace), attributes, void blocks and classic HTML between them", () => {
    const blocks = parseBlocks(
      'Voor\n<!-- wp:paragraph {"align":"center"} -->\n<p>Een</p>\n<!-- /wp:paragraph -->\n<!-- wp:acme/card /-->\n<!-- wp:core-embed/youtube {"url":"u"} --><figure></figure><!-- /wp:core-embed/youtube -->Na',
    );
    expect(shape(blocks)).toEqual([
      [null, {}, ["Voor\n"]],
      ["core/paragraph", { align: "center" }, ["\n<p>Een</p>\n"]],
      [null, {}, ["\n"]],
      ["acme/card", {}, []],
      [null, {}, ["\n"]],
      ["core-embed/youtube", { url: "u" }, ["<figure></figure>"]],
      [null, {}, ["Na"]],
    ]);
  });

  test("inner blocks sit in their parent's HTML where they were (null in innerContent)", () => {
    const [list] = parseBlocks(
      `<!-- wp:list -->\n<ul>${wp("list-item", "<li>Een</li>")}${wp("list-item", `<li>Twee${wp("list", `<ul>${wp("list-item", "<li>Sub</li>")}</ul>`)}</li>`)}</ul>\n<!-- /wp:list -->`,
    );
    expect(list!.innerContent).toEqual(["\n<ul>", null, null, "</ul>\n"]);
    expect(list!.innerHTML).toBe("\n<ul></ul>\n");
    expect(list!.innerBlocks[1]!.innerBlocks[0]!.innerBlocks[0]!.innerHTML).toBe("\n<li>Sub</li>\n");
  });

  test("attributes may hold `}`, `-->` and nested objects; invalid JSON gives null, as in WordPress", () => {
    const [a, , b] = parseBlocks(
      '<!-- wp:x {"t":"a } b --> c","o":{"p":[1,{"q":2}]}} -->X<!-- /wp:x -->\n<!-- wp:y {nee} /-->',
    );
    expect(a!.attrs).toEqual({ t: "a } b --> c", o: { p: [1, { q: 2 }] } });
    expect(a!.innerHTML).toBe("X");
    expect(b).toMatchObject({ name: "core/y", attrs: null });
  });

  test("other comments are HTML: <!--more-->, notes, and things that only look like blocks", () => {
    const [only] = parseBlocks("<!--more--><!-- notitie --><!--wp:geen-spatie--><!-- wp:Hoofdletter -->");
    expect(only).toMatchObject({
      name: null,
      innerHTML: "<!--more--><!-- notitie --><!--wp:geen-spatie--><!-- wp:Hoofdletter -->",
    });
  });

  test("damaged markup: open blocks are closed at the end, a closer without opener makes the rest classic", () => {
    expect(shape(parseBlocks("<!-- wp:group --><div><!-- wp:paragraph --><p>Afgebroken"))).toEqual([
      ["core/group", {}, ["<div>", null], [["core/paragraph", {}, ["<p>Afgebroken"]]]],
    ]);
    expect(
      shape(parseBlocks("<p>A</p><!-- /wp:paragraph --><!-- wp:paragraph --><p>B</p><!-- /wp:paragraph -->")),
    ).toEqual([[null, {}, ["<p>A</p><!-- /wp:paragraph --><!-- wp:paragraph --><p>B</p><!-- /wp:paragraph -->"]]]);
  });

  test("block comments wrapped in <p> by the classic editor are freed again", () => {
    expect(unwrapDelimiters("<p><!-- wp:paragraph --></p>\n<p>Tekst</p>\n<p><!-- /wp:paragraph --></p>")).toBe(
      "<!-- wp:paragraph -->\n<p>Tekst</p>\n<!-- /wp:paragraph -->",
    );
    expect(
      md(
        '<p><!-- wp:core-embed/youtube {"url":"https://youtu.be/dQw4w9WgXcQ"} --></p>\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://youtu.be/dQw4w9WgXcQ\n</div></figure>\n<p><!-- /wp:core-embed/youtube --></p>',
      ),
    ).toMatch(/^<iframe [^>]*src="https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ"/);
  });
});

describe("embeds: the url attribute, never the caption run into it", () => {
  const youtube = (name: string, caption: string) =>
    wp(
      name,
      `<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n</div><figcaption class="wp-element-caption">${caption}</figcaption></figure>`,
      { url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", type: "video", providerNameSlug: "youtube" },
    );

  test.each(["embed", "core-embed/youtube"])(
    "%s: the player with the video id from the url, the caption under it",
    (name) => {
      const out = md(youtube(name, "Een <em>mooie</em> uitleg"));
      const frame = elementsOf(createMarkdown().render(out)).find((el) => el.name === "iframe")!;
      expect(frame.attribs.src).toBe("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
      expect(frame.attribs.title).toBe("Een mooie uitleg");
      expect(out).toMatch(/<\/iframe>\n\n_Een \*mooie\* uitleg_$/);
    },
  );

  test("another site: a link to the url, the caption under it", () => {
    const html = wp(
      "embed",
      '<figure class="wp-block-embed is-type-rich is-provider-twitter"><div class="wp-block-embed__wrapper">\nhttps://twitter.com/x/status/1\n</div><figcaption class="wp-element-caption">Wat zij ervan vond</figcaption></figure>',
      { url: "https://twitter.com/x/status/1", providerNameSlug: "twitter" },
    );
    expect(md(html)).toBe("<https://twitter.com/x/status/1>\n\n*Wat zij ervan vond*");
  });

  test("Vimeo from the url attribute, also from a channel address", () => {
    expect(
      md(
        wp("core-embed/vimeo", '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">x</div></figure>', {
          url: "https://vimeo.com/channels/staffpicks/22439234",
        }),
      ),
    ).toContain('src="https://player.vimeo.com/video/22439234"');
  });

  test("the oldest markup, without url attribute or wrapper: the address is the figure's own text", () => {
    expect(
      md(
        wp(
          "embed",
          '<figure class="wp-block-embed">\n  https://example.com/\n  <figcaption>Van elders</figcaption>\n</figure>',
          {},
        ),
      ),
    ).toBe("<https://example.com/>\n\n*Van elders*");
  });

  test("classic HTML copied from a block post: the caption is not part of the address either", () => {
    expect(
      md(
        '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">https://www.youtube.com/watch?v=dQw4w9WgXcQ</div><figcaption>Onderschrift</figcaption></figure>',
      ),
    ).toMatch(/embed\/dQw4w9WgXcQ" title="Onderschrift"[^]*\n\n\*Onderschrift\*$/);
  });

  test("a YouTube id is 11 characters: anything else is no player", () => {
    expect(embedUrl("https://www.youtube.com/watch?v=dQw4w9WgXcQ")).toBe(
      "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    );
    expect(embedUrl("https://www.youtube.com/watch?v=dQw4w9WgXcQOnderschrift")).toBeUndefined();
    expect(embedUrl("https://youtu.be/dQw4w9")).toBeUndefined();
    expect(embedUrl("https://youtu.be/dQw4w9WgXcQ?si=abc")).toBe("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
  });
});

describe("images and galleries: every picture with its own caption and link", () => {
  const attachments = new Map([
    ["7", "https://old.example/up/a.jpg"],
    ["8", "https://old.example/up/b.jpg"],
  ]);

  test.each([
    [
      "media",
      '<a href="https://old.example/up/a.jpg">',
      "[![Alt](https://old.example/up/a-300.jpg)](https://old.example/up/a.jpg)",
    ],
    [
      "attachment (the attachment page stays behind: the file instead)",
      '<a href="https://old.example/2020/post/a/">',
      "[![Alt](https://old.example/up/a-300.jpg)](https://old.example/up/a.jpg)",
    ],
    [
      "custom",
      '<a href="https://elders.example/">',
      "[![Alt](https://old.example/up/a-300.jpg)](https://elders.example/)",
    ],
    ["none", "", "![Alt](https://old.example/up/a-300.jpg)"],
  ])("an image linked to %s", (destination, a, expected) => {
    const html = wp(
      "image",
      `<figure class="wp-block-image size-medium">${a}<img src="https://old.example/up/a-300.jpg" alt="Alt" class="wp-image-7"/>${a ? "</a>" : ""}<figcaption class="wp-element-caption">Het bijschrift<br></figcaption></figure>`,
      { id: 7, linkDestination: destination.split(" ")[0] },
    );
    expect(md(html, { attachments })).toBe(`${expected}\n*Het bijschrift*`);
  });

  test("an image saved without its address is found by its id", () => {
    expect(md(wp("image", '<figure class="wp-block-image"><img alt=""/></figure>', { id: 8 }), { attachments })).toBe(
      "![](https://old.example/up/b.jpg)",
    );
  });

  test("a gallery (WordPress 5.9 and later): each image block, then the gallery's caption", () => {
    const image = (n: number, caption: string) =>
      wp(
        "image",
        `<figure class="wp-block-image"><img src="https://old.example/up/${n}.jpg" alt="Foto ${n}" class="wp-image-${n}"/><figcaption class="wp-element-caption">${caption}</figcaption></figure>`,
        { id: n, linkDestination: "none" },
      );
    const html = `<!-- wp:gallery {"linkTo":"none"} -->\n<figure class="wp-block-gallery has-nested-images">${image(1, "Eerste bijschrift")}\n\n${image(2, "Tweede bijschrift")}<figcaption class="blocks-gallery-caption wp-element-caption">Over de hele galerij</figcaption></figure>\n<!-- /wp:gallery -->`;
    expect(md(html)).toBe(
      "![Foto 1](https://old.example/up/1.jpg)\n*Eerste bijschrift*\n\n![Foto 2](https://old.example/up/2.jpg)\n*Tweede bijschrift*\n\n*Over de hele galerij*",
    );
  });

  test("a gallery saved before 5.9: its list items, linked to the full file", () => {
    const item = (n: number, caption: string) =>
      `<li class="blocks-gallery-item"><figure><a href="https://old.example/${n}/"><img src="https://old.example/up/${n}-300.jpg" alt="" data-id="${n}" data-full-url="https://old.example/up/${n}.jpg" data-link="https://old.example/${n}/"/></a><figcaption class="blocks-gallery-item__caption">${caption}</figcaption></figure></li>`;
    const html = wp(
      "gallery",
      `<figure class="wp-block-gallery columns-2"><ul class="blocks-gallery-grid">${item(1, "Een")}${item(2, "Twee")}</ul><figcaption class="blocks-gallery-caption">Samen</figcaption></figure>`,
      { ids: [1, 2], linkTo: "attachment" },
    );
    expect(md(html)).toBe(
      "[![](https://old.example/up/1-300.jpg)](https://old.example/up/1.jpg)\n*Een*\n\n[![](https://old.example/up/2-300.jpg)](https://old.example/up/2.jpg)\n*Twee*\n\n*Samen*",
    );
  });

  test("classic HTML with several pictures in one figure keeps each of them", () => {
    expect(
      md(
        '<figure class="gallery"><figure><img src="https://x.example/1.jpg" alt=""><figcaption>Een</figcaption></figure><figure><img src="https://x.example/2.jpg" alt=""><figcaption>Twee</figcaption></figure></figure>',
      ),
    ).toBe("![](https://x.example/1.jpg)\n*Een*\n\n![](https://x.example/2.jpg)\n*Twee*");
  });
});

describe("the other core blocks", () => {
  test("quote and pullquote: the citation on its own line, no backslash after it", () => {
    const quote = `<!-- wp:quote -->\n<blockquote class="wp-block-quote">${wp("paragraph", "<p>Eerste.<br></p>")}<cite>Iemand<br></cite></blockquote>\n<!-- /wp:quote -->`;
    expect(md(quote)).toBe("> Eerste.\n>\n> — Iemand");
    expect(
      md(
        wp(
          "pullquote",
          '<figure class="wp-block-pullquote"><blockquote><p>Groot</p><cite>Bron</cite></blockquote></figure>',
        ),
      ),
    ).toBe("> Groot\n>\n> — Bron");
  });

  test("video, audio and file: a link to the media, the caption under it", () => {
    expect(
      md(
        wp(
          "video",
          '<figure class="wp-block-video"><video controls src="https://old.example/up/film%20een.mp4"></video><figcaption class="wp-element-caption">De film</figcaption></figure>',
          { id: 3 },
        ),
      ),
    ).toBe("[film een.mp4](https://old.example/up/film%20een.mp4)\n\n*De film*");
    expect(
      md(
        wp(
          "audio",
          '<figure class="wp-block-audio"><audio controls src="https://old.example/up/a.mp3"></audio></figure>',
        ),
      ),
    ).toBe("[a.mp3](https://old.example/up/a.mp3)");
    const file = wp(
      "file",
      '<div class="wp-block-file"><object data="https://old.example/v.pdf" type="application/pdf"></object><a id="f" href="https://old.example/v.pdf">Verslag</a><a href="https://old.example/v.pdf" class="wp-block-file__button" download aria-describedby="f">Downloaden</a></div>',
      { href: "https://old.example/v.pdf" },
    );
    expect(md(file)).toBe("[Verslag](https://old.example/v.pdf) — [Downloaden](https://old.example/v.pdf)");
  });

  test("buttons become links; a button without an address keeps its words", () => {
    const html = wp(
      "buttons",
      `<div class="wp-block-buttons">${wp("button", '<div class="wp-block-button"><a class="wp-block-button__link" href="https://x.example/">Aanmelden</a></div>')}${wp("button", '<div class="wp-block-button"><button type="button" class="wp-block-button__link">Nog niet</button></div>', { tagName: "button" })}</div>`,
    );
    expect(md(html)).toBe("[Aanmelden](https://x.example/)\n\nNog niet");
  });

  test("columns and groups: their content in order, nothing lost", () => {
    const column = (text: string) =>
      wp("column", `<div class="wp-block-column">${wp("paragraph", `<p>${text}</p>`)}</div>`);
    expect(
      md(
        wp(
          "columns",
          `<div class="wp-block-columns">${column("Links")}${wp("group", `<div class="wp-block-group">${column("Midden")}</div>`)}${column("Rechts")}</div>`,
        ),
      ),
    ).toBe("Links\n\nMidden\n\nRechts");
  });

  test("media & text in reading order, and a cover's picture above its text", () => {
    const content = `<div class="wp-block-media-text__content">${wp("paragraph", "<p>Tekst ernaast</p>")}</div>`;
    const media = '<figure class="wp-block-media-text__media"><img src="https://x.example/m.jpg" alt="M"/></figure>';
    expect(
      md(wp("media-text", `<div class="wp-block-media-text">${media}${content}</div>`, { mediaType: "image" })),
    ).toBe("![M](https://x.example/m.jpg)\n\nTekst ernaast");
    expect(
      md(
        wp("media-text", `<div class="wp-block-media-text has-media-on-the-right">${content}${media}</div>`, {
          mediaPosition: "right",
        }),
      ),
    ).toBe("Tekst ernaast\n\n![M](https://x.example/m.jpg)");
    const cover = wp(
      "cover",
      `<div class="wp-block-cover"><span class="wp-block-cover__background"></span><img class="wp-block-cover__image-background wp-image-9" alt="" src="https://x.example/c.jpg"/><div class="wp-block-cover__inner-container">${wp("paragraph", "<p>Op de foto</p>")}</div></div>`,
      { url: "https://x.example/c.jpg", id: 9, alt: "Het landgoed" },
    );
    expect(md(cover)).toBe("![Het landgoed](https://x.example/c.jpg)\n\nOp de foto");
    expect(
      md(
        wp(
          "cover",
          '<div class="wp-block-cover has-background-dim" style="background-image:url(https://x.example/o.jpg)"><p class="wp-block-cover-text">Oude omslag</p></div>',
          { url: "https://x.example/o.jpg" },
        ),
      ),
    ).toBe("![](https://x.example/o.jpg)\n\nOude omslag");
  });

  test("table with its caption, code and preformatted text as code, verse line by line", () => {
    expect(
      md(
        wp(
          "table",
          '<figure class="wp-block-table"><table><tbody><tr><td>a</td></tr></tbody></table><figcaption class="wp-element-caption">Onder de tabel</figcaption></figure>',
        ),
      ),
    ).toBe("<table><tbody><tr><td>a</td></tr></tbody></table>\n\n*Onder de tabel*");
    expect(md(wp("code", '<pre class="wp-block-code"><code>a &lt; b<br>&#91;x&#93;</code></pre>'))).toBe(
      "```\na < b\n[x]\n```",
    );
    expect(md(wp("preformatted", '<pre class="wp-block-preformatted">Tijd  Wat<br>9:30  Koffie</pre>'))).toBe(
      "```\nTijd  Wat\n9:30  Koffie\n```",
    );
    expect(md(wp("verse", '<pre class="wp-block-verse">Regel een\nregel twee<br><br>Tweede couplet</pre>'))).toBe(
      "Regel een\\\nregel twee\n\nTweede couplet",
    );
  });

  test("separator and next page are a line, a spacer and more are nothing", () => {
    expect(
      md(
        [
          wp("paragraph", "<p>A</p>"),
          wp("separator", '<hr class="wp-block-separator"/>'),
          wp("spacer", '<div style="height:40px" class="wp-block-spacer"></div>'),
          wp("more", "<!--more-->"),
          wp("nextpage", "<!--nextpage-->"),
          wp("paragraph", "<p>B</p>"),
        ].join("\n\n"),
      ),
    ).toBe("A\n\n---\n\n---\n\nB");
  });

  test("shortcode and classic blocks are read as the classic editor's text", () => {
    const attachments = new Map([["5", "https://x.example/5.jpg"]]);
    expect(
      md(`${wp("shortcode", '[gallery ids="5"]')}\n\nKlassieke regel\nen nog een\n\n${wp("freeform", "<p>Vrij</p>")}`, {
        attachments,
      }),
    ).toBe("![](https://x.example/5.jpg)\n\nKlassieke regel\\\nen nog een\n\nVrij");
  });
});

describe("reusable and unknown blocks", () => {
  const reusable = new Map([
    ["12", wp("paragraph", "<p>Gedeelde tekst</p>")],
    ["13", '<!-- wp:block {"ref":13} /-->'],
  ]);

  test("a reusable block is shown where it is used; a missing one and a loop are counted, not fatal", () => {
    const { markdown, unknownBlocks } = convertPost(
      '<!-- wp:block {"ref":12} /-->\n<!-- wp:block {"ref":99} /-->\n<!-- wp:block {"ref":13} /-->',
      { ...none, reusable },
    );
    expect(markdown.trim()).toBe("Gedeelde tekst");
    expect(unknownBlocks).toEqual({ [missingReusable]: 1 });
  });

  test("unknown and third-party blocks keep their text (inner blocks too) and are counted by name", () => {
    const html = `${wp("acme/box", `<div class="box">Losse tekst\n\n${wp("paragraph", "<p>Binnenin</p>")}</div>`)}\n${wp("acme/box", "<div>Twee</div>")}\n<!-- wp:latest-posts {"postsToShow":3} /-->\n${wp("missing", "<p>Oud</p>", { originalName: "oud/blok" })}`;
    const { markdown, unknownBlocks } = convertPost(html, none);
    expect(markdown.trim()).toBe("Losse tekst\n\nBinnenin\n\nTwee\n\nOud");
    expect(unknownBlocks).toEqual({ "acme/box": 2, "core/latest-posts": 1, "oud/blok": 1 });
  });

  test("the text before the more block is the teaser, paragraphs and lines apart", () => {
    const { teaser } = convertPost(
      `${wp("paragraph", "<p>Een<br>twee</p>")}\n${wp("heading", "<h2>Drie</h2>")}\n${wp("more", "<!--more-->")}\n${wp("paragraph", "<p>Rest</p>")}`,
      none,
    );
    expect(teaser).toBe("Een twee Drie");
  });
});

describe("no stray backslash: a line break at the end of a block is dropped", () => {
  test.each([
    ["at the end of a paragraph", "<p>Tekst<br></p>", "Tekst"],
    ["twice, with spaces between", "<p>Tekst<br /> <br>\n</p>", "Tekst"],
    ["inside emphasis at the end of a paragraph", "<p>Tekst <strong>vet<br></strong></p>", "Tekst **vet**"],
    ["at the end of a list item", "<ul><li>Een<br></li><li>Twee</li></ul>", "- Een\n- Twee"],
    ["before a nested list", "<ul><li>Een<br><ul><li>Sub</li></ul></li></ul>", "- Een\n  - Sub"],
    ["at the end of a heading", "<h2>Kop<br></h2>", "## Kop"],
    [
      "at the end of a caption",
      '<figure><img src="https://x.example/a.jpg" alt=""><figcaption>Onder<br></figcaption></figure>',
      "![](https://x.example/a.jpg)\n*Onder*",
    ],
    [
      "at the end of a citation (classic markup)",
      "<blockquote><p>Q</p><cite>Bron<br></cite></blockquote>",
      "> Q\n>\n> — Bron",
    ],
  ])("%s", (_name, html, expected) => {
    expect(md(html)).toBe(expected);
  });

  test("a line break inside a paragraph stays a line break", () => {
    expect(md("<p>Een<br>twee</p>")).toBe("Een\\\ntwee");
    expect(createMarkdown().render(md("<p>Een<br>twee<br></p>"))).toBe("<p>Een<br>\ntwee</p>\n");
  });
});

describe("damaged block markup", () => {
  // A post cut off anywhere (a truncated export, a half-saved edit) still converts, and no block
  // comment or half of one ends up in the text as visible characters.
  test.each(Object.keys(blockPosts))("%s cut off at 60 places", (slug) => {
    const html = blockPostHtml(slug);
    for (let i = 1; i <= 60; i++) {
      const cut = html.slice(0, Math.round((html.length * i) / 61));
      const { markdown } = convertPost(cut, none);
      expect(markdown).not.toMatch(/wp:[a-z]/);
    }
  });
});
