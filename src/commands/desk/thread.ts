// A post's conversation as the facilitator's commands see it: the responses in the discussion that
// GitHub still shows (hidden and deleted ones left out), together with the earlier responses kept
// beside the post, each once — by GitHub's comment id, which an archived response keeps as its `id`.
import type { EarlierResponseData } from "../../model/schema.ts";
import { parseSiteDate } from "../../model/calendar.ts";
import { loginOf, shownOnGitHub, type GitHubComment } from "../../github/conversation.ts";

export interface DeskResponse {
  /** GitHub's comment id, or an earlier response's own id (as text), or its place in the file. */
  id: string;
  /** The id of the response it answers. */
  parent?: string;
  /** Written as a reply, also when the response it answered is left out (and `parent` with it). */
  reply?: boolean;
  /** The author's GitHub login; none for a response imported from an old blog. */
  login?: string;
  /** What the page shows as the author: the login, or the name an old blog had. */
  author: string;
  url?: string;
  date: Date;
  /** Markdown. */
  text: string;
}

/** Why a response in the discussion was left out. */
export interface LeftOut {
  /** Hidden by a moderator. */
  minimized: number;
  deleted: number;
}

/**
 * The responses GitHub shows in a discussion, oldest first. A reply to a comment that is left out
 * stays, as a response to the post (the WordPress import does the same with a reply to a spam comment).
 */
export function fromGitHub(comments: readonly GitHubComment[]): {
  responses: DeskResponse[];
  leftOut: LeftOut;
  gone: Set<string>;
} {
  const responses: DeskResponse[] = [];
  const leftOut: LeftOut = { minimized: 0, deleted: 0 };
  const gone = new Set<string>();
  const take = (c: GitHubComment, parent?: string, reply = false) => {
    if (!shownOnGitHub(c)) {
      if (c.minimized) leftOut.minimized++;
      else leftOut.deleted++;
      gone.add(c.id);
      return false;
    }
    const login = loginOf(c);
    responses.push({
      id: c.id,
      ...(parent ? { parent } : {}),
      ...(reply ? { reply } : {}),
      login,
      author: login,
      url: `https://github.com/${login}`,
      date: new Date(c.createdAt),
      text: c.body,
    });
    return true;
  };
  for (const c of comments) {
    const kept = take(c);
    for (const reply of c.replies) take(reply, kept ? c.id : undefined, true);
  }
  return { responses, leftOut, gone };
}

/** The earlier responses of a post in the same shape; `timezone` reads their dates. */
export function fromEarlier(entries: readonly EarlierResponseData[], timezone: string): DeskResponse[] {
  return entries.map((entry, i) => ({
    id: entry.id !== undefined ? String(entry.id) : `#${i + 1}`,
    ...(entry.parent !== undefined ? { parent: String(entry.parent) } : {}),
    ...(entry.github ? { login: entry.github } : {}),
    author: entry.author,
    ...(entry.url ? { url: entry.url } : {}),
    date: parseSiteDate(entry.date, timezone),
    text: entry.text,
  }));
}

/** Every response once: the discussion's as GitHub shows them now, then the earlier ones it does not have. */
export function together(
  github: readonly DeskResponse[],
  earlier: readonly DeskResponse[],
  gone: ReadonlySet<string> = new Set(),
): DeskResponse[] {
  const ids = new Set(github.map((r) => r.id));
  return [...github, ...earlier.filter((r) => !ids.has(r.id) && !gone.has(r.id))].sort(
    (a, b) => a.date.getTime() - b.date.getTime(),
  );
}

export interface Threaded {
  response: DeskResponse;
  replies: Threaded[];
}

/**
 * Replies under the response they answer (GitHub's one level, an old blog's several), each level
 * oldest first. A reply whose parent is not there, or whose parents loop, stands on its own.
 */
export function threaded(responses: readonly DeskResponse[]): Threaded[] {
  const nodes = new Map(responses.map((response) => [response.id, { response, replies: [] as Threaded[] }]));
  const parentOf = (node: Threaded) =>
    node.response.parent !== undefined ? nodes.get(node.response.parent) : undefined;
  const reachesRoot = (node: Threaded) => {
    const seen = new Set<Threaded>();
    for (let at: Threaded | undefined = node; at; at = parentOf(at)) {
      if (seen.has(at)) return false;
      seen.add(at);
    }
    return true;
  };
  const roots: Threaded[] = [];
  for (const node of nodes.values()) {
    const parent = reachesRoot(node) ? parentOf(node) : undefined;
    if (parent) parent.replies.push(node);
    else roots.push(node);
  }
  const byDate = (a: Threaded, b: Threaded) => a.response.date.getTime() - b.response.date.getTime();
  for (const node of nodes.values()) node.replies.sort(byDate);
  return roots.sort(byDate);
}
