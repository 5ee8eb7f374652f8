// npm run import:wordpress -- export.xml [--force] [--dry-run] [--author <id>] [--protected-as-drafts]
// Imports a WordPress export (Tools → Export): posts, drafts, pages, approved responses, redirects.
// What was password-protected or private there is left out, or with --protected-as-drafts a draft.
import { commandArgs, runTool, ToolError } from "../src/commands/tool-error.ts";
import { importWordPress } from "../src/commands/wordpress/import.ts";
import { formatImport } from "../src/commands/wordpress/summary.ts";

const usage =
  "Usage: npm run import:wordpress -- export.xml [--force] [--dry-run] [--author <id>] [--protected-as-drafts]";

await runTool(async () => {
  const { values, positionals } = commandArgs(
    {
      force: { type: "boolean" },
      "dry-run": { type: "boolean" },
      author: { type: "string" },
      "protected-as-drafts": { type: "boolean" },
    },
    usage,
  );
  if (positionals.length !== 1) throw new ToolError(`Name one WordPress export file.\n${usage}`);
  const report = importWordPress(process.cwd(), positionals[0]!, {
    force: values.force ?? false,
    dryRun: values["dry-run"] ?? false,
    protectedAsDrafts: values["protected-as-drafts"] ?? false,
    ...(values.author ? { author: values.author } : {}),
  });
  console.log(formatImport(report));
  return 0;
});
