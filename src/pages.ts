// The pages the site derives from posts (home, tags, authors, feeds, sitemap, robots.txt). Their
// markup lives in layouts/pages/; what each one paginates over and where it is written is here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CollectionItem, UserConfig } from "@11ty/eleventy";
import type { Site } from "./content/load.ts";
import type { Messages } from "./i18n/index.ts";
import type { AuthorPosts, Tag } from "./posts.ts";

/** The data a derived page's address and title come from (functions: no template is compiled per page). */
interface Data {
  site: Site;
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
  config.addTemplate("home.njk", template("home.njk"), {
    layout: "base.njk",
    pagination: { data: "collections.posts", size: HOME_PAGE_SIZE, alias: "posts" },
    permalink: (data: Data) => (data.pagination.pageNumber === 0 ? "/" : `/page/${data.pagination.pageNumber + 1}/`),
    eleventyComputed: { title: computed((data) => (data.pagination.pageNumber === 0 ? data.site.title : data.t.pageOf(data.pagination.pageNumber + 1, data.pagination.pages.length))) },
  });
  config.addTemplate("tags.njk", template("tags.njk"), {
    layout: "base.njk",
    permalink: "/tags/",
    eleventyComputed: { title: computed((data) => data.t.allTags) },
  });
  config.addTemplate("tag.njk", template("tag.njk"), {
    layout: "base.njk",
    pagination: { data: "collections.tags", size: 1, alias: "tag", addAllPagesToCollections: false },
    permalink: (data: Data) => data.tag.url,
    eleventyComputed: { title: computed((data) => data.t.taggedWith(data.tag.label)) },
  });
  config.addTemplate("author.njk", template("author.njk"), {
    layout: "base.njk",
    pagination: { data: "collections.authorsWithPosts", size: 1, alias: "group" },
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
