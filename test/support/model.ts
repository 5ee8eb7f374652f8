// The content model built in memory, for fast unit tests of what is derived from it (the index,
// the render plan, the check's rules) without files or Eleventy.
import { settingsFromEnv } from "../../src/model/build.ts";
import { siteOf } from "../../src/content/data-files.ts";
import { postSchemaFor, siteSchema, type EarlierResponseData, type PostData } from "../../src/model/schema.ts";
import { indexPosts } from "../../src/posts/post-index.ts";
import type { Site, Content, PostEntry } from "../../src/model/content.ts";
import type { PostIndex } from "../../src/model/posts.ts";

/** Front-matter as a file writes it (dates as text, a session as its lines), before the schema reads it. */
export type FrontMatter = Record<string, unknown>;

/** A post's front-matter as the schema gives it: checked and normalised in `timezone`, like the build's. */
export const postData = (frontMatter: FrontMatter, timezone = "Europe/Amsterdam"): PostData =>
  postSchemaFor({ timezone }).parse(frontMatter);

/** What each entry's file said, so `content` can read it again in its site's time zone. */
const written = new WeakMap<PostEntry, FrontMatter>();

/**
 * A valid post: `content/posts/<slug>.md`, dated by the slug's length unless `data` (front-matter as
 * written) says otherwise, read the way the build reads it (in Amsterdam's time zone, or the one of
 * the site `content` puts it in).
 */
export const entry = (
  slug: string,
  data: FrontMatter = {},
  body = `Tekst van ${slug}.`,
  earlierResponses: EarlierResponseData[] = [],
): PostEntry => {
  const frontMatter = {
    title: `Over ${slug}`,
    date: `2026-01-${String(slug.length).padStart(2, "0")}`,
    author: "marjan",
    tags: ["leren"],
    ...data,
  };
  const made: PostEntry = {
    slug,
    file: `content/posts/${slug}.md`,
    version: JSON.stringify([frontMatter, body]),
    data: postData(frontMatter),
    body,
    excerpt: `Tekst van ${slug}.`,
    earlierResponses,
  };
  written.set(made, frontMatter);
  return made;
};

/** site.yaml's settings (`settings`) in a build with this environment (`env`: CONTEXT, HOEDOEDEDA_DRAFTS, …). */
export function siteFor(settings: Record<string, unknown> = {}, env: Record<string, string> = {}): Site {
  return siteOf(siteSchema.parse({ title: "Leergang", ...settings }), settingsFromEnv(env));
}

export function content(
  posts: PostEntry[],
  env: Record<string, string> = {},
  settings: Record<string, unknown> = {},
  series: Content["series"] = {},
): Content {
  const authors = { marjan: { id: "marjan", name: "Marjan de Vries", initials: "MdV", page: "/authors/marjan/" } };
  const site = siteFor(settings, env);
  // As the build does: every post read in the site's time zone.
  const read = posts.map((post) => {
    const frontMatter = written.get(post);
    return frontMatter
      ? { ...post, version: `${post.version}\0${site.timezone}`, data: postData(frontMatter, site.timezone) }
      : post;
  });
  return { site, authors, posts: read, pages: [], redirects: [], series, problems: [] };
}

/** The index a build makes of `model`, with `live` responses per slug from GitHub (none by default). */
export const index = (model: Content, live: ReadonlyMap<string, number> = new Map()): PostIndex =>
  indexPosts(model, new Map([...live].map(([slug, responses]) => [slug, { responses }])), {
    bodies: new Map(),
    derived: new Map(),
  });
