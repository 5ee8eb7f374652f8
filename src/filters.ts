// The few filters the layouts need, so that templates only place values.
import { currentSite } from "./current.ts";
import { absolute, absoluteHtml, FEED_SIZE, jsonFeed } from "./feeds.ts";
import { messages } from "./i18n/index.ts";
import type { Post } from "./posts.ts";
import { postPiece, type PieceContext } from "./pieces.ts";
import { commentsSection } from "./comments/index.ts";

const pieceContext = (): PieceContext => ({ t: messages(currentSite().lang), site: currentSite() });

export const filters = {
  sync: {
    /** `/posts/x/` → `https://example.org/posts/x/` (canonical links, Open Graph, feeds, sitemap). */
    absoluteUrl: (path: string) => absolute(path, currentSite()),
    /** Newest post's date for a feed's `updated`, or the site's epoch when there are none. */
    newestDatetime: (posts: readonly Post[]) => posts[0]?.datetime ?? "1970-01-01T00:00:00Z",
    /** The newest posts, as many as a feed carries. */
    feedPosts: (posts: readonly Post[]) => posts.slice(0, FEED_SIZE),
    /** What the comments section under a post shows in this build (src/comments/section.ts). */
    commentsSection: (post: Post) => commentsSection(post, currentSite()),
    /** A piece of a post (`partials/<name>.njk`: its byline, its tags), rendered once per build (src/pieces.ts). */
    piece: (post: Post, name: string) => postPiece(post, `${name}.njk`, pieceContext()),
    /** Posts' summaries for list pages, each rendered once per build (src/pieces.ts), one per line. */
    summaries: (posts: readonly Post[]) => {
      const context = pieceContext();
      return posts.map((post) => postPiece(post, "post-summary.njk", context)).join("\n");
    },
    /** Page title for `<title>`: "Post — Site", or just the site on the home page. */
    pageTitle: (title: string | undefined) => (title && title !== currentSite().title ? `${title} — ${currentSite().title}` : currentSite().title),
  },
  async: {
    absoluteHtml,
    jsonFeed: (posts: readonly Post[]) => jsonFeed(posts, currentSite()),
  },
};
