// How the stand-in answers a valid query: graphql-js executes it against GitHub's schema, and each
// object it meets is a view of the in-memory state whose fields are values, or functions of the
// field's arguments (graphql-js's default resolver calls them). A field the stand-in does not model
// is an error naming it, never a silent null.
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLTypeResolver } from "graphql";
import MarkdownIt from "markdown-it";
import {
  discussion as newDiscussion,
  fullName,
  globalId,
  readable,
  writable,
  type Comment,
  type Discussion,
  type Repository,
  type State,
} from "./state.ts";

/** An error GitHub reports with a `type` (NOT_FOUND, FORBIDDEN, …) next to its message. */
export class TypedError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Context {
  state: State;
  token: string;
}

type View = { __typename: string; id?: string; [field: string]: unknown };
interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

const markdown = new MarkdownIt({ html: true, linkify: true });
/** GitHub renders bodies as HTML and drops HTML comments such as giscus's `sha1:` marker. */
const html = (body: string) => markdown.render(body).replace(/<!--[\s\S]*?-->\n?/g, "");
const text = (body: string) => body.replace(/<!--[\s\S]*?-->/g, "").trim();

// Opaque to clients, like GitHub's: they only pass them back.
const cursorOf = (id: string) => Buffer.from(`cursor:v2:${id}`).toString("base64");
function indexOf(items: readonly View[], cursor: string): number {
  const id = Buffer.from(cursor, "base64")
    .toString()
    .replace(/^cursor:v2:/, "");
  const index = items.findIndex((item) => item.id === id);
  if (index < 0)
    throw new TypedError("INVALID_CURSOR_ARGUMENTS", `\`${cursor}\` does not appear to be a valid cursor.`);
  return index;
}

/** A Relay connection over `items`, paged the way GitHub pages: after/before, then first or last. */
export function connection(items: readonly View[], args: PageArgs, extra: Record<string, unknown> = {}): View {
  let from = args.after ? indexOf(items, args.after) + 1 : 0;
  let to = args.before ? indexOf(items, args.before) : items.length;
  if (args.first != null) to = Math.min(to, from + args.first);
  if (args.last != null) from = Math.max(from, to - args.last);
  const page = items.slice(from, Math.max(from, to));
  return {
    __typename: "Connection",
    totalCount: items.length,
    nodes: page,
    edges: page.map((node) => ({ __typename: "Edge", cursor: cursorOf(node.id!), node })),
    pageInfo: {
      __typename: "PageInfo",
      hasNextPage: from + page.length < items.length,
      hasPreviousPage: from > 0,
      startCursor: page[0] ? cursorOf(page[0].id!) : null,
      endCursor: page.length ? cursorOf(page[page.length - 1]!.id!) : null,
    },
    ...extra,
  };
}

const user = (login: string | null): View | null =>
  login === null
    ? null
    : {
        __typename: "User",
        id: globalId("U", login),
        login,
        url: `https://github.com/${login}`,
        avatarUrl: `https://avatars.githubusercontent.com/${login}`,
        name: null,
      };

function categoryView(repo: Repository, id: string): View {
  const c = repo.categories.find((category) => category.id === id)!;
  return {
    __typename: "DiscussionCategory",
    ...c,
    emojiHTML: `<div>${c.emoji}</div>`,
    repository: () => repositoryView(repo),
  };
}

function commentView(repo: Repository, d: Discussion, c: Comment, parent: Comment | null): View {
  const deleted = c.deletedAt !== null;
  return {
    __typename: "DiscussionComment",
    id: c.id,
    body: deleted ? "" : c.body,
    bodyHTML: deleted ? "" : html(c.body),
    bodyText: deleted ? "" : text(c.body),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    // Every kind GitHub has, as it lists them; a kind nobody chose has no reactors.
    reactionGroups: ["THUMBS_UP", "THUMBS_DOWN", "LAUGH", "HOORAY", "CONFUSED", "HEART", "ROCKET", "EYES"].map(
      (content) => ({
        __typename: "ReactionGroup",
        content,
        reactors: () => ({ __typename: "ReactorConnection", totalCount: c.reactions[content] ?? 0 }),
      }),
    ),
    url: `https://github.com/${fullName(repo)}/discussions/${d.number}#discussioncomment-${c.id}`,
    isMinimized: c.isMinimized,
    minimizedReason: c.minimizedReason,
    deletedAt: c.deletedAt,
    author: user(c.author),
    // GitHub threads one level deep: a reply has no replies of its own.
    replies: (args: PageArgs) => connection(parent ? [] : c.replies.map((r) => commentView(repo, d, r, c)), args),
    replyTo: () => (parent ? commentView(repo, d, parent, null) : null),
    discussion: () => discussionView(repo, d),
  };
}

