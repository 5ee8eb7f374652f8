// WordPress HTML → clean Markdown. WordPress stores paragraphs as blank lines (it adds the <p>s
// when it shows a post), so paragraphs are made first on the parsed HTML (htmlparser2), then the
// HTML is converted by turndown with a few rules for what WordPress writes: captions, embeds,
// tables, unsafe links. Embeds and tables stay HTML, through the site's own allow-list.
import { DomUtils, parseDocument } from "htmlparser2";
import TurndownService from "turndown";
import { sanitize } from "../markdown.ts";
import { embedHtml, embedUrl, escapeHtml, expandShortcodes, type ShortcodeContext } from "./shortcodes.ts";

type ChildNode = ReturnType<typeof parseDocument>["children"][number];

const blocks = new Set([
  "address", "article", "aside", "audio", "blockquote", "details", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
  "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "iframe", "li", "main", "nav", "ol", "p", "pre",
  "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "video",
]);
/** Never shown to a reader, so never part of a paragraph. */
const hidden = new Set(["script", "style", "noscript", "template"]);
/** Blocks whose own text WordPress also splits into paragraphs. */
const containers = new Set(["blockquote", "div", "section", "article", "aside"]);

const { isTag: isElement, isText } = DomUtils;
const outer = (node: ChildNode) => DomUtils.getOuterHTML(node);

/** A text-only paragraph holding nothing but a video address is an embed, as in WordPress. */
function paragraphHtml(parts: string[], plain: string): string {
  const html = parts.join("").trim().replace(/^(<br>\s*)+|(<br>\s*)+$/g, "");
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

/** Text without tags, entities decoded: for titles, names and tags. */
export function plainText(html: string): string {
  return DomUtils.textContent(parseDocument(html)).replace(/\s+/g, " ").trim();
}

const safeHref = (href: string) => /^(https?:|mailto:|tel:|#|\/|\.{0,2}\/|[^:]*$)/i.test(href.trim());

function baseService(): TurndownService {
  const td = new TurndownService({ headingStyle: "atx", hr: "---", bulletListMarker: "-", codeBlockStyle: "fenced", emDelimiter: "*", strongDelimiter: "**", br: "\\" });
  // Text that looks like a tag stays text: `\<` is a literal `<` in Markdown.
  const escape = td.escape.bind(td);
  td.escape = (text: string) => escape(text).replace(/</g, "\\<");
  // "- item" and "1. item", not turndown's wide "-   item".
  td.addRule("listItem", {
    filter: "li",
    replacement: (content, node) => {
      const parent = node.parentNode as HTMLElement | null;
      const index = parent ? Array.prototype.indexOf.call(parent.children, node) : 0;
      const prefix = parent?.nodeName === "OL" ? `${Number(parent.getAttribute("start") ?? 1) + index}. ` : "- ";
      const body = content.replace(/^\n+/, "").replace(/\n+$/, "\n").replace(/\n(?=.)/g, `\n${" ".repeat(prefix.length)}`);
      return `${prefix}${body}${node.nextSibling && !body.endsWith("\n") ? "\n" : ""}`;
    },
  });
  td.remove(["script", "style", "noscript", "form", "button", "input", "select", "textarea", "object", "embed", "head", "title", "meta", "link"]);
  // A `javascript:` link keeps its words, not its address.
  td.addRule("unsafeLink", { filter: (node) => node.nodeName === "A" && !safeHref(node.getAttribute("href") ?? ""), replacement: (content) => content });
  td.addRule("preWithoutCode", {
    filter: (node) => node.nodeName === "PRE" && !node.querySelector("code"),
    replacement: (_content, node) => `\n\n\`\`\`\n${(node.textContent ?? "").replace(/\n$/, "")}\n\`\`\`\n\n`,
  });
  return td;
}

export interface PostContext extends ShortcodeContext {
  /** The new address for a link to another imported post. */
  rewriteLink?: (href: string) => string;
}

/** A post body converter: headings shift down when the post uses `<h1>` (the title is the page's h1). */
function postService(shiftHeadings: boolean, rewriteLink: (href: string) => string): TurndownService {
  const td = baseService();
  td.addRule("link", {
    filter: (node) => node.nodeName === "A" && Boolean(node.getAttribute("href")) && safeHref(node.getAttribute("href") ?? ""),
    replacement: (content, node) => {
      const href = rewriteLink((node as HTMLElement).getAttribute("href")!.trim()).replace(/([()])/g, "\\$1");
      const title = (node as HTMLElement).getAttribute("title");
      // A bare address (WordPress made it clickable) stays a bare address.
      if (!title && /^https?:\/\/\S+$/.test(href) && (node.textContent ?? "").trim() === href) return `<${href}>`;
      return `[${content}](${href}${title ? ` "${title.replace(/"/g, '\\"')}"` : ""})`;
    },
  });
  if (shiftHeadings) {
    td.addRule("shiftedHeading", {
      filter: ["h1", "h2", "h3", "h4", "h5"],
      replacement: (content, node) => `\n\n${"#".repeat(Number(node.nodeName.charAt(1)) + 1)} ${content.trim()}\n\n`,
    });
  }
  td.addRule("figure", {
    filter: "figure",
    replacement: (content, node) => {
      const figure = node as HTMLElement;
      const frame = figure.querySelector("iframe");
      if (frame || /\bwp-block-embed\b/.test(figure.getAttribute("class") ?? "")) {
        const url = frame?.getAttribute("src") ?? figure.textContent?.trim() ?? "";
        return `\n\n${sanitize(embedHtml(url)).trim()}\n\n`;
      }
      const img = figure.querySelector("img");
      if (!img) return `\n\n${content.trim()}\n\n`;
      const media = img.parentNode?.nodeName === "A" ? (img.parentNode as HTMLElement) : img;
      const caption = (figure.querySelector("figcaption")?.textContent ?? figure.textContent ?? "").replace(/\s+/g, " ").trim();
      return `\n\n${td.turndown(media.outerHTML).trim()}${caption ? `\n*${td.escape(caption)}*` : ""}\n\n`;
    },
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
  td.addRule("table", { filter: "table", replacement: (_content, node) => `\n\n${sanitize((node as HTMLElement).outerHTML).trim()}\n\n` });
  return td;
}

const tidy = (markdown: string) => `${markdown.replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").trim()}\n`;

/** A post or page body: shortcodes, paragraphs, then Markdown. */
export function postToMarkdown(html: string, context: PostContext): string {
  const prepared = autop(expandShortcodes(html, context));
  const shift = DomUtils.findOne((el) => el.name === "h1", parseDocument(prepared).children) !== null;
  return tidy(postService(shift, context.rewriteLink ?? ((href) => href)).turndown(prepared));
}

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
  return tidy(commentService.turndown(autop(html))).replace(/(\S) {2,}(?=\S)/g, "$1 ").trimEnd();
}
