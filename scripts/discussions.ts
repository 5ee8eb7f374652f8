// npm run discussions [-- --dry-run]
// A GitHub Discussion for every published post that has none yet; one line per post, then a summary.
import { outcomeLine, postDiscussions, summary } from "../src/commands/github/post-discussions.ts";
import { commandArgs, runTool, ToolError } from "../src/commands/tool-error.ts";

const usage = "Usage: npm run discussions [-- --dry-run]";

await runTool(async () => {
  const { values, positionals } = commandArgs({ "dry-run": { type: "boolean" } }, usage);
  if (positionals.length) throw new ToolError(`It takes no names: it looks at every post.\n${usage}`);
  const dryRun = values["dry-run"] ?? false;
  const run = await postDiscussions(process.cwd(), { dryRun, report: (outcome) => console.log(outcomeLine(outcome)) });
  console.log(summary(run, dryRun));
  return 0;
});
