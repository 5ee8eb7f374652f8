// hoedoededa's build: one plugin per concern, in the order a build runs them. Each plugin owns its
// hooks, global data, filters and collections (https://www.11ty.dev/docs/plugins/); they share the
// build in progress through the session. ARCHITECTURE.md tells how the pieces fit.
import type { UserConfig } from "@11ty/eleventy";
import { assetsPlugin } from "./src/build/plugins/assets.ts";
import { BuildSession } from "./src/build/session.ts";
import { cardsPlugin } from "./src/build/plugins/cards.ts";
import { commentsPlugin } from "./src/build/plugins/comments.ts";
import { contentPlugin } from "./src/build/plugins/content.ts";
import { devServerPlugin } from "./src/build/plugins/dev-server.ts";
import { netlifyPlugin } from "./src/build/plugins/netlify.ts";
import { postsPlugin } from "./src/build/plugins/posts.ts";
import { privacyPlugin } from "./src/build/plugins/privacy.ts";
import { sessionsPlugin } from "./src/build/plugins/sessions.ts";
import { searchPlugin } from "./src/build/plugins/search.ts";
import { writePlugin } from "./src/build/plugins/write.ts";

export default function (config: UserConfig) {
  // What this Eleventy process keeps from one build to the next: the build in progress, and caches.
  const session = new BuildSession();

  // Every file under content/ is validated before anything is written: all problems at once.
  config.addPlugin(contentPlugin, { session });
  // Posts become pages, and so do home, tags, authors, feeds, sitemap and robots.txt.
  config.addPlugin(postsPlugin, { session });
  // Sessions: the next meeting on the home page, the sessions page, a calendar per post and one for all.
  config.addPlugin(sessionsPlugin, { session });
  // Responses: earlier ones from the content, live ones in GitHub Discussions through giscus.
  config.addPlugin(commentsPlugin, { session });
  // Privacy: a private site's door (an edge function, SITE_USERS); what pages tell search engines and link previews.
  config.addPlugin(privacyPlugin, { session });
  // Writing on GitHub's web editor: /schrijven/ starts a new post (previews link each post's file).
  config.addPlugin(writePlugin, { session });
  // Netlify: what differs per deploy context, and old addresses redirected with a 301.
  config.addPlugin(netlifyPlugin, { session });
  // The stylesheet and scripts, fingerprinted for a year's caching; the site's images.
  config.addPlugin(assetsPlugin, { session });
  // Once the pages are written: the search index of the listed posts (Pagefind).
  config.addPlugin(searchPlugin, { session });
  // Link previews: a card per post, drawn once and kept in .cache/cards/.
  config.addPlugin(cardsPlugin, { session });
  // npm start renders only what a save changed.
  config.addPlugin(devServerPlugin, { session });

  return {
    dir: { input: "content", includes: "../layouts", data: "_data", output: "_site" },
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
    templateFormats: ["md", "njk"],
  };
}
