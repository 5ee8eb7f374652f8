// Pieces of a post that several pages show: its summary (title, date, author, excerpt, count, tags)
// on the home page, its tag pages and its author's page; its byline and tag list on its own page and
// in that summary. Each is rendered once per post per build and then reused: a page costs one
// string per piece instead of a template run (a Nunjucks include copies the page's data first).
import type { NunjucksEnvironment } from "@11ty/eleventy";
import type { Post } from "./posts.ts";

let environment: NunjucksEnvironment | undefined;
/** By post, by partial. Posts are new objects in every build, so a piece never outlives its build. */
const rendered = new WeakMap<Post, Map<string, string>>();

/** Eleventy hands over its Nunjucks environment (filters, includes folder) once it is set up. */
export function useNunjucks(env: NunjucksEnvironment): void {
  environment = env;
}

/** What a post's pieces are rendered with: the interface text and the site settings. */
export interface PieceContext {
  t: unknown;
  site: unknown;
}

/** The HTML of `layouts/partials/<partial>` for this post. */
export function postPiece(post: Post, partial: string, context: PieceContext): string {
  let pieces = rendered.get(post);
  if (!pieces) rendered.set(post, (pieces = new Map()));
  let html = pieces.get(partial);
  if (html === undefined) {
    if (!environment) throw new Error("postPiece: Nunjucks is not set up yet");
    // Nunjucks builds its output by appending: a rope of small strings, which every page that shows
    // this piece would walk again (a tag page joins hundreds). Trimming copies the rope into one flat
    // string, once (at 4,000 posts, joining the list pages went from 190 ms to 25 ms).
    html = environment.render(`partials/${partial}`, { post, t: context.t, site: context.site }).trim();
    pieces.set(partial, html);
  }
  return html;
}
