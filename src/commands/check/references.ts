// The links and images a post's Markdown points to, read with the same Markdown parser as the
// build (src/markdown/render.ts) and, for raw HTML inside it, a real HTML parser.
import { Parser } from "htmlparser2";
import type { Token } from "markdown-it";
import { createMarkdown } from "../../markdown/render.ts";

export interface Reference {
  kind: "link" | "image";
  target: string;
  /** 1-based line in the body (the line the paragraph or block starts on). */
  line: number;
}

const md = createMarkdown().md;

function htmlReferences(html: string, line: number, into: Reference[]): void {
  const parser = new Parser({
    onopentag(name, attribs) {
      if (name === "a" && attribs.href) into.push({ kind: "link", target: attribs.href, line });
      if ((name === "img" || name === "source") && (attribs.src || attribs.srcset)) {
        for (const src of [attribs.src, ...(attribs.srcset ?? "").split(",").map((s) => s.trim().split(/\s+/)[0])]) {
          if (src) into.push({ kind: "image", target: src, line });
        }
      }
    },
  });
  parser.write(html);
  parser.end();
}

export function referencesIn(body: string): Reference[] {
  const found: Reference[] = [];
  const visit = (tokens: readonly Token[], line: number) => {
    for (const token of tokens) {
      const at = token.map ? token.map[0] + 1 : line;
      if (token.type === "link_open")
        found.push({ kind: "link", target: String(token.attrGet("href") ?? ""), line: at });
      else if (token.type === "image")
        found.push({ kind: "image", target: String(token.attrGet("src") ?? ""), line: at });
      else if (token.type === "html_block" || token.type === "html_inline") htmlReferences(token.content, at, found);
      if (token.children) visit(token.children, at);
    }
  };
  visit(md.parse(body, {}), 1);
  return found;
}
