// What the build cannot see one file at a time: titles used twice, addresses that collide, authors
// without a bio, one topic spelled two ways, links to posts that do not exist, missing images, posts
// that ask for responses the whole site switched off, a deploy budget the free plan cannot carry.
// Problems break something on the site; warnings are worth a look but the site builds fine.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { overriddenComments } from "../../comments/settings.ts";
import { nearest, type Problem } from "../../model/problems.ts";
import { isPublished } from "../../content/visibility.ts";
import { newestFirst } from "../../posts/post-index.ts";
import { tagRefs, tagSpellings } from "../../posts/tags.ts";
import { messages } from "../../i18n/index.ts";
import { menuPages, phoneMenuLines } from "../../build/navigation.ts";
import { fixedAddresses, isReserved } from "../../build/routes.ts";
import { slugify } from "../../model/slug.ts";
import { referencesIn, type Reference } from "./references.ts";
import { postUrl } from "../../model/urls.ts";
import { contentPaths } from "../../model/paths.ts";
import { FREE_PLAN, PUSHES_A_MONTH } from "../../deploys/settings.ts";
import type { Content, PostEntry } from "../../model/content.ts";

export type Level = "problem" | "warning";

export interface Finding extends Problem {
  level: Level;
  /** Line in the file, when the finding is about one place in it. */
  line?: number;
}

const published = (posts: readonly PostEntry[]) => posts.filter((p) => isPublished(p.data));

function duplicateTitles(content: Content, out: Finding[]): void {
  const seen = new Map<string, PostEntry>();
  for (const post of content.posts) {
    const key = post.data.title.replace(/\s+/g, " ").trim().toLowerCase();
    const first = seen.get(key);
    if (first)
      out.push({
        level: "problem",
        file: post.file,
        field: "title",
        message: `"${post.data.title}" is also the title of ${first.file} — give one of them a different title, so readers can tell them apart`,
      });
    else seen.set(key, post);
  }
}

/** The address a page (content/<name>.md) is published at. */
const pageAddress = (file: string, permalink?: string) =>
  permalink ?? `/${file.slice(contentPaths.pages.length + 1, -".md".length)}/`;

function duplicateAddresses(content: Content, out: Finding[]): void {
  const taken = new Map<string, string>();
  for (const post of content.posts) taken.set(postUrl(post.slug), post.file);
  for (const page of content.pages) {
    const address = pageAddress(page.file, page.data.permalink);
    if (address === "/404.html") continue;
    const owner = isReserved(address) ? "the site itself" : taken.get(address);
    if (owner)
      out.push({
        level: "problem",
        file: page.file,
        field: page.data.permalink ? "permalink" : "file",
        message: `would be published at ${address}, which ${owner === "the site itself" ? "the site uses itself" : `${owner} already uses`} — rename the file or set another \`permalink\``,
      });
    else taken.set(address, page.file);
  }
  for (const redirect of content.redirects) {
    const path = redirect.from.replace(/([^/])$/, "$1/");
    const owner = taken.get(path) ?? (fixedAddresses.has(path) ? "the site itself" : undefined);
    if (owner)
      out.push({
        level: "warning",
        file: contentPaths.redirects,
        field: redirect.from,
        message: `is never used: ${owner === "the site itself" ? "the site" : owner} is published at that address, and an existing page wins over a redirect — remove this line`,
      });
  }
}

function authorsWithoutBio(content: Content, out: Finding[]): void {
  for (const author of Object.values(content.authors)) {
    const posts = content.posts.filter((p) => p.data.author === author.id).length;
    if (posts && !author.bio) {
      out.push({
        level: "warning",
        file: contentPaths.authors,
        field: `${author.id}.bio`,
        message: `is missing — ${posts === 1 ? "the post" : `the ${posts} posts`} by ${author.name} ${posts === 1 ? "shows" : "show"} an author box without an introduction; add a line like \`bio: Begeleidt de leergang.\``,
      });
    }
  }
}

/**
 * Posts whose tag is spelled otherwise than the site shows it (src/posts/tags.ts, the build's own
 * rule): a published post against the public site, a draft against a preview, which lists drafts too.
 */
