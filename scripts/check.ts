// npm run check [-- --json]: validates all content without building; exit code 1 on any problem.
import { parseArgs } from "node:util";
import { checkJson, formatCheck, runCheck } from "../src/commands/check/run.ts";
import { runTool, ToolError } from "../src/commands/tool-error.ts";

await runTool(async () => {
  let json = false;
  try {
    json = parseArgs({ options: { json: { type: "boolean" } } }).values.json ?? false;
  } catch (error) {
    throw new ToolError(`${(error as Error).message}\nUsage: npm run check [-- --json]`);
  }
  const result = runCheck(process.cwd());
  console.log(json ? checkJson(result) : formatCheck(result));
  return result.problems ? 1 : 0;
});
