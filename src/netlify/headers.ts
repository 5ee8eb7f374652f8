// Response headers that differ per deploy context. netlify.toml's [[headers]] apply to every
// context alike, so the build writes these into _site/_headers, which Netlify applies together
// with netlify.toml's. Today that is one header: previews and branch deploys stay out of search
// engines, including the files a meta tag cannot cover (feeds, sitemap, images).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Build } from "../build.ts";
import { isPreview } from "./preview.ts";

/** The `_headers` file for this build, in Netlify's format. */
export function contextHeaders(build: Build): string {
  const origin = `# Written by the build (src/netlify/headers.ts) for the ${build.context} context.\n`;
  if (!isPreview(build)) {
    // Always written, so a file left in _site by an earlier preview build cannot noindex production.
    return `${origin}# Nothing differs here: the security headers for every context are in netlify.toml.\n`;
  }
  return `${origin}/*\n  X-Robots-Tag: noindex\n`;
}

export async function writeContextHeaders(outputDir: string, build: Build): Promise<void> {
  await writeFile(join(outputDir, "_headers"), contextHeaders(build));
}
