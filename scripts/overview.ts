// npm run overview [-- --json | --html FILE]
// Participation across the programme: per post, per participant, and who has not yet responded to
// the latest post. A table in the terminal; --json for other tools; --html FILE for one page to keep
// (it names people: never into the site or the repository).
import { programmeOverview } from "../src/commands/desk/overview.ts";
import { overviewTarget, writeOverview } from "../src/commands/desk/overview-file.ts";
import { overviewHtml } from "../src/commands/desk/overview-html.ts";
import { overviewText } from "../src/commands/desk/overview-text.ts";
import { settingsFromEnv } from "../src/model/build.ts";
import { loadContent } from "../src/content/load.ts";
import { commandArgs, runTool, ToolError } from "../src/commands/tool-error.ts";

const usage = "Usage: npm run overview [-- --json | --html FILE]";

await runTool(async () => {
  const { values, positionals } = commandArgs({ json: { type: "boolean" }, html: { type: "string" } }, usage);
  if (positionals.length) throw new ToolError(`It takes no post names: it looks at every published post.\n${usage}`);
  if (values.json && values.html !== undefined) throw new ToolError(`Either --json or --html, not both.\n${usage}`);
  const root = process.cwd();
  // Before GitHub is asked: a place the page may not go is refused at once.
  const target = values.html !== undefined ? overviewTarget(root, values.html) : undefined;
  const command = `npm run overview${values.json ? " -- --json" : target ? ` -- --html ${values.html}` : ""}`;
  const overview = await programmeOverview(root, { command });
  if (values.json) {
    console.log(JSON.stringify(overview, null, 2));
  } else if (target) {
    const { site } = loadContent(root, settingsFromEnv());
    writeOverview(target, overviewHtml(overview, site));
    console.log(`Written: ${target}\nIt names participants: keep it to yourself.`);
  } else {
    process.stdout.write(overviewText(overview));
  }
  return 0;
});
