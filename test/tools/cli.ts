// Runs a facilitator command (scripts/*.ts) in a project the way `npm run …` does: tsx, the
// project as working directory, no terminal, and nothing on standard input.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../support/site.ts";

export const tsx = join(repoRoot, "node_modules/.bin/tsx");

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runScript(root: string, script: "new" | "check" | "import-wordpress", args: string[] = [], env: Record<string, string> = {}): Run {
  const start = Date.now();
  const result = spawnSync(tsx, [join(root, "scripts", `${script}.ts`), ...args], {
    cwd: root,
    encoding: "utf8",
    input: "",
    env: { ...process.env, HOEDOEDEDA_AUTHOR: "", SITE_URL: "", URL: "", CONTEXT: "", ...env },
    timeout: 60_000,
  });
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - start };
}