function tagSpellingWarnings(content: Content, out: Finding[]): void {
  const tz = content.site.timezone;
  const posts = content.posts
    .map((entry) => ({ entry, slug: entry.slug, date: entry.data.date, tags: tagRefs(entry.data.tags) }))
    .sort(newestFirst);
  const shown = { live: tagSpellings(posts.filter((p) => isPublished(p.entry.data))), preview: tagSpellings(posts) };
  for (const { entry } of [...posts].sort((a, b) => a.entry.file.localeCompare(b.entry.file))) {
    const site = isPublished(entry.data) ? shown.live : shown.preview;
    const set = isPublished(entry.data) ? posts.filter((p) => isPublished(p.entry.data)) : posts;
    for (const label of new Set(entry.data.tags)) {
      const usual = site.get(slugify(label));
      if (!usual || usual === label) continue;
      const users = set.filter((p) => p.tags.some((tag) => tag.label === usual));
      out.push({
        level: "warning",
        file: entry.file,
        field: "tags",
        message: `"${label}" is written "${usual}" in ${users.length === 1 ? users[0]!.entry.file : `${users.length} posts`}, and the site shows the topic as "${usual}" — write it that way here too`,
      });
    }
  }
}

interface Site {
  /** Every post file, valid or not: a link to a post with a typo in its front-matter is not broken. */
  slugs: Map<string, PostEntry | undefined>;
  tags: Set<string>;
  authors: Set<string>;
  redirects: Set<string>;
  url: string;
}

