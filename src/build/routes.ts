// Every page the site derives from the posts, in one table (its layout in layouts/pages/, where it is
// published, what it paginates over, its title), and from it the names a facilitator's page or an
// imported one may not take. The addresses themselves are built in src/model/urls.ts.
import type { UserConfig } from "@11ty/eleventy";
import { hasSitemap } from "../privacy/meta.ts";
import { hasDoor } from "../model/access.ts";
import { doorPage, logoutAddresses } from "../model/door.ts";
import type { Messages } from "../i18n/index.ts";
import {
  SEARCH_INDEX_DIR,
  homePageUrl,
  inEveryLanguage,
  localAddresses,
  postCalendarUrl,
  searchUrl,
} from "../model/urls.ts";
import type { Site } from "../model/content.ts";
import type { SessionLists } from "../model/sessions.ts";
import type { AuthorPosts, Post, Tag, SeriesPage } from "../model/posts.ts";

/** Posts per page on the home page. */
export const HOME_PAGE_SIZE = 20;

/** The data a derived page's address and title come from (functions: no template is compiled per page). */
interface Data {
  site: Site;
  t: Messages;
  post: Post;
  tag: Tag;
  group: AuthorPosts;
  series: SeriesPage;
  pagination: { pageNumber: number; pages: unknown[] };
  /** Global data of the sessions plugin (src/build/plugins/sessions.ts). */
  sessions: SessionLists<Post> & { any: boolean };
  /** The guide to responding, or false when the site shows no responses (src/comments/guide.ts): global data of the comments plugin. */
  respondGuide: { url: string } | false;
}

interface Route {
  /** The page's markup: `layouts/pages/<layout>`. */
  layout: string;
  /** Where it is published, as a pattern (for people, and for the reserved names below). */
  at: string;
  /** `false`: not written in this build (https://www.11ty.dev/docs/permalinks/#skip-writing-to-the-file-system). */
  permalink: string | ((data: Data) => string | false);
  /**
   * One page per item (or per `size` items) of a collection. These are the dev server's: every item
   * in a production build, only what a save changed in the dev server (src/build/plugins/dev-server.ts).
   */
  paginate?: {
    collection:
      "postsToRender" | "homeToRender" | "tagsToRender" | "authorsToRender" | "calendarsToRender" | "seriesToRender";
    size: number;
    alias: string;
  };
  title?: (data: Data) => string;
  /** A file for machines (feeds, sitemap, robots.txt): not a page in any collection. */
  file?: boolean;
  /** A page for the facilitator, not for readers: `noindex`, and in no collection (so in no sitemap). */
  noindex?: boolean;
}

