// `npm run new -- "Titel"`: a new post with valid front-matter, dated today in the site's time
// zone. The command line (scripts/new.ts) only gathers the options; everything else is here.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { settingsFromEnv } from "../model/build.ts";
import { loadContent } from "../content/load.ts";
import { formatProblem } from "../model/problems.ts";
import { dateProblem, isoDay } from "../model/calendar.ts";
import { slugify, uniqueSlug } from "../model/slug.ts";
import { newPostSource } from "../write/new-post-source.ts";
import { ToolError } from "./tool-error.ts";
import { postUrl } from "../model/urls.ts";
import { contentPaths } from "../model/paths.ts";
import type { Author } from "../model/content.ts";

export interface NewPostOptions {
  title: string;
  /** An id from authors.yaml; without one, the only author, HOEDOEDEDA_AUTHOR, or `chooseAuthor`. */
  author?: string;
  /** `YYYY-MM-DD` (or with a time); default today in the site's time zone. */
  date?: string;
  tags?: string[];
}

export interface NewPost {
  file: string;
  slug: string;
  /** Where the post will be published: absolute when site.yaml has a url. */
  url: string;
}

/** "a, b,,c " → ["a", "b", "c"]. */
export function parseTags(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
}

/**
 * Which author writes the post: the one asked for, else the only one, else HOEDOEDEDA_AUTHOR,
 * else whoever `choose` picks (a prompt, only with a terminal). Never guesses among several.
 */
export async function pickAuthor(
  authors: Record<string, Author>,
  requested: string | undefined,
  choose?: (authors: Author[]) => Promise<string | undefined>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const ids = Object.keys(authors);
  const list = ids.join(", ") || "(none yet)";
  const known = (id: string, source: string) => {
    if (authors[id]) return id;
    throw new ToolError(
      `${source} "${id}" is not in ${contentPaths.authors} — use one of: ${list}, or add "${id}" to ${contentPaths.authors} first`,
    );
  };
  if (requested !== undefined) return known(requested.trim(), "Author");
  if (ids.length === 0)
    throw new ToolError(
      `There are no authors yet — add one to ${contentPaths.authors} (e.g. \`marjan:\` with \`name: Marjan de Vries\` below it)`,
    );
  if (ids.length === 1) return ids[0]!;
  if (env.HOEDOEDEDA_AUTHOR?.trim()) return known(env.HOEDOEDEDA_AUTHOR.trim(), "HOEDOEDEDA_AUTHOR");
  const chosen = choose ? await choose(Object.values(authors)) : undefined;
  if (chosen) return known(chosen, "Author");
  throw new ToolError(`Which author? Add --author with one of: ${list} (or set HOEDOEDEDA_AUTHOR)`);
}

/** Writes `content/posts/<slug>.md`; refuses on an empty title, an unknown author or a bad date. */
export async function createPost(
  root: string,
  options: NewPostOptions,
  choose?: (authors: Author[]) => Promise<string | undefined>,
  now: Date = new Date(),
): Promise<NewPost> {
  const title = options.title.replace(/\s+/g, " ").trim();
  if (!title) throw new ToolError('The title is empty — write it in quotes: npm run new -- "Titel van het bericht"');
  const content = loadContent(root, settingsFromEnv());
  const broken = content.problems.filter((p) => p.file === contentPaths.site || p.file === contentPaths.authors);
  if (broken.length)
    throw new ToolError(
      `Fix these first (they decide the date and the author):\n${broken.map(formatProblem).join("\n")}`,
    );
  const { site } = content;
  const date = options.date?.trim() || isoDay(now, site.timezone);
  const problem = dateProblem(date);
  if (problem)
    throw new ToolError(
      `--date "${date}" is not a date — write it as YYYY-MM-DD, e.g. --date ${isoDay(now, site.timezone)}`,
    );
  const author = await pickAuthor(content.authors, options.author, choose);
  const slug = uniqueSlug(slugify(title), (s) => existsSync(join(root, contentPaths.posts, `${s}.md`)));
  const file = `${contentPaths.posts}/${slug}.md`;
  mkdirSync(join(root, contentPaths.posts), { recursive: true });
  // `wx`: never overwrite, even if a file appeared since the name was chosen.
  writeFileSync(join(root, file), newPostSource({ title, date, author, tags: options.tags ?? [] }, site.lang), {
    flag: "wx",
  });
  return { file, slug, url: `${site.url}${postUrl(slug)}` };
}
