// Feeds carry full posts with absolute URLs. The JSON feed is serialised with JSON.stringify, so
// titles with quotes or `]]>` can never break it (the rss plugin's JSON template does not escape).
import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import type { Messages } from "../i18n/index.ts";
import { absolute } from "../model/urls.ts";
import type { Site } from "../model/content.ts";
import type { Post } from "../model/posts.ts";

/** How many of the newest posts a feed carries. */
export const FEED_SIZE = 20;

export async function absoluteHtml(html: unknown, base: string): Promise<string> {
  return convertHtmlToAbsoluteUrls(String(html ?? ""), base);
}

/** A feed entry's title: a draft (only in a preview's feeds) says so, as its summary does on list pages. */
export const feedTitle = (post: Pick<Post, "title" | "draft">, t: Pick<Messages, "draft">) =>
  post.draft ? `${t.draft}: ${post.title}` : post.title;

export async function jsonFeed(posts: readonly Post[], site: Site, t: Messages): Promise<string> {
  const items = await Promise.all(
    posts.slice(0, FEED_SIZE).map(async (post) => {
      const url = absolute(post.url, site);
      return {
        id: url,
        url,
        title: feedTitle(post, t),
        content_html: await absoluteHtml(post.html, url),
        summary: post.excerpt || undefined,
        date_published: post.datetime,
        authors: [{ name: post.author.name, ...(post.author.url ? { url: post.author.url } : {}) }],
        tags: post.tags.length ? post.tags.map((tag) => tag.label) : undefined,
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
