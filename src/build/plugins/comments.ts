// Responses: the earlier ones kept in the content, the live discussion on GitHub through giscus,
// and the counts on list pages. The counts are asked once per build, before the pages are made.
import type { UserConfig } from "@11ty/eleventy";
import { addNunjucksFilters } from "../nunjucks.ts";
import type { BuildSession } from "../session.ts";
import type { SiteBuild } from "../site-build.ts";
import { guideFor, respondGuide, type RespondGuide } from "../../comments/guide.ts";
import { prepareComments } from "../../comments/index.ts";
import { responsesSection } from "../../comments/section.ts";
import type { Post } from "../../model/posts.ts";

export function commentsPlugin(config: UserConfig, { session }: { session: BuildSession }): void {
  config.on("eleventy.before", async (round) => {
    const build = await session.building(round);
    try {
      build.live = await prepareComments(build.content, {
        warn: (message) => session.warnOnce(message),
        roomUnread: () => (build.roomUnread = true),
        root: session.root,
        strict: round.runMode === "build",
      });
    } catch (error) {
      build.countsFailed(error);
      throw error;
    }
  });
  // The guide to responding and the privacy line (src/comments/guide.ts), worked out once per build.
  const guides = new WeakMap<SiteBuild, RespondGuide | false>();
  const guide = () => {
    const build = session.current;
    if (!guides.has(build)) guides.set(build, respondGuide(build.site));
    return guides.get(build)!;
  };
  config.addGlobalData("respondGuide", () => {
    const found = guide();
    return found && Object.freeze(found);
  });
  addNunjucksFilters(config, {
    /** What the responses section under a post shows in this build (src/comments/section.ts). */
    responsesSection: (post: Post) =>
      responsesSection(post, session.current.site, post.discussionNumber, { roomUnread: session.current.roomUnread }),
    /** The guide, privacy line and contact for a post's questions and responses section, or false. */
    guideFor: (post: Post) => guideFor(post, guide()),
  });
}
