// npm run check [-- --json]: validates all content without building; exit code 1 on any problem.
import { checkJson, formatCheck, runCheck } from "../src/commands/check/run.ts";
import { commandArgs, runTool, ToolError } from "../src/commands/tool-error.ts";

const usage = "Usage: npm run check [-- --json]";

await runTool(async () => {
  const { values, positionals } = commandArgs({ json: { type: "boolean" } }, usage);
  if (positionals.length) throw new ToolError(`It takes no names: it checks all content.\n${usage}`);
  const json = values.json ?? false;
  const result = runCheck(process.cwd());
  console.log(json ? checkJson(result) : formatCheck(result));
  return result.problems ? 1 : 0;
});
