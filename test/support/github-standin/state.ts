// The stand-in's world: repositories with their discussion categories, discussions, comments and
// replies, and the tokens that may read or write them. Tests describe it with seeds (ids, numbers
// and dates optional); the stand-in fills in what GitHub would, the way GitHub would shape it.
import { createHash } from "node:crypto";

export interface CommentSeed {
  id?: string;
  /** GitHub login; null for a deleted account ("ghost" on the website, null in the API). */
  author?: string | null;
  body?: string;
  createdAt?: string;
  /** When it was last edited; default its creation. */
  updatedAt?: string;
  /** Reactions by GitHub's kind: `{ THUMBS_UP: 3, HEART: 1 }`. */
  reactions?: Record<string, number>;
  isMinimized?: boolean;
  /** GitHub's reasons are lowercase words: "spam", "off-topic", "outdated", "abuse", "resolved", "duplicate". */
  minimizedReason?: string | null;
  /** A deleted comment that had replies stays in the thread with an empty body. */
  deletedAt?: string | null;
  replies?: CommentSeed[];
}

export interface DiscussionSeed {
  id?: string;
  number?: number;
  title: string;
  body: string;
  /** The category's name. */
  category: string;
  author?: string;
  createdAt?: string;
  comments?: CommentSeed[];
  /** False while GitHub's search index has not caught up with it (giscus #1347). Default true. */
  searchable?: boolean;
}

export interface CategorySeed {
  id?: string;
  name: string;
  emoji?: string;
  description?: string;
  /** Q&A categories are answerable; GitHub's API does not expose the "Announcement" type. */
  isAnswerable?: boolean;
}

export interface RepositorySeed {
  id?: string;
  /** `owner/name`. */
  repo: string;
  isPrivate?: boolean;
  /** Whose it is: a person's account or an organisation (whose members can be given read access only). Default "User". */
  ownerType?: "User" | "Organization";
  /** Who has access beside the owner, and how: "read" (pull) or "write" (push). */
  collaborators?: { login: string; permission: "read" | "write" | "admin" }[];
  /** Invitations not accepted yet. */
  invitations?: { invitee: string; permission: "read" | "write"; created_at?: string }[];
  hasDiscussionsEnabled?: boolean;
  categories?: CategorySeed[];
  discussions?: DiscussionSeed[];
  /** The number the next discussion gets (issues and discussions share numbers on GitHub). */
  nextNumber?: number;
  /** Default "main". */
  defaultBranch?: string;
  /** Deployments already recorded (REST), newest last. */
  deployments?: DeploymentSeed[];
}

/** A deployment as the REST API shows it (https://docs.github.com/en/rest/deployments/deployments). */
export interface DeploymentSeed {
  environment: string;
  created_at: string;
  ref?: string;
  description?: string | null;
  payload?: unknown;
}

export interface Deployment {
  id: number;
  ref: string;
  sha: string;
  environment: string;
  description: string | null;
  payload: unknown;
  created_at: string;
  updated_at: string;
  creator: { login: string };
}

/** What a token may do. Public repositories are readable by every valid token, as on GitHub. */
export interface TokenSeed {
  login?: string;
  /** Private repositories (`owner/name`) it may read. */
  read?: string[];
  /** Repositories whose discussions it may create (read included). */
  write?: string[];
  /** Repositories where it may create deployments (the workflow's `deployments: write`); reading them needs read access only. */
  deployments?: string[];
  /** Repositories whose collaborators it may manage (a fine-grained token's "Administration: Read and write"). */
  admin?: string[];
}

export interface Comment {
  id: string;
  author: string | null;
  body: string;
  createdAt: string;
  updatedAt: string;
  reactions: Record<string, number>;
  isMinimized: boolean;
  minimizedReason: string | null;
  deletedAt: string | null;
  replies: Comment[];
}

export interface Discussion {
  id: string;
  number: number;
  title: string;
  body: string;
  categoryId: string;
  author: string;
  createdAt: string;
  updatedAt: string;
  searchable: boolean;
  comments: Comment[];
}

export interface Category {
  id: string;
  name: string;
  slug: string;
  emoji: string;
  description: string | null;
  isAnswerable: boolean;
  createdAt: string;
}

export interface Invitation {
  id: number;
  invitee: string;
  permission: "read" | "write" | "admin";
  created_at: string;
}

export interface Repository {
  id: string;
  owner: string;
  ownerType: "User" | "Organization";
  collaborators: { login: string; permission: "read" | "write" | "admin" }[];
  invitations: Invitation[];
  name: string;
  isPrivate: boolean;
  hasDiscussionsEnabled: boolean;
  defaultBranch: string;
  categories: Category[];
  discussions: Discussion[];
  nextNumber: number;
  deployments: Deployment[];
}

export interface State {
  repositories: Repository[];
  tokens: Record<string, TokenSeed>;
  /** New discussions stay out of search results (GitHub's lagging index, giscus #1347). */
  searchIndexLag: boolean;
  /** The GitHub accounts that exist; undefined: every login does. */
  users?: string[];
}

/** GitHub-looking global ids ("D_kwDO…"): stable for a seed, distinct per kind. */
export function globalId(prefix: string, ...parts: (string | number)[]): string {
  return `${prefix}_kwDO${createHash("sha1").update(parts.join("\0")).digest("base64url").slice(0, 14)}`;
}

const EPOCH = Date.UTC(2026, 0, 5, 9, 0);
let clock = 0;
/** Seeds without a date get increasing ones, a minute apart, so their order is their seed order. */
const nextDate = () => new Date(EPOCH + clock++ * 60_000).toISOString().replace(/\.\d+Z$/, "Z");

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

