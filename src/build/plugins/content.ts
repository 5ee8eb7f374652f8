// Content and validation: every file under content/ is read and checked before anything is
// written (all problems at once, no stack trace), and becomes the build's typed model. The layouts
// get the site settings, the authors and the interface text from here.
import type { CollectionItem, EventArgs, UserConfig } from "@11ty/eleventy";
import type { BuildSession } from "../session.ts";
import { settingsFromEnv } from "../../model/build.ts";
import { SiteBuild } from "../site-build.ts";
import { addNunjucksFilters } from "../nunjucks.ts";
import { createMarkdown } from "../../markdown/render.ts";
import { menuItems, type MenuPage } from "../navigation.ts";
import { yamlEngine } from "../../content/frontmatter.ts";
import { loadContent } from "../../content/load.ts";
import { ContentError } from "../../model/problems.ts";
import { waitForFix } from "../wait-for-fix.ts";
import { absolute } from "../../model/urls.ts";

/** Facilitator pages (content/*.md) for the menu and the sitemap; the 404 page is neither. */
export function contentPages(items: readonly CollectionItem[]): MenuPage[] {
  return items
    .filter((item): item is CollectionItem & { url: string } => typeof item.url === "string" && item.url.endsWith("/"))
    .sort((a, b) => a.inputPath.localeCompare(b.inputPath))
    .map((item) => ({
      title: String(item.data.title),
      url: item.url,
      ...(item.data.menu !== undefined ? { menu: item.data.menu } : {}),
    }));
}

/**
 * The build's first step. Bad content fails a build with a ContentError that lists every problem:
 * `npm run build` (scripts/eleventy.mjs) prints it and exits 1 before anything is written; the dev
 * server prints it here and keeps watching, so a save that fixes the file recovers.
 */
async function startBuild(session: BuildSession, runMode: EventArgs["runMode"]): Promise<SiteBuild> {
  const load = () => loadContent(session.root, settingsFromEnv(), session.caches.reads);
  let content = load();
  if (content.problems.length) {
    const error = new ContentError(content.problems);
    if (runMode === "build") throw error;
    console.error(`\n${error.message}\n`);
    if (session.started)
      throw Object.assign(new Error(`${error.problems.length} content problem(s), listed above. Waiting for a fix…`), {
        skipOriginalStack: true,
      });
    content = await waitForFix(session.root, load, error.message);
  }
  return new SiteBuild(content, session.caches);
}

export function contentPlugin(config: UserConfig, { session }: { session: BuildSession }): void {
  // Front-matter is YAML (core schema), parsed once: validation hands each page's data to Eleventy.
  config.setFrontMatterParsingOptions({
    engines: { yaml: yamlEngine((source) => (session.started ? session.current.frontMatter.get(source) : undefined)) },
  });
  config.on("eleventy.before", (round) => session.begin(round, () => startBuild(session, round.runMode)));

  // Typed settings for the layouts. Frozen: every page sees global data through Eleventy's proxies,
  // which hand frozen objects over as they are instead of wrapping them for each page (4,000 post
  // pages look these up 200,000 times).
  config.addGlobalData("site", () => Object.freeze(session.current.site));
  config.addGlobalData("authors", () => Object.freeze(session.current.content.authors));
  config.addGlobalData("t", () => Object.freeze(session.current.t));

  // Posts are content, not Eleventy templates: validated above and given their pages from the post
  // index (src/build/routes.ts), so Eleventy's per-template work is left to the few other pages. The
  // watcher still sees them and their earlier responses. It waits until a saved file has stopped
  // growing for 50 ms (Eleventy's default, 150 ms, is felt on every save; a file caught half-written
  // is reported by validation and rebuilt on the next event). https://www.11ty.dev/docs/watch-serve/
  config.ignores.add("content/posts/**");
  config.addWatchTarget("./content/posts/*.comments.yaml");
  config.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });

  // Content pages are Markdown with the posts' allow-list for raw HTML; no template language runs in them.
  config.setLibrary("md", createMarkdown());
  // Pages such as content/over.md appear in the sitemap, by file name, and in the menu when they ask (src/build/navigation.ts).
  config.addCollection("pages", (api) => contentPages(api.getFilteredByGlob("./content/*.md")));
  config.addCollection("menu", (api) =>
    menuItems(session.current, contentPages(api.getFilteredByGlob("./content/*.md"))),
  );

  addNunjucksFilters(config, {
    /** `/posts/x/` → `https://example.org/posts/x/` (canonical links, Open Graph, feeds, sitemap). */
    absoluteUrl: (path: string) => absolute(path, session.current.site),
    /** Page title for `<title>`: "Post — Site", or just the site on the home page. */
    pageTitle: (title: string | undefined) => {
      const site = session.current.site.title;
      return title && title !== site ? `${title} — ${site}` : site;
    },
  });
}
