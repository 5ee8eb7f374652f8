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
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { parentPort } from "node:worker_threads";
// Imported now, while the build is still reading its content: loading it later would wait for the
// file system behind the rendering's writes.
import * as pagefind from "pagefind";

/** Pagefind's ready-made interfaces (some 400 KB): the search page has its own. */
const unused = /^pagefind-((component-|modular-)?ui\.(js|css)|highlight\.js)$/;

/**
 * Indexes `documents` and leaves the index complete in `kept` (made in `fresh`, then renamed: a build
 * stopped halfway leaves no half index to be found); only the newest index stays in `cache`.
 * @param {{ documents: { url: string, content: string }[], cache: string, kept: string, fresh: string }} job
 */
async function makeIndex({ documents, cache, kept, fresh }) {
  // Pagefind would stop without a word where it cannot write (it panics in its own process).
  await mkdir(cache, { recursive: true }).catch((error) => {
    throw new Error(`The search index cannot be kept in ${cache} (${error.code ?? error.message}). It is only a cache: remove it and build again.`);
  });
  try {
    const { index, errors } = await pagefind.createIndex();
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    // Sent all at once: the Pagefind service reads its requests as they come.
    const added = await Promise.all(documents.map((doc) => index.addHTMLFile(doc)));
    const problems = added.flatMap((result, i) => result.errors.map((error) => `${documents[i].url}: ${error}`));
    if (problems.length) throw new Error(`Pagefind could not index every post:\n${problems.join("\n")}`);
    const written = await index.writeFiles({ outputPath: fresh });
    if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join("; ")}`);
    await Promise.all((await readdir(fresh)).filter((file) => unused.test(file)).map((file) => rm(join(fresh, file))));
    await rename(fresh, kept).catch(async (error) => {
      if (!existsSync(kept)) throw error;
      await rm(fresh, { recursive: true, force: true }); // another build made the same index meanwhile
    });
    await Promise.all((await readdir(cache)).filter((name) => join(cache, name) !== kept).map((name) => rm(join(cache, name), { recursive: true, force: true })));
  } finally {
    // The service is a child process, stopped once its work is written.
    await pagefind.close();
    await rm(fresh, { recursive: true, force: true }); // left only by a failure
  }
}

// One job per worker; a build that finds its index in the cache sends none and ends the thread.
parentPort.once("message", (job) => {
  makeIndex(job).then(
    () => parentPort.postMessage({ ok: true }),
    (error) => parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
