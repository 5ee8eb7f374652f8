// Response headers that differ per build. netlify.toml's [[headers]] apply to every context alike,
// so the build writes these into _site/_headers, which Netlify applies together with netlify.toml's
// (https://docs.netlify.com/routing/headers/). Sites search engines must leave alone (previews,
// branch deploys, private sites) say so on every file, including those a meta tag cannot cover
// (feeds, sitemap, images); a private site is also closed to everyone but the names in SITE_USERS,
// with Netlify's Basic-Auth rule for `/*`
// (https://docs.netlify.com/visitor-access/password-protection/). This file is the only place the
// passwords are written.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Site } from "../content/load.ts";
import { siteAccess } from "../privacy/access.ts";
import { robotsOf } from "../privacy/meta.ts";

type HeadersSite = Pick<Site, "noindex" | "private" | "build">;

/** The `_headers` file for this build, in Netlify's format. */
export function contextHeaders(site: HeadersSite): string {
  const origin = `# Written by the build (src/netlify/headers.ts) for the ${site.build.context} context.\n`;
  const robots = robotsOf(site);
  const access = siteAccess(site);
  if (!robots && access.kind === "public") {
    // Always written, so a file left in _site by an earlier preview build cannot noindex production.
    return `${origin}# Nothing differs here: the security headers for every context are in netlify.toml.\n`;
  }
  const why =
    access.kind === "password" ? `# A private site: only the ${access.users.count === 1 ? "name" : `${access.users.count} names`} in SITE_USERS may open it (README, "Privacy").\n`
    : access.kind === "local" ? "# A private site built without SITE_USERS, so without a password: a local build (Netlify's builds stop without it).\n"
    : "";
  const lines = ["/*", `  X-Robots-Tag: ${robots}`, ...(access.kind === "password" ? [`  Basic-Auth: ${access.users.basicAuth()}`] : [])];
  return `${origin}${why}${lines.join("\n")}\n`;
}

export async function writeContextHeaders(outputDir: string, site: HeadersSite): Promise<void> {
  await writeFile(join(outputDir, "_headers"), contextHeaders(site));
}
