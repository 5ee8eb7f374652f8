// Which posts a build shows: the one rule the lists, feeds, sitemap, counts, check, discussions
// (and any later derived page) all use. A draft is never in a production build, not even as a link;
// a preview (src/model/build.ts `showDrafts`) shows drafts everywhere a post is listed, marked.
import type { BuildSettings } from "../model/build.ts";
import type { PostData } from "../model/schema.ts";

/** A post is published unless its front-matter says `draft: true`. */
export const isPublished = (data: Pick<PostData, "draft">): boolean => !data.draft;

/** Whether this build lists the post: published, or a draft in a build that shows drafts. */
export const isListed = (data: Pick<PostData, "draft">, settings: Pick<BuildSettings, "showDrafts">): boolean =>
  isPublished(data) || settings.showDrafts;
