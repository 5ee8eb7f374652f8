// The facilitator's desk: what `npm run archive`, `responses` and `overview` share — the content,
// checked; the live comments category of site.yaml; a token; and each post's discussion found the
// way the build's counts and `npm run discussions` find it (the category listed, matched by number
// or giscus's marker: src/comments/counts.ts `matchDiscussions`), then read whole.
import { settingsFromEnv } from "../../model/build.ts";
import { matchDiscussions } from "../../comments/counts.ts";
import { discussionOnGitHub } from "../../comments/discussion.ts";
import { categoryDiscussions } from "../../comments/github.ts";
import { commentsSetup } from "../../comments/settings.ts";
import { loadContent } from "../../content/load.ts";
import { formatProblem, nearest } from "../../model/problems.ts";
import { endpointFrom, GitHubError, graphqlClient, tokenFrom, type GraphqlClient } from "../../github/client.ts";
import { discussionConversation, type Conversation } from "../../github/conversation.ts";
import { explain } from "../github/explain.ts";
import { tokenSteps } from "../github/token-help.ts";
import { ToolError } from "../tool-error.ts";
import { contentPaths } from "../../model/paths.ts";
import type { Content, PostEntry } from "../../model/content.ts";

export interface Desk {
  root: string;
  content: Content;
  /** Where the live discussions are: `owner/name` and the category. */
  repo: string;
  category: string;
  categoryId: string;
  client: GraphqlClient;
  /** For messages: which variable the token came from, and the command to run again. */
  tokenName: string;
  retry: string;
  /** Appended to a failure's message, e.g. "Nothing was changed." */
  after: string;
}

export interface DeskOptions {
  env?: NodeJS.ProcessEnv;
  /** The command as the facilitator typed it, for the token steps ("npm run archive -- --all"). */
  command: string;
  after?: string;
  timeoutSeconds?: number;
}

/** Content checked, comments set up, a token: or one message that says what to do first. */
export function openDesk(root: string, options: DeskOptions): Desk {
  const { env = process.env, command, after = "" } = options;
  const content = loadContent(root, settingsFromEnv(env));
  if (content.problems.length)
    throw new ToolError(
      `Fix these first (npm run check lists them too):\n${content.problems.map(formatProblem).join("\n")}`,
    );
  // The live category, whatever deploy this is; also when site.yaml has switched comments off since.
  const setup = commentsSetup({
    ...content.site,
    comments: undefined,
    build: { ...content.site.build, mode: "production", context: "production", preview: false },
  });
  if (setup.status !== "ready") {
    throw new ToolError(
      `The comments are not set up in ${contentPaths.site}, so there is no discussion to read — run npm run setup -- <owner/name> first (docs/reacties-instellen.md, "Reacties instellen").`,
    );
  }
  const token = tokenFrom(env, ["DISCUSSIONS_TOKEN", "GITHUB_TOKEN"]);
  if (!token) {
    throw new ToolError(
      `The responses are in ${setup.repo}, and GitHub only shows discussions to a token: set GITHUB_TOKEN (one that may read its discussions is enough).\n` +
        tokenSteps(setup.repo, `GITHUB_TOKEN=github_pat_… ${command}`),
    );
  }
  const client = graphqlClient({
    endpoint: endpointFrom(env),
    token: token.token,
    tokenName: token.name,
    ...(options.timeoutSeconds ? { timeoutSeconds: options.timeoutSeconds } : {}),
  });
  return {
    root,
    content,
    repo: setup.repo,
    category: setup.category,
    categoryId: setup.categoryId,
    client,
    tokenName: token.name,
    retry: `${token.name}=github_pat_… ${command}`,
    after,
  };
}

/** A GitHub failure as the one message the command prints. */
export function failure(desk: Desk, error: unknown): ToolError {
  return explain(error, {
    repo: desk.repo,
    tokenName: desk.tokenName,
    retry: desk.retry,
    ...(desk.after ? { after: desk.after } : {}),
  });
}

/**
 * The posts named on the command line (a slug, `content/posts/<slug>.md` or `/posts/<slug>/`), or
 * every post `all` picks; every unknown name is reported at once, with the nearest there is.
 */
export function pickPosts(
  content: Content,
  names: readonly string[],
  all: ((post: PostEntry) => boolean) | undefined,
): PostEntry[] {
  if (all) return content.posts.filter(all);
  const bySlug = new Map(content.posts.map((post) => [post.slug, post]));
  const slugOf = (name: string) =>
    name
      .trim()
      .replace(/^\.?\/?(content\/posts\/|posts\/)?/, "")
      .replace(/(\.md|\/)$/, "");
  const unknown = names.filter((name) => !bySlug.has(slugOf(name)));
  if (unknown.length) {
    throw new ToolError(
      unknown
        .map((name) => {
          const slug = slugOf(name);
          // A typo, or the first words of the name.
          const guess =
            nearest(slug, [...bySlug.keys()]) ??
            (slug
              ? [...bySlug.keys()].find((known) => known.startsWith(slug) || known.includes(`-${slug}`))
              : undefined);
          return `There is no post ${contentPaths.posts}/${slugOf(name)}.md${guess ? ` — did you mean ${guess}?` : ""}`;
        })
        .join("\n"),
    );
  }
  return [...new Set(names.map(slugOf))].map((slug) => bySlug.get(slug)!);
}

export interface PostConversation {
  post: PostEntry;
  /** The post's discussion, when it has one on GitHub. */
  discussion?: { number: number; url: string };
  conversation?: Conversation;
}

/** Each post's discussion, whole; a post without a discussion yet has none. Throws what GitHub refused, explained. */
export async function conversations(desk: Desk, posts: readonly PostEntry[]): Promise<PostConversation[]> {
  try {
    const listed = await categoryDiscussions(desk.client, { repo: desk.repo, categoryId: desk.categoryId });
    const matched = matchDiscussions(posts, listed);
    const found: PostConversation[] = [];
    for (const post of posts) {
      const number = matched.get(post.slug)?.number;
      if (number === undefined) {
        found.push({ post });
        continue;
      }
      let conversation: Conversation;
      try {
        conversation = await discussionConversation(desk.client, desk.repo, number);
      } catch (error) {
        if (error instanceof GitHubError && error.failure === "not-found") {
          throw new ToolError(
            `${post.file}: GitHub shows no discussion #${number} in ${desk.repo} (discussion: ${number}) — correct the number, or remove the line.${desk.after ? `\n${desk.after}` : ""}`,
          );
        }
        throw error;
      }
      found.push({
        post,
        discussion: { number, url: discussionOnGitHub(desk.repo, { mapping: "number", number }) },
        conversation,
      });
    }
    return found;
  } catch (error) {
    if (error instanceof ToolError) throw error;
    if (error instanceof GitHubError && error.failure === "not-found") {
      throw new ToolError(
        `GitHub shows no repository ${desk.repo} with the category ${desk.category} (${desk.categoryId}) to ${desk.tokenName}. Check repo in ${contentPaths.site}, or run npm run setup -- ${desk.repo} again; a private repository must be among the token's "Only select repositories".${desk.after ? `\n${desk.after}` : ""}`,
      );
    }
    throw failure(desk, error);
  }
}
