// `npm run discussions [-- --dry-run]`: a GitHub Discussion for every published post, made when
// the post goes out rather than at its first response, so whoever watches the repository hears of
// it and the questions reach their inbox (giscus issue #1652). It finds what giscus strict mode
// would find — the category's discussion whose body carries the marker of the post's term — by
// listing the category (GitHub's search lags behind new discussions, giscus #1347), and creates
// the discussion only when there is none. An existing discussion is never touched.
import { settingsFromEnv } from "../../model/build.ts";
import { loadContent } from "../../content/load.ts";
import { formatProblem } from "../../model/problems.ts";
import { byMarker } from "../../comments/counts.ts";
import { discussionFor, discussionOnGitHub, giscusHash, newDiscussion } from "../../comments/discussion.ts";
import { categoryDiscussions, isPrivateRepository } from "../../comments/github.ts";
import { commentsOn, commentsSetup } from "../../comments/settings.ts";
import { isPublished } from "../../content/visibility.ts";
import { ToolError } from "../tool-error.ts";
import { endpointFrom, GitHubError, graphqlClient, tokenFrom, type GraphqlClient } from "../../github/client.ts";
import { explain } from "./explain.ts";
import { tokenSteps } from "./token-help.ts";
import type { Content, PostEntry } from "../../model/content.ts";

const CREATE = `mutation CreatePostDiscussion($input: CreateDiscussionInput!) {
  createDiscussion(input: $input) { discussion { number url } }
}`;

export type Outcome =
  | { file: string; status: "created" | "exists"; number: number; url: string }
  | { file: string; status: "would create"; title: string }
  | { file: string; status: "skipped"; reason: string };

export interface DiscussionsOptions {
  dryRun?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Each outcome as it happens, so a run that fails half-way has said what it did. */
  report?: (outcome: Outcome) => void;
  timeoutSeconds?: number;
}

/** Why a post gets no discussion of its own, or undefined when it should have one. */
function skipReason(post: PostEntry, site: Content["site"]): string | undefined {
  if (!isPublished(post.data)) return "a draft";
  if (!commentsOn(post.data, site)) return site.comments === false ? "comments: false in site.yaml" : "comments: false";
  const { discussion } = post.data;
  if (typeof discussion === "number") return `discussion: ${discussion} — it uses that discussion`;
  if (typeof discussion === "string") return `discussion: "${discussion}" — it uses the discussion with that title`;
  return undefined;
}

/** Does what `npm run discussions` does; the command line (scripts/discussions.ts) prints it. */
export interface DiscussionsRun {
  outcomes: Outcome[];
  /** Where the discussions are: `owner/name` and the category's name. */
  repo: string;
  category: string;
}

