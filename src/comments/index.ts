// Comments in GitHub Discussions through giscus, as the build sees them: the settings checked once
// per build and the response counts fetched once, before the pages.
import { ContentError, formatProblem } from "../model/problems.ts";
import { contentPaths } from "../model/paths.ts";
import { isListed } from "../content/visibility.ts";
import { liveResponses, type CountOptions } from "./counts.ts";
import { readRoom } from "./room.ts";
import { commentsOn, commentsSetup, overriddenComments, setupWarning } from "./settings.ts";
import type { Content } from "../model/content.ts";
import type { PostDiscussion } from "../model/responses.ts";

/**
 * The build's comment step: one warning when comments are not set up, one for each post whose
 * `comments: true` the site's `comments: false` overrides; when they are set up, what GitHub says
 * of each listed post's discussion (its responses, and its number once it exists).
 */
export async function prepareComments(
  content: Content,
  options: CountOptions & {
    warn: (message: string) => void;
    roomUnread?: () => void;
    /** A build that publishes (`npm run build`, Netlify): a private site whose room is public stops it. */
    strict?: boolean;
  },
): Promise<ReadonlyMap<string, PostDiscussion>> {
  const setup = setupWarning(content.site);
  if (setup) options.warn(setup);
  const { site } = content;
  for (const post of overriddenComments(content.posts, site))
    options.warn(formatProblem({ ...post, message: `warning: ${post.message}` }));
  const counted = content.posts.filter((post) => isListed(post.data, site.build) && commentsOn(post.data, site));
  // A private cohort's conversation is read whole, and its counts are what the pages show of it.
  if (site.private === true) {
    if (commentsSetup(site).status !== "ready") return new Map();
    const room = await readRoom(site, counted, options);
    if (room.publicRoom && options.strict)
      throw new ContentError([{ file: contentPaths.site, field: "giscus.repo", message: room.publicRoom }]);
    if (room.warning || room.publicRoom) {
      options.warn(room.warning ?? `warning: ${room.publicRoom}`);
      options.roomUnread?.();
      return new Map();
    }
    return new Map(
      counted.map((post): [string, PostDiscussion] => {
        const found = room.conversations.get(post.slug);
        return [post.slug, found ? { responses: found.count, number: found.number, room: found } : { responses: 0 }];
      }),
    );
  }
  const live = await liveResponses(site, counted, options);
  if (live.warning) options.warn(live.warning);
  return live.discussions;
}
