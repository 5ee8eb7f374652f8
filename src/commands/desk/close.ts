// `npm run archive -- --close`: `comments: false` in a post's front-matter, and nothing else changed —
// the one `comments:` line rewritten, or one added before the closing `---`, in the file's own line
// endings. The result is read back the way the build reads posts; if anything but `comments` came out
// different, the post is not touched and the facilitator is told what to add by hand.
import { isDeepStrictEqual } from "node:util";
import { parseMarkdownFile } from "../../content/frontmatter.ts";

export type Closing =
  { status: "closed"; text: string } | { status: "already closed" } | { status: "refused"; message: string };

const CLOSED = "comments: false";

/** `source` (a post file) with its comments switched off. */
export function closeComments(file: string, source: string): Closing {
  const before = parseMarkdownFile(file, source);
  if (before.problems.length)
    return { status: "refused", message: `${file}: its front-matter cannot be read — fix it first (npm run check)` };
  if (before.data.comments === false) return { status: "already closed" };

  // The lines of the file, each with its line ending, as written.
  const lines: string[] = [...(source.match(/[^\n]*\n|[^\n]+$/g) ?? [])];
  const eol = /\r\n$/.test(lines[0] ?? "") ? "\r\n" : "\n";
  // The closing line is the first that starts with `---`, as the build splits a post (src/content/frontmatter.ts).
  const close = lines.findIndex((line, i) => i > 0 && line.startsWith("---"));
  // A `comments:` line at the margin, with a value on the same line (a value on the lines below is not ours to guess at).
  const at = lines.findIndex((line, i) => i > 0 && i < close && /^comments[ \t]*:/.test(line));
  let changed: string[];
  if (at >= 0) {
    const ending = /\r?\n$/.exec(lines[at]!)?.[0] ?? "";
    changed = lines.with(at, `${CLOSED}${ending}`);
  } else {
    changed = [...lines.slice(0, close), `${CLOSED}${eol}`, ...lines.slice(close)];
  }
  const text = changed.join("");
  const after = parseMarkdownFile(file, text);
  const same =
    !after.problems.length &&
    after.body === before.body &&
    isDeepStrictEqual(after.data, { ...before.data, comments: false });
  if (!same)
    return {
      status: "refused",
      message: `${file}: could not set \`${CLOSED}\` without changing more of the file — add the line \`${CLOSED}\` to its front-matter yourself`,
    };
  return { status: "closed", text };
}
