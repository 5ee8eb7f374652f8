// Response headers that differ per build. netlify.toml's [[headers]] apply to every context alike,
// so the build writes these into _site/_headers, which Netlify applies together with netlify.toml's
// (https://docs.netlify.com/routing/headers/). Sites search engines must leave alone (previews,
// branch deploys, private sites) say so on every file, including those a meta tag cannot cover
// (feeds, sitemap, images). A private site is closed by its door (netlify/edge-functions/gate/), not
// here: Netlify's `Basic-Auth` rule works on Pro and Enterprise plans only, and nothing of SITE_USERS
// is ever written into _site/.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { siteAccess } from "../model/access.ts";
import { robotsOf } from "../privacy/meta.ts";
import type { Site } from "../model/content.ts";

type HeadersSite = Pick<Site, "noindex" | "private" | "build">;

/**
 * The calendar files' type, each by its exact path (src/build/plugins/sessions.ts `calendarFiles`): RFC 5545
 * §8.1 asks for `charset` with text/calendar, which Netlify's default type for `.ics` leaves out,
 * and a `*` in the middle of a Netlify path is not documented to match, so no pattern is relied on.
 */
export function calendarHeaders(paths: readonly string[]): string {
  return paths.map((path) => `${path}\n  Content-Type: text/calendar; charset=utf-8\n`).join("");
}

/** The `_headers` file for this build, in Netlify's format. `calendars`: the calendar files written. */
export function contextHeaders(site: HeadersSite, calendars: readonly string[] = []): string {
  const origin = `# Written by the build (src/netlify/headers.ts) for the ${site.build.context} context.\n`;
  const robots = robotsOf(site);
  const access = siteAccess(site);
  if (!robots && access.kind === "public") {
    // Always written, so a file left in _site by an earlier preview build cannot noindex production.
    return `${origin}# Nothing differs here: the security headers for every context are in netlify.toml.\n${calendarHeaders(calendars)}`;
  }
  const why =
    access.kind === "door"
      ? `# A private site: its door (netlify/edge-functions/gate/) lets in the ${access.users.count === 1 ? "name" : `${access.users.count} names`} in SITE_USERS (docs/privacy.md, "Privacy").\n`
      : access.kind === "local"
        ? "# A private site built without SITE_USERS, so without a password: a local build (Netlify's builds stop without it).\n"
        : "";
  return `${origin}${why}/*\n  X-Robots-Tag: ${robots}\n${calendarHeaders(calendars)}`;
}

export async function writeContextHeaders(
  outputDir: string,
  site: HeadersSite,
  calendars: readonly string[] = [],
): Promise<void> {
  await writeFile(join(outputDir, "_headers"), contextHeaders(site, calendars));
}
