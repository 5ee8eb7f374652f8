// `owner/name` of a GitHub repository, from the forms it is written in: `owner/name` itself (site.yaml's
// `repository:`), or a clone URL such as Netlify's REPOSITORY_URL — `https://github.com/owner/name`,
// `git@github.com:owner/name.git`, and on some builds with a short-lived access token in front of the
// host (`https://x-access-token:…@github.com/…`), which is dropped here and never kept or printed.
// https://docs.netlify.com/build/configure-builds/environment-variables/#git-metadata

/** GitHub's rules for names: an owner is 1–39 letters, digits and single hyphens; a repository up to 100 of `A-Za-z0-9._-`. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

/** `owner/name` when `owner` and `name` are names GitHub allows. */
export function repositoryName(owner: string, name: string): string | undefined {
  const bare = name.replace(/\.git$/i, "");
  return OWNER.test(owner) && NAME.test(bare) && bare !== "." && bare !== ".." ? `${owner}/${bare}` : undefined;
}

/** Whether `value` is written `owner/name` (what site.yaml's `repository:` must be). */
export const isRepositoryName = (value: string): boolean => {
  const [owner = "", name = "", ...rest] = value.split("/");
  return rest.length === 0 && !name.endsWith(".git") && repositoryName(owner, name) !== undefined;
};

/** `owner/name` of a github.com clone URL, or undefined for any other host or shape. */
export function githubRepositoryOf(url: string | undefined): string | undefined {
  const text = url?.trim();
  if (!text) return undefined;
  const scp = /^[\w.-]+@github\.com:([^/]+)\/([^/]+?)\/?$/i.exec(text);
  if (scp) return repositoryName(scp[1]!, scp[2]!);
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return undefined;
  }
  if (!/^(https?|ssh|git):$/.test(parsed.protocol) || !/^(www\.)?github\.com$/i.test(parsed.hostname)) return undefined;
  const [owner = "", name = "", ...rest] = parsed.pathname.replace(/^\/+|\/+$/g, "").split("/");
  return rest.length ? undefined : repositoryName(owner, name);
}
