// Did the conversion keep the text? The words a reader sees in the WordPress post are compared with
// the words a reader sees in the converted one. Markup is no text: tags, attributes (an image's alt
// text is not on the page as text either), block comments, shortcode brackets and bare addresses
// are left out on both sides, so only words that were lost or invented make a difference.
import { DomUtils, parseDocument } from "htmlparser2";
import { createMarkdown } from "../../markdown/render.ts";

type ChildNode = ReturnType<typeof parseDocument>["children"][number];

/** Elements that separate words even without spaces around them (`regel<br>die`, `</p><p>`). */
const separating = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "br",
  "caption",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "td",
  "th",
  "tr",
  "ul",
]);
/** Never shown as text (the site's sanitiser drops these with their text, too). */
const unseen = new Set(["script", "style", "noscript", "template", "head", "title", "textarea", "option"]);
/** Controls side by side (`<a>…</a><a>…</a>`, a file's name and its download button) are apart on the page. */
const controls = new Set(["a", "button"]);

// A shortcode's own brackets and attributes are markup; what it encloses ([caption]…[/caption]) is text.
const shortcode = /\[\/?[a-z][\w-]*(?:\s[^\]]*)?\/?\]/gi;
const bareUrl = /\b(?:https?:\/\/|www\.)\S+/gi;

function collect(nodes: readonly ChildNode[], out: string[]): void {
  for (const node of nodes) {
    if (DomUtils.isText(node)) out.push(node.data);
    else if (DomUtils.isTag(node) && !unseen.has(node.name)) {
      const apart = separating.has(node.name) || controls.has(node.name);
      if (apart) out.push(" ");
      collect(node.children, out);
      if (apart) out.push(" ");
    }
  }
}

/** The words of a piece of HTML, lower-cased, in order. */
export function wordsOf(html: string): string[] {
  const parts: string[] = [];
  collect(parseDocument(html, { decodeEntities: true }).children, parts);
  const text = parts.join("").normalize("NFC").replace(shortcode, " ").replace(bareUrl, " ").toLowerCase();
  return text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/** A converted post that keeps fewer of its words than this is listed for the facilitator to check. */
export const enoughWords = 0.97;

export interface Retention {
  /** Words in the WordPress text. */
  words: number;
  /** How many of them are found in the converted text (each occurrence counted once). */
  kept: number;
  /** kept / words; 1 for a post without words. */
  ratio: number;
  /** A few of the words that were not found, for a message. */
  missing: string[];
}

/** How many of `source`'s words occur in `result`, counting repeated words as often as they occur. */
export function retention(source: readonly string[], result: readonly string[]): Retention {
  const available = new Map<string, number>();
  for (const word of result) available.set(word, (available.get(word) ?? 0) + 1);
  let kept = 0;
  const missing: string[] = [];
  for (const word of source) {
    const left = available.get(word) ?? 0;
    if (left > 0) {
      available.set(word, left - 1);
      kept++;
    } else if (missing.length < 8 && !missing.includes(word)) missing.push(word);
  }
  return { words: source.length, kept, ratio: source.length ? kept / source.length : 1, missing };
}

let markdown: ReturnType<typeof createMarkdown>["md"] | undefined;

/**
 * The words of a converted post as the site will show them: rendered by the site's own Markdown.
 * The sanitiser is left out: it removes tags, not text (except from those `unseen` skips anyway),
 * and it would cost more than the conversion.
 */
export function wordsOfMarkdown(source: string): string[] {
  markdown ??= createMarkdown().md;
  return wordsOf(markdown.render(source));
}
