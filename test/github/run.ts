// Runs `npm run setup`, `discussions`, `archive`, `responses` or `overview` the way npm does (node scripts/run.mjs <name>), in a
// project folder, without a terminal, with the environment a test gives — and none of the tokens
// the machine running the tests may have.
import { spawnSync } from "node:child_process";
import { commandLine } from "../support/cli.ts";

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

export function runCommand(
  root: string,
  script: "setup" | "discussions" | "archive" | "responses" | "overview",
  args: string[],
  env: Record<string, string>,
): Run {
  const [node, launch] = commandLine(root, script);
  const result = spawnSync(node, [...launch, ...args], {
    cwd: root,
    encoding: "utf8",
    input: "",
    env: {
      ...process.env,
      GITHUB_TOKEN: "",
      DISCUSSIONS_TOKEN: "",
      GITHUB_GRAPHQL_URL: "",
      SITE_URL: "",
      URL: "",
      CONTEXT: "",
      HOEDOEDEDA_ENV: "",
      HOEDOEDEDA_DRAFTS: "",
      ...env,
    },
    timeout: 60_000,
  });
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** One clear message: no stack trace, no "Error:" prefix of an uncaught exception. */
export const isPlainMessage = (text: string) => !/^\s+at .+:\d+:\d+\)?$/m.test(text) && !/^\w*Error\b/m.test(text);
