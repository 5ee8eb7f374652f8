// npm run setup -- <owner/name or its GitHub URL> [--category <name>]
// Fills in the giscus settings of content/_data/site.yaml from GitHub, and says what is left to do.
import { nextSteps, setupComments } from "../src/commands/github/setup.ts";
import { askChoice, canAsk } from "../src/commands/prompt.ts";
import { commandArgs, runTool, ToolError } from "../src/commands/tool-error.ts";

const usage = "Usage: npm run setup -- <owner/name or https://github.com/owner/name> [--category <name>]";

await runTool(async () => {
  const { values, positionals } = commandArgs({ category: { type: "string" } }, usage);
  if (positionals.length > 1) throw new ToolError(`One repository at a time, not ${positionals.length}.\n${usage}`);
  const result = await setupComments(
    process.cwd(),
    { target: positionals[0], category: values.category },
    {
      ask: canAsk()
        ? (categories) =>
            askChoice(
              "Which category should the responses go to?",
              categories.map((c) => ({ key: c.id, label: c.name })),
              "Number",
            )
        : undefined,
    },
  );
  console.log(nextSteps(result));
  return 0;
});