function discussionView(repo: Repository, d: Discussion): View {
  const url = `https://github.com/${fullName(repo)}/discussions/${d.number}`;
  return {
    __typename: "Discussion",
    id: d.id,
    number: d.number,
    title: d.title,
    body: d.body,
    bodyHTML: html(d.body),
    bodyText: text(d.body),
    url,
    resourcePath: new URL(url).pathname,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    locked: false,
    closed: false,
    author: user(d.author),
    category: () => categoryView(repo, d.categoryId),
    repository: () => repositoryView(repo),
    comments: (args: PageArgs) =>
      connection(
        d.comments.map((c) => commentView(repo, d, c, null)),
        args,
      ),
  };
}

function sorted(
  discussions: readonly Discussion[],
  order: { field: "CREATED_AT" | "UPDATED_AT"; direction: "ASC" | "DESC" },
): Discussion[] {
  const key = order.field === "CREATED_AT" ? "createdAt" : "updatedAt";
  const sign = order.direction === "ASC" ? 1 : -1;
  return [...discussions].sort((a, b) => sign * (a[key].localeCompare(b[key]) || a.number - b.number));
}

function repositoryView(repo: Repository): View {
  const notFound = (number: number) =>
    new TypedError("NOT_FOUND", `Could not resolve to a Discussion with the number of ${number}.`);
  return {
    __typename: "Repository",
    id: repo.id,
    name: repo.name,
    nameWithOwner: fullName(repo),
    owner: {
      __typename: repo.ownerType,
      id: globalId(repo.ownerType === "Organization" ? "O" : "U", repo.owner),
      login: repo.owner,
      url: `https://github.com/${repo.owner}`,
    },
    url: `https://github.com/${fullName(repo)}`,
    isPrivate: repo.isPrivate,
    visibility: repo.isPrivate ? "PRIVATE" : "PUBLIC",
    hasDiscussionsEnabled: repo.hasDiscussionsEnabled,
    defaultBranchRef: {
      __typename: "Ref",
      id: globalId("REF", fullName(repo), repo.defaultBranch),
      name: repo.defaultBranch,
      prefix: "refs/heads/",
    },
    discussionCategories: (args: PageArgs) =>
      connection(
        repo.categories.map((c) => categoryView(repo, c.id)),
        args,
      ),
    discussionCategory: ({ slug }: { slug: string }) => {
      const c = repo.categories.find((category) => category.slug === slug);
      return c ? categoryView(repo, c.id) : null;
    },
    // GitHub's default order is the schema's: most recently updated first.
    discussions: (args: PageArgs & { categoryId?: string | null; orderBy: Parameters<typeof sorted>[1] }) => {
      if (args.categoryId && !repo.categories.some((c) => c.id === args.categoryId)) {
        throw new TypedError("NOT_FOUND", `Could not resolve to a node with the global id of '${args.categoryId}'`);
      }
      const inCategory = repo.discussions.filter((d) => !args.categoryId || d.categoryId === args.categoryId);
      return connection(
        sorted(inCategory, args.orderBy).map((d) => discussionView(repo, d)),
        args,
      );
    },
    discussion: ({ number }: { number: number }) => {
      const d = repo.discussions.find((x) => x.number === number);
      if (!d) throw notFound(number);
      return discussionView(repo, d);
    },
  };
}

/** The repositories the request's token can see. */
const visible = (ctx: Context) => ctx.state.repositories.filter((r) => readable(ctx.state, ctx.token, r));

/**
 * GitHub's discussion search, with the qualifiers giscus uses: `repo:`, `category:"…"`, `in:title`,
 * `in:body`, quoted phrases and words (all must match, case-insensitively). Only indexed discussions.
 */
function search(ctx: Context, query: string): View[] {
  const terms: string[] = [];
  const fields = new Set<"title" | "body">();
  let repoName: string | undefined;
  let category: string | undefined;
  for (const m of query.matchAll(/(\w+):"([^"]*)"|(\w+):(\S+)|"([^"]*)"|(\S+)/g)) {
    const [qualifier, value] = m[1] ? [m[1], m[2]!] : m[3] ? [m[3], m[4]!] : [undefined, m[5] ?? m[6]!];
    if (qualifier === "repo") repoName = value.toLowerCase();
    else if (qualifier === "category") category = value.toLowerCase();
    else if (qualifier === "in" && (value === "title" || value === "body")) fields.add(value);
    else terms.push((qualifier ? `${qualifier}:${value}` : value).toLowerCase());
  }
  const where = fields.size ? [...fields] : (["title", "body"] as const);
  const results: View[] = [];
  for (const repo of visible(ctx)) {
    if (repoName && fullName(repo).toLowerCase() !== repoName) continue;
    for (const d of sorted(repo.discussions, { field: "CREATED_AT", direction: "DESC" })) {
      const name = repo.categories.find((c) => c.id === d.categoryId)!.name.toLowerCase();
      if (!d.searchable || (category && name !== category)) continue;
      const haystacks = where.map((f) => d[f].toLowerCase());
      if (terms.every((t) => haystacks.some((h) => h.includes(t)))) results.push(discussionView(repo, d));
    }
  }
  return results;
}

