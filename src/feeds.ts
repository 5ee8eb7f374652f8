// Feeds carry full posts with absolute URLs. The JSON feed is serialised with JSON.stringify, so
// titles with quotes or `]]>` can never break it (the rss plugin's JSON template does not escape).
import { absoluteUrl, convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import type { Site } from "./content/load.ts";
import type { Post } from "./posts.ts";

/** How many of the newest posts a feed carries. */
export const FEED_SIZE = 20;

/** A site at the root of a lower-case host without a port, and a path URL parsing would not change. */
const bareOrigin = /^https?:\/\/[a-z0-9.-]+$/;
const plainPath = /^\/(?!\/)[\w\-~/]*(?:\.[\w-]+)?$/;

/**
 * `/posts/x/` → `https://example.org/posts/x/`. Every page asks twice (canonical link, Open Graph)
 * and the sitemap once per page, so the common case is joined as text; anything else is parsed.
 */
export const absolute = (path: string, site: Site) =>
  bareOrigin.test(site.url) && plainPath.test(path) ? `${site.url}${path}` : absoluteUrl(path, `${site.url}/`);

export async function absoluteHtml(html: unknown, base: string): Promise<string> {
  return convertHtmlToAbsoluteUrls(String(html ?? ""), base);
}

export async function jsonFeed(posts: readonly Post[], site: Site): Promise<string> {
  const items = await Promise.all(
    posts.slice(0, FEED_SIZE).map(async (post) => {
      const url = absolute(post.url, site);
      return {
        id: url,
        url,
        title: post.title,
        content_html: await absoluteHtml(post.html, url),
        summary: post.excerpt || undefined,
        date_published: post.datetime,
        authors: [{ name: post.author.name, ...(post.author.url ? { url: post.author.url } : {}) }],
        tags: post.tags.length ? post.tags.map((t) => t.label) : undefined,
      };
    }),
  );
  return JSON.stringify(
    {
      version: "https://jsonfeed.org/version/1.1",
      title: site.title,
      home_page_url: absolute("/", site),
      feed_url: absolute("/feed.json", site),
      description: site.description,
      language: site.lang,
      items,
    },
    null,
    2,
  );
}
