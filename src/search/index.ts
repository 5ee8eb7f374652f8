// The search index: Pagefind (https://pagefind.app/docs/node-api/) is handed one small document per
// listed post — its title, body and reflection questions, its date and tags — made from the post
// index in memory, never the pages on disk: reading and parsing all of _site would cost about as much
// as the build itself. `<html lang>` is the site's language, so Pagefind stems Dutch words as Dutch
// ("netwerk" finds "netwerken"); the search page has the same lang, which is how Pagefind's script
// picks that index.
//
// Pagefind is the slowest part of a build (at 4,000 posts it takes longer than Eleventy's rendering
// on this project's 2-core machine), so it starts as soon as the collections are made, works in its
// own process beside the rendering, and writes into .cache/search/<hash of every document>/. The
// pages written, that folder is linked into _site/pagefind/. A build whose posts say what the last
// one's said (a rebuild for a new response, the daily one) finds the index there and skips Pagefind.
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, link, mkdir, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Site } from "../content/load.ts";
import type { Messages } from "../i18n/index.ts";
import type { Post } from "../posts/post-index.ts";
import { SEARCH_INDEX_DIR } from "../routes.ts";

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/**
 * The document Pagefind indexes for a post. Only the `data-pagefind-body` element is searched and
 * excerpted; the date (shown in results, and the sort key) and the tags (a filter) sit outside it.
 * https://pagefind.app/docs/indexing/, /docs/metadata/, /docs/filtering/, /docs/sorts/
 */
export function searchDocument(post: Post, site: Pick<Site, "lang">, t: Pick<Messages, "questions">): string {
  const questions = post.questions.length
    ? `<section><h2>${escape(t.questions)}</h2><ol>${post.questions.map((q) => `<li>${escape(q)}</li>`).join("")}</ol></section>`
    : "";
  const tags = post.tags.map((tag) => `<span data-pagefind-filter="tag">${escape(tag.label)}</span>`).join("");
  return `<!doctype html><html lang="${site.lang}"><head><title>${escape(post.title)}</title></head><body>`
    // The title is the main heading (Pagefind weighs it so, and takes it as the result's title); an
    // excerpt of a match in the title then starts where the post does.
    + `<main data-pagefind-body><h1>${escape(post.title)}</h1>${post.html}${questions}</main>`
    + `<p data-pagefind-meta="date">${escape(post.summary.dateLabel)}</p>`
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

/** Pagefind's ready-made interfaces (some 400 KB): the search page has its own. */
const unused = /^pagefind-((component-|modular-)?ui\.(js|css)|highlight\.js)$/;

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
 * Best started before the pages are rendered: Pagefind then works on the second core meanwhile.
 */
export function startSearchIndex(root: string, posts: readonly Post[], site: Pick<Site, "lang">, t: Pick<Messages, "questions">): PendingIndex {
  const started = performance.now();
  const documents = posts.map((post) => ({ url: post.url, content: searchDocument(post, site, t) }));
  const hash = createHash("sha256").update(FORMAT);
  for (const doc of documents) hash.update(`\0${doc.url}\0${doc.content}`);
  const cache = join(root, SEARCH_CACHE);
  const kept = join(cache, hash.digest("hex").slice(0, 16));
  const cached = existsSync(kept);

  const made = cached ? Promise.resolve() : (async () => {
    const pagefind = await import("pagefind");
    try {
      const { index, errors } = await pagefind.createIndex();
      if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
      // Sent all at once: the Pagefind service reads its requests as they come.
      const added = await Promise.all(documents.map((doc) => index.addHTMLFile(doc)));
      const problems = added.flatMap((result, i) => result.errors.map((error) => `${documents[i]!.url}: ${error}`));
      if (problems.length) throw new Error(`Pagefind could not index every post:\n${problems.join("\n")}`);
      const fresh = join(cache, `.${randomUUID()}`);
      const written = await index.writeFiles({ outputPath: fresh });
      if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join("; ")}`);
      await Promise.all((await readdir(fresh)).filter((file) => unused.test(file)).map((file) => rm(join(fresh, file))));
      // Complete or not there: a build stopped halfway leaves no half index to be found.
      await rename(fresh, kept).catch(async (error: unknown) => {
        if (!existsSync(kept)) throw error;
        await rm(fresh, { recursive: true, force: true }); // another build made the same index meanwhile
      });
      // Only the newest index is kept.
      await Promise.all((await readdir(cache)).filter((name) => join(cache, name) !== kept).map((name) => rm(join(cache, name), { recursive: true, force: true })));
    } finally {
      // The service is a child process, stopped once its work is written.
      await pagefind.close();
    }
  })();
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

/** The index of `posts`, written to `<output>/pagefind/`. */
export const writeSearchIndex = (root: string, output: string, posts: readonly Post[], site: Pick<Site, "lang">, t: Pick<Messages, "questions">): Promise<IndexReport> =>
  startSearchIndex(root, posts, site, t).write(output);
