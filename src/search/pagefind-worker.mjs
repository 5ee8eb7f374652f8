// Pagefind's side of the search index (src/search/index.ts), in a worker thread of its own.
//
// Why a thread: Pagefind runs as a child process that Node talks to through pipes, and its Node API
// is promises. On the build's main thread those promises wait behind Eleventy's rendering and its
// thousands of file writes (measured at 4,000 posts: the index was asked for before the rendering
// and answered only after it, a whole build later). Here they have an event loop to themselves, so
// Pagefind indexes on the second core while the first renders.
//
// Plain JavaScript, not TypeScript: a worker is started from a file, and this one must load the same
// way under `npm run build` (bundled config), `npm start` (tsx) and the tests.
// https://nodejs.org/docs/latest-v20.x/api/worker_threads.html, https://pagefind.app/docs/node-api/
import { existsSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parentPort } from "node:worker_threads";
// Imported as the worker starts (in `eleventy.before`): loading it once the rendering writes its
// thousands of files would wait for the file system behind them.
import * as pagefind from "pagefind";

/** Pagefind's ready-made interfaces (some 400 KB): the search page has its own. */
const unused = /^pagefind-((component-|modular-)?ui\.(js|css)|highlight\.js)$/;
/** Files written at once: enough to keep the disk busy, few enough not to queue thousands of writes. */
const WRITES_AT_ONCE = 16;

/**
 * Indexes a part's `documents` and leaves its index complete in `kept` (made in `fresh`, then
 * renamed: a build stopped halfway leaves no half index to be found).
 *
 * Pagefind hands the files over instead of writing them itself (`getFiles`): its own writer starts a
 * thread per file, and at 4,000 posts the threads' locking cost more processor time than the
 * indexing (measured: 3.1 s of system time against 1.2 s).
 * @param {{ documents: { url: string, content: string }[], kept: string, fresh: string }} part
 */
async function makeIndex({ documents, kept, fresh }) {
  const { index, errors } = await pagefind.createIndex();
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    // Sent all at once: the Pagefind service reads its requests as they come.
    const added = await Promise.all(documents.map((doc) => index.addHTMLFile(doc)));
    const problems = added.flatMap((result, i) => result.errors.map((error) => `${documents[i].url}: ${error}`));
    if (problems.length) throw new Error(`Pagefind could not index every post:\n${problems.join("\n")}`);
    const got = await index.getFiles();
    if (got.errors.length) throw new Error(`Pagefind could not write the index: ${got.errors.join("; ")}`);
    const files = got.files.filter((file) => !unused.test(file.path));
    await Promise.all(
      [...new Set(files.map((file) => dirname(join(fresh, file.path))))].map((dir) => mkdir(dir, { recursive: true })),
    );
    let next = 0;
    const writer = async () => {
      while (next < files.length) {
        const file = files[next++];
        await writeFile(join(fresh, file.path), file.content);
      }
    };
    await Promise.all(Array.from({ length: WRITES_AT_ONCE }, writer));
    await rename(fresh, kept).catch(async (error) => {
      if (!existsSync(kept)) throw error;
      await rm(fresh, { recursive: true, force: true }); // another build made the same index meanwhile
    });
  } finally {
    await index.deleteIndex().catch(() => {});
    await rm(fresh, { recursive: true, force: true }); // left only by a failure
  }
}

// One message with the cache's folder and every part to be made in it, answered once all are
// written; `null` ends the worker, and with it its Pagefind process. The parts are made one after
// the other: Pagefind's process reads its requests in turn, and neither two parts at once in one
// worker nor two workers made a build faster on this project's 2-core machine (measured at 4,000
// posts in 8 parts, alternating: two at once 9.1–10.3 s against 9.1–9.5 s; two workers 9.4–11.2 s
// against 7.8–8.7 s, 40 MiB more).
parentPort.on("message", async (job) => {
  if (job === null) {
    void pagefind.close().then(() => parentPort.close());
    return;
  }
  try {
    // Pagefind would stop without a word where it cannot write (it panics in its own process).
    await mkdir(job.cache, { recursive: true }).catch((error) => {
      throw new Error(
        `The search index cannot be kept in ${job.cache} (${error.code ?? error.message}). It is only a cache: remove it and build again.`,
      );
    });
    for (const part of job.parts) await makeIndex(part);
    parentPort.postMessage({ ok: true });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
