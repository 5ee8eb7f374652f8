// hoedoededa's build, in the order things happen. Each block names the module that holds it.
import type { UserConfig } from "@11ty/eleventy";
import { yamlEngine } from "./src/content/frontmatter.ts";
import { checkContent, currentContent, currentSite, postIndex, refreshComments } from "./src/current.ts";
import { messages } from "./src/i18n/index.ts";
import { parseSiteDate } from "./src/dates.ts";
import { createMarkdown } from "./src/markdown.ts";
import { assets, buildAssets } from "./src/assets.ts";
import { filters, memoize } from "./src/filters.ts";
import { contentPages, derivedPages } from "./src/pages.ts";
import { useNunjucks } from "./src/summaries.ts";
import { writeRedirects } from "./src/redirects.ts";
import { previewBar } from "./src/netlify/preview.ts";
import { writeContextHeaders } from "./src/netlify/headers.ts";

export default function (config: UserConfig) {
  // Front-matter is YAML (core schema), parsed once: validation hands each file's data to Eleventy.
  config.setFrontMatterParsingOptions({ engines: { yaml: yamlEngine } });

  // Every file is validated before anything is written: all problems at once, no stack trace.
  // The CSS is fingerprinted only after that, so a failed build leaves _site as it was.
  config.on("eleventy.before", async ({ directories, runMode }) => {
    await checkContent(runMode);
    // The stylesheet and scripts are fingerprinted while GitHub is asked for response counts.
    await Promise.all([buildAssets(directories.output), refreshComments()]);
  });

  // Typed settings for the layouts: site.yaml (with build overrides), authors, interface text.
  config.addGlobalData("site", currentSite);
  config.addGlobalData("authors", () => currentContent().authors);
  config.addGlobalData("t", () => messages(currentSite().lang));
  config.addGlobalData("assets", () => assets);
  // Deploy previews and branch deploys say so on every page (src/netlify/preview.ts).
  config.addGlobalData("previewBar", () => previewBar(currentSite().build, messages(currentSite().lang)));

  // `date: 2012-04-11` is that day in the site's time zone, not midnight UTC.
  config.addDateParsing(function (value) {
    return typeof value === "string" && this.page.inputPath.includes("/posts/") ? parseSiteDate(value.trim(), currentSite().timezone) : undefined;
  });

  // Drafts are built only when asked (HOEDOEDEDA_DRAFTS=true, e.g. in deploy previews).
  config.addPreprocessor("drafts", "md", (data) => (data.draft === true && !currentSite().build.showDrafts ? false : undefined));

  // Tags are grouped once by src/posts.ts. Eleventy's own collection per tag (made, sorted and filled
  // with content for every tag) would be unused work, so it never sees `tags`.
  config.addPreprocessor("tags", "md", (data) => {
    delete data.tags;
  });

  // Markdown with an allow-list for raw HTML; no template language runs inside posts.
  config.setLibrary("md", createMarkdown());

  // Posts, tags and authors come from one pass over the posts (src/posts.ts).
  const posts = (api: import("@11ty/eleventy").CollectionApi) => postIndex(() => api.getFilteredByGlob("./content/posts/*.md"));
  config.addCollection("posts", (api) => posts(api).posts);
  config.addCollection("postBySlug", (api) => posts(api).bySlug);
  config.addCollection("tags", (api) => posts(api).tags);
  config.addCollection("authorsWithPosts", (api) => posts(api).authors);
  // Pages such as content/over.md appear in the menu and the sitemap, by file name.
  config.addCollection("pages", (api) => contentPages(api.getFilteredByGlob("./content/*.md")));

  // Eleventy's `url` filter (path prefix) runs dozens of times per post on list pages and is slow:
  // its answers never change during a run, so they are remembered.
  config.addFilter("url", memoize(config.getFilter("url")));

  // List pages reuse each post's summary, rendered once with Eleventy's own Nunjucks (src/summaries.ts).
  config.amendLibrary("njk", (env) => useNunjucks(env));

  // Filters the layouts use to stay free of logic (src/filters.ts).
  for (const [name, fn] of Object.entries(filters.sync)) config.addFilter(name, fn);
  for (const [name, fn] of Object.entries(filters.async)) config.addAsyncFilter(name, fn);

  // Home, tag and author pages, feeds, sitemap and robots.txt (src/pages.ts, layouts/pages/).
  derivedPages(config);

  // Netlify: headers that differ per deploy context (noindex for previews) go into _site/_headers.
  config.on("eleventy.after", ({ directories }) => writeContextHeaders(directories.output, currentSite().build));

  // Old addresses (e.g. of an imported WordPress blog) redirect with 301: content/_data/redirects.yaml → _site/_redirects.
  config.on("eleventy.after", ({ directories }) => writeRedirects(directories.output, currentContent().redirects));
  // Earlier responses beside the posts are content too: the dev server rebuilds when one changes.
  config.addWatchTarget("./content/posts/*.comments.yaml");

  // Images next to the content are copied as they are.
  config.addPassthroughCopy({ "content/img": "img" });
  config.addWatchTarget("./layouts/css/");
  config.addWatchTarget("./src/client/");

  return {
    dir: { input: "content", includes: "../layouts", data: "_data", output: "_site" },
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
    templateFormats: ["md", "njk"],
  };
}
