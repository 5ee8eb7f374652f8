// The pages the site derives from the posts (post pages, home, tags, authors, feeds, sitemap,
// robots.txt). Their markup lives in layouts/pages/; what each one paginates over and where it is
// written is here. Paginated pages go through what this build renders (src/rebuild.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CollectionItem, UserConfig } from "@11ty/eleventy";
import type { Site } from "./content/load.ts";
import type { Messages } from "./i18n/index.ts";
import type { AuthorPosts, Post, Tag } from "./posts.ts";

/** The data a derived page's address and title come from (functions: no template is compiled per page). */
interface Data {
  site: Site;
  post: Post;
  t: Messages;
  pagination: { pageNumber: number; pages: unknown[] };
  tag: Tag;
  group: AuthorPosts;
}

/** Posts per page on the home page; older ones continue at /page/2/, /page/3/, … */
export const HOME_PAGE_SIZE = 20;

// Found from the project being built, like Eleventy's own layouts folder.
const template = (name: string) => readFileSync(join(process.cwd(), "layouts/pages", name), "utf8");

/**
 * A page whose markup is the layout `layouts/pages/<name>`. Eleventy compiles a layout once, but a
 * paginated Nunjucks template's own content once for every page it makes (4,000 for 4,000 posts),
 * so these templates have none; and as plain HTML, that empty content is not run through Nunjucks
 * for every page either (70 µs a page: Nunjucks first copies the page's data).
 */
const fromLayout = (config: UserConfig, name: string, data: Record<string, unknown>) =>
  config.addTemplate(name, "", { layout: `pages/${name}`, templateEngineOverride: "html", ...data });

/**
 * Eleventy first calls computed data with a proxy to learn what it depends on; the dictionary's
 * functions are not functions then, so the title is only computed from the real data.
 */
const computed = (title: (data: Data) => string) => (data: Data) =>
  typeof data.t?.pageOf === "function" ? title(data) : "";

/** Facilitator pages (content/*.md) for the menu and the sitemap; the 404 page is neither. */
export function contentPages(items: readonly CollectionItem[]): { title: string; url: string }[] {
  return items
    .filter((item): item is CollectionItem & { url: string } => typeof item.url === "string" && item.url.endsWith("/"))
    .sort((a, b) => a.inputPath.localeCompare(b.inputPath))
    .map((item) => ({ title: String(item.data.title), url: item.url }));
}

export function derivedPages(config: UserConfig): void {
  // Posts are content, not templates (src/posts.ts): one page per post from the index.
  fromLayout(config, "post.njk", {
    pagination: { data: "collections.postsToRender", size: 1, alias: "post", addAllPagesToCollections: false },
    permalink: (data: Data) => data.post.url,
    eleventyExcludeFromCollections: true,
  });
  fromLayout(config, "home.njk", {
    pagination: { data: "collections.homeToRender", size: HOME_PAGE_SIZE, alias: "posts" },
    permalink: (data: Data) => (data.pagination.pageNumber === 0 ? "/" : `/page/${data.pagination.pageNumber + 1}/`),
    eleventyComputed: { title: computed((data) => (data.pagination.pageNumber === 0 ? data.site.title : data.t.pageOf(data.pagination.pageNumber + 1, data.pagination.pages.length))) },
  });
  fromLayout(config, "tags.njk", {
    permalink: "/tags/",
    eleventyComputed: { title: computed((data) => data.t.allTags) },
  });
  fromLayout(config, "tag.njk", {
    pagination: { data: "collections.tagsToRender", size: 1, alias: "tag", addAllPagesToCollections: false },
    permalink: (data: Data) => data.tag.url,
    eleventyComputed: { title: computed((data) => data.t.taggedWith(data.tag.label)) },
  });
  fromLayout(config, "author.njk", {
    pagination: { data: "collections.authorsToRender", size: 1, alias: "group" },
    permalink: (data: Data) => data.group.url,
    eleventyComputed: { title: computed((data) => data.t.postsBy(data.group.author.name)) },
  });
  for (const name of ["feed.xml", "feed.json", "sitemap.xml", "robots.txt"]) {
    config.addTemplate(`${name}.njk`, template(`${name}.njk`), {
      permalink: `/${name}`,
      layout: false,
      eleventyExcludeFromCollections: true,
      eleventyImport: { collections: ["posts"] },
    });
  }
}
