// npm run rebuild — run by .github/workflows/rebuild.yml: asks Netlify for a production deploy when
// the conversation changed and the budget in site.yaml (`deploys:`) allows it; says why, either way.
import { rebuild } from "../src/commands/rebuild.ts";
import { commandArgs, runTool, ToolError } from "../src/commands/tool-error.ts";

const usage = "Usage: npm run rebuild  (in GitHub Actions, with NETLIFY_BUILD_HOOK and GITHUB_TOKEN)";

await runTool(async () => {
  const { positionals } = commandArgs({}, usage);
  if (positionals.length) throw new ToolError(`It takes no arguments.\n${usage}`);
  const run = await rebuild();
  for (const line of run.lines) console.log(line);
  return 0;
});
