// `npm run bench -- --write-docs`: the run's figures go into docs/performance.md between its markers,
// replacing the last run's; everything outside the markers (the record of earlier runs and what was
// tried) stays as it was written.
import { availableParallelism } from "node:os";

export const BENCH_START = "<!-- bench:start -->";
export const BENCH_END = "<!-- bench:end -->";

/** `markdown` with the figures of one run between the markers; throws when there is not exactly one pair. */
export function withBenchFigures(
  markdown: string,
  figures: readonly string[],
  run: { at: Date; args: readonly string[] },
): string {
  const start = markdown.indexOf(BENCH_START);
  const end = markdown.indexOf(BENCH_END);
  if (start === -1 || end < start || markdown.indexOf(BENCH_START, start + 1) !== -1) {
    throw new Error(`docs/performance.md needs one ${BENCH_START} … ${BENCH_END} pair for the figures`);
  }
  const when = run.at.toISOString().slice(0, 16).replace("T", " ");
  const command = ["npm run bench", ...(run.args.length ? ["--", ...run.args] : [])].join(" ");
  const block = [
    BENCH_START,
    `Last run: ${when} UTC, \`${command}\`, on ${availableParallelism()} cores. Figures move ±30% from one`,
    "minute to the next on a shared 2-core machine: compare medians and ratios from one run.",
    "",
    "```",
    ...figures.map((line) => line.trimEnd()),
    "```",
    "",
    BENCH_END,
  ].join("\n");
  return `${markdown.slice(0, start)}${block}${markdown.slice(end + BENCH_END.length)}`;
}
