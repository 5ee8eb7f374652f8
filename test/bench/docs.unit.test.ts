// `npm run bench -- --write-docs` rewrites only what is between docs/performance.md's markers.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { BENCH_END, BENCH_START, withBenchFigures } from "../../scripts/bench/docs.ts";
import { repoRoot } from "../support/site.ts";

describe("the benchmark's figures in docs/performance.md", () => {
  const run = { at: new Date("2026-12-07T21:05:00Z"), args: ["--no-scaling"] };

  test("replace the last run's between the markers, and nothing else", () => {
    const before = `# Speed\n\nIntro.\n\n${BENCH_START}\nold figures\n${BENCH_END}\n\nThe record of earlier runs.\n`;
    const after = withBenchFigures(before, ["4000 posts   ours 7.1 s   bare 5.6 s   1.27×  "], run);
    expect(after.startsWith("# Speed\n\nIntro.\n\n")).toBe(true);
    expect(after.endsWith("\n\nThe record of earlier runs.\n")).toBe(true);
    expect(after).not.toContain("old figures");
    expect(after).toContain("Last run: 2026-12-07 21:05 UTC, `npm run bench -- --no-scaling`");
    expect(after).toContain("```\n4000 posts   ours 7.1 s   bare 5.6 s   1.27×\n```");
    // A second run replaces the first.
    expect(withBenchFigures(after, ["again"], run).match(/Last run:/g)).toHaveLength(1);
  });

  test("refuse a file without exactly one pair of markers", () => {
    expect(() => withBenchFigures("no markers", [], run)).toThrow(/needs one/);
    expect(() => withBenchFigures(`${BENCH_START}\n${BENCH_END}\n${BENCH_START}\n${BENCH_END}`, [], run)).toThrow(
      /needs one/,
    );
  });

  test("the manual's performance page has its pair", () => {
    const docs = readFileSync(join(repoRoot, "docs/performance.md"), "utf8");
    expect(() => withBenchFigures(docs, ["x"], run)).not.toThrow();
  });
});
