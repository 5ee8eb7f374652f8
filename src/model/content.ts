// The content as every layer sees it once it is loaded and checked (src/content/load.ts): the site
// settings with what this build decides, the authors, series, posts, pages and old addresses. The
// fields of each come from the schema (./schema.ts), which checks and normalises them.
import type { BuildSettings } from "./build.ts";
import type { Problem } from "./problems.ts";
import type { AuthorData, EarlierResponseData, PageData, PostData, SeriesData, SiteData } from "./schema.ts";

export interface Site extends SiteData {
  /** Absolute URL without trailing slash; empty when neither site.yaml nor the build sets one. */
  url: string;
  /** Search engines stay out: previews, branch deploys and private sites. */
  noindex: boolean;
  /** The language's locale (src/model/languages.ts `localeOf`). */
  locale: { tag: string; openGraph: string };
  build: BuildSettings;
  /** The moment this build happens (src/model/build.ts `buildMoment`): what "upcoming" is measured against. */
  now: Date;
}

export interface Author extends AuthorData {
  id: string;
  /** "MdV" for Marjan de Vries: shown when there is no avatar. */
  initials: string;
  /** The author's page on this site, `/authors/<id>/`. */
  page: string;
}

/** An old address that moved: written to `_site/_redirects` as a 301. */
export interface Redirect {
  from: string;
  to: string;
}

export interface Series extends SeriesData {
  id: string;
}

export interface PostEntry {
  slug: string;
  /** Project-relative path, e.g. `content/posts/welkom.md`. */
  file: string;
  /** Changes whenever the file does (its modification time and size): what caches of a post are keyed by. */
  version: string;
  data: PostData;
  /** The Markdown after the front-matter (read by `npm run check` for links and images). */
  body: string;
  /** Description, or the first paragraph as plain text. */
  excerpt: string;
  /** Earlier responses from `<slug>.comments.yaml` beside the post (imported or archived). */
  earlierResponses: EarlierResponseData[];
}

export interface PageEntry {
  file: string;
  data: PageData;
  body: string;
  /** The front-matter as Eleventy will be handed it (src/content/frontmatter.ts `yamlEngine`). */
  frontMatter: { source: string; data: Record<string, unknown> };
}

export interface Content {
  site: Site;
  authors: Record<string, Author>;
  posts: PostEntry[];
  pages: PageEntry[];
  redirects: Redirect[];
  /** content/_data/series.yaml: the learning paths, by id. */
  series: Record<string, Series>;
  problems: Problem[];
}
