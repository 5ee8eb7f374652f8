// The same cases as gate.unit.test.ts, run by Deno (npm `deno`, pinned): Netlify runs the gate on Deno, so
// Deno is the judge of what runs. `deno test` type-checks the gate and its imports first, with Deno's own
// TypeScript and libraries, and fails on anything Deno does not have.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { denoBinary } from "../support/deno.ts";
import { cleanEnv } from "../support/env.ts";
import { repoRoot } from "../support/site.ts";
import { cases } from "./cases.ts";

test("every case of the door passes under Deno, type check included", () => {
  const dir = mkdtempSync(join(tmpdir(), "hoedoededa-deno-"));
  try {
    const version = spawnSync(denoBinary(), ["--version"], { encoding: "utf8" }).stdout;
    expect(version).toMatch(/^deno 2\.9\.6 /);
    const run = spawnSync(
      denoBinary(),
      ["test", "--no-config", "--no-lock", "--no-remote", "--no-npm", "--check", join(repoRoot, "test/gate/deno.ts")],
      // Outside the project, so Deno does not read its package.json; a cache of its own.
      {
        cwd: dir,
        encoding: "utf8",
        timeout: 120_000,
        env: cleanEnv({ DENO_DIR: join(dir, "cache") }),
      },
    );
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(0);
    expect(output).toMatch(new RegExp(`ok \\| ${cases.length} passed \\| 0 failed`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
