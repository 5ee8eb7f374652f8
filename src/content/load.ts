// Reads and validates all content before Eleventy writes anything: every problem in every file,
// in one pass. The result is the typed model the rest of the site is derived from.
import { relative } from "node:path";
import type { BuildSettings } from "../model/build.ts";
import { loadAuthors, loadRedirects, loadSite } from "./data-files.ts";
import { loadPages, loadPosts, type PostReads } from "./post-files.ts";
import type { Problem } from "../model/problems.ts";
import { accessProblems, hasDoor } from "../model/access.ts";
import { readGateFile } from "./gate-file.ts";
import { checkSteps, loadSeries } from "./series-file.ts";
import type { Content } from "../model/content.ts";

/**
 * Everything under content/, validated; `problems` is empty when the site can be built. `reads`
 * keeps what the post files said from one call to the next (the build session's); a command
 * that loads once passes none.
 */
export function loadContent(root: string, settings: BuildSettings, reads: PostReads = new Map()): Content {
  const problems: Problem[] = [];
  const site = loadSite(root, settings, problems);
  // A private site that Netlify would publish without a password, or without its door, stops here, with the rest.
  problems.push(...accessProblems(site, hasDoor(site) ? readGateFile(root) : undefined));
  const authors = loadAuthors(root, problems);
  const series = loadSeries(root, problems);
  const posts = loadPosts(
    root,
    {
      ...(authors ? { authors: Object.keys(authors) } : {}),
      ...(series ? { series: Object.keys(series) } : {}),
      timezone: site.timezone,
    },
    reads,
    problems,
  );
  checkSteps(posts, problems);
  const pages = loadPages(root, problems);
  const redirects = loadRedirects(root, problems);
  return {
    site,
    authors: authors ?? {},
    posts,
    pages,
    redirects,
    series: series ?? {},
    problems: problems.map((p) => ({ ...p, file: relative(".", p.file) || p.file })),
  };
}
