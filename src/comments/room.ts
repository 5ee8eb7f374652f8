// A private cohort's conversation, on its post pages: its "room" is a private GitHub repository only
// the group can read (docs/groepsruimte.md), so no widget may show it — giscus.app reads discussions with
// its own token, for anyone — and the build reads it instead, with its own token, and writes it into
// the page: every comment and reply GitHub shows (hidden and deleted ones left out), nested, with
// names, dates and reactions, in the same thread as the earlier responses. It is as fresh as the
// last deploy; the deploy budget decides how often that is (src/deploys/budget.ts).
// https://docs.github.com/en/graphql/guides/using-the-graphql-api-for-discussions
import { answerCache } from "../github/answer-cache.ts";
import { endpointFrom, GitHubError, graphqlClient, type GraphqlClient } from "../github/client.ts";
import {
  discussionConversation,
  loginOf,
  shownOnGitHub,
  type Conversation,
  type GitHubComment,
} from "../github/conversation.ts";
import { isoDateTime } from "../model/calendar.ts";
import type { Site } from "../model/content.ts";
import type { EarlierResponse, RoomConversation } from "../model/responses.ts";
import { longDate } from "../i18n/dates.ts";
import { messages } from "../i18n/index.ts";
import { matchDiscussions, type CountedPost } from "./counts.ts";
import { renderResponseText } from "./earlier.ts";
import { categoryDiscussions, isPrivateRepository, makePrivate, type DiscussionSummary } from "./github.ts";
import { commentsSetup } from "./settings.ts";

export interface Room {
  /** By post slug; a post without a discussion yet has none. */
  conversations: Map<string, RoomConversation>;
  /** Why there is no conversation on the pages, for the build's one warning. */
  warning?: string;
  /**
   * The room is a public repository: its "only the group reads this" would be untrue. A production
   * build stops on it (src/comments/index.ts); setup refuses such a repository in the first place.
   */
  publicRoom?: string;
}

/** GitHub's reaction kinds as they show on github.com. */
export const reactionEmoji: Record<string, string> = {
  THUMBS_UP: "👍",
  THUMBS_DOWN: "👎",
  LAUGH: "😄",
  HOORAY: "🎉",
  CONFUSED: "😕",
  HEART: "❤️",
  ROCKET: "🚀",
  EYES: "👀",
};

/**
 * The thread a page shows of a conversation: what GitHub shows, oldest first. A reply whose comment
 * is left out stays, as a response to the post (as `npm run archive` keeps it, src/commands/desk/thread.ts).
 */
export function roomThread(
  comments: readonly GitHubComment[],
  site: Pick<Site, "lang" | "timezone">,
): { responses: EarlierResponse[]; count: number } {
  const t = messages(site.lang);
  const response = (c: GitHubComment): EarlierResponse => {
    const date = new Date(c.createdAt);
    const login = loginOf(c);
    return {
      anchor: `reactie-${c.id.replace(/[^A-Za-z0-9_-]/g, "")}`,
      author: login,
      url: `https://github.com/${login}`,
      datetime: isoDateTime(date, site.timezone),
      dateLabel: longDate(date, site.lang, site.timezone),
      // GitHub shows a single line break as one.
      html: renderResponseText(c.body, t.tableScroll, { breaks: true }),
      ...(c.reactions.length
        ? {
            reactions: c.reactions
              .filter((r) => reactionEmoji[r.content])
              .map((r) => ({
                emoji: reactionEmoji[r.content]!,
                count: r.count,
                label: t.reaction(r.content, r.count),
              })),
          }
        : {}),
      replies: [],
    };
  };
  const responses: EarlierResponse[] = [];
  let count = 0;
  for (const comment of comments) {
    const replies = comment.replies.filter(shownOnGitHub).map(response);
    count += replies.length;
    if (shownOnGitHub(comment)) {
      responses.push({ ...response(comment), replies });
      count++;
    } else responses.push(...replies);
  }
  return { responses, count };
}

export interface RoomOptions {
  env?: NodeJS.ProcessEnv;
  /** Project root; the cache is `.cache/` in it. */
  root?: string;
  now?: number;
}

/** The group's conversations, each listed post's; read with GITHUB_TOKEN (read access to the room). */
export async function readRoom(site: Site, posts: readonly CountedPost[], options: RoomOptions = {}): Promise<Room> {
  const { env = process.env, root = process.cwd(), now = Date.now() } = options;
  const setup = commentsSetup(site);
  if (setup.status !== "ready") return { conversations: new Map() };
  const leftOut = "The group's conversation is left out of the post pages";
  const token = env.GITHUB_TOKEN?.trim();
  if (!token)
    return {
      conversations: new Map(),
      warning: `${leftOut}: GITHUB_TOKEN is not set (a token that can read ${setup.repo}'s discussions shows them; docs/groepsruimte.md, "Stap 2: tokens").`,
    };

  const endpoint = endpointFrom(env);
  const cache = answerCache<[string, RoomConversation][]>(root, "room", [
    1,
    endpoint,
    setup.repo,
    setup.categoryId,
    site.lang,
    site.timezone,
    posts.map((p) => [p.slug, p.data.discussion]),
  ]);
  const kept = await cache.read(now);
  if (kept) return { conversations: new Map(kept) };
  const client = graphqlClient({ endpoint, token });
  try {
    if (!(await isPrivateRepository(client, setup.repo)))
      return {
        conversations: new Map(),
        publicRoom:
          `${setup.repo} is public, and this site is private (private: true): anyone can read its discussions on GitHub, ` +
          `so the pages cannot say that only the group reads them. ${makePrivate(setup.repo)}`,
      };
    const conversations = await conversationsOf(client, setup.repo, setup.categoryId, posts, site);
    await cache.write([...conversations], now);
    return { conversations };
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    return { conversations: new Map(), warning: `${leftOut}: ${error.message}.` };
  }
}

async function conversationsOf(
  client: GraphqlClient,
  repo: string,
  categoryId: string,
  posts: readonly CountedPost[],
  site: Site,
): Promise<Map<string, RoomConversation>> {
  const conversations = new Map<string, RoomConversation>();
  const discussions = await categoryDiscussions(client, { repo, categoryId });
  for (const [slug, conversation] of await postConversations(client, repo, posts, discussions)) {
    const { responses, count } = roomThread(conversation.comments, site);
    conversations.set(slug, { url: conversation.url, number: conversation.number, responses, count });
  }
  return conversations;
}

/**
 * Each post's discussion among the room's, read whole — what its page shows, and what `npm run rebuild`
 * compares (src/deploys/activity.ts). A `discussion: 42` that does not exist (any more) is left out:
 * the page says how to start one.
 */
export async function postConversations(
  client: GraphqlClient,
  repo: string,
  posts: readonly CountedPost[],
  discussions: readonly DiscussionSummary[],
): Promise<Map<string, Conversation>> {
  const conversations = new Map<string, Conversation>();
  for (const [slug, found] of matchDiscussions(posts, discussions)) {
    if (found.number === undefined) continue;
    try {
      conversations.set(slug, await discussionConversation(client, repo, found.number));
    } catch (error) {
      if (!(error instanceof GitHubError && error.failure === "not-found")) throw error;
    }
  }
  return conversations;
}
