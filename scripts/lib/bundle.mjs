// Bundles one TypeScript entry (our modules; npm packages stay external imports) into an ES module
// that node runs natively. Used by the build launcher and the facilitator commands.
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

export async function bundleTypeScript(entry, outfile) {
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  return outfile;
}
