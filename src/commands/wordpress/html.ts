// WordPress HTML → clean Markdown. A classic-editor post gets its paragraphs first (autop.ts), a
// block-editor post is read block by block (block-html.ts); then the HTML is converted by turndown
// with a few rules for what WordPress writes: captions, citations, embeds, tables, unsafe links,
// line breaks. Embeds and tables stay HTML, through the site's own allow-list.
import { DomUtils, parseDocument } from "htmlparser2";
import TurndownService from "turndown";
import { sanitize } from "../../markdown/render.ts";
import { autop } from "./autop.ts";
import { blocksToHtml, type BlockContext } from "./block-html.ts";
import { hasBlocks, parseBlocks, unwrapDelimiters } from "./blocks.ts";
import { embedHtml, expandShortcodes } from "./shortcodes.ts";

export { autop };

/** Text without tags, entities decoded: for titles, names and tags. */
export function plainText(html: string): string {
  return DomUtils.textContent(parseDocument(html)).replace(/\s+/g, " ").trim();
}

/** Elements that start a block of their own: a line break right before one ends its line. */
const blockStarts = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "DETAILS",
  "DIV",
  "DL",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "IFRAME",
  "LI",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "UL",
]);
const inline = new Set([
  "A",
  "ABBR",
  "B",
  "CITE",
  "CODE",
  "DEL",
  "EM",
  "I",
  "INS",
  "MARK",
  "Q",
  "S",
  "SMALL",
  "SPAN",
  "STRONG",
  "SUB",
  "SUP",
  "U",
]);

/** Nothing but space, more line breaks or a new block follows `node` before its block ends. */
function endsLine(node: Node): boolean {
  for (let at: Node = node; ; at = at.parentNode!) {
    for (let next = at.nextSibling; next; next = next.nextSibling) {
      if (next.nodeType === 3 && !/\S/.test(next.nodeValue ?? "")) continue;
      if (next.nodeType === 1 && next.nodeName === "BR") continue;
      if (next.nodeType === 1 || next.nodeType === 3) return next.nodeType === 1 && blockStarts.has(next.nodeName);
    }
    // Past the end of an inline element (`<cite>Naam<br></cite>`): what follows that element counts.
    if (!at.parentNode || !inline.has(at.parentNode.nodeName)) return true;
  }
}

/** `<blockquote><p><cite>…</cite></p>`: the paragraphs the classic editor makes around a quote's source. */
function aloneInQuoteParagraph(node: Node): boolean {
  const p = node.parentNode;
  if (p?.nodeName !== "P" || p.parentNode?.nodeName !== "BLOCKQUOTE") return false;
  return Array.from(p.childNodes).every((c) => c === node || (c.nodeType === 3 && !/\S/.test(c.nodeValue ?? "")));
}

/** A caption under a picture, player or table: emphasised, with the other marker when it has emphasis of its own. */
export const captionLine = (markdown: string) => {
  const line = markdown.trim();
  return !line ? "" : !line.includes("*") ? `*${line}*` : !line.includes("_") ? `_${line}_` : line;
};

