// Block markup (WordPress 5.0 and later) read as blocks: `<!-- wp:name {json} -->…<!-- /wp:name -->`
// around each block's HTML, `<!-- wp:name {json} /-->` for a block without HTML, and HTML between
// blocks as classic ("freeform") content. Same grammar and the same recovery from damaged markup as
// WordPress's own parser, so a post is split the way WordPress split it:
// https://github.com/WordPress/gutenberg/tree/trunk/packages/block-serialization-default-parser
// and the grammar in https://developer.wordpress.org/block-editor/explanations/architecture/key-concepts/

export interface Block {
  /** `core/paragraph`, `core-embed/youtube`, `jetpack/slideshow`; null for classic HTML between blocks. */
  name: string | null;
  /** The JSON of the opening comment ({} without any; null when it is not valid JSON, as in WordPress). */
  attrs: Record<string, unknown> | null;
  innerBlocks: Block[];
  /** The block's own HTML, without that of its inner blocks. */
  innerHTML: string;
  /** The own HTML in pieces, with null where each inner block sits (in the order of innerBlocks). */
  innerContent: (string | null)[];
}

interface Delimiter {
  kind: "open" | "close" | "void";
  name: string;
  attrs: Record<string, unknown> | null;
  start: number;
  end: number;
}

// `<!-- wp:` or `<!-- /wp:`, the name (a namespace is optional: `core/` when left out), then space.
const head = /<!--\s+(\/)?wp:((?:[a-z][a-z0-9_-]*\/)?[a-z][a-z0-9_-]*)\s+/y;
// The comment's end, right after the name or after the attributes: `-->` or `/-->` for a void block.
const tail = /(\/)?-->/y;
// The attributes end at the first `}` followed by the comment's end (JSON may hold `}` and `-->`).
const attrsEnd = /\}\s+(\/)?-->/g;

function parseAttrs(json: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The next block delimiter at or after `from`; other comments (`<!--more-->`, notes) are HTML. */
function nextDelimiter(doc: string, from: number): Delimiter | undefined {
  for (let at = doc.indexOf("<!--", from); at !== -1; at = doc.indexOf("<!--", at + 4)) {
    head.lastIndex = at;
    const m = head.exec(doc);
    if (!m) continue;
    const closer = m[1] === "/";
    const name = m[2]!.includes("/") ? m[2]! : `core/${m[2]}`;
    const after = head.lastIndex;
    if (doc.charCodeAt(after) === 123 /* { */) {
      attrsEnd.lastIndex = after;
      const end = attrsEnd.exec(doc);
      if (!end) continue;
      // A closer with attributes is not allowed, but harmless: WordPress ignores them too.
      const kind = closer ? "close" : end[1] ? "void" : "open";
      return {
        kind,
        name,
        attrs: closer ? null : parseAttrs(doc.slice(after, end.index + 1)),
        start: at,
        end: attrsEnd.lastIndex,
      };
    }
    tail.lastIndex = after;
    const end = tail.exec(doc);
    if (!end) continue;
    return {
      kind: closer ? "close" : end[1] ? "void" : "open",
      name,
      attrs: closer ? null : {},
      start: at,
      end: tail.lastIndex,
    };
  }
  return undefined;
}

const block = (name: string | null, attrs: Block["attrs"]): Block => ({
  name,
  attrs,
  innerBlocks: [],
  innerHTML: "",
  innerContent: [],
});

function addHtml(target: Block, html: string): void {
  if (!html) return;
  target.innerHTML += html;
  target.innerContent.push(html);
}

function addInner(parent: Block, child: Block): void {
  parent.innerBlocks.push(child);
  parent.innerContent.push(null);
}

function freeform(html: string): Block {
  const b = block(null, {});
  addHtml(b, html);
  return b;
}

/**
 * The blocks of a post, in order. Classic HTML before, between and after blocks becomes freeform
 * blocks; blocks left open at the end are closed there (WordPress does the same, keeping as much
 * of the structure as it can); a closer without an opener makes the rest of the post classic HTML.
 */
export function parseBlocks(doc: string): Block[] {
  const output: Block[] = [];
  const stack: Block[] = [];
  let offset = 0;
  const place = (b: Block) => (stack.length ? addInner(stack[stack.length - 1]!, b) : output.push(b));
  for (let d = nextDelimiter(doc, 0); d; d = nextDelimiter(doc, offset)) {
    const before = doc.slice(offset, d.start);
    const top = stack[stack.length - 1];
    if (d.kind === "close" && !top) {
      output.push(freeform(doc.slice(offset)));
      return output;
    }
    if (top) addHtml(top, before);
    else if (before) output.push(freeform(before));
    offset = d.end;
    if (d.kind === "open") stack.push(block(d.name, d.attrs));
    else if (d.kind === "void") place(block(d.name, d.attrs));
    else place(stack.pop()!);
  }
  const rest = doc.slice(offset);
  if (!stack.length) {
    if (rest) output.push(freeform(rest));
    return output;
  }
  addHtml(stack[stack.length - 1]!, rest);
  while (stack.length) place(stack.pop()!);
  return output;
}

/** WordPress's own test for block markup (`has_blocks()`): any block comment at all. */
export const hasBlocks = (html: string) => html.includes("<!-- wp:");

/**
 * Block comments that the classic editor's automatic paragraphs wrapped in `<p>` (a post opened in
 * the classic editor after it was written in blocks) are freed again, so the blocks are found.
 */
export const unwrapDelimiters = (html: string) => html.replace(/<p>\s*(<!--\s+\/?wp:[\s\S]*?-->)\s*<\/p>/g, "$1");
