// The dev server's first build cannot fail: Eleventy gives up on `--serve` when it does, because
// its watcher starts only after that build. So on bad content the first build waits here, watching
// content/ (fs.watch, recursive), and carries on as soon as a save makes the content valid.
import { watch } from "node:fs/promises";
import { join } from "node:path";
import { ContentError } from "../model/problems.ts";
import type { Content } from "../model/content.ts";

/** Waits for a save under content/ that makes `load()` valid; reports again only what changed. */
export async function waitForFix(root: string, load: () => Content, report: string): Promise<Content> {
  console.error("Waiting for a fix… (the site is served as soon as the content is valid)\n");
  const stop = new AbortController();
  try {
    for await (const _change of watch(join(root, "content"), { recursive: true, signal: stop.signal })) {
      const content = load();
      if (!content.problems.length) return content;
      const next = new ContentError(content.problems).message;
      // One of two problems fixed, say: the list that is left.
      if (next !== report) console.error(`\n${(report = next)}\n`);
    }
  } finally {
    stop.abort();
  }
  throw new Error("content/ can no longer be watched");
}
