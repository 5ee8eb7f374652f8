// The search index: Pagefind (https://pagefind.app/docs/node-api/) is handed one small document per
// listed post — its title, body and reflection questions, its date and tags — made from the post
// index in memory, never the pages on disk: reading and parsing all of _site would cost about as much
// as the build itself. `<html lang>` is the site's language, so Pagefind stems Dutch words as Dutch
// ("netwerk" finds "netwerken"); the search page has the same lang, which is how Pagefind's script
// picks that index.
//
// Pagefind is the slowest part of a build (at 4,000 posts it takes longer than Eleventy's rendering
// on this project's 2-core machine), so it works beside the rendering, and only on what changed:
// - The posts are indexed in parts of PART_POSTS, oldest first, each a Pagefind index of its own
//   that the search page merges (https://pagefind.app/docs/multisite/). A new post changes the
//   newest part only; an edited one, its own part.
// - Each part is kept in .cache/search/<hash of its documents and Pagefind's version>/ (Netlify
//   keeps .cache/ between builds), so a part whose posts say what they said last time costs nothing.
// - Parts to be made go to a worker thread (pagefind-worker.mjs), started with the documents as soon
//   as the posts are indexed (in `eleventy.before`, before Eleventy reads its templates). A build
//   whose parts are all in the cache starts no worker.
// - The pages written, the parts are linked into _site/pagefind/: the first part is the index the
//   search page loads, the others are in numbered folders inside it, listed in parts.json.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { linkFromCache } from "../cache/from-cache.ts";
import { escapeHtml } from "../markdown/escape-html.ts";
import type { Messages } from "../i18n/index.ts";
import { SEARCH_INDEX_DIR } from "../model/urls.ts";
import type { Site } from "../model/content.ts";
import type { Post } from "../model/posts.ts";

/**
 * The document Pagefind indexes for a post. Only the `data-pagefind-body` element is searched and
 * excerpted; the date (shown in results, and the sort key) and the tags (a filter) sit outside it.
 * https://pagefind.app/docs/indexing/, /docs/metadata/, /docs/filtering/, /docs/sorts/
 */
export function searchDocument(post: Post, site: Pick<Site, "lang">, t: Pick<Messages, "questions">): string {
  const questions = post.questions.length
    ? `<section><h2>${escapeHtml(t.questions)}</h2><ol>${post.questions.map((q) => `<li>${escapeHtml(q)}</li>`).join("")}</ol></section>`
    : "";
  const tags = post.tags.map((tag) => `<span data-pagefind-filter="tag">${escapeHtml(tag.label)}</span>`).join("");
  return (
    `<!doctype html><html lang="${site.lang}"><head><title>${escapeHtml(post.title)}</title></head><body>` +
    // The title is the main heading (Pagefind weighs it so, and takes it as the result's title); an
    // excerpt of a match in the title then starts where the post does.
    `<main data-pagefind-body><h1>${escapeHtml(post.title)}</h1>${post.html}${questions}</main>` +
    `<p data-pagefind-meta="date">${escapeHtml(post.summary.dateLabel)}</p>` +
    `<p data-pagefind-meta="day" data-pagefind-sort="date">${post.summary.day}</p>${tags}</body></html>`
  );
}

export interface IndexReport {
  pages: number;
  ms: number;
  /** The parts the index is in, and how many of them were made by this build (the rest came from .cache/search/). */
  parts: number;
  made: number;
}

/** An index being made (or found in the cache); `write` puts it into the output once the pages are there. */
export interface PendingIndex {
  write(output: string): Promise<IndexReport>;
}

export const SEARCH_CACHE = ".cache/search";
/** Changes when the documents or the files kept change shape, so an older cached index is not used. */
const FORMAT = "2";
/**
 * The installed Pagefind's version, which every part's key includes: after an upgrade a part kept
 * from the older version is made again, not merged by a newer first part's script.
 */
export const pagefindVersion = (): string =>
  (JSON.parse(readFileSync(new URL("../package.json", import.meta.resolve("pagefind")), "utf8")) as { version: string })
    .version;

/** The name a part is kept under in .cache/search/: its documents, the format and Pagefind's version. */
export function partKey(documents: readonly { url: string; content: string }[], pagefind: string): string {
  const hash = createHash("sha256").update(`${FORMAT}\0${pagefind}`);
  for (const doc of documents) hash.update(`\0${doc.url}\0${doc.content}`);
  return hash.digest("hex").slice(0, 16);
}
/** From the project's root, like the layouts: the config is bundled into .cache/ for a build, so no path relative to this module holds. */
const WORKER = "src/search/pagefind-worker.mjs";
/**
 * Posts per part of the index. A site of a two-year programme (some fifty posts) is one part; at
 * 4,000 posts a new post re-indexes 500 instead of 4,000 (measured in the worker, beside the
 * rendering: 1.2–1.6 s against 5.6–6.3 s), and a search asks eight small indexes instead of one.
 * Tests set it smaller (`searchPartPosts`, src/model/build.ts).
 */
