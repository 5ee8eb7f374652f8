// `npm run setup -- <owner/repo or its URL> [--category <name>]`: asks GitHub for what the
// conversation needs (the repository's id, whether Discussions are on, whether it is public, whose it
// is, its categories) and writes repo, repoId, category and categoryId into content/_data/site.yaml.
// A public site's conversation is shown by giscus, which works only with a public repository; a
// private site's (`private: true`) lives in a private repository only its members can read, shown on
// the site at build and never through giscus (docs/groepsruimte.md). Everything that can fail is checked
// before the file is written; on any failure it is untouched.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import YAML from "yaml";
import { join } from "node:path";
import { ToolError } from "../tool-error.ts";
import { endpointFrom, graphqlClient, tokenFrom, type GraphqlClient } from "../../github/client.ts";
import { explain } from "./explain.ts";
import { withGiscusValues, type GiscusValues } from "./site-yaml.ts";
import { tokenSteps } from "./token-help.ts";
import { contentPaths } from "../../model/paths.ts";
import { repositoryName } from "../../model/repository.ts";

/** Picked in this order when no --category is given (the manual suggests "Reacties": docs/reacties-instellen.md, "Stap 2: zet Discussions aan en maak de categorie"). */
export const preferredCategories = ["Reacties", "Comments", "Announcements"] as const;

export interface Category {
  id: string;
  name: string;
}

export interface Repository {
  id: string;
  nameWithOwner: string;
  url: string;
  isPrivate: boolean;
  /** A person's account or an organisation: only an organisation can give members read access alone. */
  owner: { __typename: "User" | "Organization"; login: string };
  hasDiscussionsEnabled: boolean;
  categories: Category[];
}

// GitHub allows at most 25 categories per repository, so one page holds them all.
const SETUP_QUERY = `query Setup($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
    id
    nameWithOwner
    url
    isPrivate
    owner { __typename login }
    hasDiscussionsEnabled
    discussionCategories(first: 100) { nodes { id name } }
  }
}`;

const usage = "Usage: npm run setup -- <owner/name or https://github.com/owner/name> [--category <name>]";

