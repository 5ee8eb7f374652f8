// npm run members -- add <github-user>… | remove <github-user>… | list
// Who may read and write a private cohort's conversation on GitHub (src/commands/members.ts).
import { members, type MembersAction } from "../src/commands/members.ts";
import { commandArgs, runTool, ToolError } from "../src/commands/tool-error.ts";

const usage = "Usage: npm run members -- list | add <github-user>… | remove <github-user>…";

await runTool(async () => {
  const { positionals } = commandArgs({}, usage);
  const [verb, ...users] = positionals;
  let action: MembersAction;
  if (verb === "list" && !users.length) action = { kind: "list" };
  else if (verb === "add" || verb === "remove") action = { kind: verb, users };
  else throw new ToolError(`${verb ? `"${verb}" is not something it does.` : "What should it do?"}\n${usage}`);
  for (const line of await members(process.cwd(), action)) console.log(line);
  return 0;
});