const safeHref = (href: string) => /^(https?:|mailto:|tel:|#|\/|\.{0,2}\/|[^:]*$)/i.test(href.trim());

function baseService(): TurndownService {
  const td = new TurndownService({
    headingStyle: "atx",
    hr: "---",
    bulletListMarker: "-",
    codeBlockStyle: "fenced",
    emDelimiter: "*",
    strongDelimiter: "**",
    br: "\\",
  });
  // Text that looks like a tag stays text: `\<` is a literal `<` in Markdown.
  const escape = td.escape.bind(td);
  td.escape = (text: string) => escape(text).replace(/</g, "\\<");
  // A line break with nothing after it in its paragraph, list item, quote or caption would be a hard
  // break at the end of a block: Markdown shows that as a literal `\`. It is dropped instead.
  td.addRule("lineBreak", { filter: "br", replacement: (_content, node) => (endsLine(node) ? "" : "\\\n") });
  // "- item" and "1. item", not turndown's wide "-   item".
  td.addRule("listItem", {
    filter: "li",
    replacement: (content, node) => {
      const parent = node.parentNode as HTMLElement | null;
      const index = parent ? Array.prototype.indexOf.call(parent.children, node) : 0;
      const prefix = parent?.nodeName === "OL" ? `${Number(parent.getAttribute("start") ?? 1) + index}. ` : "- ";
      const body = content
        .replace(/^\n+/, "")
        .replace(/\n+$/, "\n")
        .replace(/\n(?=.)/g, `\n${" ".repeat(prefix.length)}`);
      return `${prefix}${body}${node.nextSibling && !body.endsWith("\n") ? "\n" : ""}`;
    },
  });
  td.remove([
    "script",
    "style",
    "noscript",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "object",
    "embed",
    "head",
    "title",
    "meta",
    "link",
  ]);
  // A `javascript:` link keeps its words, not its address.
  td.addRule("unsafeLink", {
    filter: (node) => node.nodeName === "A" && !safeHref(node.getAttribute("href") ?? ""),
    replacement: (content) => content,
  });
  td.addRule("preWithoutCode", {
    filter: (node) => node.nodeName === "PRE" && !node.querySelector("code"),
    replacement: (_content, node) => `\n\n\`\`\`\n${(node.textContent ?? "").replace(/\n$/, "")}\n\`\`\`\n\n`,
  });
  return td;
}

export interface PostContext extends BlockContext {
  /** The new address for a link to another imported post. */
  rewriteLink?: (href: string) => string;
}

/**
 * The levels a post's headings get on the site, in document order. The title is the page's only h1,
 * so a heading with no higher one before it becomes h2, and one under a higher heading goes one level
 * below it, never more: screen-reader users jump by level, and a skipped level (an imported h3 or h6
 * right under the title) reads as missing content. Headings the post put side by side stay side by side.
 * E.g. [3, 3, 5] → [2, 2, 3]; [1, 2] → [2, 3]; [4, 2, 3] → [2, 2, 3].
 */
export function outlineLevels(levels: readonly number[]): number[] {
  // The open sections: each heading's level in the post and on the site.
  const open: { from: number; to: number }[] = [];
  return levels.map((from) => {
    while (open.length && open.at(-1)!.from >= from) open.pop();
    const to = Math.min((open.at(-1)?.to ?? 1) + 1, 6);
    open.push({ from, to });
    return to;
  });
}

/** Turndown's headings, at the levels `outlineLevels` gives them in their own document. */
function outlinedHeadings(td: TurndownService): void {
  const headings = ["h1", "h2", "h3", "h4", "h5", "h6"] as const;
  const levelsByDocument = new WeakMap<Document, Map<Node, number>>();
  const levelOf = (node: Node): number => {
    const doc = node.ownerDocument!;
    let levels = levelsByDocument.get(doc);
    if (!levels) {
      // Headings inside tables and folded sections stay HTML (the table rule): they keep their level.
      const found = Array.from(doc.querySelectorAll(headings.join(","))).filter((h) => !h.closest("table, details"));
      const outlined = outlineLevels(found.map((h) => Number(h.nodeName.charAt(1))));
      levels = new Map(found.map((h, i) => [h, outlined[i]!]));
      levelsByDocument.set(doc, levels);
    }
    return levels.get(node) ?? Number(node.nodeName.charAt(1));
  };
  td.addRule("outlinedHeading", {
    filter: [...headings],
    replacement: (content, node) => `\n\n${"#".repeat(levelOf(node))} ${content.trim()}\n\n`,
  });
}

/** A post body converter: links to other imported posts rewritten, headings under the title. */
function postService(rewriteLink: (href: string) => string): TurndownService {
  const td = baseService();
  td.addRule("link", {
    filter: (node) =>
      node.nodeName === "A" && Boolean(node.getAttribute("href")) && safeHref(node.getAttribute("href") ?? ""),
    replacement: (content, node) => {
      const href = rewriteLink((node as HTMLElement).getAttribute("href")!.trim()).replace(/([()])/g, "\\$1");
      const title = (node as HTMLElement).getAttribute("title");
      // A bare address (WordPress made it clickable) stays a bare address.
      if (!title && /^https?:\/\/\S+$/.test(href) && (node.textContent ?? "").trim() === href) return `<${href}>`;
      return `[${content}](${href}${title ? ` "${title.replace(/"/g, '\\"')}"` : ""})`;
    },
  });
  outlinedHeadings(td);
  td.addRule("figure", {
    filter: "figure",
    replacement: (content, node) => {
      const figure = node as HTMLElement;
      const captionEl = Array.from(figure.children).find((c) => c.nodeName === "FIGCAPTION");
      const frame = figure.querySelector("iframe");
      if (frame || /\bwp-block-embed\b/.test(figure.getAttribute("class") ?? "")) {
        // The address is the player's, or the wrapper's text: never the caption run into it.
        const wrapper = figure.querySelector(".wp-block-embed__wrapper") ?? figure;
        const address =
          frame?.getAttribute("src") ??
          Array.from(wrapper.childNodes)
            .filter((c) => c !== captionEl)
            .map((c) => c.textContent ?? "")
            .join(" ")
            .trim()
            .split(/\s+/)[0] ??
          "";
        const title = (captionEl?.textContent ?? "").replace(/\s+/g, " ").trim();
        // Only a caption with markup of its own needs a converter run of its own.
        const caption = !captionEl
          ? ""
          : captionLine(captionEl.children.length ? td.turndown(captionEl.innerHTML) : td.escape(title));
        return `\n\n${sanitize(embedHtml(address, title || "Video")).trim()}${caption ? `\n\n${caption}` : ""}\n\n`;
      }
      const images = figure.querySelectorAll("img");
      // Several pictures (a gallery, a slideshow): each one and each caption in turn.
      if (images.length !== 1 || figure.querySelector("figure")) return `\n\n${content.trim()}\n\n`;
      // The picture and, from the figcaption rule, its caption line: under the picture, not a paragraph apart.
      if (captionEl) return `\n\n${content.trim().replace(/\n{2,}/, "\n")}\n\n`;
      // [caption] shortcodes put the caption as text beside the picture, not in a <figcaption>.
      const img = images[0]!;
      const media = img.parentNode?.nodeName === "A" ? (img.parentNode as HTMLElement) : img;
      const caption = captionLine(td.escape((figure.textContent ?? "").replace(/\s+/g, " ")));
      return `\n\n${td.turndown(media.outerHTML).trim()}${caption ? `\n${caption}` : ""}\n\n`;
    },
  });
  td.addRule("figcaption", { filter: "figcaption", replacement: (content) => `\n\n${captionLine(content)}\n\n` });
  // A quote's source on a line of its own under the quote (WordPress shows it there too).
  td.addRule("citation", {
    filter: (node) =>
      node.nodeName === "CITE" && (node.parentNode?.nodeName === "BLOCKQUOTE" || aloneInQuoteParagraph(node)),
    replacement: (content) => (content.trim() ? `\n\n— ${content.trim()}\n\n` : ""),
  });
  td.addRule("iframe", {
    filter: "iframe",
    replacement: (_content, node) => {
      const src = (node as HTMLElement).getAttribute("src") ?? "";
      const kept = sanitize((node as HTMLElement).outerHTML).trim();
      // A player from elsewhere is not allowed on the site: its address is kept as a link.
      return kept.includes("<iframe") ? `\n\n${kept}\n\n` : src ? `\n\n<${src}>\n\n` : "";
    },
  });
  // Tables and folded sections (<details>) have no Markdown of their own: they stay HTML, through the allow-list.
  td.addRule("table", {
    filter: ["table", "details"],
    replacement: (_content, node) => `\n\n${sanitize((node as HTMLElement).outerHTML).trim()}\n\n`,
  });
  return td;
}

