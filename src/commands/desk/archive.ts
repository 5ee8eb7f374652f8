// `npm run archive -- <slug>… | --all [--close]`: each post's discussion, as GitHub shows it now,
// kept in `<slug>.comments.yaml` beside the post (src/commands/desk/archive-file.ts), so the conversation
// stays on the site when the programme ends or the comments move; `--close` also switches the
// post's live section off (src/commands/desk/close.ts). Everything is read and checked before anything is
// written, and then every file is written or none (src/commands/desk/write-files.ts).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { earlierResponsesIn } from "../../content/post-files.ts";
import { formatProblem, type Problem } from "../../model/problems.ts";
import { isPublished } from "../../content/visibility.ts";
import { ToolError } from "../tool-error.ts";
import { archiveEntry, archiveHeader, mergeArchive, type ArchiveFile } from "./archive-file.ts";
import { closeComments } from "./close.ts";
import { conversations, openDesk, pickPosts } from "./desk.ts";
import { fromGitHub, type LeftOut } from "./thread.ts";
import { writeAll, type FileChange } from "./write-files.ts";
import { responsesFile } from "../../model/paths.ts";
import type { PostEntry } from "../../model/content.ts";

export interface ArchiveOptions {
  /** Posts by slug (or path); ignored with `all`. */
  names: readonly string[];
  /** Every published post. */
  all: boolean;
  close: boolean;
  env?: NodeJS.ProcessEnv;
  /** How the command was typed, for messages. */
  command: string;
}

export interface ArchivedPost {
  post: PostEntry;
  responsesFile: string;
  discussion?: { number: number; url: string };
  file: ArchiveFile;
  leftOut: LeftOut;
  closing?: "closed" | "already closed";
}

export interface ArchiveRun {
  repo: string;
  category: string;
  posts: ArchivedPost[];
  /** Project-relative paths of the files written. */
  written: string[];
}

const NOTHING = "Nothing was changed.";

export async function archivePosts(root: string, options: ArchiveOptions): Promise<ArchiveRun> {
  const desk = openDesk(root, {
    ...(options.env ? { env: options.env } : {}),
    command: options.command,
    after: NOTHING,
  });
  const { site } = desk.content;
  const posts = pickPosts(desk.content, options.names, options.all ? (post) => isPublished(post.data) : undefined);
  if (!posts.length) throw new ToolError("There is no published post to archive yet.");
  const found = await conversations(desk, posts);

  const changes: FileChange[] = [];
  const refused: string[] = [];
  const problems: Problem[] = [];
  const archived: ArchivedPost[] = [];
  for (const { post, discussion, conversation } of found) {
    const path = responsesFile(post.slug);
    const existing = existsSync(join(root, path)) ? readFileSync(join(root, path), "utf8") : undefined;
    const { responses, leftOut, gone } = fromGitHub(conversation?.comments ?? []);
    const file = discussion
      ? mergeArchive(
          existing,
          responses.map((r) => archiveEntry(r, site.timezone)),
          gone,
          archiveHeader(post.data.title, discussion.url),
        )
      : {
          added: 0,
          addedReplies: 0,
          removed: 0,
          kept: post.earlierResponses.filter((r) => r.github !== undefined).length,
        };
    if (file.text !== undefined) {
      // Checked as the build will check it: a file the site would refuse is never written.
      earlierResponsesIn(path, file.text, problems);
      changes.push({ path, text: file.text });
    }
    const entry: ArchivedPost = { post, responsesFile: path, ...(discussion ? { discussion } : {}), file, leftOut };
    if (options.close) {
      const closing = closeComments(post.file, readFileSync(join(root, post.file), "utf8"));
      if (closing.status === "refused") refused.push(closing.message);
      else entry.closing = closing.status;
      if (closing.status === "closed") changes.push({ path: post.file, text: closing.text });
    }
    archived.push(entry);
  }
  if (refused.length) throw new ToolError(`${refused.join("\n")}\n${NOTHING}`);
  if (problems.length) {
    throw new ToolError(
      `The archive would not pass the site's own checks — please report this:\n${problems.map(formatProblem).join("\n")}\n${NOTHING}`,
    );
  }
  writeAll(root, changes);
  return { repo: desk.repo, category: desk.category, posts: archived, written: changes.map((c) => c.path) };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The file a post's line names: its earlier responses once there are any, else the post. */
export const lineFile = ({ post, responsesFile: path, discussion, file }: ArchivedPost) =>
  discussion || file.kept ? path : post.file;

/** One line per post, its file padded to `width`: what the file got, what was left out, whether it was closed. */
export function archiveLine(archived: ArchivedPost, width = 0): string {
  const { discussion, file, leftOut, closing } = archived;
  const parts: string[] = [];
  if (!discussion) parts.push("no discussion on GitHub yet");
  else if (file.added)
    parts.push(
      `${plural(file.added, "response")} archived${file.addedReplies ? ` (${plural(file.addedReplies, "reply", "replies")})` : ""}`,
    );
  else parts.push("nothing new");
  if (file.kept) parts.push(`${file.kept} already archived`);
  if (file.removed) parts.push(`${file.removed} taken out: hidden or deleted on GitHub since`);
  const hidden = leftOut.minimized + leftOut.deleted;
  if (hidden)
    parts.push(
      `left out: ${[leftOut.minimized ? `${leftOut.minimized} hidden` : "", leftOut.deleted ? `${leftOut.deleted} deleted` : ""].filter(Boolean).join(", ")}`,
    );
  if (closing === "closed") parts.push("comments closed");
  if (closing === "already closed") parts.push("comments were already closed");
  const where = discussion ? `#${discussion.number}` : "";
  return `  ${lineFile(archived).padEnd(width)} ${[where, parts.join(", ")].filter(Boolean).join(" · ")}`;
}

/** The run in a sentence or two, and what the facilitator sees on the site now. */
export function archiveSummary(run: ArchiveRun, close: boolean): string {
  const added = run.posts.reduce((sum, p) => sum + p.file.added, 0);
  const closed = run.posts.filter((p) => p.closing === "closed").length;
  const lines = [
    `From ${run.repo}, category "${run.category}": ${plural(run.posts.length, "post")}, ${plural(added, "response")} archived, ` +
      `${closed ? `${plural(closed, "post")} closed, ` : ""}${run.written.length ? `${plural(run.written.length, "file")} written.` : "nothing to write."}`,
  ];
  if (run.written.length) {
    lines.push(
      close
        ? 'The closed posts now show their conversation read-only, as "Eerdere reacties"; commit the files so the site shows them.'
        : "The live discussion stays under each post; its archived copy takes over when the comments are closed (add --close, or comments: false). Commit the files to keep them.",
    );
  }
  return lines.join("\n");
}
