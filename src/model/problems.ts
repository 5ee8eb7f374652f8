// A problem names the file, the field, what is wrong and how to fix it. Everything that checks
// content (the build, the dev server, `npm run check`) reports problems in this one shape.

export interface Problem {
  /** Path relative to the project, e.g. `content/posts/welkom.md`. */
  file: string;
  /** Dotted field path (`session.date`), or `front-matter` / `file` for the whole thing. */
  field: string;
  /** What is wrong — how to fix it. */
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}

export function formatReport(problems: readonly Problem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const lines = problems.map(formatProblem);
  const summary = `${problems.length} ${problems.length === 1 ? "problem" : "problems"} in ${files} ${files === 1 ? "file" : "files"}.`;
  return [...lines, "", summary].join("\n");
}

/** Thrown when content is invalid: carries every problem; Eleventy shows no stack trace for it. */
export class ContentError extends Error {
  readonly skipOriginalStack = true;
  constructor(readonly problems: readonly Problem[]) {
    super(`${formatReport(problems)}\nNothing was written. Fix the lines above and build again.`);
    this.name = "ContentError";
  }
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}

/** The valid key closest to a mistyped one, or undefined when none is plausibly meant. */
export function nearest(
  key: string,
  valid: readonly string[],
  aliases: Record<string, string> = {},
): string | undefined {
  const lower = key.toLowerCase();
  if (aliases[lower]) return aliases[lower];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of valid) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}
