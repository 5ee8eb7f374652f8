// The import's speed on a ~700 KB block-editor export, and how many words of each fixture post
// survive the conversion. A benchmark prints figures; it is not a test and has no time limit.
//   npx tsx test/wordpress/import-bench.ts [bytes]
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadContent } from "../../src/content/load.ts";
import { settingsFromEnv } from "../../src/model/build.ts";
import { importWordPress } from "../../src/commands/wordpress/import.ts";
import { planImport } from "../../src/commands/wordpress/plan.ts";
import { parseWxr } from "../../src/commands/wordpress/wxr.ts";
import { retention, wordsOf, wordsOfMarkdown } from "../../src/commands/wordpress/words.ts";
import { discard } from "../support/html.ts";
import { tempProject } from "../support/site.ts";
import { blockExport, blockPostHtml, blockPosts, largeBlockExport } from "./block-fixtures.ts";
import { runScript } from "../support/cli.ts";
import { wxr } from "./wxr-fixture.ts";

const bytes = Number(process.argv[2] ?? 700_000);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (n: number) => `${Math.round(n)} ms`;

const xml = wxr(largeBlockExport(bytes));
const posts = parseWxr(xml).items.filter((i) => i.type === "post").length;
console.log(
  `Export: ${(Buffer.byteLength(xml) / 1000).toFixed(0)} KB, ${posts} block-editor posts with 2 responses each`,
);

// What the facilitator waits for: `npm run import:wordpress` in a fresh project (the first run also
// bundles the command), then again in the same project (everything read and converted again).
const root = tempProject();
writeFileSync(join(root, "export.xml"), xml);
const first = runScript(root, "import-wordpress", ["export.xml"]);
if (first.status !== 0) throw new Error(`the import failed:\n${first.stderr}`);
const again = [0, 1, 2].map(() => runScript(root, "import-wordpress", ["export.xml", "--force"]).ms);
console.log(
  `npm run import:wordpress: first run ${ms(first.ms)} (with bundling), again ${ms(median(again))} (median of 3: ${again.map(ms).join(", ")})`,
);

// The work itself, in this process: reading the export, planning every file, checking it against the schema.
const dry = tempProject();
writeFileSync(join(dry, "export.xml"), xml);
// CPU time as well as wall time: on a shared machine the wall time says more about the neighbours.
const inProcess: number[] = [];
const cpu: number[] = [];
for (let run = 0; run < 6; run++) {
  const start = performance.now();
  const used = process.cpuUsage();
  importWordPress(dry, join(dry, "export.xml"), { dryRun: true });
  const spent = process.cpuUsage(used);
  if (run > 0) inProcess.push(performance.now() - start);
  if (run > 0) cpu.push((spent.user + spent.system) / 1000);
}
const parseStart = performance.now();
const parsed = parseWxr(xml);
const parseMs = performance.now() - parseStart;
const content = loadContent(dry, settingsFromEnv());
const planStart = performance.now();
planImport(parsed, { site: content.site, authors: content.authors });
console.log(
  `in-process import (dry run): ${ms(median(inProcess))} median of 5 (CPU ${ms(median(cpu))}); of which reading the XML ${ms(parseMs)}, planning (conversion) ${ms(performance.now() - planStart)}`,
);

// Words kept per fixture post: the WordPress text against the converted post as the site renders it.
const plan = planImport(parseWxr(wxr(blockExport())), { site: content.site, authors: content.authors });
console.log("\nWords kept per fixture post (WordPress text → rendered Markdown):");
for (const [slug] of Object.entries(blockPosts)) {
  const entry = plan.entries.find((e) => e.slug === slug);
  if (!entry) {
    console.log(`  ${slug}: not imported`);
    continue;
  }
  const body = entry.file.text.replace(/^---\n[\s\S]*?\n---\n/, "");
  const kept = retention(wordsOf(blockPostHtml(slug)), wordsOfMarkdown(body));
  console.log(
    `  ${slug.padEnd(26)} ${(kept.ratio * 100).toFixed(1).padStart(5)}%  (${kept.kept}/${kept.words})${kept.missing.length ? `  missing: ${kept.missing.join(", ")}` : ""}`,
  );
}

// The two temporary projects go; only folders this benchmark made are removed.
discard({ root });
discard({ root: dry });
