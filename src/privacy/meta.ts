import type { Site } from "../model/content.ts";
// What a page tells search engines and link previews about itself: the robots rule (meta tag and
// X-Robots-Tag), the description, the page's own address (canonical link, og:url) and the sitemap.
// Previews and drafts keep search engines out; a private site tells them and any link preview
// nothing worth showing — no description, no address, no date, a title at most — because a
// post's text must not travel beyond the group: not into a chat app's preview, and not into the
// public discussion giscus opens, whose body it takes from the page's description.

type MetaSite = Pick<Site, "noindex" | "private" | "description">;

/**
 * The robots rule of a page: "noindex, nofollow" on a private site (Google's list of rules:
 * https://developers.google.com/search/docs/crawling-indexing/robots-meta-tag), "noindex" in a
 * preview or for a draft, none on the public site.
 */
export function robotsOf(site: Pick<Site, "noindex" | "private">, draft = false): string | undefined {
  if (site.private === true) return "noindex, nofollow";
  return site.noindex || draft ? "noindex" : undefined;
}

/**
 * The description of a page (`<meta name="description">`, `og:description`, and any link card):
 * the page's own text, else the site's; none on a private site. Every tag that describes a page
 * takes it from here.
 */
export function pageDescription(site: MetaSite, text: string | undefined): string | undefined {
  if (site.private === true) return undefined;
  return text?.trim() || site.description?.trim() || undefined;
}

/** Whether pages name their own address and date for others (canonical link, og:url, published time). */
export const sharesAddress = (site: Pick<Site, "private">): boolean => site.private !== true;

/** A sitemap is for search engines, which a private site keeps out. */
export const hasSitemap = (site: Pick<Site, "private">): boolean => site.private !== true;

/** What base.njk writes into a page's head, decided here so that the layout only writes it. */
export interface PageMeta {
  robots?: string;
  description?: string;
  /** Canonical link, og:url and article:published_time. */
  shareAddress: boolean;
}

export function pageMeta(site: MetaSite, text: string | undefined, draft: boolean): PageMeta {
  const robots = robotsOf(site, draft);
  const description = pageDescription(site, text);
  return { ...(robots ? { robots } : {}), ...(description ? { description } : {}), shareAddress: sharesAddress(site) };
}
