#!/usr/bin/env node
// `npm run check|new|import:wordpress|setup|discussions|archive|responses|overview`: runs scripts/<name>.ts bundled by esbuild (our modules only,
// npm packages stay external) and loaded natively by node. A TypeScript loader hook would cost more
// than the work: `npm run check` on 100 posts takes a quarter of a second this way, 1.5 s through tsx.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleTypeScript } from "./lib/bundle.mjs";

const [name, ...args] = process.argv.slice(2);
const scripts = dirname(fileURLToPath(import.meta.url));
const outfile = await bundleTypeScript(
  join(scripts, `${name}.ts`),
  join(process.cwd(), ".cache", "scripts", `${name}.mjs`),
);
process.argv = [process.argv[0], join(scripts, `${name}.ts`), ...args];
await import(pathToFileURL(outfile).href);
