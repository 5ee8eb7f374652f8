// The content model built in memory, for fast unit tests of what is derived from it (the index,
// the render plan, the check's rules) without files or Eleventy.
import { settingsFromEnv } from "../../src/model/build.ts";
import { siteOf, type Site } from "../../src/content/data-files.ts";
import type { Content, PostEntry } from "../../src/content/load.ts";
import { siteSchema, type EarlierResponseData, type PostData } from "../../src/model/schema.ts";
import { indexPosts, type PostIndex } from "../../src/posts/post-index.ts";

/** A valid post: `content/posts/<slug>.md`, dated by the slug's length unless `data` says otherwise. */
export const entry = (slug: string, data: Partial<PostData> = {}, body = `Tekst van ${slug}.`, earlierResponses: EarlierResponseData[] = []): PostEntry => ({
  slug,
  file: `content/posts/${slug}.md`,
  version: JSON.stringify([data, body]),
  data: { title: `Over ${slug}`, date: "2026-01-0" + slug.length, author: "marjan", tags: ["leren"], ...data },
  body,
  excerpt: `Tekst van ${slug}.`,
  earlierResponses,
});

/** site.yaml's settings (`settings`) in a build with this environment (`env`: CONTEXT, HOEDOEDEDA_DRAFTS, …). */
export function siteFor(settings: Record<string, unknown> = {}, env: Record<string, string> = {}): Site {
  return siteOf(siteSchema.parse({ title: "Leergang", ...settings }), settingsFromEnv(env));
}

export function content(posts: PostEntry[], env: Record<string, string> = {}, settings: Record<string, unknown> = {}, series: Content["series"] = {}): Content {
  const authors = { marjan: { id: "marjan", name: "Marjan de Vries", initials: "MdV", page: "/authors/marjan/" } };
  return { site: siteFor(settings, env), authors, posts, pages: [], redirects: [], series, problems: [] };
}

/** The index a build makes of `model`, with `live` responses per slug from GitHub (none by default). */
export const index = (model: Content, live: ReadonlyMap<string, number> = new Map()): PostIndex =>
  indexPosts(model, new Map([...live].map(([slug, responses]) => [slug, { responses }])), { bodies: new Map(), derived: new Map() });
