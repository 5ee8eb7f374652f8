// npm start: after a save that changed only posts, render only the pages that show what changed
// (src/build/dev-server/render-plan.ts). The collections below are what the derived pages paginate over
// (src/build/routes.ts): everything in a production build.
import type { UserConfig } from "@11ty/eleventy";
import type { BuildSession } from "../session.ts";
import { DevSession } from "../dev-server/dev-session.ts";

export function devServerPlugin(config: UserConfig, { session }: { session: BuildSession }): void {
  const dev = new DevSession();
  const plan = () => dev.planFor(session.current);
  config.addCollection("postsToRender", () => plan().posts);
  config.addCollection("homeToRender", () => plan().home);
  config.addCollection("tagsToRender", () => plan().tags);
  config.addCollection("authorsToRender", () => plan().authors);
  // A post's calendar file is written with its page (src/sessions/).
  config.addCollection("calendarsToRender", () => plan().posts.filter((post) => post.session));
  config.addCollection("seriesToRender", () => plan().series);

  // https://www.11ty.dev/docs/events/#eleventy.beforewatch
  config.on("eleventy.beforeWatch", (changed: string[]) => {
    // Rendered bodies hold the width and height of the site's images (src/markdown/images.ts).
    if (dev.noteSaved(changed).images) session.caches.bodies.clear();
  });
  config.on("eleventy.after", ({ runMode }) => {
    if (runMode !== "build") dev.noteWritten(session.current);
  });
}
