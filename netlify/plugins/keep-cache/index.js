// A Netlify build plugin (https://docs.netlify.com/build-plugins/create-plugins/): keeps what a build
// made once and the next can reuse — the drawn link-preview cards (.cache/cards/, src/cards/write.ts)
// and the last search index (.cache/search/, src/search/index.ts) — with Netlify's cache utility
// (https://github.com/netlify/build/tree/main/packages/cache-utils). Only those: the rest of .cache/
// (the response counts, kept ten minutes) must not outlive the build that asked GitHub, or a
// rebuild for a new response would show the old count.
// Plain JavaScript, because Netlify runs it as it is, before any of the project's code is built.
// Export nothing but event handlers: Netlify's loader takes every export for one and refuses the
// plugin (and the whole build) at any other name (@netlify/build, lib/plugins/child/validate.js).

const KEPT = [".cache/cards", ".cache/search"];

/** Before the build: what the last build kept, back in place (nothing when there is none yet). */
export async function onPreBuild({ utils }) {
  const restored = await utils.cache.restore(KEPT);
  console.log(
    restored
      ? `Restored ${KEPT.join(" and ")} from the last build`
      : "Nothing cached yet: this build draws every card and makes the search index",
  );
}

/** After a build that succeeded: its cards and index, for the next one. */
export async function onPostBuild({ utils }) {
  if (await utils.cache.save(KEPT)) console.log(`Kept ${KEPT.join(" and ")} for the next build`);
}
