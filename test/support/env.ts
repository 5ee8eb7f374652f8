// The one list of environment variables a test clears before it runs a build, the dev server or a
// command: everything the build reads (src/model/build.ts), Netlify sets, or GitHub needs. A
// machine that has one of these set (a CI runner on Netlify, a developer with a token) runs the
// tests as a clean machine would. The build's clock is set, so what a site shows as upcoming does
// not depend on the day the tests run.
export const buildVariables = [
  "ELEVENTY_RUN_MODE",
  "HOEDOEDEDA_ENV",
  "HOEDOEDEDA_DRAFTS",
  "HOEDOEDEDA_AUTHOR",
  "SITE_URL",
  "CONTEXT",
  "URL",
  "DEPLOY_PRIME_URL",
  "REVIEW_ID",
  "BRANCH",
  "HEAD",
  "REPOSITORY_URL",
  "GITHUB_TOKEN",
  "DISCUSSIONS_TOKEN",
  "GITHUB_GRAPHQL_URL",
  "SITE_USERS",
  "HOEDOEDEDA_NOW",
  "HOEDOEDEDA_SEARCH_PART_POSTS",
] as const;

/**
 * The moment every test build happens (HOEDOEDEDA_NOW, src/model/build.ts): two days before the
 * example's next session (content/posts/loslaten-en-regie.md, 3 December 2026), after its first.
 */
export const testNow = "2026-12-01T09:00";
/** The same moment as an instant (09:00 in Amsterdam), for a browser's clock (`context.clock.install`): a page's clock (src/client/clock.ts) then agrees with the build. */
export const testNowInstant = new Date("2026-12-01T09:00:00+01:00");

/**
 * `process.env` without the build's variables, the clock at `testNow`, with `extra` on top. Without
 * colour too: a CI runner that sets FORCE_COLOR (ours does) would otherwise have Netlify's CLI and
 * Deno write escape codes into the output the tests read.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [...buildVariables, "FORCE_COLOR"]) delete env[name];
  return { ...env, NO_COLOR: "1", HOEDOEDEDA_NOW: testNow, ...extra };
}
