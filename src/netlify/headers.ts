// Response headers that differ per build. netlify.toml's [[headers]] apply to every context alike,
// so the build writes these into _site/_headers, which Netlify applies together with netlify.toml's
// (https://docs.netlify.com/routing/headers/). Today that is one header: sites search engines must
// leave alone (previews and branch deploys) say so on every file, including those a meta tag cannot
// cover (feeds, sitemap, images).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Site } from "../content/load.ts";

/**
 * The calendar files' type, each by its exact path (src/sessions/plugin.ts `calendarFiles`): RFC 5545
 * §8.1 asks for `charset` with text/calendar, which Netlify's default type for `.ics` leaves out,
 * and a `*` in the middle of a Netlify path is not documented to match, so no pattern is relied on.
 */
export function calendarHeaders(paths: readonly string[]): string {
  return paths.map((path) => `${path}\n  Content-Type: text/calendar; charset=utf-8\n`).join("");
}

/** The `_headers` file for this build, in Netlify's format. `calendars`: the calendar files written. */
export function contextHeaders(site: Pick<Site, "noindex" | "build">, calendars: readonly string[] = []): string {
  const origin = `# Written by the build (src/netlify/headers.ts) for the ${site.build.context} context.\n`;
  if (!site.noindex) {
    // Always written, so a file left in _site by an earlier preview build cannot noindex production.
    return `${origin}# Nothing differs here: the security headers for every context are in netlify.toml.\n${calendarHeaders(calendars)}`;
  }
  return `${origin}/*\n  X-Robots-Tag: noindex\n${calendarHeaders(calendars)}`;
}

export async function writeContextHeaders(outputDir: string, site: Pick<Site, "noindex" | "build">, calendars: readonly string[] = []): Promise<void> {
  await writeFile(join(outputDir, "_headers"), contextHeaders(site, calendars));
}
