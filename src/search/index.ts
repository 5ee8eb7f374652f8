// The search index: Pagefind (https://pagefind.app/docs/node-api/) is handed one small document per
// listed post — its title, body and reflection questions, its date and tags — made from the post
// index in memory, never the pages on disk: reading and parsing all of _site would cost about as much
// as the build itself. `<html lang>` is the site's language, so Pagefind stems Dutch words as Dutch
// ("netwerk" finds "netwerken"); the search page has the same lang, which is how Pagefind's script
// picks that index.
//
// Pagefind is the slowest part of a build (at 4,000 posts it takes about as long as Eleventy's
// rendering on this project's 2-core machine), so it works beside the rendering: a worker thread
// (pagefind-worker.mjs), started before the content is read, gets the documents as soon as the
// collections are made and writes into .cache/search/<hash of every document>/. The pages written,
// that folder is linked into _site/pagefind/. A build whose posts say what the last one's said (a
// rebuild for a new response, the daily one) finds the index there and leaves Pagefind unstarted.
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, link, mkdir, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Site } from "../content/load.ts";
import { escapeHtml } from "../escape-html.ts";
import type { Messages } from "../i18n/index.ts";
import type { Post } from "../posts/post-index.ts";
import { SEARCH_INDEX_DIR } from "../routes.ts";

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
  return `<!doctype html><html lang="${site.lang}"><head><title>${escapeHtml(post.title)}</title></head><body>`
    // The title is the main heading (Pagefind weighs it so, and takes it as the result's title); an
    // excerpt of a match in the title then starts where the post does.
    + `<main data-pagefind-body><h1>${escapeHtml(post.title)}</h1>${post.html}${questions}</main>`
    + `<p data-pagefind-meta="date">${escapeHtml(post.summary.dateLabel)}</p>`
    + `<p data-pagefind-meta="day" data-pagefind-sort="date">${post.summary.day}</p>${tags}</body></html>`;
}

export interface IndexReport {
  pages: number;
  ms: number;
  /** Whether the index came from .cache/search/ (nothing searchable changed since it was made). */
  cached: boolean;
}

/** An index being made (or found in the cache); `write` puts it into the output once the pages are there. */
export interface PendingIndex {
  write(output: string): Promise<IndexReport>;
}

export const SEARCH_CACHE = ".cache/search";
/** Changes when the documents or the files kept change shape, so an older cached index is not used. */
const FORMAT = "1";
/** From the project's root, like the layouts: the config is bundled into .cache/ for a build, so no path relative to this module holds. */
const WORKER = "src/search/pagefind-worker.mjs";

/** A Pagefind worker, started ahead of the job it will be given (or told it is not needed). */
export interface Indexer {
  index(job: { documents: { url: string; content: string }[]; cache: string; kept: string; fresh: string }): Promise<void>;
  /** Ends a worker given no job. */
  close(): void;
}

/** Starts a worker in `root`'s project: it loads Pagefind at once and waits for its job. */
export function startIndexer(root: string): Indexer {
  const worker = new Worker(join(root, WORKER));
  // Until a job is sent, an idle worker must not keep the process alive.
  worker.unref();
  let answer: Promise<void> | undefined;
  return {
    index(job) {
      answer ??= new Promise<void>((resolve, reject) => {
        worker.ref();
        worker.once("message", (reply: { ok: true } | { ok: false; message: string }) => (reply.ok ? resolve() : reject(new Error(reply.message))));
        worker.once("error", reject);
        worker.once("exit", () => reject(new Error("Pagefind stopped before the search index was written: its own message is above.")));
        worker.postMessage(job);
      }).finally(() => void worker.terminate());
      return answer;
    },
    close: () => void (answer ?? worker.terminate()),
  };
}

/** A folder's files linked (or, across disks, copied) into `to`, which must not exist yet. */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  await Promise.all((await readdir(from, { withFileTypes: true })).map(async (entry) => {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) return linkTree(source, target);
    await link(source, target).catch(() => copyFile(source, target));
  }));
}

/**
 * Starts the index of `posts`. `root` is the project, whose .cache/search/ keeps the last index.
 * Best started before the pages are rendered, with an `indexer` started before the content is read.
 */
export function startSearchIndex(root: string, posts: readonly Post[], site: Pick<Site, "lang">, t: Pick<Messages, "questions">, indexer?: Indexer): PendingIndex {
  const started = performance.now();
  const documents = posts.map((post) => ({ url: post.url, content: searchDocument(post, site, t) }));
  const hash = createHash("sha256").update(FORMAT);
  for (const doc of documents) hash.update(`\0${doc.url}\0${doc.content}`);
  const cache = join(root, SEARCH_CACHE);
  const kept = join(cache, hash.digest("hex").slice(0, 16));
  const cached = existsSync(kept);
  if (cached) indexer?.close();
  const made = cached ? Promise.resolve() : (indexer ?? startIndexer(root)).index({ documents, cache, kept, fresh: join(cache, `.${randomUUID()}`) });
  made.catch(() => {}); // reported by write()

  return {
    async write(output) {
      await made;
      // Swapped in whole: a search page never sees half an index, and files of an earlier one do not linger.
      const target = join(output, SEARCH_INDEX_DIR);
      const next = join(output, `.${SEARCH_INDEX_DIR}-${randomUUID()}`);
      const old = join(output, `.${SEARCH_INDEX_DIR}-old-${randomUUID()}`);
      await linkTree(kept, next);
      if (existsSync(target)) await rename(target, old);
      await rename(next, target);
      await rm(old, { recursive: true, force: true });
      return { pages: posts.length, ms: performance.now() - started, cached };
    },
  };
}
