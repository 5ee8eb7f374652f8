// Reads and validates all content before Eleventy writes anything: every problem in every file,
// in one pass. The result is the typed model the rest of the site is derived from.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { z } from "zod";
import type { Build } from "../build.ts";
import { slugify } from "../slug.ts";
import { authorUrl } from "../urls.ts";
import { clearHandoff, parseMarkdownFile, parseYamlFile, type Parsed } from "./frontmatter.ts";
import { excerptOf } from "./excerpt.ts";
import { nearest, type Problem } from "./problems.ts";
import {
  archivedCommentSchema, authorSchema, keyAliases, pageSchema, postSchema, redirectTargetSchema, siteSchema,
  type ArchivedCommentData, type AuthorData, type PageData, type PostData, type SiteData,
} from "./schema.ts";

export interface Site extends SiteData {
  /** Absolute URL without trailing slash; empty when neither site.yaml nor the build sets one. */
  url: string;
  build: Build;
}

export interface Author extends AuthorData {
  id: string;
  /** "MdV" for Marjan de Vries: shown when there is no avatar. */
  initials: string;
  /** The author's page on this site, `/authors/<id>/`. */
  page: string;
}

export interface PostEntry {
  slug: string;
  /** Project-relative path, e.g. `content/posts/welkom.md`. */
  file: string;
  data: PostData;
  /** The Markdown after the front-matter (read by `npm run check` for links and images). */
  body: string;
  /** Description, or the first paragraph as plain text. */
  excerpt: string;
  /** Earlier responses from `<slug>.comments.yaml` beside the post (e.g. imported from WordPress). */
  archived: ArchivedCommentData[];
}

export interface PageEntry {
  file: string;
  data: PageData;
  body: string;
}

/** An old address that moved: written to `_site/_redirects` as a 301. */
export interface Redirect {
  from: string;
  to: string;
}

export interface Content {
  site: Site;
  authors: Record<string, Author>;
  posts: PostEntry[];
  pages: PageEntry[];
  redirects: Redirect[];
  problems: Problem[];
}

export const contentPaths = {
  site: "content/_data/site.yaml",
  authors: "content/_data/authors.yaml",
  posts: "content/posts",
  pages: "content",
  /** Published as /img/. */
  images: "content/img",
  redirects: "content/_data/redirects.yaml",
} as const;

/** Where a post's earlier responses are kept: beside the post, `content/posts/<slug>.comments.yaml`. */
export const archivedFile = (slug: string) => `${contentPaths.posts}/${slug}${ARCHIVED_SUFFIX}`;
const ARCHIVED_SUFFIX = ".comments.yaml";

function issuesToProblems(file: string, issues: readonly z.core.$ZodIssue[], keyPrefix = ""): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const field = [keyPrefix, ...issue.path.map(String)].filter(Boolean).join(".") || "front-matter";
    if (issue.code === "unrecognized_keys") {
      const shape = issue as z.core.$ZodIssueUnrecognizedKeys & { valid?: string[] };
      for (const key of shape.keys) {
        const suggestion = nearest(key, shape.valid ?? [], keyAliases);
        const prefix = field === "front-matter" ? "" : `${field}.`;
        problems.push({
          file, field: `${prefix}${key}`,
          message: suggestion
            ? `is not a known field — did you mean \`${suggestion}\`?`
            : `is not a known field — use one of: ${(shape.valid ?? []).join(", ")}`,
        });
      }
    } else {
      problems.push({ file, field, message: issue.message });
    }
  }
  return problems;
}

type Shaped = { shape?: Record<string, unknown>; def?: { innerType?: unknown } };

/** The keys an object schema allows at `path` (through optional and default wrappers). */
function keysAt(schema: unknown, path: readonly PropertyKey[]): string[] {
  const unwrap = (s: unknown): Shaped | undefined => {
    let current = s as Shaped | undefined;
    while (current && !current.shape && current.def?.innerType) current = current.def.innerType as Shaped;
    return current;
  };
  let current = unwrap(schema);
  for (const key of path) current = unwrap(current?.shape?.[String(key)]);
  return Object.keys(current?.shape ?? {});
}

/** Validates with the schema, attaching the valid keys so unknown ones get a suggestion. */
function check<S extends z.ZodType>(schema: S, value: unknown, file: string, prefix = "") {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data as z.infer<S>, problems: [] as Problem[] };
  const issues = result.error.issues.map((issue) =>
    issue.code === "unrecognized_keys" ? { ...issue, valid: keysAt(schema, issue.path) } : issue,
  );
  return { data: undefined, problems: issuesToProblems(file, issues, prefix) };
}

function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  const picked = words.length >= 2 ? [words[0]!, words[words.length - 1]!] : [name];
  return picked.map((w) => w[0]!.toUpperCase()).join("");
}

function readText(root: string, file: string, problems: Problem[]): string | undefined {
  try {
    return readFileSync(join(root, file), "utf8");
  } catch {
    problems.push({ file, field: "file", message: "cannot be read — check that it exists and is a text file" });
    return undefined;
  }
}

