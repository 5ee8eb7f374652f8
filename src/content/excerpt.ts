// The teaser on list pages when a post has no description: its first paragraph, as plain text.
// Read from the Markdown source (not the rendered page) so lists never wait for post rendering.
import MarkdownIt from "markdown-it";

const inline = new MarkdownIt("commonmark");
const notProse = /^(#|<|!\[|[-*+] |>|\||\d+[.)] |```|~~~|\s{4})/;
const LIMIT = 280;

export function excerptOf(body: string): string {
  const block = body
    .split(/\r?\n\s*\r?\n/)
    .map((b) => b.trim())
    .find((b) => b && !notProse.test(b));
  if (!block) return "";
  const text = inline
    .parseInline(block.replace(/\s*\r?\n\s*/g, " "), {})
    .flatMap((token) => token.children ?? [])
    .filter((t) => t.type === "text" || t.type === "code_inline")
    .map((t) => t.content)
    .join("")
    .trim();
  if (text.length <= LIMIT) return text;
  const cut = text.slice(0, LIMIT);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 200 ? cut.lastIndexOf(" ") : LIMIT).replace(/[\s,.;:]+$/, "")}…`;
}
