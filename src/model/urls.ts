// Addresses on the site, built from a slug or id: the content contract's (`/posts/<slug>/`, …) and
// those that are words in the site's language. A leaf: the route table (src/build/routes.ts) says which
// pages exist; every layer that links to one asks here.
import { absoluteUrl } from "@11ty/eleventy-plugin-rss";
import type { Lang } from "./languages.ts";

export const postUrl = (slug: string) => `/posts/${slug}/`;
export const tagUrl = (slug: string) => `/tags/${slug}/`;
export const authorUrl = (id: string) => `/authors/${id}/`;
export const seriesUrl = (id: string) => `/series/${id}/`;
/** Where the build writes the search index and Pagefind's scripts (src/search/). */
export const SEARCH_INDEX_DIR = "pagefind";
/** Page `n` of the home page: `/`, then `/page/2/`, `/page/3/`, … */
export const homePageUrl = (n: number) => (n <= 1 ? "/" : `/page/${n}/`);
/** A post's session as a calendar file of one event, beside its page (the file is named after the post). */
export const postCalendarUrl = (slug: string) => `/posts/${slug}/${slug}.ics`;

/** Addresses that are words in the site's language: the sessions page, their calendar, the guide to responding, the search page. */
const addresses: Record<Lang, { sessions: string; calendar: string; guide: string; search: string; write: string }> = {
  nl: {
    sessions: "/bijeenkomsten/",
    calendar: "/bijeenkomsten.ics",
    guide: "/hoe-reageer-ik/",
    search: "/zoeken/",
    write: "/schrijven/",
  },
  en: {
    sessions: "/sessions/",
    calendar: "/sessions.ics",
    guide: "/how-to-respond/",
    search: "/search/",
    write: "/write/",
  },
};
export const localAddresses = (lang: Lang) => addresses[lang];
/** The search page, in the site's language: `/zoeken/` on a Dutch site, `/search/` on an English one. */
export const searchUrl = (lang: Lang) => addresses[lang].search;
/** Every language's form of one address, as a route's `at` (all of them are reserved, whatever the site's language). */
export const inEveryLanguage = (which: keyof (typeof addresses)[Lang]) =>
  Object.values(addresses)
    .map((a) => a[which])
    .join(" and ");

/** A site at the root of a lower-case host without a port, and a path URL parsing would not change. */
const bareOrigin = /^https?:\/\/[a-z0-9.-]+$/;
const plainPath = /^\/(?!\/)[\w\-~/]*(?:\.[\w-]+)?$/;

/**
 * `/posts/x/` → `https://example.org/posts/x/`. Every page asks twice (canonical link, Open Graph)
 * and the sitemap once per page, so the common case is joined as text; anything else is parsed.
 */
export const absolute = (path: string, site: { url: string }) =>
  bareOrigin.test(site.url) && plainPath.test(path) ? `${site.url}${path}` : absoluteUrl(path, `${site.url}/`);
