// `npm run check`: the build's own validation (same schema, same messages) plus the cross-file
// checks, every finding in every file at once, as text for people or JSON for editors and CI.
import { performance } from "node:perf_hooks";
import { settingsFromEnv } from "../../model/build.ts";
import { loadContent } from "../../content/load.ts";
import { formatProblem } from "../../model/problems.ts";
import { crossChecks, type Finding } from "./cross.ts";

export interface CheckResult {
  findings: Finding[];
  problems: number;
  warnings: number;
  checked: { posts: number; pages: number; authors: number; responses: number };
  ms: number;
}

export function runCheck(root: string, env: NodeJS.ProcessEnv = process.env): CheckResult {
  const start = performance.now();
  const content = loadContent(root, settingsFromEnv(env));
  const findings: Finding[] = [
    ...content.problems.map((p): Finding => ({ ...p, level: "problem", ...lineOf(p.message) })),
    ...crossChecks(content, root),
  ];
  // Grouped by file (stable: each file's findings keep their order), problems before warnings.
  const order = [...new Set(findings.map((f) => f.file))].sort();
  findings.sort(
    (a, b) =>
      order.indexOf(a.file) - order.indexOf(b.file) || (a.level === b.level ? 0 : a.level === "problem" ? -1 : 1),
  );
  return {
    findings,
    problems: findings.filter((f) => f.level === "problem").length,
    warnings: findings.filter((f) => f.level === "warning").length,
    checked: {
      posts: content.posts.length,
      pages: content.pages.length,
      authors: Object.keys(content.authors).length,
      responses: content.posts.reduce((n, p) => n + p.earlierResponses.length, 0),
    },
    ms: Math.round(performance.now() - start),
  };
}

/** YAML problems say "(line 12)"; editors want the number on its own. */
function lineOf(message: string): { line?: number } {
  const line = /\(line (\d+)\)/.exec(message)?.[1];
  return line ? { line: Number(line) } : {};
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function summaryLine(result: CheckResult): string {
  const { posts, pages } = result.checked;
  const what = `${plural(posts, "post")} and ${plural(pages, "page")} checked in ${result.ms} ms`;
  if (!result.problems && !result.warnings) return `All good: ${what}.`;
  const files = new Set(result.findings.map((f) => f.file)).size;
  const counts = result.problems
    ? [plural(result.problems, "problem"), result.warnings ? plural(result.warnings, "warning") : ""]
        .filter(Boolean)
        .join(" and ")
    : `No problems, ${plural(result.warnings, "warning")}`;
  return `${counts} in ${plural(files, "file")} (${what}).${result.problems ? " The site cannot be built until the problems are fixed." : ""}`;
}

export function formatCheck(result: CheckResult): string {
  const lines = result.findings.map((f) =>
    formatProblem(f.level === "warning" ? { ...f, message: `warning: ${f.message}` } : f),
  );
  return [...lines, ...(lines.length ? [""] : []), summaryLine(result)].join("\n");
}

export function checkJson(result: CheckResult): string {
  return JSON.stringify({ ok: result.problems === 0, ...result, summary: summaryLine(result) }, null, 2);
}
