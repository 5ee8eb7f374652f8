#!/usr/bin/env node
// `npm run build`: Eleventy with our TypeScript config. esbuild first bundles .eleventy.ts and the
// modules it imports (not the npm packages) into one ES module, which node then loads natively:
// no TypeScript loader hook around every import, about a second less work per build. `npm start`
// runs the config through tsx instead, so that Eleventy notices edits to the TypeScript and reloads it.
//
// This is the entry point, so it decides how a build ends: bad content (a ContentError from
// src/build/plugins/content.ts) is printed as our list of problems and exits 1, nothing written; anything
// else as Eleventy reports it. `--serve` and `--watch` go to Eleventy's own command line.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { bundleTypeScript } from "./lib/bundle.mjs";

const project = process.cwd();
const args = process.argv.slice(2);
const watching = args.some((arg) => /^--(serve|watch)\b/.test(arg));

// Eleventy routes every later `import` through a module-loader thread that busts the import cache
// when a JavaScript config or data file changes in the dev server. A one-shot build imports each
// file once, so it goes without (the switch Eleventy added for this in 11ty/eleventy#3371;
// ~0.17 s less per build).
if (!watching) process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";

const configPath = await bundleTypeScript(
  join(project, ".eleventy.ts"),
  join(project, ".cache", "eleventy.config.mjs"),
);
// The package exports neither its CLI file nor package.json; its main entry sits beside the CLI's folder.
const main = createRequire(join(project, "package.json")).resolve("@11ty/eleventy");

if (watching) {
  const cli = join(dirname(main), "..", "cmd.cjs");
  process.argv = [process.argv[0], cli, `--config=${configPath}`, ...args];
  await import(cli);
} else {
  let options;
  try {
    options = parseArgs({
      args,
      options: { output: { type: "string" }, quiet: { type: "boolean" }, dryrun: { type: "boolean" } },
    }).values;
  } catch (error) {
    console.error(`${error.message}\nUsage: npm run build [-- --output=<folder>] [--quiet] [--dryrun]`);
    process.exit(2);
  }
  // The package's ES module entry, beside the CommonJS one `resolve` finds.
  const { default: Eleventy } = await import(pathToFileURL(join(dirname(main), "Eleventy.js")).href);
  // https://www.11ty.dev/docs/programmatic/ ("cli": like the command line, --output wins over the config)
  const eleventy = new Eleventy(undefined, options.output, {
    configPath,
    quietMode: options.quiet ?? false,
    source: "cli",
    dryRun: options.dryrun ?? false,
  });
  // Eleventy reports a failed build itself, before we know why it failed: its error lines are held
  // back until then, and dropped when the failure is bad content, which we report in our own words.
  const held = [];
  let holding = false;
  eleventy.logger.overrideLogger({
    log: (line) => (holding ? held.push(["log", line]) : console.log(line)),
    info: (line) => (holding ? held.push(["info", line]) : console.info(line)),
    warn: (line) => (holding ? held.push(["warn", line]) : console.warn(line)),
    error: (line) => {
      holding = true;
      held.push(["error", line]);
    },
  });
  try {
    await eleventy.write();
    for (const [kind, line] of held) console[kind](line);
  } catch (error) {
    if (error?.name === "ContentError") console.error(`\n${error.message}\n`);
    else for (const [kind, line] of held) console[kind](line);
    process.exitCode = 1;
  }
}
