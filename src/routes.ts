// Where things are published, in one place: the addresses the content contract fixes, every page
// the site derives from the posts (its layout in layouts/pages/, what it paginates over, its title),
// and from those the names a facilitator's page or an imported one may not take.
import type { UserConfig } from "@11ty/eleventy";
import { absoluteUrl } from "@11ty/eleventy-plugin-rss";
import type { Site } from "./content/load.ts";
import type { Messages } from "./i18n/index.ts";
import type { AuthorPosts, Post, Tag } from "./posts/post-index.ts";

export const postUrl = (slug: string) => `/posts/${slug}/`;
export const tagUrl = (slug: string) => `/tags/${slug}/`;
export const authorUrl = (id: string) => `/authors/${id}/`;
/** Page `n` of the home page: `/`, then `/page/2/`, `/page/3/`, … */
export const homePageUrl = (n: number) => (n <= 1 ? "/" : `/page/${n}/`);

/** A site at the root of a lower-case host without a port, and a path URL parsing would not change. */
const bareOrigin = /^https?:\/\/[a-z0-9.-]+$/;
const plainPath = /^\/(?!\/)[\w\-~/]*(?:\.[\w-]+)?$/;

/**
 * `/posts/x/` → `https://example.org/posts/x/`. Every page asks twice (canonical link, Open Graph)
 * and the sitemap once per page, so the common case is joined as text; anything else is parsed.
 */
export const absolute = (path: string, site: Pick<Site, "url">) =>
  bareOrigin.test(site.url) && plainPath.test(path) ? `${site.url}${path}` : absoluteUrl(path, `${site.url}/`);

/** Posts per page on the home page. */
export const HOME_PAGE_SIZE = 20;

/** The data a derived page's address and title come from (functions: no template is compiled per page). */
interface Data {
  site: Site;
  t: Messages;
  post: Post;
  tag: Tag;
  group: AuthorPosts;
  pagination: { pageNumber: number; pages: unknown[] };
}

interface Route {
  /** The page's markup: `layouts/pages/<layout>`. */
  layout: string;
  /** Where it is published, as a pattern (for people, and for the reserved names below). */
  at: string;
  permalink: string | ((data: Data) => string);
  /**
   * One page per item (or per `size` items) of a collection. These are the dev server's: every item
   * in a production build, only what a save changed in the dev server (src/dev-server/plugin.ts).
   */
  paginate?: { collection: "postsToRender" | "homeToRender" | "tagsToRender" | "authorsToRender"; size: number; alias: string };
  title?: (data: Data) => string;
  /** A file for machines (feeds, sitemap, robots.txt): not a page in any collection. */
  file?: boolean;
  /** A page for the facilitator, not for readers: `noindex`, and in no collection (so in no sitemap). */
  noindex?: boolean;
}

export const routes: readonly Route[] = [
  { layout: "post.njk", at: "/posts/<slug>/", paginate: { collection: "postsToRender", size: 1, alias: "post" }, permalink: (d) => d.post.url },
  {
    layout: "home.njk", at: "/ and /page/<n>/", paginate: { collection: "homeToRender", size: HOME_PAGE_SIZE, alias: "posts" },
    permalink: (d) => homePageUrl(d.pagination.pageNumber + 1),
    title: (d) => (d.pagination.pageNumber === 0 ? d.site.title : d.t.pageOf(d.pagination.pageNumber + 1, d.pagination.pages.length)),
  },
  { layout: "tags.njk", at: "/tags/", permalink: "/tags/", title: (d) => d.t.allTags },
  { layout: "tag.njk", at: "/tags/<slug>/", paginate: { collection: "tagsToRender", size: 1, alias: "tag" }, permalink: (d) => d.tag.url, title: (d) => d.t.taggedWith(d.tag.label) },
  { layout: "author.njk", at: "/authors/<id>/", paginate: { collection: "authorsToRender", size: 1, alias: "group" }, permalink: (d) => d.group.url, title: (d) => d.t.postsBy(d.group.author.name) },
  { layout: "feed.xml.njk", at: "/feed.xml", permalink: "/feed.xml", file: true },
  { layout: "feed.json.njk", at: "/feed.json", permalink: "/feed.json", file: true },
  { layout: "sitemap.xml.njk", at: "/sitemap.xml", permalink: "/sitemap.xml", file: true },
  { layout: "robots.txt.njk", at: "/robots.txt", permalink: "/robots.txt", file: true },
  {
    layout: "write.njk", at: "/schrijven/ and /write/", permalink: (d) => (d.site.lang === "en" ? "/write/" : "/schrijven/"),
    title: (d) => d.t.writeTitle, noindex: true,
  },
];

/**
 * Top-level names the site uses itself, so a page (content/<name>.md, or one the WordPress import
 * writes) may not take them: the derived pages above, the stylesheet and scripts (/assets/), the
 * images (/img/), the feed addresses netlify.toml redirects (/feed, /rss, …), the 404 page and
 * index (Eleventy publishes content/index.md at `/`).
 */
export const reservedNames: ReadonlySet<string> = new Set([
  ...routes.flatMap((route) => route.at.split(" and ").map((at) => at.split("/")[1]!)).filter(Boolean),
  "page", "assets", "img", "feed", "rss", "rss.xml", "atom.xml", "index.xml", "404", "404.html", "index",
]);

/** The derived pages' own addresses that are always there (`/`, `/tags/`, `/feed.xml`, …). */
export const fixedAddresses: ReadonlySet<string> = new Set(["/", ...routes.flatMap((route) => route.at.split(" and ")).filter((at) => at.startsWith("/") && !at.includes("<"))]);

/** Whether a page at `path` (e.g. `/tags/`, `/over/`) would take an address the site uses itself. */
export const isReserved = (path: string): boolean => path === "/" || reservedNames.has(path.split("/")[1] ?? "");

/**
 * Eleventy first calls computed data with a proxy to learn what it depends on; the dictionary's
 * functions are not functions then, so the title is only computed from the real data
 * (https://www.11ty.dev/docs/data-computed/#declaring-your-dependencies).
 */
const computed = (title: (data: Data) => string) => (data: Data) => (typeof data.t?.pageOf === "function" ? title(data) : "");

/**
 * Each route is a virtual template (https://www.11ty.dev/docs/virtual-templates/) whose markup is a
 * layout. Eleventy compiles a layout once, but a paginated template's own content once for every
 * page it makes (4,000 for 4,000 posts), so these templates have none; and as plain HTML, that empty
 * content is not run through Nunjucks for each page either. Layouts are watched, so an edit shows
 * in `npm start` at once.
 */
export function addRoutes(config: UserConfig): void {
  for (const route of routes) {
    config.addTemplate(route.layout, "", {
      layout: `pages/${route.layout}`,
      templateEngineOverride: "html",
      permalink: route.permalink,
      ...(route.paginate
        ? { pagination: { data: `collections.${route.paginate.collection}`, size: route.paginate.size, alias: route.paginate.alias, addAllPagesToCollections: false } }
        : {}),
      ...(route.title ? { eleventyComputed: { title: computed(route.title) } } : {}),
      // Post pages and files are in no collection; the feeds and the sitemap list posts, so an
      // incremental build renders them again when the posts change.
      ...(route.file || route.noindex || route.layout === "post.njk" ? { eleventyExcludeFromCollections: true } : {}),
      ...(route.noindex ? { noindex: true } : {}),
      ...(route.file ? { eleventyImport: { collections: ["posts"] } } : {}),
    });
  }
}
