// Writing on GitHub without git: the links that take a facilitator from the site into GitHub's own
// web editor — an edit link on each post of a preview, and the new-post form of /schrijven/.
// https://docs.github.com/en/repositories/working-with-files/managing-files/editing-files
// https://docs.github.com/en/repositories/working-with-files/managing-files/creating-new-files
import { contentPaths } from "../model/paths.ts";
import type { Site } from "../model/content.ts";

/**
 * The branch a new post starts from. Netlify's production build knows the branch it publishes
 * (its BRANCH), which is exactly where a post must land to go live; every other build cannot know
 * it from Netlify's variables (a preview's BRANCH is the pull request's), and asking GitHub would
 * need a token that can read the content repository — the build's token is for the discussions,
 * often another repository. So elsewhere it is `main`, GitHub's default branch for new
 * repositories: the page facilitators bookmark is the production one.
 */
export const DEFAULT_BRANCH = "main";

/** Where /schrijven/'s form goes: keep in step with `form-action` of the CSP in netlify.toml (a test checks). */
export const formOrigin = "https://github.com";

/** The repository with the site's content: site.yaml's `repository:`, else Netlify's REPOSITORY_URL. */
export const contentRepository = (site: Pick<Site, "repository" | "build">): string | undefined =>
  site.repository ?? site.build.repository;

/** A branch in a github.com path: each part escaped, its slashes kept (`feature/nieuw` stays two segments). */
const branchPath = (branch: string) => branch.split("/").map(encodeURIComponent).join("/");

/**
 * "Bewerk dit bericht op GitHub": the post's file in GitHub's editor on the branch this preview was
 * built from, so the fix lands in the same pull request. Only in deploy previews and branch deploys:
 * in production a reader would be sent to GitHub to make a fork.
 */
export function editLink(site: Pick<Site, "repository" | "build">, file: string): string | undefined {
  const repository = contentRepository(site);
  const { preview, branch } = site.build;
  if (!preview || !branch || !repository) return undefined;
  return `https://github.com/${repository}/edit/${branchPath(branch)}/${file.split("/").map(encodeURIComponent).join("/")}`;
}

/** Where /schrijven/'s form goes: GitHub's "new file" page in the posts folder, which reads `filename` and `value`. */
export function newPostAction(
  site: Pick<Site, "repository" | "build">,
): { action: string; repository: string; branch: string } | undefined {
  const repository = contentRepository(site);
  if (!repository) return undefined;
  const branch = site.build.productionBranch ?? DEFAULT_BRANCH;
  return { action: `${formOrigin}/${repository}/new/${branchPath(branch)}/${contentPaths.posts}`, repository, branch };
}
