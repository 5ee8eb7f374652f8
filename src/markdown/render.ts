// Markdown for posts: raw HTML is allowed for formatting and embeds, but only through an
// allow-list. Posts without raw HTML skip the sanitiser: markdown-it escapes everything else and
// refuses javascript: links by itself, and the sanitiser (with the CSS parser it brings, a tenth of
// a second to load) is loaded only when a post has raw HTML.
import { createRequire } from "node:module";
import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import type SanitizeHtml from "sanitize-html";
import { localImageSize } from "./images.ts";

const require = createRequire(import.meta.url);

/** Hosts whose players may be embedded with an iframe (keep in step with the CSP's frame-src). */
export const embedHosts = ["www.youtube-nocookie.com", "www.youtube.com", "player.vimeo.com"] as const;

const sanitizeOptions = (sanitizeHtml: typeof SanitizeHtml): SanitizeHtml.IOptions => ({
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags,
    "img",
    "figure",
    "figcaption",
    "details",
    "summary",
    "iframe",
    "picture",
    "source",
    "mark",
    "ins",
    "del",
    "sup",
    "sub",
  ],
  allowedAttributes: {
    "*": ["id", "lang", "dir", "title"],
    a: ["href", "name", "target", "rel"],
    img: ["src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"],
    source: ["srcset", "sizes", "type", "media"],
    iframe: ["src", "width", "height", "title", "allow", "allowfullscreen", "loading", "referrerpolicy"],
    th: ["scope", "colspan", "rowspan"],
    td: ["colspan", "rowspan"],
    ol: ["start", "reversed"],
    code: ["class"],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesAppliedToAttributes: ["href", "src", "srcset", "cite"],
  allowedIframeHostnames: [...embedHosts],
  allowProtocolRelative: false,
  // An iframe whose source is not an allowed player is dropped, not left empty.
  exclusiveFilter: (frame) => frame.tag === "iframe" && !frame.attribs.src,
  transformTags: {
    // A new tab must not get a handle on this page.
    a: (tagName, attribs) => ({
      tagName,
      attribs: attribs.target ? { ...attribs, rel: "noopener noreferrer" } : attribs,
    }),
    img: (tagName, attribs) => ({
      tagName,
      attribs: { loading: "lazy", decoding: "async", ...sized(attribs), ...attribs },
    }),
    iframe: (tagName, attribs) => ({
      tagName,
      attribs: { loading: "lazy", referrerpolicy: "strict-origin-when-cross-origin", ...attribs },
    }),
  },
});

let sanitizer: ((html: string) => string) | undefined;

/** Width and height of one of the site's own images, when the markup does not give them. */
function sized(attribs: Record<string, string>): Record<string, string> {
  if (attribs.width || attribs.height || !attribs.src) return {};
  const size = localImageSize(attribs.src);
  return size ? { width: String(size.width), height: String(size.height) } : {};
}

export function sanitize(html: string): string {
  if (!sanitizer) {
    const sanitizeHtml = require("sanitize-html") as typeof SanitizeHtml;
    const options = sanitizeOptions(sanitizeHtml);
    // sanitize-html writes void elements the XHTML way (`<br />`); the pages are HTML, whose
    // validators ask for `<br>`. Its output is well-formed, with `<`, `>` and `"` escaped in values.
    sanitizer = (dirty) =>
      sanitizeHtml(dirty, options).replace(/<(area|br|hr|img|input|wbr)\b([^<>]*?) \/>/g, "<$1$2>");
  }
  return sanitizer(html);
}

function hasRawHtml(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.type === "html_block" || (t.children?.some((c) => c.type === "html_inline") ?? false));
}

/**
 * What is wider than a phone scrolls in its own box, which the keyboard can reach (WCAG 1.4.10
 * Reflow, and axe's scrollable-region-focusable): each table is wrapped in a labelled group (not a
 * landmark: a page may hold many tables, and landmarks must be told apart), each
 * code block takes focus. Run on sanitised or Markdown-made HTML, where `<table` and `<pre` can
 * only be tags (text and attribute values have their `<` escaped).
 */
export function scrollBoxes(html: string, tableLabel: string): string {
  if (!html.includes("<table") && !html.includes("<pre")) return html;
  const label = tableLabel.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return html
    .replace(/<table\b/g, `<div class="table-scroll" role="group" aria-label="${label}" tabindex="0"><table`)
    .replace(/<\/table>/g, "</table></div>")
    .replace(/<pre\b(?![^>]*\btabindex=)/g, '<pre tabindex="0"');
}

/** The label of a table's scroll box, in the language of the page (Eleventy hands layouts' data, `t` included, to `render`). */
const tableLabelIn = (env: Record<string, unknown>) =>
  (env.t as { tableScroll?: string } | undefined)?.tableScroll ?? "";

export function createMarkdown() {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: true });
  // Images in posts load lazily, never block the first paint, and have their size when they are
  // the site's own (src/markdown/images.ts), so the text does not jump when they arrive.
  const image = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    for (const [name, value] of Object.entries(sized({ src: token.attrGet("src") ?? "" }))) token.attrSet(name, value);
    token.attrSet("loading", "lazy");
    token.attrSet("decoding", "async");
    return image(tokens, idx, options, env, self);
  };
  return {
    md,
    /** `env.t`: the interface text (src/i18n/), for the label of a table's scroll box. */
    render(source: string, env: Record<string, unknown> = {}): string {
      const tokens = md.parse(source, env);
      const html = md.renderer.render(tokens, md.options, env);
      return scrollBoxes(hasRawHtml(tokens) ? sanitize(html) : html, tableLabelIn(env));
    },
  };
}
