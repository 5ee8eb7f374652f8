// The search index: Pagefind (https://pagefind.app/docs/node-api/) is handed one small document per
// listed post — its title, body and reflection questions, its date and tags — made from the post
// index in memory, never the pages on disk: reading and parsing all of _site would cost about as much
// as the build itself. `<html lang>` is the site's language, so Pagefind stems Dutch words as Dutch
// ("netwerk" finds "netwerken"); the search page has the same lang, which is how Pagefind's script
// picks that index.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, rename, rm } from "node:fs/promises";
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
}

/** An index being made: the posts are handed to Pagefind at once, the files written by `write`. */
export interface PendingIndex {
  write(output: string): Promise<IndexReport>;
}

/**
 * Hands `posts` to Pagefind. Pagefind indexes in a process of its own, so this is best started
 * before the pages are rendered: it then works on the second core while Eleventy writes the pages.
 */
export function startSearchIndex(posts: readonly Post[], site: Pick<Site, "lang">, t: Pick<Messages, "questions">): PendingIndex {
  const started = performance.now();
  const pagefind = import("pagefind");
  const fed = (async () => {
    const { index, errors } = await (await pagefind).createIndex();
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    // Sent all at once: the Pagefind service reads its requests as they come.
    const added = await Promise.all(posts.map((post) => index.addHTMLFile({ url: post.url, content: searchDocument(post, site, t) })));
    const problems = added.flatMap((result, i) => result.errors.map((error) => `${posts[i]!.url}: ${error}`));
    if (problems.length) throw new Error(`Pagefind could not index every post:\n${problems.join("\n")}`);
    return index;
  })();
  fed.catch(() => {}); // reported by write()
  return {
    async write(output) {
      try {
        const index = await fed;
        const target = join(output, SEARCH_INDEX_DIR);
        const fresh = join(output, `.${SEARCH_INDEX_DIR}-${randomUUID()}`);
        const written = await index.writeFiles({ outputPath: fresh });
        if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join("; ")}`);
        // Pagefind also writes its ready-made interfaces (some 400 KB); the search page has its own.
        const unused = (await readdir(fresh)).filter((file) => /^pagefind-((component-|modular-)?ui\.(js|css)|highlight\.js)$/.test(file));
        await Promise.all(unused.map((file) => rm(join(fresh, file))));
        // Swapped in whole: a search page never sees half an index, and files of an earlier one do not linger.
        const old = join(output, `.${SEARCH_INDEX_DIR}-old-${randomUUID()}`);
        if (existsSync(target)) await rename(target, old);
        await rename(fresh, target);
        await rm(old, { recursive: true, force: true });
        return { pages: posts.length, ms: performance.now() - started };
      } finally {
        // The service is a child process, stopped once its work is written.
        await (await pagefind).close();
      }
    },
  };
}

/** The index of `posts`, written to `<output>/pagefind/`. */
export const writeSearchIndex = (output: string, posts: readonly Post[], site: Pick<Site, "lang">, t: Pick<Messages, "questions">): Promise<IndexReport> =>
  startSearchIndex(posts, site, t).write(output);