const tidy = (markdown: string) =>
  `${markdown
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;

export interface ConvertedPost {
  markdown: string;
  /** Blocks converted from their HTML alone, by name (block-editor posts). */
  unknownBlocks: Record<string, number>;
  /** The text before the post's "more" block, as plain text. */
  teaser?: string;
}

/** A post or page body: shortcodes, then blocks or (classic editor) paragraphs, then Markdown. */
export function convertPost(html: string, context: PostContext): ConvertedPost {
  const expanded = expandShortcodes(html, context);
  const blocks = hasBlocks(expanded) ? blocksToHtml(parseBlocks(unwrapDelimiters(expanded)), context) : undefined;
  const prepared = blocks ? blocks.html : autop(expanded);
  const markdown = tidy(postService(context.rewriteLink ?? ((href) => href)).turndown(prepared));
  // Paragraphs, lines and captions of the teaser stay apart as words: `</p><p>` is a space.
  const teaser = blocks?.teaser
    ? plainText(blocks.teaser.replace(/<br\s*\/?>|<\/(?:p|h[1-6]|li|figcaption|blockquote|div|figure)>/gi, "$& "))
    : "";
  return { markdown, unknownBlocks: blocks?.unknown ?? {}, ...(teaser ? { teaser } : {}) };
}

export const postToMarkdown = (html: string, context: PostContext): string => convertPost(html, context).markdown;

const commentService = (() => {
  const td = baseService();
  // Readers' responses get no embeds, tables or pictures: a picture becomes a link to it.
  td.remove(["iframe", "video", "audio"]);
  td.addRule("imageAsLink", {
    filter: "img",
    replacement: (_content, node) => {
      const src = (node as HTMLElement).getAttribute("src") ?? "";
      return /^https?:/i.test(src) ? `[${td.escape((node as HTMLElement).getAttribute("alt") || src)}](${src})` : "";
    },
  });
  return td;
})();

/** A response's text (WordPress keeps it as text with a few tags). */
export function commentToMarkdown(html: string): string {
  // What was removed (a script, an image without address) leaves no double spaces behind.
  return tidy(commentService.turndown(autop(html)))
    .replace(/(\S) {2,}(?=\S)/g, "$1 ")
    .trimEnd();
}
