// The one list of environment variables a test clears before it runs a build, the dev server or a
// command: everything the build reads (src/build/settings.ts), Netlify sets, or GitHub needs. A
// machine that has one of these set (a CI runner on Netlify, a developer with a token) runs the
// tests as a clean machine would.
export const buildVariables = [
  "ELEVENTY_RUN_MODE", "HOEDOEDEDA_ENV", "HOEDOEDEDA_DRAFTS", "HOEDOEDEDA_AUTHOR", "SITE_URL",
  "CONTEXT", "URL", "DEPLOY_PRIME_URL", "REVIEW_ID", "BRANCH", "HEAD", "REPOSITORY_URL",
  "GITHUB_TOKEN", "DISCUSSIONS_TOKEN", "GITHUB_GRAPHQL_URL", "SITE_USERS",
] as const;

/** `process.env` without the build's variables, with `extra` on top. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of buildVariables) delete env[name];
  return { ...env, ...extra };
}
