// The same contexts built by Netlify's own build tool, `netlify build --offline --context …`: its
// config parser, its plugin loader (which refuses a build plugin for any export that is not an
// event handler) and its cache utility, none of which our stand-ins can vouch for. netlify-cli is not
// a dependency (about 350 MB), so `.ci/run` installs a pinned one outside the project and sets
// NETLIFY_CLI; on a developer's machine:
//   npm install --prefix /tmp/netlify-cli netlify-cli@27.10.2
//   NETLIFY_CLI=/tmp/netlify-cli/node_modules/.bin/netlify npx vitest run test/netlify/netlify-cli.build.test.ts
// contexts.test.ts covers the contexts without it, reading netlify.toml the way Netlify does.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, test } from "vitest";
import { cleanEnv } from "../support/env.ts";
import { tempProject } from "../support/site.ts";
import { productionUrl } from "./deploys.ts";

const cli = process.env.NETLIFY_CLI;

/** Runs `netlify build --offline` in `root` and returns what it printed; throws on a failed build. */
function netlifyBuild(root: string, context: string, env: Record<string, string>): string {
  const result = spawnSync(cli!, ["build", "--offline", "--context", context], {
    cwd: root,
    env: cleanEnv(env),
    encoding: "utf8",
    timeout: 300_000,
  });
  const output = stripVTControlCharacters(result.stdout);
  if (result.status !== 0)
    throw new Error(
      `netlify build --context ${context} failed:\n${output}\n${stripVTControlCharacters(result.stderr)}`,
    );
  expect(output).toContain("build.command from netlify.toml");
  return output;
}

if (!cli) {
  console.warn(
    "test/netlify/netlify-cli.build.test.ts: skipped, NETLIFY_CLI is not set; Netlify's own build tool did not run (.ci/run sets it)",
  );
  describe("netlify build --offline (Netlify's own build tool)", () => {
    test.skip("skipped: NETLIFY_CLI is not set (.ci/run sets it; see the head of this file)", () => {});
  });
} else {
  describe("netlify build --offline (Netlify's own build tool)", () => {
    test("the CLI is the pinned one", () => {
      const version = spawnSync(cli, ["--version"], { encoding: "utf8", env: cleanEnv() });
      expect(version.stdout).toMatch(/netlify-cli\/27\.10\.2\b/);
    });

    test("deploy-preview: drafts, the pull request's bar, noindex", () => {
      const root = tempProject();
      netlifyBuild(root, "deploy-preview", { REVIEW_ID: "5", URL: productionUrl });
      const out = join(root, "_site");
      expect(existsSync(join(out, "posts/terugblik-eerste-jaar/index.html"))).toBe(true);
      const home = readFileSync(join(out, "index.html"), "utf8");
      expect(home).toContain("Voorbeeldweergave van pull request #5");
      expect(home).toContain('<meta name="robots" content="noindex">');
      expect(readFileSync(join(out, "_headers"), "utf8")).toContain("X-Robots-Tag: noindex");
    });

    test("production: no drafts, no bar, no noindex, the production URL", () => {
      const root = tempProject();
      netlifyBuild(root, "production", { URL: productionUrl, HOEDOEDEDA_DRAFTS: "true" });
      const out = join(root, "_site");
      expect(existsSync(join(out, "posts/terugblik-eerste-jaar"))).toBe(false);
      const home = readFileSync(join(out, "index.html"), "utf8");
      expect(home).not.toContain("preview-bar");
      expect(home).not.toContain("noindex");
      expect(home).toContain(`<link rel="canonical" href="${productionUrl}/">`);
    });

    test("the keep-cache plugin runs: the first build keeps the cards and the index, the next restores them", () => {
      const root = tempProject();
      const first = netlifyBuild(root, "production", { URL: productionUrl });
      expect(first).toContain("./netlify/plugins/keep-cache from netlify.toml");
      expect(first).toContain("Nothing cached yet: this build draws every card and makes the search index");
      expect(first).toMatch(/link-preview cards drawn in [\d.]+ s, 0 from the cache/);
      expect(first).toContain("Kept .cache/cards and .cache/search for the next build");
      const cards = readdirSync(join(root, ".cache/cards")).sort();
      expect(cards.length).toBeGreaterThan(0);

      // A new build machine: nothing of the last build but what Netlify's cache kept.
      rmSync(join(root, ".cache"), { recursive: true });
      rmSync(join(root, "_site"), { recursive: true });
      const second = netlifyBuild(root, "production", { URL: productionUrl });
      expect(second).toContain("Restored .cache/cards and .cache/search from the last build");
      expect(readdirSync(join(root, ".cache/cards")).sort()).toEqual(cards);
      expect(second).not.toMatch(/link-preview cards drawn/);
      expect(second).toMatch(/Search index of \d+ posts unchanged: taken from \.cache\/search\//);
      expect(second).toContain("Kept .cache/cards and .cache/search for the next build");
    });
  });
}
