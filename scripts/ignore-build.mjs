#!/usr/bin/env node
// Netlify's `[build] ignore` (netlify.toml): whether this production build can be skipped because the
// commits since the last one change nothing the site shows — the README, the manual, tests, workflows,
// a draft that stays a draft. Every production deploy costs credits (docs/kosten.md), so a push of
// the manual costs none. Exit 0 skips the build, 1 builds (https://docs.netlify.com/configure-builds/ignore-builds/).
// Netlify runs it before dependencies are installed: plain JavaScript, node's own modules only. It
// never skips on doubt: previews (free), a build hook (the conversation), a first build, a commit it
// cannot compare, a file it does not know — all build.
import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";

/** Files the site never shows: a change to these alone is no reason for a production deploy. */
export const offSite = [
  /^README\.md$/,
  /^ARCHITECTURE\.md$/,
  /^LICENSE(\.\w+)?$/,
  /^docs\//,
  /^test\//,
  /^\.github\//,
  /^\.ci\//,
  /^\.vscode\//,
  /^\.(editorconfig|gitignore|prettierrc\.json|prettierignore)$/,
  /^scripts\/(bench\.ts|bench\/|audit\.ts|lib\/lighthouse\.ts|lib\/weight\.ts|lib\/report-rss\.mjs)/,
];

/** `draft: true` in a post's front-matter (the only spelling the schema accepts). */
export const isDraft = (source) => {
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source ?? "")?.[1];
  return frontMatter !== undefined && /^draft:\s*true\s*(#.*)?$/m.test(frontMatter);
};

const post = /^content\/posts\/([^/]+)\.md$/;

/**
 * The decision, from what Netlify and git say. `changes`: each changed path with its text before and
 * after (undefined where the file does not exist), or undefined when the commits could not be compared.
 */
export function decide({ context, hook, cached, commit, changes }) {
  if (context !== "production")
    return { build: true, why: `a ${context ?? "local"} build: only production deploys cost credits` };
  if (hook) return { build: true, why: "a build hook asked for it (the conversation changed)" };
  if (!cached || !commit || cached === commit)
    return { build: true, why: "nothing to compare with: a first build, a cleared cache or a deploy by hand" };
  if (!changes) return { build: true, why: `git could not compare ${cached.slice(0, 7)} with ${commit.slice(0, 7)}` };
  const shown = changes.filter(({ path, before, after }) => {
    if (offSite.some((pattern) => pattern.test(path))) return false;
    // A draft that was and stays a draft (or appears or goes as one) changes nothing on the public site.
    if (post.test(path) && (before === undefined || isDraft(before)) && (after === undefined || isDraft(after)))
      return false;
    return true;
  });
  if (shown.length)
    return {
      build: true,
      why: `the site changes: ${shown
        .slice(0, 5)
        .map((c) => c.path)
        .join(", ")}${shown.length > 5 ? ", …" : ""}`,
    };
  return {
    build: false,
    why: `nothing the site shows changed (${changes.length} ${changes.length === 1 ? "file" : "files"}: ${changes
      .slice(0, 5)
      .map((c) => c.path)
      .join(", ")}${changes.length > 5 ? ", …" : ""})`,
  };
}

const git = (args, cwd) =>
  execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 << 20 });

/** A file's text at a commit, or undefined when it is not there. */
function textAt(ref, path, cwd) {
  try {
    return git(["show", `${ref}:${path}`], cwd);
  } catch {
    return undefined;
  }
}

/** The changed paths between two commits with their texts, or undefined when git cannot tell (in `cwd`'s repository). */
export function changesBetween(cached, commit, cwd = process.cwd()) {
  let names;
  try {
    names = git(["diff", "--name-only", "--no-renames", cached, commit], cwd).split("\n").filter(Boolean);
  } catch {
    return undefined;
  }
  return names.map((path) =>
    post.test(path) ? { path, before: textAt(cached, path, cwd), after: textAt(commit, path, cwd) } : { path },
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const {
    CONTEXT: context,
    INCOMING_HOOK_URL,
    INCOMING_HOOK_TITLE,
    CACHED_COMMIT_REF: cached,
    COMMIT_REF: commit,
  } = process.env;
  const canCompare =
    context === "production" && !INCOMING_HOOK_URL && !INCOMING_HOOK_TITLE && cached && commit && cached !== commit;
  const decision = decide({
    context,
    hook: Boolean(INCOMING_HOOK_URL || INCOMING_HOOK_TITLE),
    cached,
    commit,
    changes: canCompare ? changesBetween(cached, commit) : [],
  });
  console.log(`[hoedoededa] ${decision.build ? "Building" : "Skipping this build"}: ${decision.why}.`);
  process.exitCode = decision.build ? 1 : 0;
}
