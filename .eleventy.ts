// hoedoededa's build, in the order things happen. Each block names the module that holds it.
import type { UserConfig } from "@11ty/eleventy";
import { yamlEngine } from "./src/content/frontmatter.ts";
import { contentPaths } from "./src/content/load.ts";
import { checkContent, currentContent, currentSite, noteSaved, noteWritten, postIndex, refreshComments, renderPlan } from "./src/current.ts";
import { messages } from "./src/i18n/index.ts";
import { createMarkdown } from "./src/markdown.ts";
import { assets, compileAssets, writeAssets } from "./src/assets.ts";
import { filters } from "./src/filters.ts";
import { contentPages, derivedPages } from "./src/pages.ts";
import { useNunjucks } from "./src/pieces.ts";
import { writeRedirects } from "./src/redirects.ts";
import { previewBar } from "./src/netlify/preview.ts";
import { writeContextHeaders } from "./src/netlify/headers.ts";

export default function (config: UserConfig) {
  // Front-matter is YAML (core schema), parsed once: validation hands each file's data to Eleventy.
  config.setFrontMatterParsingOptions({ engines: { yaml: yamlEngine } });

  // Every file is validated before anything is written: all problems at once, no stack trace.
  // esbuild compiles the stylesheet and scripts meanwhile, in its own process; they are written
  // only after, so a failed build leaves _site as it was.
  config.on("eleventy.before", async ({ directories, runMode }) => {
    const compiled = compileAssets();
    compiled.catch(() => {}); // awaited below; content problems are reported first
    await checkContent(runMode);
    // The stylesheet and scripts are fingerprinted while GitHub is asked for response counts.
    await Promise.all([compiled.then((outputs) => writeAssets(directories.output, outputs)), refreshComments()]);
  });

  // Typed settings for the layouts: site.yaml (with build overrides), authors, interface text.
  // Frozen: every page sees global data through Eleventy's proxies, which hand frozen objects over
  // as they are instead of wrapping them for each page (4,000 post pages look these up 200,000 times).
  config.addGlobalData("site", () => Object.freeze(currentSite()));
  config.addGlobalData("authors", () => Object.freeze(currentContent().authors));
  config.addGlobalData("t", () => Object.freeze(messages(currentSite().lang)));
  config.addGlobalData("assets", () => Object.freeze({ ...assets }));
  // Deploy previews and branch deploys say so on every page (src/netlify/preview.ts).
  config.addGlobalData("previewBar", () => previewBar(currentSite().build, messages(currentSite().lang)));

  // Posts are content, not Eleventy templates: validated above, rendered once each (src/bodies.ts)
  // and given a page by src/pages.ts. Eleventy's per-template work is left to the few other pages.
  config.ignores.add("content/posts/**");
  // The watcher still sees them (and their earlier responses beside them). It waits until a saved
  // file has stopped growing for 50 ms (Eleventy's default, 150 ms, is felt on every save; a file
  // caught half-written is reported by validation and rebuilt on the next event).
  config.addWatchTarget("./content/posts/*.comments.yaml");
  config.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });

  // Markdown with an allow-list for raw HTML (content pages; posts use the same, src/markdown.ts).
  // No template language runs inside Markdown.
  config.setLibrary("md", createMarkdown());

  // Posts, tags and authors come from one pass over the posts (src/posts.ts).
  config.addCollection("posts", () => postIndex().posts);
  config.addCollection("tags", () => postIndex().tags);
  config.addCollection("authorsWithPosts", () => postIndex().authors);
  // What this build renders: everything, or in the dev server the pages that show what a save changed (src/rebuild.ts).
  config.addCollection("postsToRender", () => renderPlan().posts);
  config.addCollection("homeToRender", () => renderPlan().home);
  config.addCollection("tagsToRender", () => renderPlan().tags);
  config.addCollection("authorsToRender", () => renderPlan().authors);
  config.on("eleventy.beforeWatch", (changed: string[]) => noteSaved(changed));
  config.on("eleventy.after", () => noteWritten());

  // Pages such as content/over.md appear in the menu and the sitemap, by file name.
  config.addCollection("pages", (api) => contentPages(api.getFilteredByGlob("./content/*.md")));

  // Filters the layouts use to stay free of logic (src/filters.ts). The everyday ones go straight to
  // Nunjucks: Eleventy's wrapper around each filter call (timing, page context) cost more than the
  // filters themselves, some 100,000 times per 4,000 posts. The site lives at the root of its domain,
  // so links need no `url` filter (a path prefix would be Eleventy's HTML <base> plugin's job).
  // A post's summary, byline and tags are rendered once with this same Nunjucks and reused by every
  // page that shows them (src/pieces.ts).
  config.amendLibrary("njk", (env) => {
    for (const [name, fn] of Object.entries(filters.sync)) env.addFilter(name, fn);
    useNunjucks(env);
  });
  for (const [name, fn] of Object.entries(filters.async)) config.addAsyncFilter(name, fn);

  // Post pages, home, tag and author pages, feeds, sitemap and robots.txt (src/pages.ts, layouts/pages/).
  derivedPages(config);

  // Netlify: headers that differ per deploy context (noindex for previews) go into _site/_headers.
  config.on("eleventy.after", ({ directories }) => writeContextHeaders(directories.output, currentSite().build));

  // Old addresses (e.g. of an imported WordPress blog) redirect with 301: content/_data/redirects.yaml → _site/_redirects.
  config.on("eleventy.after", ({ directories }) => writeRedirects(directories.output, currentContent().redirects));

  // Images next to the content are copied as they are.
  config.addPassthroughCopy({ [contentPaths.images]: "img" });
  config.addWatchTarget("./layouts/css/");
  config.addWatchTarget("./src/client/");

  return {
    dir: { input: "content", includes: "../layouts", data: "_data", output: "_site" },
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
    templateFormats: ["md", "njk"],
  };
}
