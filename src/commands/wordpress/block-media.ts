// Blocks that show media: each is rebuilt from its attributes (the comment's JSON, and the values
// WordPress sources from the saved HTML, as the block's block.json declares them), not from its
// HTML as a whole — an embed's `url` is never run together with its caption, every image of a
// gallery keeps its own caption and link. Attribute names follow each block's block.json:
// https://github.com/WordPress/gutenberg/tree/trunk/packages/block-library/src (image/, gallery/, embed/, …)
import type { Block } from "./blocks.ts";
import {
  all,
  attr,
  caption,
  first,
  fragment,
  hasClass,
  image,
  inner,
  linked,
  named,
  stringAttr,
  text,
  withClass,
  type Element,
} from "./block-dom.ts";
import { escapeHtml } from "../../markdown/escape-html.ts";
import { embedHtml, embedUrl, type ShortcodeContext } from "./shortcodes.ts";

/** An uploaded file's address by attachment id, when the export has it. */
const attachment = (context: ShortcodeContext, id: unknown) =>
  id === undefined || id === null ? "" : (context.attachments.get(String(id)) ?? "");

/** Where an image links to. An attachment page stays behind on the old blog: link the file instead. */
function imageLink(destination: string, href: string, file: string): string {
  if (destination === "none") return "";
  if (destination === "attachment") return file;
  return href;
}

function figure(src: string, alt: string, link: string, captionHtml: string): string {
  if (!src) return captionHtml ? `<p>${captionHtml}</p>` : "";
  return `<figure>${linked(link, image(src, alt))}${caption(captionHtml)}</figure>`;
}

/** core/image: `url`, `alt`, `caption` and `href` from the HTML; `id` and `linkDestination` from the JSON. */
export function imageBlock(block: Block, context: ShortcodeContext): string {
  const nodes = fragment(block.innerHTML);
  const img = first(nodes, named("img"));
  const a = first(nodes, (el) => el.name === "a" && first([el], named("img")) !== undefined);
  const src = attr(img, "src") || attachment(context, block.attrs?.id);
  const file = attachment(context, block.attrs?.id) || src;
  const link = imageLink(stringAttr(block.attrs, "linkDestination"), attr(a, "href"), file);
  return figure(src, attr(img, "alt"), link, inner(first(nodes, named("figcaption"))));
}

/** A gallery saved before WordPress 5.9: its images are list items of its own HTML (`images` attribute). */
function legacyGalleryImages(block: Block, context: ShortcodeContext): string[] {
  const nodes = fragment(block.innerHTML);
  const linkTo = stringAttr(block.attrs, "linkTo");
  const ids = Array.isArray(block.attrs?.ids) ? (block.attrs!.ids as unknown[]) : [];
  const items = all(nodes, withClass("blocks-gallery-item"));
  if (!items.length)
    return ids
      .map((id) => attachment(context, id))
      .filter(Boolean)
      .map((src) => figure(src, "", "", ""));
  return items.map((item, i) => {
    const img = first([item], named("img"));
    const a = first([item], named("a"));
    const id = attr(img, "data-id") || ids[i];
    const src = attr(img, "src") || attachment(context, id);
    const full = attr(img, "data-full-url") || attachment(context, id) || src;
    // "media" and "attachment" both link the file: the attachment page stays behind on the old blog.
    const link = linkTo === "none" || (!linkTo && !a) ? "" : full;
    return figure(src, attr(img, "alt"), link, inner(first([item], named("figcaption"))));
  });
}

/** core/gallery: every image with its caption and link, in order, then the gallery's own caption. */
export function galleryBlock(block: Block, context: ShortcodeContext, convert: (inner: Block) => string): string {
  const images = block.innerBlocks.length ? block.innerBlocks.map(convert) : legacyGalleryImages(block, context);
  // The gallery's caption is the <figcaption> of its own HTML, not one of an image (those are inside list items).
  const own = fragment(block.innerBlocks.length ? block.innerHTML : block.innerHTML.replace(/<ul[\s\S]*<\/ul>/, ""));
  const galleryCaption = first(
    own,
    (el: Element) => el.name === "figcaption" && !hasClass(el, "blocks-gallery-item__caption"),
  );
  return `${images.join("\n")}${caption(inner(galleryCaption))}`;
}

