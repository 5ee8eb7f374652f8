// npm run responses -- <slug>
// One post's whole conversation as Markdown on standard output: read it before the synthesis, or
// send it to a file (npm run responses -- <slug> > gesprek.md) for a report.
import { postResponses } from "../src/commands/desk/responses.ts";
import { commandArgs, runTool, ToolError } from "../src/commands/tool-error.ts";

const usage = "Usage: npm run responses -- <slug>";

await runTool(async () => {
  const { positionals } = commandArgs({}, usage);
  if (positionals.length !== 1)
    throw new ToolError(
      `${positionals.length ? "One post at a time" : "Which post? Give its name (the file name without .md)"}.\n${usage}`,
    );
  process.stdout.write(await postResponses(process.cwd(), positionals[0]!));
  return 0;
});
