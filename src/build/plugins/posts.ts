// The posts: one index per build (src/posts/post-index.ts), their pages and every page derived from
// them (src/build/routes.ts), and the filters their layouts need to stay free of logic.
import type { UserConfig } from "@11ty/eleventy";
import { addNunjucksFilters } from "../nunjucks.ts";
import type { BuildSession } from "../session.ts";
import { addRoutes } from "../routes.ts";
import { absoluteHtml, FEED_SIZE, feedTitle, jsonFeed } from "../../posts/feeds.ts";
import { postPiece, type PieceContext } from "../../posts/pieces.ts";
import type { Post, PostSummary } from "../../model/posts.ts";

export function postsPlugin(config: UserConfig, { session }: { session: BuildSession }): void {
  const index = () => session.current.index();
  config.addCollection("posts", () => index().posts);
  config.addCollection("tags", () => index().tags);
  config.addCollection("authorsWithPosts", () => index().authors);
  config.addCollection("series", () => index().series);

  // A post's summary, byline and tags are rendered once per build with Eleventy's own Nunjucks
  // (filters, includes folder) and reused by every page that shows them (src/posts/pieces.ts).
  config.amendLibrary("njk", (env) => void (session.nunjucks = env));
  const pieceContext = (): PieceContext => {
    const build = session.current;
    if (!session.nunjucks) throw new Error("Nunjucks is not set up yet");
    return { nunjucks: session.nunjucks, t: build.t, site: build.site, rendered: build.pieces };
  };

  addNunjucksFilters(config, {
    /** A piece of a post (`partials/<name>.njk`: its byline, its tags), rendered once per build. */
    piece: (summary: PostSummary, name: string) => postPiece(summary, `${name}.njk`, pieceContext()),
    /** Posts' summaries for list pages, one per line. */
    summaries: (posts: readonly Post[]) => {
      const context = pieceContext();
      return posts.map((post) => postPiece(post.summary, "post-summary.njk", context)).join("\n");
    },
    /** Newest post's date for a feed's `updated`, or the epoch when there are none. */
    newestDatetime: (posts: readonly Post[]) => posts[0]?.datetime ?? "1970-01-01T00:00:00Z",
    /** The newest posts, as many as a feed carries. */
    feedPosts: (posts: readonly Post[]) => posts.slice(0, FEED_SIZE),
    /** A feed entry's title: drafts (previews only) say so. */
    feedTitle: (post: Post) => feedTitle(post, session.current.t),
  });
  config.addAsyncFilter("absoluteHtml", absoluteHtml);
  config.addAsyncFilter("jsonFeed", (posts: readonly Post[]) =>
    jsonFeed(posts, session.current.site, session.current.t),
  );

  // Post pages, home and its pagination, tag and author pages, feeds, sitemap and robots.txt.
  addRoutes(config);
}
