// Block-editor posts → the plain HTML that html.ts turns into Markdown: each block converted by
// what it is. Text blocks keep their own HTML (their inner blocks converted in place); media blocks
// are rebuilt from their attributes (block-media.ts); blocks we do not know keep their HTML as the
// classic editor's would be, and are counted by name so the facilitator knows what to look at.
// Core blocks: https://developer.wordpress.org/block-editor/reference-guides/core-blocks/
import { autop } from "./autop.ts";
import {
  coverBlock,
  embedBlock,
  fileBlock,
  galleryBlock,
  imageBlock,
  mediaFileBlock,
  mediaTextBlock,
} from "./block-media.ts";
import { attr, first, fragment, inner, linked, stringAttr } from "./block-dom.ts";
import { parseBlocks, type Block } from "./blocks.ts";
import type { ShortcodeContext } from "./shortcodes.ts";

export interface BlockContext extends ShortcodeContext {
  /** The export's reusable blocks (`wp_block` items: block markup) by id. */
  reusable?: ReadonlyMap<string, string>;
}

export interface BlockHtml {
  html: string;
  /** Blocks converted from their HTML alone, by name (`jetpack/slideshow` → 2). */
  unknown: Record<string, number>;
  /** The HTML before the post's "more" block, when it has one. */
  teaser?: string;
}

/** Core blocks whose own HTML already says it all: paragraphs, lists, quotes, containers. */
const ownHtml = new Set([
  "core/paragraph",
  "core/heading",
  "core/list",
  "core/list-item",
  "core/quote",
  "core/pullquote",
  "core/table",
  "core/separator",
  "core/columns",
  "core/column",
  "core/group",
  "core/html",
  "core/details",
  "core/buttons",
  "core/freeform",
]);
/** Blocks with nothing for a reader of the new site. */
const nothing = new Set(["core/spacer", "core/more"]);

/** A reusable block missing from the export, for the summary. */
export const missingReusable = "core/block (reusable block not in the export)";

export function blocksToHtml(blocks: readonly Block[], context: BlockContext): BlockHtml {
  const unknown: Record<string, number> = {};
  const using = new Set<string>();

  /** The block's own HTML with its inner blocks converted where they sit. */
  const own = (block: Block): string => {
    let next = 0;
    return block.innerContent.map((piece) => (piece === null ? convert(block.innerBlocks[next++]!) : piece)).join("");
  };
  const innerOnly = (block: Block) => block.innerBlocks.map(convert).join("\n");

  function reusable(block: Block): string {
    const ref = stringAttr(block.attrs, "ref");
    const markup = context.reusable?.get(ref);
    // A block that (through others) uses itself is shown once.
    if (markup === undefined || using.has(ref)) {
      if (markup === undefined) unknown[missingReusable] = (unknown[missingReusable] ?? 0) + 1;
      return "";
    }
    using.add(ref);
    const html = parseBlocks(markup).map(convert).join("\n");
    using.delete(ref);
    return html;
  }

  function convert(block: Block): string {
    const name = block.name ?? "core/freeform";
    if (block.name === null || name === "core/freeform" || name === "core/shortcode") {
      return /\S/.test(block.innerHTML) ? autop(block.innerHTML) : "";
    }
    if (name.startsWith("core-embed/") || name === "core/embed") return embedBlock(block);
    switch (name) {
      case "core/image":
        return imageBlock(block, context);
      case "core/gallery":
        return galleryBlock(block, context, convert);
      case "core/video":
        return mediaFileBlock(block, context, "video");
      case "core/audio":
        return mediaFileBlock(block, context, "audio");
      case "core/file":
        return fileBlock(block, context);
      case "core/media-text":
        return mediaTextBlock(block, context, innerOnly(block));
      case "core/cover":
        return coverBlock(block, context, coverText(block, own));
      case "core/button":
        return button(block);
      case "core/verse":
        return verse(own(block));
      // The editor saves line breaks in code as <br> in some versions; a code block keeps them as lines.
      case "core/code":
      case "core/preformatted":
        return own(block).replace(/<br\s*\/?>/gi, "\n");
      case "core/nextpage":
        return "<hr>";
      case "core/block":
        return reusable(block);
    }
    if (ownHtml.has(name)) return own(block);
    if (nothing.has(name)) return "";
    // core/missing is WordPress's stand-in for a block it could not load; it names the original.
    const known = name === "core/missing" ? stringAttr(block.attrs, "originalName") || name : name;
    unknown[known] = (unknown[known] ?? 0) + 1;
    return autop(own(block));
  }

  const parts: string[] = [];
  let teaser: string | undefined;
  for (const block of blocks) {
    if (block.name === "core/more" && teaser === undefined) teaser = parts.join("\n");
    parts.push(convert(block));
  }
  return { html: parts.join("\n"), unknown, ...(teaser ? { teaser } : {}) };
}

/** core/button: a link with the button's words; a button without an address keeps its words. */
function button(block: Block): string {
  const nodes = fragment(block.innerHTML);
  const a = first(nodes, (el) => el.name === "a");
  const label = inner(
    a ?? first(nodes, (el) => el.name === "button" || (el.attribs.class ?? "").includes("wp-block-button__link")),
  );
  return label.trim() ? `<p>${linked(attr(a, "href"), label)}</p>` : "";
}

/** The text on a cover: its inner blocks (or, before WordPress 5.7, its own paragraph), not the background. */
function coverText(block: Block, own: (b: Block) => string): string {
  return own(block).replace(
    /<img\b[^>]*\bwp-block-cover__image-background\b[^>]*>|<video\b[^>]*\bwp-block-cover__video-background\b[\s\S]*?<\/video>/g,
    "",
  );
}

/** core/verse: lines stay lines (a break inside a paragraph), a blank line starts a new stanza. */
function verse(html: string): string {
  const body = /<pre\b[^>]*>([\s\S]*)<\/pre>/i.exec(html)?.[1] ?? html;
  return body
    .replace(/\r\n?/g, "\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .split(/\n[ \t]*\n/)
    .map((stanza) => stanza.trim())
    .filter(Boolean)
    .map(
      (stanza) =>
        `<p>${stanza
          .split("\n")
          .map((line) => line.trim())
          .join("<br>")}</p>`,
    )
    .join("\n");
}
