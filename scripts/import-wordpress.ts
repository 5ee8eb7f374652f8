// npm run import:wordpress -- export.xml [--force] [--dry-run] [--author <id>]
// Imports a WordPress export (Tools → Export): posts, drafts, pages, approved responses, redirects.
import { commandArgs, runTool, ToolError } from "../src/tools/tool-error.ts";
import { importWordPress } from "../src/wordpress/import.ts";
import { formatImport } from "../src/wordpress/summary.ts";

const usage = "Usage: npm run import:wordpress -- export.xml [--force] [--dry-run] [--author <id>]";

await runTool(async () => {
  const { values, positionals } = commandArgs({ force: { type: "boolean" }, "dry-run": { type: "boolean" }, author: { type: "string" }, help: { type: "boolean", short: "h" } }, usage);
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length !== 1) throw new ToolError(`Name one WordPress export file.\n${usage}`);
  const report = importWordPress(process.cwd(), positionals[0]!, {
    force: values.force ?? false,
    dryRun: values["dry-run"] ?? false,
    ...(values.author ? { author: values.author } : {}),
  });
  console.log(formatImport(report));
  return 0;
});
