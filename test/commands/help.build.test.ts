// Every facilitator command answers -h and --help with its usage line, exit code 0, and does nothing
// else (src/commands/tool-error.ts, commandArgs): `npm run new -- --help` writes no post.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { runScript } from "../support/cli.ts";
import { discard } from "../support/html.ts";
import { tempProject } from "../support/site.ts";

const root = tempProject();
afterAll(() => discard({ root }));

const posts = () => readdirSync(join(root, "content/posts")).sort();

test.each([
  ["new", "new", "--help"],
  ["new", "new", "-h"],
  ["check", "check", "--help"],
  ["import-wordpress", "import:wordpress", "-h"],
  ["members", "members", "--help"],
] as const)("scripts/%s.ts, npm run %s -- %s: the usage, exit 0, nothing done", (script, command, flag) => {
  const before = posts();
  const run = runScript(root, script, [flag]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(new RegExp(`^Usage: npm run ${command} [^\\n]*\\n$`));
  expect(posts()).toEqual(before);
});

test("npm run check -- a name: refused with the usage, like every command's stray argument", () => {
  const run = runScript(root, "check", ["kapot"]);
  expect(run.status).toBe(1);
  expect(run.stderr).toBe("It takes no names: it checks all content.\nUsage: npm run check [-- --json]\n");
});