/** The path on this site a link points to, or undefined for links elsewhere (and anchors, mail). */
function internalPath(target: string, siteUrl: string): string | undefined {
  let path = target.trim();
  if (siteUrl && path.startsWith(siteUrl)) path = path.slice(siteUrl.length) || "/";
  if (!path.startsWith("/") || path.startsWith("//")) return undefined;
  path = path.replace(/[?#].*$/, "");
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function referenceFinding(ref: Reference, site: Site, root: string): Omit<Finding, "file" | "field"> | undefined {
  const target = ref.target.trim();
  if (ref.kind === "image" && target && !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("/"))
    return {
      level: "problem",
      message: `the image "${target}" cannot be found from the post's address — put it in content/img/ and write \`/img/${target.split("/").pop()}\``,
    };
  const path = internalPath(target, site.url);
  if (!path) return undefined;
  if (path.startsWith("/img/")) {
    if (existsSync(join(root, "content", path))) return undefined;
    return {
      level: "problem",
      message: `${ref.kind === "image" ? "the image" : "links to the file"} ${path}, which is missing — put it in content${path}, or correct the name (capitals count)`,
    };
  }
  if (ref.kind === "image")
    return {
      level: "problem",
      message: `the image ${path} is not published — only files in content/img/ are: put it there and write \`/img/${path.split("/").pop()}\``,
    };
  const [, section, name, rest] = /^\/(posts|tags|authors)\/([^/]+)\/?(.*)$/.exec(path) ?? [];
  if (!section || !name || rest || site.redirects.has(path)) return undefined;
  const exists =
    section === "posts" ? site.slugs.has(name) : section === "tags" ? site.tags.has(name) : site.authors.has(name);
  if (section === "posts" && site.slugs.get(name)?.data.draft)
    return {
      level: "warning",
      message: `links to ${path}, which is a draft — the link works in previews only, until that post is published`,
    };
  if (exists) return undefined;
  const known = section === "posts" ? [...site.slugs.keys()] : section === "tags" ? [...site.tags] : [...site.authors];
  const suggestion = nearest(name, known);
  const what = section === "posts" ? "post" : section === "tags" ? "topic" : "author page";
  const hint =
    section === "posts"
      ? "check the address (a post's address is /posts/ + its file name without .md)"
      : section === "tags"
        ? "check the address (a topic's address is /tags/ + the tag in lowercase, hyphens for spaces), or link to /tags/ for all topics"
        : "check the address (an author page is /authors/ + the id from authors.yaml, for authors with published posts)";
  return {
    level: "problem",
    message: `links to ${path}, but there is no such ${what} — ${suggestion ? `did you mean /${section}/${suggestion}/?` : hint}`,
  };
}

function postFiles(root: string): string[] {
  const dir = join(root, contentPaths.posts);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith(".md"))
        .map((name) => name.slice(0, -".md".length))
    : [];
}

/** Where the body starts in the file, so a finding can name the line in the file. */
function bodyOffset(root: string, file: string, body: string): number | undefined {
  try {
    const source = readFileSync(join(root, file), "utf8");
    return source.endsWith(body) ? source.slice(0, source.length - body.length).split("\n").length - 1 : undefined;
  } catch {
    return undefined;
  }
}

function brokenReferences(content: Content, root: string, out: Finding[]): void {
  const visible = published(content.posts);
  const site: Site = {
    slugs: new Map<string, PostEntry | undefined>([
      ...postFiles(root).map((slug) => [slug, undefined] as const),
      ...content.posts.map((p) => [p.slug, p] as const),
    ]),
    tags: new Set(visible.flatMap((p) => p.data.tags.map(slugify))),
    authors: new Set(visible.map((p) => p.data.author)),
    redirects: new Set(content.redirects.flatMap((r) => [r.from, r.from.replace(/\/$/, "")])),
    url: content.site.url,
  };
  for (const entry of [...content.posts, ...content.pages]) {
    let offset: number | undefined | null = null;
    for (const ref of referencesIn(entry.body)) {
      const finding = referenceFinding(ref, site, root);
      if (!finding) continue;
      offset ??= bodyOffset(root, entry.file, entry.body);
      const line = offset === undefined ? undefined : offset + ref.line;
      out.push({ ...finding, file: entry.file, field: line ? `line ${line}` : "text", ...(line ? { line } : {}) });
    }
  }
  for (const redirect of content.redirects) {
    const path = internalPath(redirect.to, content.site.url);
    const slug = /^\/posts\/([^/]+)\/?$/.exec(path ?? "")?.[1];
    if (slug && !site.slugs.has(slug))
      out.push({
        level: "problem",
        file: contentPaths.redirects,
        field: redirect.from,
        message: `points to ${redirect.to}, but there is no post content/posts/${slug}.md — correct the address or remove this line`,
      });
  }
  for (const author of Object.values(content.authors)) {
    const path = author.avatar ? internalPath(author.avatar, content.site.url) : undefined;
    if (path && !existsSync(join(root, "content", path)))
      out.push({
        level: "problem",
        file: contentPaths.authors,
        field: `${author.id}.avatar`,
        message: `${path} is missing — put the image in content${path.startsWith("/img/") ? path : "/img/"} or remove the line (initials are shown instead)`,
      });
  }
}

/** Posts that ask for responses the whole site switched off (src/comments/settings.ts, the build warns too). */
function overriddenCommentWarnings(content: Content, out: Finding[]): void {
  for (const problem of overriddenComments(content.posts, content.site)) out.push({ level: "warning", ...problem });
}

/** The header should stay within two lines on a phone: a warning on the page whose `menu:` goes past them. */
function crowdedMenu(content: Content, out: Finding[]): void {
  const t = messages(content.site.lang);
  const pages = content.pages.map((page) => ({ title: page.data.title, url: page.file, menu: page.data.menu }));
  const labels = [
    t.navPosts,
    t.navTags,
    ...(content.posts.some((post) => post.data.session) ? [t.navSessions] : []),
    t.navSearch,
  ];
  for (const item of menuPages(pages, content.site.lang)) {
    labels.push(item.label);
    const lines = phoneMenuLines(labels);
    if (lines > 2)
      out.push({
        level: "warning",
        file: item.url,
        field: "menu",
        message: `with this page the header takes about ${lines} lines on a phone — keep the menu to the pages readers need most: remove \`menu:\` here or from another page, or give the page a shorter title`,
      });
  }
}

/**
 * Netlify's free plan carries 20 production deploys a month (300 credits, 15 each): the conversation's
 * budget plus a month's pushes must fit, or the team's sites are paused before the month ends.
 */
function deployBudget(content: Content, out: Finding[]): void {
  const { perMonth } = content.site.deploys;
  const credits = (perMonth + PUSHES_A_MONTH) * FREE_PLAN.perDeploy;
  if (credits <= FREE_PLAN.credits) return;
  out.push({
    level: "warning",
    file: contentPaths.site,
    field: "deploys.perMonth",
    message: `allows ${perMonth} conversation deploys a month; with about ${PUSHES_A_MONTH} pushes of posts that is ${credits} credits, more than the ${FREE_PLAN.credits} of Netlify's free plan (${FREE_PLAN.perDeploy} a deploy), which pauses every site of the team when they run out — on the free plan keep it at ${Math.floor(FREE_PLAN.credits / FREE_PLAN.perDeploy) - PUSHES_A_MONTH} or less (docs/kosten.md, "Kosten")`,
  });
}

/** Every cross-file finding, in file order. */
export function crossChecks(content: Content, root: string): Finding[] {
  const out: Finding[] = [];
  duplicateTitles(content, out);
  duplicateAddresses(content, out);
  authorsWithoutBio(content, out);
  tagSpellingWarnings(content, out);
  brokenReferences(content, root, out);
  overriddenCommentWarnings(content, out);
  crowdedMenu(content, out);
  deployBudget(content, out);
  return out;
}