/** The embedded address: the `url` attribute; in very old markup, the wrapper's text. */
function embedAddress(block: Block, nodes: ReturnType<typeof fragment>): string {
  const fromAttrs = stringAttr(block.attrs, "url");
  if (fromAttrs) return fromAttrs;
  const wrapper = first(nodes, withClass("wp-block-embed__wrapper"));
  if (wrapper) return text(wrapper);
  const figureEl = first(nodes, named("figure"));
  const words = figureEl ? figureEl.children.filter((c) => !("name" in c && c.name === "figcaption")) : [];
  return (
    words
      .map((c) => ("data" in c ? String(c.data) : ""))
      .join(" ")
      .trim()
      .split(/\s+/)[0] ?? ""
  );
}

/**
 * core/embed and the legacy core-embed/<provider>: YouTube and Vimeo become the site's player (the
 * video id taken from the url attribute); anything else a link. The caption goes under either.
 */
export function embedBlock(block: Block): string {
  const nodes = fragment(block.innerHTML);
  const url = embedAddress(block, nodes);
  const captionHtml = inner(first(nodes, named("figcaption")));
  if (!url) return caption(captionHtml);
  const shown = embedUrl(url)
    ? embedHtml(url, text(first(nodes, named("figcaption"))) || "Video")
    : `<p>${linked(url, escapeHtml(url))}</p>`;
  return `${shown}${caption(captionHtml)}`;
}

const fileName = (url: string) => {
  try {
    return decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "") || url;
  } catch {
    return url;
  }
};

/** core/video and core/audio: the site plays no media files of its own, so a link to the file, with the caption. */
export function mediaFileBlock(block: Block, context: ShortcodeContext, tag: "video" | "audio"): string {
  const nodes = fragment(block.innerHTML);
  const media = first(nodes, named(tag));
  const src = attr(media, "src") || attr(first(nodes, named("source")), "src") || attachment(context, block.attrs?.id);
  const captionHtml = inner(first(nodes, named("figcaption")));
  return `${src ? `<p>${linked(src, escapeHtml(fileName(src)))}</p>` : ""}${caption(captionHtml)}`;
}

/** core/file: a link to the file under the name it was given, and the download button's words. */
export function fileBlock(block: Block, context: ShortcodeContext): string {
  const nodes = fragment(block.innerHTML);
  const links = all(nodes, named("a"));
  const name = links.find((a) => !("download" in a.attribs));
  const button = links.find((a) => "download" in a.attribs);
  const href = stringAttr(block.attrs, "href") || attr(name ?? button, "href") || attachment(context, block.attrs?.id);
  if (!href) return "";
  const label = inner(name) || escapeHtml(fileName(href));
  const extra = button && text(button) && text(button) !== text(name) ? ` — ${linked(href, inner(button))}` : "";
  return `<p>${linked(href, label)}${extra}</p>`;
}

/** core/media-text: the picture (or a link to the video) and the text beside it, in reading order. */
export function mediaTextBlock(block: Block, context: ShortcodeContext, content: string): string {
  const nodes = fragment(block.innerHTML);
  const media = first(nodes, withClass("wp-block-media-text__media"));
  const img = media && first([media], named("img"));
  const video = media && first([media], named("video"));
  const src =
    attr(img ?? video, "src") || stringAttr(block.attrs, "mediaUrl") || attachment(context, block.attrs?.mediaId);
  const href = attr(media && first([media], named("a")), "href");
  const mediaHtml = !src
    ? ""
    : video || stringAttr(block.attrs, "mediaType") === "video"
      ? `<p>${linked(src, escapeHtml(fileName(src)))}</p>`
      : figure(src, attr(img, "alt") || stringAttr(block.attrs, "mediaAlt"), href, "");
  return stringAttr(block.attrs, "mediaPosition") === "right" ? `${content}\n${mediaHtml}` : `${mediaHtml}\n${content}`;
}

/** core/cover: the background picture (`url` in the JSON) above the text on it. */
export function coverBlock(block: Block, context: ShortcodeContext, content: string): string {
  const nodes = fragment(block.innerHTML);
  const background = first(
    nodes,
    (el) => hasClass(el, "wp-block-cover__image-background") || hasClass(el, "wp-block-cover__video-background"),
  );
  const src = stringAttr(block.attrs, "url") || attr(background, "src") || attachment(context, block.attrs?.id);
  const isVideo = stringAttr(block.attrs, "backgroundType") === "video" || background?.name === "video";
  const alt = stringAttr(block.attrs, "alt") || attr(background, "alt");
  const picture = !src ? "" : isVideo ? `<p>${linked(src, escapeHtml(fileName(src)))}</p>` : figure(src, alt, "", "");
  return `${picture}\n${content}`;
}
