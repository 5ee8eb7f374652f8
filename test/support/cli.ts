// Runs a facilitator command (scripts/*.ts) in a project the way `npm run …` does: through
// scripts/run.mjs, the project as working directory, no terminal, and nothing on standard input.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { cleanEnv } from "./env.ts";

/** The command line `npm run <script>` runs, e.g. `node scripts/run.mjs new`. */
export const commandLine = (root: string, script: string): [string, string[]] => [
  process.execPath,
  [join(root, "scripts/run.mjs"), script],
];

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runScript(
  root: string,
  script: "new" | "check" | "import-wordpress" | "members",
  args: string[] = [],
  env: Record<string, string> = {},
): Run {
  const start = Date.now();
  const [node, launch] = commandLine(root, script);
  const result = spawnSync(node, [...launch, ...args], {
    cwd: root,
    encoding: "utf8",
    input: "",
    env: cleanEnv(env),
    timeout: 60_000,
  });
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - start };
}