function loadSite(root: string, build: Build, problems: Problem[]): Site {
  const file = contentPaths.site;
  const source = readText(root, file, problems) ?? "";
  const parsed = parseYamlFile(file, source);
  problems.push(...parsed.problems);
  const data = parsed.data ?? {};
  const settings = typeof data === "object" && !Array.isArray(data);
  if (!parsed.problems.length && !settings) {
    problems.push({ file, field: "site", message: "must be settings, one per line, like `title: Leergang Samen Leren` — see README.md, \"Site settings and authors\"" });
  }
  const checked = parsed.problems.length || !settings ? undefined : check(siteSchema, data, file);
  if (checked) problems.push(...checked.problems);
  const site = checked?.data ?? siteSchema.parse({ title: "hoedoededa" });
  return { ...site, url: build.url ?? site.url?.replace(/\/+$/, "") ?? "", build };
}

function loadAuthors(root: string, problems: Problem[]): Record<string, Author> {
  const file = contentPaths.authors;
  const source = readText(root, file, problems);
  if (source === undefined) return {};
  const parsed = parseYamlFile(file, source);
  problems.push(...parsed.problems);
  if (parsed.problems.length) return {};
  const data = parsed.data ?? {};
  if (typeof data !== "object" || Array.isArray(data)) {
    problems.push({ file, field: "authors", message: "must be a list of authors by id — write `marjan:` with `name: Marjan de Vries` indented below it" });
    return {};
  }
  const authors: Record<string, Author> = {};
  for (const [id, value] of Object.entries(data as Record<string, unknown>)) {
    if (slugify(id) !== id) {
      problems.push({ file, field: id, message: `is not a usable author id — use lowercase letters, digits and hyphens, e.g. \`${slugify(id) || "marjan"}\`` });
      continue;
    }
    const checked = check(authorSchema, value, file, id);
    problems.push(...checked.problems);
    if (checked.data) authors[id] = { ...checked.data, id, initials: initials(checked.data.name), page: authorUrl(id) };
  }
  return authors;
}

function markdownFiles(root: string, dir: string, suffix = ".md"): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(suffix))
    .map((d) => `${dir}/${d.name}`)
    .sort();
}

/**
 * A post's earlier responses: each one checked, ids unique, every `parent` an id in the file.
 * `archives`: the response files beside the posts (listed once, not looked up for every post).
 */
function loadArchived(root: string, slug: string, archives: ReadonlySet<string>, problems: Problem[]): ArchivedCommentData[] {
  const file = archivedFile(slug);
  if (!archives.has(file)) return [];
  const parsed = parseYamlFile(file, readText(root, file, problems) ?? "");
  problems.push(...parsed.problems);
  if (parsed.problems.length) return [];
  if (!Array.isArray(parsed.data ?? [])) {
    problems.push({ file, field: "responses", message: "must be a list — start each response with `- author: …`, followed by `date:` and `text:` indented below it" });
    return [];
  }
  const items = (parsed.data ?? []) as unknown[];
  const archived: ArchivedCommentData[] = [];
  items.forEach((value, i) => {
    const checked = check(archivedCommentSchema, value, file);
    problems.push(...checked.problems.map((p) => ({ ...p, field: p.field === "front-matter" ? `response ${i + 1}` : `response ${i + 1}: ${p.field}` })));
    if (checked.data) archived.push(checked.data);
  });
  // Ids and parents are checked on every response, also one with other mistakes.
  const field = (value: unknown, key: string) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined);
  const ids = new Set<string>();
  items.forEach((value, i) => {
    const id = field(value, "id");
    if (id === undefined || id === null) return;
    if (ids.has(String(id))) problems.push({ file, field: `response ${i + 1}: id`, message: `${id} is used twice — give each response its own id` });
    ids.add(String(id));
  });
  items.forEach((value, i) => {
    const parent = field(value, "parent");
    if (parent !== undefined && parent !== null && !ids.has(String(parent)))
      problems.push({ file, field: `response ${i + 1}: parent`, message: `${parent} is not the id of a response in this file — use one of the ids above, or remove \`parent\`` });
  });
  return archived;
}

/** content/_data/redirects.yaml: `old path: new path`, one per line. */
function loadRedirects(root: string, problems: Problem[]): Redirect[] {
  const file = contentPaths.redirects;
  if (!existsSync(join(root, file))) return [];
  const parsed = parseYamlFile(file, readText(root, file, problems) ?? "");
  problems.push(...parsed.problems);
  const data = parsed.data ?? {};
  if (parsed.problems.length) return [];
  if (typeof data !== "object" || Array.isArray(data)) {
    problems.push({ file, field: "redirects", message: "must be lines like `/2012/04/11/oud-bericht/: /posts/oud-bericht/` (old path, colon, new path)" });
    return [];
  }
  const redirects: Redirect[] = [];
  for (const [from, to] of Object.entries(data as Record<string, unknown>)) {
    if (!/^\/\S*$/.test(from)) {
      problems.push({ file, field: from, message: "is not a path on the old site — it must start with `/`, like `/2012/04/11/oud-bericht/`, without spaces" });
      continue;
    }
    const checked = check(redirectTargetSchema, to, file, from);
    problems.push(...checked.problems);
    if (checked.data) redirects.push({ from, to: checked.data });
  }
  return redirects;
}

