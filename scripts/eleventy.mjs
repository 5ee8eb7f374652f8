#!/usr/bin/env node
// `npm run build`: Eleventy with our TypeScript config. esbuild first bundles .eleventy.ts and the
// modules it imports (not the npm packages) into one ES module, which node then loads natively:
// no TypeScript loader hook around every import, about a second less work per build. Arguments are
// Eleventy's own (--serve, --output=…). `npm start` runs the config through tsx instead, so that
// Eleventy notices edits to the TypeScript and reloads it.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { bundleTypeScript } from "./lib/bundle.mjs";

const project = process.cwd();
const args = process.argv.slice(2);

// Eleventy routes every later `import` through a module-loader thread that busts the import cache
// when a JavaScript config or data file changes in the dev server. A one-shot build imports each
// file once, so it goes without (the switch Eleventy added for this in 11ty/eleventy#3371;
// ~0.17 s less per build).
if (!args.some((arg) => /^--(serve|watch)\b/.test(arg))) process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";

const config = await bundleTypeScript(join(project, ".eleventy.ts"), join(project, ".cache", "eleventy.config.mjs"));

// The package exports neither its CLI file nor package.json; its main entry sits beside the CLI's folder.
const main = createRequire(join(project, "package.json")).resolve("@11ty/eleventy");
const cli = join(dirname(main), "..", "cmd.cjs");
process.argv = [process.argv[0], cli, `--config=${config}`, ...args];
await import(cli);
