// Pieces of a post that several pages show: its summary (title, date, author, excerpt, count, tags)
// on the home page, its tag pages and its author's page; its byline and tag list on its own page and
// in that summary. Each is rendered once per post per build and then reused: a page costs one
// string per piece instead of a template run (a Nunjucks include copies the page's data first).
import type { NunjucksEnvironment } from "@11ty/eleventy";
import type { PostSummary } from "../model/posts.ts";

/** What pieces are rendered with: Eleventy's Nunjucks (filters, includes folder), the interface text, the site. */
export interface PieceContext {
  nunjucks: NunjucksEnvironment;
  t: unknown;
  site: unknown;
  /** This build's pieces so far, by post address and partial: a piece never outlives its build. */
  rendered: Map<string, string>;
}

/** The HTML of `layouts/partials/<partial>` for a post's summary. */
export function postPiece(summary: PostSummary, partial: string, context: PieceContext): string {
  const key = `${summary.url}\0${partial}`;
  let html = context.rendered.get(key);
  if (html === undefined) {
    // Nunjucks builds its output by appending: a rope of small strings, which every page that shows
    // this piece would walk again (a tag page joins hundreds). Trimming copies the rope into one flat
    // string, once (at 4,000 posts, joining the list pages went from 190 ms to 25 ms).
    html = context.nunjucks.render(`partials/${partial}`, { summary, t: context.t, site: context.site }).trim();
    context.rendered.set(key, html);
  }
  return html;
}
