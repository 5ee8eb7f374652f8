// Response headers that differ per build. netlify.toml's [[headers]] apply to every context alike,
// so the build writes these into _site/_headers, which Netlify applies together with netlify.toml's
// (https://docs.netlify.com/routing/headers/). Today that is one header: sites search engines must
// leave alone (previews and branch deploys) say so on every file, including those a meta tag cannot
// cover (feeds, sitemap, images).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Site } from "../content/load.ts";

/** The `_headers` file for this build, in Netlify's format. */
export function contextHeaders(site: Pick<Site, "noindex" | "build">): string {
  const origin = `# Written by the build (src/netlify/headers.ts) for the ${site.build.context} context.\n`;
  if (!site.noindex) {
    // Always written, so a file left in _site by an earlier preview build cannot noindex production.
    return `${origin}# Nothing differs here: the security headers for every context are in netlify.toml.\n`;
  }
  return `${origin}/*\n  X-Robots-Tag: noindex\n`;
}

export async function writeContextHeaders(outputDir: string, site: Pick<Site, "noindex" | "build">): Promise<void> {
  await writeFile(join(outputDir, "_headers"), contextHeaders(site));
}
