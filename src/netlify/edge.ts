// The door's declaration: for a private site the build tells Netlify to run the gate
// (netlify/edge-functions/gate/) on every address, `/*`, in every deploy context; for a public site it
// declares nothing, so the gate never runs and costs nothing. It does so through Netlify's Frameworks API,
// a file the build command writes and Netlify reads after it (`edge_functions` in .netlify/v1/config.json,
// the same declarations as netlify.toml's [[edge_functions]]:
// https://docs.netlify.com/build/frameworks/frameworks-api/), because netlify.toml is the same for every
// site made from this repository and only the build knows site.yaml's `private:`. Netlify removes
// .netlify/v1 before each build (@netlify/build's pre-cleanup step), so a declaration cannot outlive the
// build that wrote it; this build is the only writer of that file.
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { hasDoor } from "../model/access.ts";
import { gate } from "../model/door.ts";
import type { Site } from "../model/content.ts";

/** The Frameworks API's configuration file, relative to the project (the base directory). */
export const frameworksConfig = ".netlify/v1/config.json";

/** What this build declares for Netlify: the gate on every address of a private site, nothing otherwise. */
export function edgeDeclarations(site: Pick<Site, "private">): { function: string; path: string }[] {
  return hasDoor(site) ? [{ function: gate.name, path: gate.path }] : [];
}

/** Writes .netlify/v1/config.json in `root` for a private site, and removes it for a public one. */
export async function writeEdgeDeclarations(root: string, site: Pick<Site, "private">): Promise<void> {
  const file = join(root, frameworksConfig);
  const declarations = edgeDeclarations(site);
  if (!declarations.length) return void (await rm(file, { force: true }));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify({ edge_functions: declarations }, null, 2)}\n`);
}
