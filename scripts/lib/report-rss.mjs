// Preloaded into benchmarked builds (node --import): writes the process's peak memory (maxRSS, KiB)
// to $BENCH_RSS_FILE when it exits, the same way for our build and for bare Eleventy.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