export async function postDiscussions(root: string, options: DiscussionsOptions = {}): Promise<DiscussionsRun> {
  const { env = process.env, dryRun = false, report = () => {} } = options;
  const content = loadContent(root, settingsFromEnv(env));
  if (content.problems.length)
    throw new ToolError(
      `Fix these first (npm run check lists them too):\n${content.problems.map(formatProblem).join("\n")}`,
    );
  // The live category, also when run with a preview's environment: discussions are for the live posts.
  const setup = commentsSetup({
    ...content.site,
    build: { ...content.site.build, mode: "production", context: "production", preview: false },
  });
  if (setup.status !== "ready")
    throw new ToolError(
      'Comments are not set up in content/_data/site.yaml yet — run npm run setup -- <owner/name> first (docs/reacties-instellen.md, "Reacties instellen").',
    );
  const { site } = content;
  if (!site.url)
    throw new ToolError(
      "content/_data/site.yaml has no url, and each discussion links to its post — add the site's address, e.g. url: https://leergang.example.org",
    );

  const outcomes: Outcome[] = [];
  const run = { outcomes, repo: setup.repo, category: setup.category };
  const note = (outcome: Outcome) => {
    outcomes.push(outcome);
    report(outcome);
  };
  const wanted: PostEntry[] = [];
  for (const post of content.posts) {
    const reason = skipReason(post, site);
    if (reason) note({ file: post.file, status: "skipped", reason });
    else wanted.push(post);
  }
  if (!wanted.length) return run;

  const command = `npm run discussions${dryRun ? " -- --dry-run" : ""}`;
  const token = tokenFrom(env, ["DISCUSSIONS_TOKEN", "GITHUB_TOKEN"]);
  if (!token) {
    throw new ToolError(
      `The discussions are in ${setup.repo}, and GitHub only shows and creates them with a token: set DISCUSSIONS_TOKEN or GITHUB_TOKEN.\n` +
        `${tokenSteps(setup.repo, `GITHUB_TOKEN=github_pat_… ${command}`)}\n(In GitHub Actions the workflow .github/workflows/discussions.yml passes one.)`,
    );
  }
  const client = graphqlClient({
    endpoint: endpointFrom(env),
    token: token.token,
    tokenName: token.name,
    ...(options.timeoutSeconds ? { timeoutSeconds: options.timeoutSeconds } : {}),
  });
  const context = { repo: setup.repo, tokenName: token.name, retry: `${token.name}=github_pat_… ${command}` };

  let existing;
  // A private site's discussions in a private repository (its group's room) carry the post itself.
  let room = false;
  try {
    if (site.private === true) room = await isPrivateRepository(client, setup.repo);
    existing = byMarker(await categoryDiscussions(client, { repo: setup.repo, categoryId: setup.categoryId }));
  } catch (error) {
    if (error instanceof GitHubError && error.failure === "not-found") {
      throw new ToolError(
        `GitHub shows no repository ${setup.repo} with the category ${setup.category} (${setup.categoryId}) to ${token.name}. Check the spelling of repo in content/_data/site.yaml, or run npm run setup -- ${setup.repo} again; a private repository must be among the token's "Only select repositories".`,
      );
    }
    throw explain(error, { ...context, after: "No discussion was created." });
  }

  for (const post of wanted) {
    const discussion = discussionFor(post.slug);
    if (discussion.mapping !== "specific") continue;
    const found = existing.get(giscusHash(discussion.term));
    if (found) {
      note({
        file: post.file,
        status: "exists",
        number: found.number,
        url: discussionOnGitHub(setup.repo, { mapping: "number", number: found.number }),
      });
      continue;
    }
    if (dryRun) {
      note({ file: post.file, status: "would create", title: discussion.term });
      continue;
    }
    const { title, body } = newDiscussion(post, site, { room });
    let created: { number: number; url: string };
    try {
      const data = await client.request<{ createDiscussion: { discussion: { number: number; url: string } } }>(CREATE, {
        input: { repositoryId: setup.repoId, categoryId: setup.categoryId, title, body },
      });
      created = data.createDiscussion.discussion;
    } catch (error) {
      const done = outcomes.some((o) => o.status === "created")
        ? " The discussions created above stay; run it again to continue (it never makes a second one)."
        : "";
      if (error instanceof GitHubError && error.failure === "forbidden") {
        throw new ToolError(
          `GitHub did not let ${token.name} create a discussion in ${setup.repo}: it may read, not write, discussions there.${done}\n` +
            `In GitHub Actions: the workflow needs "permissions: discussions: write", and for another repository than the site's the DISCUSSIONS_TOKEN secret.\n` +
            tokenSteps(setup.repo, context.retry),
        );
      }
      if (error instanceof GitHubError && error.failure === "not-found") {
        throw new ToolError(
          `GitHub knows no repository or category with the ids in content/_data/site.yaml (repoId ${setup.repoId}, categoryId ${setup.categoryId}) — run npm run setup -- ${setup.repo} again.${done}`,
        );
      }
      throw explain(error, { ...context, after: done.trim() || "No discussion was created." });
    }
    existing.set(giscusHash(discussion.term), {
      number: created.number,
      title,
      hashes: [giscusHash(discussion.term)],
      responses: 0,
    });
    note({ file: post.file, status: "created", number: created.number, url: created.url });
  }
  return run;
}

/** One line per post. */
export function outcomeLine(outcome: Outcome): string {
  if (outcome.status === "skipped") return `  skipped       ${outcome.file} (${outcome.reason})`;
  if (outcome.status === "would create")
    return `  would create  ${outcome.file} → a discussion titled "${outcome.title}"`;
  return `  ${outcome.status.padEnd(13)} ${outcome.file} → #${outcome.number} ${outcome.url}`;
}

/** "In org/reacties, category "Reacties": 2 created, 3 already there, 4 skipped." */
export function summary({ outcomes, repo, category }: DiscussionsRun, dryRun: boolean): string {
  const count = (status: Outcome["status"]) => outcomes.filter((o) => o.status === status).length;
  const parts = [
    dryRun ? `${count("would create")} to create` : `${count("created")} created`,
    `${count("exists")} already there`,
    `${count("skipped")} skipped`,
  ];
  return `In ${repo}, category "${category}": ${parts.join(", ")}.${dryRun ? " Dry run: nothing was created." : ""}`;
}
