// The door bundled by Netlify's own build, `netlify build --offline` (netlify-cli 27.10.2, installed by .ci/run
// outside the project, and its @netlify/edge-bundler 16.1.1), with the Deno from npm on its PATH — so an
// import or a syntax Netlify cannot bundle fails here, not on a facilitator's first deploy. A private
// site's build declares the gate on /* through the Frameworks API and Netlify routes every address to it;
// a public site's declares nothing, and Netlify routes nothing to it.
//
// Offline, the bundler cannot read the functions' inline configuration: its extractor imports
// https://edge.netlify.com/bootstrap/globals/types.ts and logs "Could not load configuration for edge
// function". That only matters for an inline `config`, which the gate must not have (the build refuses
// one: src/content/gate-file.ts); bundling itself (the ESZIP of the gate and every file it imports) works.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, test } from "vitest";
import { cleanEnv } from "../support/env.ts";
import { denoFolder } from "../support/deno.ts";
import { discard } from "../support/html.ts";
import { tempProject } from "../support/site.ts";
import { privateFiles, USERS } from "../privacy/fixture.ts";

const cli = process.env.NETLIFY_CLI;

interface Manifest {
  bundles: { asset: string; format: string }[];
  routes: { function: string; path: string; pattern: string }[];
}

/** `netlify build --offline` in `root`: its status, output, and the edge functions' manifest if there is one. */
function netlifyBuild(root: string, env: Record<string, string> = {}) {
  const run = spawnSync(cli!, ["build", "--offline", "--context", "production"], {
    cwd: root,
    env: cleanEnv({ ...env, PATH: `${denoFolder()}:${process.env.PATH}` }),
    encoding: "utf8",
    timeout: 300_000,
  });
  const file = join(root, ".netlify/edge-functions-dist/manifest.json");
  const manifest = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Manifest) : undefined;
  return { status: run.status, output: stripVTControlCharacters(`${run.stdout}\n${run.stderr}`), manifest };
}

if (!cli) {
  console.warn("test/gate/bundle.build.test.ts: skipped, NETLIFY_CLI is not set (.ci/run sets it)");
  describe("the door bundled by Netlify's build", () => {
    test.skip("skipped: NETLIFY_CLI is not set (.ci/run sets it; test/netlify/netlify-cli.build.test.ts says how)", () => {});
  });
} else {
  describe("the door bundled by Netlify's build", () => {
    test("a private site: the gate bundled with everything it imports, and routed on every address", () => {
      const root = tempProject({ files: privateFiles });
      try {
        const built = netlifyBuild(root, { SITE_USERS: USERS });
        expect(built.status, built.output).toBe(0);
        expect(built.output).toContain("Packaging Edge Functions from netlify/edge-functions directory:\n - gate");
        expect(built.manifest?.routes.map(({ function: fn, path }) => ({ fn, path }))).toEqual([
          { fn: "gate", path: "/*" },
        ]);
        expect(built.manifest?.bundles).toEqual([{ asset: expect.stringMatching(/\.eszip$/), format: "eszip2" }]);
        expect(existsSync(join(root, ".netlify/edge-functions-dist", built.manifest!.bundles[0]!.asset))).toBe(true);
        // What Netlify publishes: the site, and no password in it or in the bundle.
        for (const p of USERS.split(" ").map((entry) => entry.split(":")[1]!)) expect(built.output).not.toContain(p);
      } finally {
        discard({ root });
      }
    });

    test("a public site: nothing routed to the gate, so it never runs", () => {
      const root = tempProject();
      try {
        const built = netlifyBuild(root);
        expect(built.status, built.output).toBe(0);
        expect(built.manifest?.routes ?? []).toEqual([]);
      } finally {
        discard({ root });
      }
    });

    test("a gate Netlify cannot bundle fails the build here (an import of a file that is not there)", () => {
      const root = tempProject({ files: privateFiles, copy: ["netlify"] });
      try {
        const handle = join(root, "netlify/edge-functions/gate/handle.ts");
        writeFileSync(handle, readFileSync(handle, "utf8").replace("./keys.ts", "./sleutels.ts"));
        const built = netlifyBuild(root, { SITE_USERS: USERS });
        expect(built.status).not.toBe(0);
        expect(built.output).toContain("Bundling of edge function failed");
        expect(built.output).toMatch(/sleutels\.ts/);
      } finally {
        discard({ root });
      }
    });
  });
}