/** A `.comments.yaml` without its post would silently show nowhere. */
function orphanedArchives(archives: ReadonlySet<string>, posts: readonly string[], problems: Problem[]): void {
  for (const file of archives) {
    const post = `${file.slice(0, -ARCHIVED_SUFFIX.length)}.md`;
    if (!posts.includes(post))
      problems.push({ file, field: "file", message: `belongs to no post — name it after its post (\`<slug>${ARCHIVED_SUFFIX}\` beside \`<slug>.md\`) or remove it` });
  }
}

/** `authors` is undefined when authors.yaml itself is broken: then no post is blamed for its author. */
interface ReadPost {
  /** File name, modification time and size: the file is read again only when one of them changes. */
  stamp: string;
  parsed: Parsed;
  checked: { data: PostData | undefined; problems: Problem[] };
}

/**
 * What each post's file said when it was last read. The dev server validates all content before
 * every rebuild; after a one-post edit only that post is read and parsed again.
 */
const readPosts = new Map<string, ReadPost>();

function readPost(root: string, file: string, problems: Problem[]): ReadPost | undefined {
  let stamp: string;
  try {
    const stat = statSync(join(root, file));
    stamp = `${root}\0${stat.mtimeMs}\0${stat.size}`;
  } catch {
    stamp = "";
  }
  const known = readPosts.get(file);
  if (known && stamp && known.stamp === stamp) return known;
  const source = readText(root, file, problems);
  if (source === undefined) return undefined;
  const parsed = parseMarkdownFile(file, source);
  const checked = parsed.problems.length ? { data: undefined, problems: [] } : check(postSchema, parsed.data, file);
  const read = { stamp, parsed, checked };
  readPosts.set(file, read);
  return read;
}

function loadPost(root: string, file: string, authors: Record<string, Author> | undefined, archives: ReadonlySet<string>, problems: Problem[]): PostEntry | undefined {
  const read = readPost(root, file, problems);
  if (!read) return undefined;
  const { parsed, checked } = read;
  const slug = file.slice(contentPaths.posts.length + 1, -".md".length);
  const archived = loadArchived(root, slug, archives, problems);
  if (slugify(slug) !== slug) {
    problems.push({ file, field: "file", message: `name is not a usable web address — rename it to \`${slugify(slug) || "mijn-bericht"}.md\` (lowercase, hyphens, no spaces or accents)` });
  }
  problems.push(...parsed.problems);
  if (parsed.problems.length) return undefined;
  problems.push(...checked.problems);
  const data = checked.data;
  if (authors && typeof parsed.data.author === "string" && parsed.data.author.trim() && !authors[parsed.data.author]) {
    const known = Object.keys(authors);
    problems.push({
      file, field: "author",
      message: `"${parsed.data.author}" is not in ${contentPaths.authors} — use one of: ${known.join(", ") || "(none yet)"}, or add "${parsed.data.author}" to ${contentPaths.authors}`,
    });
    return undefined;
  }
  if (!data) return undefined;
  return { slug, file, data, body: parsed.body, excerpt: data.description?.trim() || excerptOf(parsed.body), archived };
}

function loadPage(root: string, file: string, problems: Problem[]): PageEntry | undefined {
  const source = readText(root, file, problems);
  if (source === undefined) return undefined;
  const parsed = parseMarkdownFile(file, source, true);
  problems.push(...parsed.problems);
  if (parsed.problems.length) return undefined;
  const checked = check(pageSchema, parsed.data, file);
  problems.push(...checked.problems);
  return checked.data ? { file, data: checked.data, body: parsed.body } : undefined;
}

/** Everything under content/, validated. `problems` is empty when the site can be built. */
export function loadContent(root: string, build: Build): Content {
  const problems: Problem[] = [];
  clearHandoff();
  const site = loadSite(root, build, problems);
  const before = problems.length;
  const authors = loadAuthors(root, problems);
  const authorsUsable = problems.slice(before).every((p) => p.file !== contentPaths.authors || p.field !== "yaml");
  const postFiles = markdownFiles(root, contentPaths.posts);
  const archives = new Set(markdownFiles(root, contentPaths.posts, ARCHIVED_SUFFIX));
  orphanedArchives(archives, postFiles, problems);
  const posts = postFiles
    .map((file) => loadPost(root, file, authorsUsable ? authors : undefined, archives, problems))
    .filter((p): p is PostEntry => p !== undefined);
  const pages = markdownFiles(root, contentPaths.pages)
    .map((file) => loadPage(root, file, problems))
    .filter((p): p is PageEntry => p !== undefined);
  const redirects = loadRedirects(root, problems);
  return { site, authors, posts, pages, redirects, problems: problems.map((p) => ({ ...p, file: relative(".", p.file) || p.file })) };
}
