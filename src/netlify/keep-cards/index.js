// A Netlify build plugin (https://docs.netlify.com/build-plugins/create-plugins/): keeps the drawn
// link-preview cards (.cache/cards/, src/cards/write.ts) from one build to the next with Netlify's
// cache utility (https://github.com/netlify/build/tree/main/packages/cache-utils). Only the cards:
// the rest of .cache/ (the response counts, kept ten minutes) must not outlive the build that asked
// GitHub, or a rebuild for a new response would show the old count.
// Plain JavaScript, because Netlify runs it as it is, before any of the project's code is built.

export const CARD_CACHE = ".cache/cards";

/** Before the build: the cards of the last build back in place (nothing when there is none yet). */
export async function onPreBuild({ utils }) {
  const restored = await utils.cache.restore(CARD_CACHE);
  console.log(restored ? `Link-preview cards restored into ${CARD_CACHE}/` : "No link-preview cards cached yet: this build draws them all");
}

/** After a build that succeeded: the cards it used, for the next one. */
export async function onPostBuild({ utils }) {
  if (await utils.cache.save(CARD_CACHE)) console.log(`Link-preview cards in ${CARD_CACHE}/ kept for the next build`);
}