/** `owner/name` from what a facilitator may paste: `owner/name`, a github.com URL (of any page in it), a clone URL. */
export function parseRepository(input: string | undefined): { owner: string; name: string } {
  const text = (input ?? "").trim();
  if (!text)
    throw new ToolError(
      `Which repository? Give the one for the conversations, e.g. npm run setup -- organisatie/leergang-reacties\n${usage}`,
    );
  const path = text
    .replace(/^git@github\.com:/i, "")
    .replace(/^(https?:\/\/)?(www\.)?github\.com\//i, "")
    .replace(/[?#].*$/, "");
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path) || /^[\w.-]+\.[a-z]{2,}\//i.test(path)) {
    throw new ToolError(
      `"${text}" is not on GitHub: the comments live in GitHub Discussions — give owner/name of a GitHub repository.\n${usage}`,
    );
  }
  const [owner = "", name = ""] = path.split("/");
  const repository = repositoryName(owner, name);
  if (!repository)
    throw new ToolError(
      `"${text}" is not a GitHub repository — write it as owner/name, e.g. organisatie/leergang-reacties.\n${usage}`,
    );
  return { owner, name: repository.slice(owner.length + 1) };
}

/** The repository as giscus needs it. */
export async function fetchRepository(client: GraphqlClient, owner: string, name: string): Promise<Repository> {
  type Answer = {
    repository: (Omit<Repository, "categories"> & { discussionCategories: { nodes: (Category | null)[] } }) | null;
  };
  const { repository } = await client.request<Answer>(SETUP_QUERY, { owner, name });
  if (!repository) throw new ToolError(`GitHub shows no repository ${owner}/${name} to this token.`);
  const { discussionCategories, ...rest } = repository;
  return { ...rest, categories: discussionCategories.nodes.filter((c): c is Category => c !== null) };
}

const listed = (categories: readonly Category[]) => categories.map((c) => `  - ${c.name}`).join("\n");

/**
 * The category: the one asked for (case does not matter), else the first of the preferred names
 * that exists, else whichever the facilitator picks at a terminal; never a guess.
 */
export async function chooseCategory(
  repo: Repository,
  requested: string | undefined,
  ask?: (categories: Category[]) => Promise<string | undefined>,
): Promise<Category> {
  const { categories } = repo;
  const manage = `${repo.url}/discussions/categories`;
  if (!categories.length)
    throw new ToolError(
      `${repo.nameWithOwner} has no discussion categories yet. Create one for the responses (type "Announcement"), e.g. "Reacties": ${manage}`,
    );
  const named = (name: string) => categories.find((c) => c.name.toLowerCase() === name.trim().toLowerCase());
  if (requested !== undefined) {
    const found = named(requested);
    if (found) return found;
    throw new ToolError(
      `${repo.nameWithOwner} has no category "${requested.trim()}". Its categories:\n${listed(categories)}\nGive one of them with --category "<name>", or create it: ${manage}`,
    );
  }
  for (const name of preferredCategories) {
    const found = named(name);
    if (found) return found;
  }
  const picked = ask ? await ask(categories) : undefined;
  const found = picked === undefined ? undefined : categories.find((c) => c.id === picked);
  if (found) return found;
  throw new ToolError(
    `Which category should the responses go to? ${repo.nameWithOwner} has:\n${listed(categories)}\nRun it again with --category "<name>" (an "Announcement" category is best: only maintainers and giscus start discussions there).`,
  );
}

export interface SetupOptions {
  /** `owner/name` or a GitHub URL. */
  target: string | undefined;
  category?: string;
}

export interface SetupDeps {
  env?: NodeJS.ProcessEnv;
  /** At a terminal: which category, from a numbered list; returns the category's id. */
  ask?: (categories: Category[]) => Promise<string | undefined>;
  timeoutSeconds?: number;
}

export interface SetupResult {
  file: string;
  values: GiscusValues;
  repository: Repository;
  /** site.yaml says `private: true`: the conversation is the group's, in a private repository. */
  privateSite: boolean;
}

/** Whether site.yaml says `private: true` (read from its text: the rest of the content may be unfinished). */
function isPrivateSite(source: string): boolean {
  try {
    const data = YAML.parse(source) as { private?: unknown } | null;
    return data?.private === true;
  } catch {
    return false;
  }
}

/** Everything `npm run setup` does; the command line (scripts/setup.ts) prints the result. */
export async function setupComments(root: string, options: SetupOptions, deps: SetupDeps = {}): Promise<SetupResult> {
  const { env = process.env } = deps;
  const { owner, name } = parseRepository(options.target);
  const repo = `${owner}/${name}`;
  const file = join(root, contentPaths.site);
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch {
    throw new ToolError(
      `${contentPaths.site} cannot be read — run this in the site's folder (the one with package.json and content/).`,
    );
  }
  // Read site.yaml first: a broken file is reported before anything is asked of GitHub.
  withGiscusValues(source, { repo, repoId: "", category: "", categoryId: "" });

  const retry = `GITHUB_TOKEN=github_pat_… npm run setup -- ${repo}`;
  const token = tokenFrom(env, ["GITHUB_TOKEN"]);
  if (!token)
    throw new ToolError(
      `setup asks GitHub about ${repo}, and GitHub only answers with a token (GITHUB_TOKEN is not set).\n${tokenSteps(repo, retry)}`,
    );
  const client = graphqlClient({
    endpoint: endpointFrom(env),
    token: token.token,
    tokenName: token.name,
    ...(deps.timeoutSeconds ? { timeoutSeconds: deps.timeoutSeconds } : {}),
  });
  const context = { repo, tokenName: token.name, retry, after: `Nothing was changed in ${contentPaths.site}.` };

  let repository: Repository;
  try {
    repository = await fetchRepository(client, owner, name);
  } catch (error) {
    if (error instanceof ToolError) throw error;
    throw explain(error, context);
  }
  const settings = `${repository.url}/settings`;
  if (!repository.hasDiscussionsEnabled) {
    throw new ToolError(
      `Discussions are off in ${repository.nameWithOwner}. Switch them on: ${settings} → General → Features → Discussions; then create a category for the responses and run this again.`,
    );
  }
  const privateSite = isPrivateSite(source);
  if (privateSite && !repository.isPrivate) {
    throw new ToolError(
      `${repository.nameWithOwner} is public, and this site is private (private: true): anyone could read the group's responses on GitHub. ` +
        `Use a private repository for the conversation — ideally an organisation's (free), which can give members read access only — ` +
        `or make this one private (${settings} → Danger Zone → Change visibility). Nothing was changed in ${contentPaths.site}.`,
    );
  }
  if (!privateSite && repository.isPrivate) {
    throw new ToolError(
      `${repository.nameWithOwner} is private, and the responses of a public site are shown by giscus, which works only with public repositories ` +
        `("otherwise visitors will not be able to view the discussion", giscus.app). Make it public (${settings} → Danger Zone → Change visibility) or use a public repository for the responses — ` +
        `or, if the site is for the group only, set private: true in ${contentPaths.site} and run this again: the group's conversation then stays in this private repository (docs/groepsruimte.md).`,
    );
  }
  const category = await chooseCategory(repository, options.category, deps.ask);
  const values: GiscusValues = {
    repo: repository.nameWithOwner,
    repoId: repository.id,
    category: category.name,
    categoryId: category.id,
  };
  const text = withGiscusValues(source, values);
  // Written beside it and renamed: site.yaml is either the old file or the new one, never half.
  const temporary = `${file}.setup-${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
  return { file: contentPaths.site, values, repository, privateSite };
}

/** What is left to do by hand once site.yaml is written. */
export function nextSteps(result: SetupResult): string {
  const { repository } = result;
  const written = [
    `Written to ${result.file}:`,
    ...Object.entries(result.values).map(([key, value]) => `  ${key}: ${value}`),
  ];
  if (result.privateSite) {
    const organisation = repository.owner.__typename === "Organization";
    return [
      ...written,
      "",
      `${repository.nameWithOwner} is private: the group's conversation stays there, readable by its members only, and the site shows it at build.`,
      organisation
        ? `It belongs to the organisation ${repository.owner.login}, which can give members read access only (they respond; they cannot change the repository).`
        : `It belongs to ${repository.owner.login}, a person: GitHub gives every collaborator of a person's repository write access, so members could also edit or delete others' responses. An organisation (free) can give read access only: consider moving the repository to one (docs/groepsruimte.md, "Stap 1: een organisatie en een privérepository").`,
      "",
      "Still to do by hand:",
      `  1. Do NOT install the giscus app on ${repository.nameWithOwner}: giscus.app reads discussions with its own token, for anyone who knows the repository's name.`,
      "  2. Invite the group: npm run members -- add <github-user>…, and give each a key to the site (SITE_USERS in Netlify).",
      "  3. Tell them to choose Watch → Custom → Discussions on the repository, to get new discussions by e-mail (the site's guide says how).",
      '  4. Set the secrets: GITHUB_TOKEN in Netlify (with read access to this repository: the build shows the conversation); in the site\'s repository on GitHub NETLIFY_BUILD_HOOK, and DISCUSSIONS_TOKEN when the conversation lives in another repository (docs/groepsruimte.md, "Stap 2: tokens").',
    ].join("\n");
  }
  return [
    ...written,
    "",
    "Still to do by hand:",
    `  1. Install the giscus app on ${repository.nameWithOwner} only: https://github.com/apps/giscus → Install → Only select repositories.`,
    "     This command cannot check it: only the giscus app itself can ask GitHub whether it is installed (that question needs",
    '     the app\'s own key). Until it is, the comments section says "giscus is not installed on this repository".',
    `  2. Make sure "${result.values.category}" is an Announcement category (${repository.url}/discussions/categories): then only`,
    "     maintainers and giscus start discussions there. GitHub's API does not tell a category's type, so this was not checked.",
    `  3. Allow the site's addresses in a giscus.json at the root of ${repository.nameWithOwner} (docs/reacties-instellen.md, "Stap 6: sta de adressen van de site toe").`,
    '  4. Set the secrets: GITHUB_TOKEN in Netlify (for the response counts), NETLIFY_BUILD_HOOK in GitHub (docs/reacties-instellen.md, "Stap 7: zet de geheimen").',
  ].join("\n");
}
