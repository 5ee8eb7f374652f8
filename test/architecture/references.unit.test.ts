// Every place that sends a reader to a document — an error message, a comment in site.yaml or a
// workflow, a link in the manual — names one that exists, and a heading in it that exists. Written
// `docs/privacy.md, "Privacy"` (the heading's text), `docs/privacy.md#privacy` (GitHub's anchor) or as a
// Markdown link; a document renamed or a heading reworded fails here, not in front of a facilitator.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { repoRoot } from "../support/site.ts";

/** The headings of a Markdown file, outside fenced code. */
export function headingsOf(markdown: string): string[] {
  const headings: string[] = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced) {
      const m = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
      if (m) headings.push(m[1]!);
    }
  }
  return headings;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped (hyphens and underscores kept), spaces to hyphens. */
export const anchorOf = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/`/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

interface Reference {
  /** Where it was found, `file:line`. */
  at: string;
  /** The document, relative to the repository. */
  doc: string;
  heading?: string;
  anchor?: string;
}

const documentName = String.raw`(?:docs/[\w-]+\.md|README\.md|ARCHITECTURE\.md)`;
/** `docs/x.md, "Heading"` (quotes straight or curly, across a line break of a comment), or `docs/x.md#anchor`. */
const named = new RegExp(String.raw`(?<![\w/.-])(${documentName})(?:#([\w-]+)|,\s*(?:#\s*)?["“]([^"”]+)["”])?`, "g");
/** `[text](relative.md#anchor)` in Markdown. */
const linked = /\]\(((?:\.\.?\/)?[\w./-]*\.md)(?:#([^)\s]+))?\)/g;

const lineOf = (text: string, index: number) => text.slice(0, index).split("\n").length;

/** Every reference to a document in `file` (repository-relative). */
export function referencesIn(file: string, text: string): Reference[] {
  const found: Reference[] = [];
  for (const m of text.matchAll(named)) {
    found.push({
      at: `${file}:${lineOf(text, m.index!)}`,
      doc: m[1]!,
      ...(m[2] ? { anchor: m[2] } : {}),
      ...(m[3] ? { heading: m[3].replace(/\s*\n\s*#?\s*/g, " ") } : {}),
    });
  }
  if (file.endsWith(".md")) {
    for (const m of text.matchAll(linked)) {
      if (/^[a-z]+:/.test(m[1]!)) continue;
      found.push({
        at: `${file}:${lineOf(text, m.index!)}`,
        doc: posix.normalize(posix.join(posix.dirname(file), m[1]!)),
        ...(m[2] ? { anchor: m[2] } : {}),
      });
    }
  }
  return found;
}

/** The files that send readers somewhere: code, configuration, the example's settings, the documents themselves. */
function sources(): string[] {
  const walk = (dir: string): string[] =>
    existsSync(join(repoRoot, dir))
      ? (readdirSync(join(repoRoot, dir), { recursive: true }) as string[]).map((f) =>
          posix.join(dir, f.split("\\").join("/")),
        )
      : [];
  return [
    ...walk("src"),
    ...walk("scripts"),
    ...walk("layouts"),
    ...walk(".github"),
    ...walk("docs"),
    ...walk("netlify"),
    ...walk("content/_data"),
    "README.md",
    "ARCHITECTURE.md",
    "netlify.toml",
    ".eleventy.ts",
  ].filter((f) => /\.(ts|mjs|js|njk|ya?ml|md|toml)$/.test(f) && existsSync(join(repoRoot, f)));
}

describe("references to the manual and the other documents", () => {
  const references = sources().flatMap((file) => referencesIn(file, readFileSync(join(repoRoot, file), "utf8")));

  test("there are references to check (messages, comments and links)", () => {
    expect(references.filter((r) => r.at.startsWith("src/") && r.heading).length).toBeGreaterThan(5);
    expect(references.filter((r) => r.at.startsWith("content/")).length).toBeGreaterThan(0);
  });

  test("each names a document that exists, and a heading or anchor that is in it", () => {
    const broken: string[] = [];
    for (const ref of references) {
      const path = join(repoRoot, ref.doc);
      if (!existsSync(path)) {
        broken.push(`${ref.at}: ${ref.doc} does not exist`);
        continue;
      }
      const headings = headingsOf(readFileSync(path, "utf8"));
      if (ref.heading && !headings.includes(ref.heading))
        broken.push(`${ref.at}: ${ref.doc} has no heading "${ref.heading}"`);
      if (ref.anchor && !headings.map(anchorOf).includes(ref.anchor))
        broken.push(`${ref.at}: ${ref.doc} has no heading with the anchor #${ref.anchor}`);
    }
    expect(broken).toEqual([]);
  });

  test("the checks can fail: a heading that is not there, a document that is not there, a wrong anchor", () => {
    const refs = referencesIn("src/x.ts", `see docs/privacy.md, "Geen kop" or docs/weg.md, or README.md#nergens`);
    expect(refs).toEqual([
      { at: "src/x.ts:1", doc: "docs/privacy.md", heading: "Geen kop" },
      { at: "src/x.ts:1", doc: "docs/weg.md" },
      { at: "src/x.ts:1", doc: "README.md", anchor: "nergens" },
    ]);
    expect(headingsOf("# Privacy\n```\n# not a heading\n```\n## Een afgeschermde site instellen")).toEqual([
      "Privacy",
      "Een afgeschermde site instellen",
    ]);
    expect(anchorOf("Stap 6: sta de adressen van de site toe")).toBe("stap-6-sta-de-adressen-van-de-site-toe");
    expect(anchorOf("`npm run import:wordpress`")).toBe("npm-run-importwordpress");
  });
});