export const PART_POSTS = 500;
/** The list of the parts after the first, in the index's folder; the search page merges them. */
export const PARTS_FILE = "parts.json";
/** What the search page needs of a part it merges: the first part's script, worker and WebAssembly serve them all. */
const runtime = /^(pagefind(-worker)?\.js|wasm\.[\w-]+\.pagefind)$/;

/** A part to be made: its documents, the folder it is kept in, and the one it is made in first. */
interface PartJob {
  documents: { url: string; content: string }[];
  kept: string;
  fresh: string;
}

/** Starts a Pagefind worker in `root`'s project and gives it `parts`: it loads Pagefind, makes every part in `cache` and ends. */
function makeParts(root: string, cache: string, parts: readonly PartJob[]): Promise<void> {
  const worker = new Worker(join(root, WORKER));
  return new Promise<void>((resolve, reject) => {
    worker.once("message", (reply: { ok: true } | { ok: false; message: string }) =>
      reply.ok ? resolve() : reject(new Error(reply.message)),
    );
    worker.once("error", reject);
    worker.once("exit", () =>
      reject(new Error("Pagefind stopped before the search index was written: its own message is above.")),
    );
    worker.postMessage({ cache, parts });
  }).finally(() => worker.postMessage(null));
}

/** A folder's files linked (or, across disks, copied) into `to`; `keep` chooses among the top-level files. */
async function linkTree(from: string, to: string, keep: (name: string) => boolean = () => true): Promise<void> {
  await mkdir(to, { recursive: true });
  await Promise.all(
    (await readdir(from, { withFileTypes: true })).map(async (entry) => {
      const [source, target] = [join(from, entry.name), join(to, entry.name)];
      if (entry.isDirectory()) return linkTree(source, target);
      if (!keep(entry.name)) return;
      await linkFromCache(source, target);
    }),
  );
}

/** The posts in parts of `size`, oldest first: a new post changes the last part only. */
export function searchParts<T>(newestFirst: readonly T[], size: number): T[][] {
  const oldestFirst = [...newestFirst].reverse();
  const parts: T[][] = [];
  for (let i = 0; i < oldestFirst.length; i += size) parts.push(oldestFirst.slice(i, i + size));
  return parts.length ? parts : [[]];
}

/** Where part `n` (0 = the index the search page loads) sits under the index's folder. */
export const partFolder = (n: number): string => (n === 0 ? "" : `${n + 1}/`);

/**
 * Starts the index of `posts`. `root` is the project, whose .cache/search/ keeps the parts made.
 * Best started before the pages are rendered: the parts not in the cache are made beside them.
 */
export function startSearchIndex(
  root: string,
  posts: readonly Post[],
  site: Pick<Site, "lang" | "build">,
  t: Pick<Messages, "questions">,
): PendingIndex {
  const started = performance.now();
  const cache = join(root, SEARCH_CACHE);
  const jobs: PartJob[] = [];
  const pagefind = pagefindVersion();
  const parts = searchParts(posts, site.build.searchPartPosts ?? PART_POSTS).map((part) => {
    const documents = part.map((post) => ({ url: post.url, content: searchDocument(post, site, t) }));
    const kept = join(cache, partKey(documents, pagefind));
    // Only the parts to be made keep their documents.
    if (!existsSync(kept)) jobs.push({ documents, kept, fresh: join(cache, `.${randomUUID()}`) });
    return kept;
  });
  const made = jobs.length ? makeParts(root, cache, jobs) : Promise.resolve();
  made.catch(() => {}); // reported by write()

  return {
    async write(output) {
      await made;
      // Swapped in whole: a search page never sees half an index, and files of an earlier one do not linger.
      const target = join(output, SEARCH_INDEX_DIR);
      const next = join(output, `.${SEARCH_INDEX_DIR}-${randomUUID()}`);
      const old = join(output, `.${SEARCH_INDEX_DIR}-old-${randomUUID()}`);
      await Promise.all(
        parts.map((kept, n) =>
          linkTree(kept, join(next, partFolder(n)), n === 0 ? undefined : (name) => !runtime.test(name)),
        ),
      );
      await writeFile(
        join(next, PARTS_FILE),
        `${JSON.stringify(parts.slice(1).map((_, n) => `/${SEARCH_INDEX_DIR}/${partFolder(n + 1)}`))}\n`,
      );
      if (existsSync(target)) await rename(target, old);
      await rename(next, target);
      await rm(old, { recursive: true, force: true });
      // Only this build's parts stay in the cache.
      const current = new Set(parts);
      await Promise.all(
        (await readdir(cache).catch(() => []))
          .filter((name) => !current.has(join(cache, name)))
          .map((name) => rm(join(cache, name), { recursive: true, force: true })),
      );
      return { pages: posts.length, ms: performance.now() - started, parts: parts.length, made: jobs.length };
    },
  };
}