function findNode(ctx: Context, id: string): View | null {
  for (const repo of visible(ctx)) {
    if (repo.id === id) return repositoryView(repo);
    if (repo.categories.some((c) => c.id === id)) return categoryView(repo, id);
    for (const d of repo.discussions) {
      if (d.id === id) return discussionView(repo, d);
      for (const c of d.comments) {
        if (c.id === id) return commentView(repo, d, c, null);
        const reply = c.replies.find((r) => r.id === id);
        if (reply) return commentView(repo, d, reply, c);
      }
    }
  }
  return null;
}

interface CreateDiscussionInput {
  repositoryId: string;
  categoryId: string;
  title: string;
  body: string;
  clientMutationId?: string;
}

function createDiscussion(ctx: Context, input: CreateDiscussionInput): View {
  const repo = visible(ctx).find((r) => r.id === input.repositoryId);
  if (!repo)
    throw new TypedError("NOT_FOUND", `Could not resolve to a node with the global id of '${input.repositoryId}'`);
  if (!writable(ctx.state, ctx.token, repo))
    throw new TypedError("FORBIDDEN", "Resource not accessible by personal access token");
  if (!repo.hasDiscussionsEnabled)
    throw new TypedError("UNPROCESSABLE", "Discussions are disabled for this repository");
  const category = repo.categories.find((c) => c.id === input.categoryId);
  if (!category)
    throw new TypedError("NOT_FOUND", `Could not resolve to a node with the global id of '${input.categoryId}'`);
  if (!input.title.trim()) throw new TypedError("UNPROCESSABLE", "Title can't be blank");
  const created = newDiscussion(
    repo,
    {
      title: input.title,
      body: input.body,
      category: category.name,
      author: ctx.state.tokens[ctx.token]?.login ?? "begeleider",
      createdAt: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    },
    !ctx.state.searchIndexLag,
  );
  repo.discussions.push(created);
  return {
    __typename: "CreateDiscussionPayload",
    clientMutationId: input.clientMutationId ?? null,
    discussion: discussionView(repo, created),
  };
}

/** The root objects of a request: what `query { … }` and `mutation { … }` start from. */
export function roots(ctx: Context): { query: View; mutation: View } {
  return {
    query: {
      __typename: "Query",
      viewer: () => user(ctx.state.tokens[ctx.token]?.login ?? "begeleider"),
      repository: ({ owner, name }: { owner: string; name: string }) => {
        const repo = visible(ctx).find((r) => fullName(r).toLowerCase() === `${owner}/${name}`.toLowerCase());
        if (!repo)
          throw new TypedError("NOT_FOUND", `Could not resolve to a Repository with the name '${owner}/${name}'.`);
        return repositoryView(repo);
      },
      search: (args: PageArgs & { type: string; query: string }) => {
        if (args.type !== "DISCUSSION")
          throw new TypedError("STAND_IN", `The stand-in only searches discussions, not ${args.type}.`);
        const found = search(ctx, args.query);
        return connection(found, args, {
          discussionCount: found.length,
          issueCount: 0,
          repositoryCount: 0,
          userCount: 0,
          wikiCount: 0,
          codeCount: 0,
        });
      },
      node: ({ id }: { id: string }) => findNode(ctx, id),
    },
    mutation: {
      __typename: "Mutation",
      createDiscussion: ({ input }: { input: CreateDiscussionInput }) => createDiscussion(ctx, input),
    },
  };
}

/** Every field comes from its view; one the stand-in does not model says so. */
export const fieldResolver: GraphQLFieldResolver<View, Context> = (source, args, ctx, info) => {
  if (source && typeof source === "object" && !(info.fieldName in source)) {
    throw new TypedError(
      "STAND_IN",
      `The stand-in does not model ${info.parentType.name}.${info.fieldName}; add it to test/support/github-standin/resolvers.ts.`,
    );
  }
  return defaultFieldResolver(source, args, ctx, info);
};

export const typeResolver: GraphQLTypeResolver<View, Context> = (value) => value.__typename;