function comment(seed: CommentSeed, at: string): Comment {
  const createdAt = seed.createdAt ?? nextDate();
  return {
    id: seed.id ?? globalId("DC", at),
    author: seed.author === undefined ? "deelnemer" : seed.author,
    body: seed.body ?? "Een reactie.",
    createdAt,
    updatedAt: seed.updatedAt ?? createdAt,
    reactions: seed.reactions ?? {},
    isMinimized: seed.isMinimized ?? false,
    minimizedReason: seed.minimizedReason ?? null,
    deletedAt: seed.deletedAt ?? null,
    replies: (seed.replies ?? []).map((reply, i) => comment(reply, `${at}/${i}`)),
  };
}

export function discussion(repo: Repository, seed: DiscussionSeed, searchable = true): Discussion {
  const category = repo.categories.find((c) => c.name === seed.category);
  if (!category) throw new Error(`stand-in seed: ${repo.owner}/${repo.name} has no category "${seed.category}"`);
  const number = seed.number ?? repo.nextNumber;
  repo.nextNumber = Math.max(repo.nextNumber, number + 1);
  const createdAt = seed.createdAt ?? nextDate();
  return {
    id: seed.id ?? globalId("D", repo.owner, repo.name, number),
    number,
    title: seed.title,
    body: seed.body,
    categoryId: category.id,
    author: seed.author ?? "begeleider",
    createdAt,
    updatedAt: createdAt,
    searchable: seed.searchable ?? searchable,
    comments: (seed.comments ?? []).map((c, i) => comment(c, `${repo.owner}/${repo.name}#${number}/${i}`)),
  };
}

export function createState(seeds: {
  repositories: RepositorySeed[];
  tokens: Record<string, TokenSeed>;
  searchIndexLag?: boolean;
  users?: string[];
}): State {
  const repositories = seeds.repositories.map((seed): Repository => {
    const [owner, name] = seed.repo.split("/") as [string, string];
    const repo: Repository = {
      id: seed.id ?? globalId("R", seed.repo),
      owner,
      ownerType: seed.ownerType ?? "User",
      collaborators: seed.collaborators ?? [],
      invitations: (seed.invitations ?? []).map((invitation, i) => ({
        id: 500 + i,
        invitee: invitation.invitee,
        permission: invitation.permission,
        created_at: invitation.created_at ?? nextDate(),
      })),
      name,
      isPrivate: seed.isPrivate ?? false,
      hasDiscussionsEnabled: seed.hasDiscussionsEnabled ?? true,
      defaultBranch: seed.defaultBranch ?? "main",
      categories: (seed.categories ?? []).map((c) => ({
        id: c.id ?? globalId("DIC", seed.repo, c.name),
        name: c.name,
        slug: slugOf(c.name),
        emoji: c.emoji ?? ":speech_balloon:",
        description: c.description ?? null,
        isAnswerable: c.isAnswerable ?? false,
        createdAt: nextDate(),
      })),
      discussions: [],
      nextNumber: seed.nextNumber ?? 1,
      deployments: [],
    };
    for (const d of seed.deployments ?? []) repo.deployments.push(deployment(repo, d, "github-actions[bot]"));
    for (const d of seed.discussions ?? []) repo.discussions.push(discussion(repo, d));
    return repo;
  });
  return {
    repositories,
    tokens: seeds.tokens,
    searchIndexLag: seeds.searchIndexLag ?? false,
    ...(seeds.users ? { users: seeds.users } : {}),
  };
}

export const fullName = (repo: Repository) => `${repo.owner}/${repo.name}`;

/** GitHub answers "not found" for a private repository the token may not read: it does not say it exists. */
export function readable(state: State, token: string, repo: Repository): boolean {
  const grants = state.tokens[token];
  if (!grants) return false;
  const name = fullName(repo).toLowerCase();
  const listed = (list?: string[]) => (list ?? []).some((r) => r.toLowerCase() === name);
  // A fine-grained token always reads a repository's metadata when it has any permission on it.
  return !repo.isPrivate || listed(grants.read) || listed(grants.write) || listed(grants.admin);
}

export function writable(state: State, token: string, repo: Repository): boolean {
  const name = fullName(repo).toLowerCase();
  return (state.tokens[token]?.write ?? []).some((r) => r.toLowerCase() === name);
}

let deploymentIds = 1000;
/** A deployment record as GitHub makes it: an id, the ref's commit, the creator. */
export function deployment(repo: Repository, seed: DeploymentSeed, creator: string): Deployment {
  const ref = seed.ref ?? repo.defaultBranch;
  return {
    id: deploymentIds++,
    ref,
    sha: createHash("sha1")
      .update(`${fullName(repo)}\0${ref}`)
      .digest("hex"),
    environment: seed.environment,
    description: seed.description ?? null,
    payload: seed.payload ?? {},
    created_at: seed.created_at,
    updated_at: seed.created_at,
    creator: { login: creator },
  };
}

export function deploymentsWritable(state: State, token: string, repo: Repository): boolean {
  const name = fullName(repo).toLowerCase();
  return (state.tokens[token]?.deployments ?? []).some((r) => r.toLowerCase() === name);
}

export function administrable(state: State, token: string, repo: Repository): boolean {
  const name = fullName(repo).toLowerCase();
  return (state.tokens[token]?.admin ?? []).some((r) => r.toLowerCase() === name);
}
