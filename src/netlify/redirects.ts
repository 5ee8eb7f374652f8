// Old addresses that moved (content/_data/redirects.yaml, written by the WordPress import or by
// hand) become Netlify's `_site/_redirects`: one `from to 301` line each. Static rules that belong
// to the site itself live in netlify.toml; Netlify reads _redirects first.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Redirect } from "../model/content.ts";

/**
 * Netlify's `_redirects` format. Paths are written percent-encoded, as browsers request them; an
 * old path with accents also in WordPress's lowercase spelling (`%c3%bc`), which old links use.
 */
export function redirectsFile(redirects: readonly Redirect[]): string {
  const lines = redirects.flatMap(({ from, to }) => {
    const target = to.startsWith("/") ? encodePath(to) : to;
    const encoded = encodePath(from);
    return [...new Set([encoded, encoded.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())])].map(
      (path) => `${path} ${target} 301`,
    );
  });
  return [
    "# Generated from content/_data/redirects.yaml by the build: edit that file, not this one.",
    ...lines,
    "",
  ].join("\n");
}

/** `/2012/04/11/über/` → `/2012/04/11/%C3%BCber/`; already-encoded paths stay as they are. */
export function encodePath(path: string): string {
  try {
    return encodeURI(decodeURI(path));
  } catch {
    return encodeURI(path);
  }
}

/** Written after every build, so that a removed redirect disappears from the site as well. */
export function writeRedirects(outputDir: string, redirects: readonly Redirect[]): void {
  writeFileSync(join(outputDir, "_redirects"), redirectsFile(redirects));
}