export const routes: readonly Route[] = [
  {
    layout: "post.njk",
    at: "/posts/<slug>/",
    paginate: { collection: "postsToRender", size: 1, alias: "post" },
    permalink: (d) => d.post.url,
  },
  {
    layout: "home.njk",
    at: "/ and /page/<n>/",
    paginate: { collection: "homeToRender", size: HOME_PAGE_SIZE, alias: "posts" },
    permalink: (d) => homePageUrl(d.pagination.pageNumber + 1),
    title: (d) =>
      d.pagination.pageNumber === 0 ? d.site.title : d.t.pageOf(d.pagination.pageNumber + 1, d.pagination.pages.length),
  },
  { layout: "tags.njk", at: "/tags/", permalink: "/tags/", title: (d) => d.t.allTags },
  {
    layout: "tag.njk",
    at: "/tags/<slug>/",
    paginate: { collection: "tagsToRender", size: 1, alias: "tag" },
    permalink: (d) => d.tag.url,
    title: (d) => d.t.taggedWith(d.tag.label),
  },
  {
    layout: "author.njk",
    at: "/authors/<id>/",
    paginate: { collection: "authorsToRender", size: 1, alias: "group" },
    permalink: (d) => d.group.url,
    title: (d) => d.t.postsBy(d.group.author.name),
  },
  { layout: "feed.xml.njk", at: "/feed.xml", permalink: "/feed.xml", file: true },
  { layout: "feed.json.njk", at: "/feed.json", permalink: "/feed.json", file: true },
  {
    layout: "sitemap.xml.njk",
    at: "/sitemap.xml",
    permalink: (d) => (hasSitemap(d.site) ? "/sitemap.xml" : false),
    file: true,
  },
  { layout: "robots.txt.njk", at: "/robots.txt", permalink: "/robots.txt", file: true },
  // Sessions (src/sessions/): their page and subscribable calendar when the site has any, a calendar
  // file per post with a session. A calendar is a route like the feeds, so the dev server writes a
  // post's file again when it renders the post (calendarsToRender), and its address is reserved.
  {
    layout: "sessions.njk",
    at: inEveryLanguage("sessions"),
    permalink: (d) => (d.sessions.any ? localAddresses(d.site.lang).sessions : false),
    title: (d) => d.t.sessionsTitle,
  },
  {
    layout: "sessions.ics.njk",
    at: inEveryLanguage("calendar"),
    permalink: (d) => (d.sessions.any ? localAddresses(d.site.lang).calendar : false),
    file: true,
  },
  {
    layout: "post.ics.njk",
    at: "/posts/<slug>/<slug>.ics",
    paginate: { collection: "calendarsToRender", size: 1, alias: "post" },
    permalink: (d) => postCalendarUrl(d.post.slug),
    file: true,
  },
  // "Hoe reageer ik?": for a site whose posts have a responses section (src/comments/guide.ts).
  {
    layout: "guide.njk",
    at: inEveryLanguage("guide"),
    permalink: (d) => (d.respondGuide ? d.respondGuide.url : false),
    title: (d) => d.t.guideTitle,
  },
  {
    layout: "series.njk",
    at: "/series/<id>/",
    paginate: { collection: "seriesToRender", size: 1, alias: "series" },
    permalink: (d) => d.series.url,
    title: (d) => d.series.title,
  },
  // The search page; the index beside it is written after the pages (src/search/).
  {
    layout: "search.njk",
    at: inEveryLanguage("search"),
    permalink: (d) => searchUrl(d.site.lang),
    title: (d) => d.t.searchTitle,
  },
  {
    layout: "write.njk",
    at: inEveryLanguage("write"),
    permalink: (d) => localAddresses(d.site.lang).write,
    title: (d) => d.t.writeTitle,
    noindex: true,
  },
  // A private site's login page: the gate (netlify/edge-functions/gate/) shows it at whatever address was
  // asked for; it stands alone, showing nothing that is behind the door.
  {
    layout: "door.njk",
    at: doorPage,
    permalink: (d) => (hasDoor(d.site) ? doorPage : false),
    title: (d) => d.t.doorTitle,
    noindex: true,
  },
];

/**
 * Top-level names the site uses itself, so a page (content/<name>.md, or one the WordPress import
 * writes) may not take them: the derived pages above, the stylesheet and scripts (/assets/), the
 * images (/img/), the feed addresses netlify.toml redirects (/feed, /rss, …), the log-out addresses
 * the door of a private site answers, the 404 page and index (Eleventy publishes content/index.md at `/`).
 */
export const reservedNames: ReadonlySet<string> = new Set([
  ...routes.flatMap((route) => route.at.split(" and ").map((at) => at.split("/")[1]!)).filter(Boolean),
  "page",
  "assets",
  "img",
  SEARCH_INDEX_DIR,
  "feed",
  "rss",
  "rss.xml",
  "atom.xml",
  "index.xml",
  ...Object.values(logoutAddresses).map((address) => address.split("/")[1]!),
  "404",
  "404.html",
  "index",
]);

/** The derived pages' own addresses that are always there (`/`, `/tags/`, `/feed.xml`, …). */
export const fixedAddresses: ReadonlySet<string> = new Set([
  "/",
  ...routes.map((route) => route.at).filter((at) => at.startsWith("/") && !/[<\s]/.test(at)),
]);

/** Whether a page at `path` (e.g. `/tags/`, `/over/`) would take an address the site uses itself. */
export const isReserved = (path: string): boolean => path === "/" || reservedNames.has(path.split("/")[1] ?? "");

/**
 * Eleventy first calls computed data with a proxy to learn what it depends on; the dictionary's
 * functions are not functions then, so the title is only computed from the real data
 * (https://www.11ty.dev/docs/data-computed/#declaring-your-dependencies).
 */
const computed = (title: (data: Data) => string) => (data: Data) =>
  typeof data.t?.pageOf === "function" ? title(data) : "";

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
        ? {
            pagination: {
              data: `collections.${route.paginate.collection}`,
              size: route.paginate.size,
              alias: route.paginate.alias,
              addAllPagesToCollections: false,
            },
          }
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
