// `npm run new -- "Titel"`: a new post with valid front-matter, dated today in the site's time
// zone. The command line (scripts/new.ts) only gathers the options; everything else is here.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { settingsFromEnv } from "../model/build.ts";
import { contentPaths, loadContent, type Author } from "../content/load.ts";
import { formatProblem } from "../model/problems.ts";
import { dateProblem, isoDay } from "../model/calendar.ts";
import { slugify, uniqueSlug } from "../model/slug.ts";
import { postUrl } from "../build/routes.ts";
import { authorLine, dateLine, tagsLine, titleLine } from "../model/front-matter-lines.ts";
import { ToolError } from "./tool-error.ts";

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

// Kept here too, where the import and the tests have always found it (one rule: src/model/slug.ts).
export { uniqueSlug } from "../model/slug.ts";

/** "a, b,,c " → ["a", "b", "c"]. */
export function parseTags(value: string | undefined): string[] {
  return (value ?? "").split(",").map((t) => t.trim()).filter(Boolean);
}

const hints = {
  nl: {
    uncomment: "Haal het # weg voor een regel om die te gebruiken:",
    description: "Een korte samenvatting voor de lijst met berichten en voor zoekmachines",
    question: "Wat neem je mee naar de bijeenkomst?",
    location: "Doorn",
    series: "een sleutel uit content/_data/series.yaml; de stap op volgorde van datum, of van part:",
    body: "Schrijf hier je bericht. Een lege regel begint een nieuwe alinea.",
  },
  en: {
    uncomment: "Remove the # in front of a line to use it:",
    description: "A short summary for the list of posts and for search engines",
    question: "What will you bring to the session?",
    location: "Doorn",
    series: "a key of content/_data/series.yaml; steps follow their dates, or part:",
    body: "Write your post here. An empty line starts a new paragraph.",
  },
} as const;

/**
 * The file's text: required fields filled in, optional ones as commented examples. `npm run new`
 * writes it, and /schrijven/ sends it to GitHub's editor (src/write/page.ts).
 */
export function newPostSource(post: { title: string; date: string; author: string; tags: string[] }, lang: "nl" | "en" = "nl"): string {
  const hint = hints[lang];
  const sessionDay = post.date.slice(0, 10);
  return [
    "---",
    titleLine(post.title),
    dateLine(post.date),
    authorLine(post.author),
    tagsLine(post.tags),
    `# ${hint.uncomment}`,
    `# description: ${hint.description}`,
    "# questions:",
    `#   - ${hint.question}`,
    "# session:",
    `#   date: ${sessionDay}T13:30`,
    '#   end: "16:30"',
    `#   location: ${hint.location}`,
    `# series: de-23-stappen   # ${hint.series}`,
    "# part: 3",
    "---",
    "",
    hint.body,
    "",
  ].join("\n");
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
    throw new ToolError(`${source} "${id}" is not in ${contentPaths.authors} — use one of: ${list}, or add "${id}" to ${contentPaths.authors} first`);
  };
  if (requested !== undefined) return known(requested.trim(), "Author");
  if (ids.length === 0) throw new ToolError(`There are no authors yet — add one to ${contentPaths.authors} (e.g. \`marjan:\` with \`name: Marjan de Vries\` below it)`);
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
  if (broken.length) throw new ToolError(`Fix these first (they decide the date and the author):\n${broken.map(formatProblem).join("\n")}`);
  const { site } = content;
  const date = options.date?.trim() || isoDay(now, site.timezone);
  const problem = dateProblem(date);
  if (problem) throw new ToolError(`--date "${date}" is not a date — write it as YYYY-MM-DD, e.g. --date ${isoDay(now, site.timezone)}`);
  const author = await pickAuthor(content.authors, options.author, choose);
  const slug = uniqueSlug(slugify(title), (s) => existsSync(join(root, contentPaths.posts, `${s}.md`)));
  const file = `${contentPaths.posts}/${slug}.md`;
  mkdirSync(join(root, contentPaths.posts), { recursive: true });
  // `wx`: never overwrite, even if a file appeared since the name was chosen.
  writeFileSync(join(root, file), newPostSource({ title, date, author, tags: options.tags ?? [] }, site.lang), { flag: "wx" });
  return { file, slug, url: `${site.url}${postUrl(slug)}` };
}
