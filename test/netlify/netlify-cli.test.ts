// The same contexts built by Netlify's own build tool, `netlify build --offline --context …`, when a
// netlify-cli is at hand. It is not a dependency (over 400 MB, and Node 22 for parts of it), so
// this runs only with NETLIFY_CLI pointing at its binary, e.g.
//   npm install --prefix /tmp/netlify-cli netlify-cli
//   NETLIFY_CLI=/tmp/netlify-cli/node_modules/.bin/netlify npx vitest run test/netlify/netlify-cli.test.ts
// contexts.test.ts covers the same ground without it, reading netlify.toml the way Netlify does.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { cleanEnv } from "../support/env.ts";
import { tempProject } from "../support/site.ts";
import { productionUrl } from "./deploys.ts";

const cli = process.env.NETLIFY_CLI;

function netlifyCliBuild(context: string, env: Record<string, string>) {
  const root = tempProject();
  const result = spawnSync(cli!, ["build", "--offline", "--context", context], { cwd: root, env: cleanEnv(env), encoding: "utf8", timeout: 300_000 });
  if (result.status !== 0) throw new Error(`netlify build --context ${context} failed:\n${result.stdout}\n${result.stderr}`);
  expect(result.stdout).toContain("build.command from netlify.toml");
  return join(root, "_site");
}

describe.skipIf(!cli)("netlify build --offline (Netlify's own build tool)", () => {
  test("deploy-preview: drafts, the pull request's bar, noindex", () => {
    const out = netlifyCliBuild("deploy-preview", { REVIEW_ID: "5", URL: productionUrl });
    expect(existsSync(join(out, "posts/terugblik-eerste-jaar/index.html"))).toBe(true);
    const home = readFileSync(join(out, "index.html"), "utf8");
    expect(home).toContain("Voorbeeldweergave van pull request #5");
    expect(home).toContain('<meta name="robots" content="noindex">');
    expect(readFileSync(join(out, "_headers"), "utf8")).toContain("X-Robots-Tag: noindex");
  });

  test("production: no drafts, no bar, no noindex, the production URL", () => {
    const out = netlifyCliBuild("production", { URL: productionUrl, HOEDOEDEDA_DRAFTS: "true" });
    expect(existsSync(join(out, "posts/terugblik-eerste-jaar"))).toBe(false);
    const home = readFileSync(join(out, "index.html"), "utf8");
    expect(home).not.toContain("preview-bar");
    expect(home).not.toContain("noindex");
    expect(home).toContain(`<link rel="canonical" href="${productionUrl}/">`);
  });
});
