// WordPress's automatic paragraphs (wpautop) on parsed HTML: WordPress stores a classic-editor post's
// paragraphs as blank lines and adds the <p>s only when it shows the post, so they are made here
// before the HTML is converted. Block-editor posts already have their <p>s; only their classic
// (freeform) parts get this. https://developer.wordpress.org/reference/functions/wpautop/
import { DomUtils, parseDocument } from "htmlparser2";
import { escapeHtml } from "../../markdown/escape-html.ts";
import { embedHtml, embedUrl } from "./shortcodes.ts";

type ChildNode = ReturnType<typeof parseDocument>["children"][number];

const blocks = new Set([
  "address",
  "article",
  "aside",
  "audio",
  "blockquote",
  "details",
  "dd",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "iframe",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
  "video",
]);
/** Never shown to a reader, so never part of a paragraph. */
const hidden = new Set(["script", "style", "noscript", "template"]);
/** Blocks whose own text WordPress also splits into paragraphs. */
const containers = new Set(["blockquote", "div", "section", "article", "aside"]);

const { isTag: isElement, isText } = DomUtils;
const outer = (node: ChildNode) => DomUtils.getOuterHTML(node);

/** A text-only paragraph holding nothing but a video address is an embed, as in WordPress. */
function paragraphHtml(parts: string[], plain: string): string {
  const html = parts
    .join("")
    .trim()
    .replace(/^(<br>\s*)+|(<br>\s*)+$/g, "");
  if (/^https?:\/\/\S+$/.test(plain.trim()) && embedUrl(plain)) return embedHtml(plain);
  return `<p>${html}</p>`;
}

function paragraphs(run: ChildNode[]): string[] {
  const paras: { parts: string[]; plain: string; elements: number }[] = [{ parts: [], plain: "", elements: 0 }];
  for (const node of run) {
    if (isText(node)) {
      node.data.split(/\n[ \t]*\n/).forEach((piece, i) => {
        if (i > 0) paras.push({ parts: [], plain: "", elements: 0 });
        const para = paras[paras.length - 1]!;
        para.parts.push(escapeHtml(piece).replace(/\n/g, "<br>\n"));
        para.plain += piece;
      });
    } else if (isElement(node)) {
      const para = paras[paras.length - 1]!;
      para.parts.push(outer(node));
      para.elements++;
    }
  }
  return paras
    .filter((p) => p.elements > 0 || p.plain.trim())
    .map((p) => paragraphHtml(p.parts, p.elements ? "" : p.plain));
}

function autopNodes(children: readonly ChildNode[]): string {
  const out: string[] = [];
  let run: ChildNode[] = [];
  const flush = () => {
    out.push(...paragraphs(run));
    run = [];
  };
  for (const node of children) {
    if (isElement(node) && hidden.has(node.name)) continue;
    if (isElement(node) && blocks.has(node.name)) {
      flush();
      out.push(containers.has(node.name) ? `<${node.name}>${autopNodes(node.children)}</${node.name}>` : outer(node));
    } else if (isText(node) || isElement(node)) {
      run.push(node);
    } else if (DomUtils.isComment(node) && /^\s*(more|nextpage)\b/.test(node.data)) {
      // "Read more" and page breaks end a paragraph; other comments (Gutenberg's <!-- wp:… -->) are nothing to a reader.
      flush();
    }
  }
  flush();
  return out.join("\n");
}

/** WordPress's wpautop on a parsed document: blank lines make paragraphs, single newlines line breaks. */
export function autop(html: string): string {
  return autopNodes(parseDocument(html).children);
}
