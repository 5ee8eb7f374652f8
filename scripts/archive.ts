// npm run archive -- <slug>… | --all [--close]
// Keeps each post's GitHub discussion in content/posts/<slug>.comments.yaml (all or nothing), and with
// --close switches the live section off; one line per post, then a summary.
import { archiveLine, archivePosts, archiveSummary, lineFile } from "../src/commands/desk/archive.ts";
import { commandArgs, runTool, ToolError } from "../src/commands/tool-error.ts";

const usage = "Usage: npm run archive -- <slug>… | --all [--close]";

await runTool(async () => {
  const { values, positionals } = commandArgs({ all: { type: "boolean" }, close: { type: "boolean" } }, usage);
  const all = values.all ?? false;
  if (all && positionals.length) throw new ToolError(`Either --all or the posts by name, not both.\n${usage}`);
  if (!all && !positionals.length)
    throw new ToolError(
      `Which posts? Name them (the file name without .md), or use --all for every published post.\n${usage}`,
    );
  const close = values.close ?? false;
  const command = `npm run archive -- ${all ? "--all" : positionals.join(" ")}${close ? " --close" : ""}`;
  const run = await archivePosts(process.cwd(), { names: positionals, all, close, command });
  const width = Math.max(...run.posts.map((post) => lineFile(post).length));
  for (const post of run.posts) console.log(archiveLine(post, width));
  console.log(archiveSummary(run, close));
  return 0;
});
