// The content model of the build in progress: loaded and validated in `eleventy.before`, then read
// by the global data, the collections and the filters of that build.
import { buildFromEnv } from "./build.ts";
import { contentPaths, loadContent, type Content, type Site } from "./content/load.ts";
import { ContentError } from "./content/problems.ts";
import { indexPosts, type PostIndex } from "./posts.ts";
import { forgetBodies } from "./bodies.ts";
import { planRender, snapshot, type RenderPlan, type Snapshot } from "./rebuild.ts";
import { attachResponses, prepareComments } from "./comments/index.ts";

let content: Content | undefined;
let index: PostIndex | undefined;
let plan: RenderPlan | undefined;
/** In the dev server: what the pages on disk show of the posts, and the files saved since they were written. */
let watching = false;
let written: Snapshot | undefined;
let saved: string[] | undefined;
/** Response counts from GitHub for this build, by post slug (empty without a token). */
let liveResponses: ReadonlyMap<string, number> = new Map();

/** Reads and validates all content; throws a ContentError listing every problem. */
export function refreshContent(root = process.cwd()): Content {
  const next = loadContent(root, buildFromEnv());
  if (next.problems.length) throw new ContentError(next.problems);
  content = next;
  index = plan = undefined;
  return next;
}

/**
 * The build's first step. On problems a build prints them once and exits 1 before anything is
 * written; the dev server prints them and keeps watching, so fixing the file recovers.
 */
export async function checkContent(runMode: "build" | "watch" | "serve"): Promise<void> {
  watching = runMode !== "build";
  try {
    refreshContent();
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    console.error(`\n${error.message}\n`);
    if (runMode === "build") process.exit(1);
    // Eleventy treats a failed first build of --serve as fatal (the watcher starts only after it),
    // so the dev server's first build waits here until the content is fixed.
    if (!content) return waitForValidContent(error.message);
    throw Object.assign(new Error(`${error.problems.length} content problem(s), listed above. Waiting for a fix…`), { skipOriginalStack: true });
  }
}

async function waitForValidContent(lastReport: string): Promise<void> {
  console.error("Waiting for a fix… (the site is served as soon as the content is valid)\n");
  for (;;) {
    await new Promise((ok) => setTimeout(ok, 500));
    try {
      refreshContent();
      return;
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      // Report again only when something changed, e.g. one of two problems was fixed.
      if (error.message !== lastReport) console.error(`\n${(lastReport = error.message)}\n`);
    }
  }
}

export function currentContent(): Content {
  if (!content) throw new Error("Content was not loaded: refreshContent() runs in eleventy.before");
  return content;
}

export const currentSite = (): Site => currentContent().site;

/** The comment settings checked and the response counts fetched, once per build, before the pages. */
export async function refreshComments(): Promise<void> {
  liveResponses = await prepareComments(currentContent());
  index = plan = undefined;
}

/** The post index, computed once per build from the first collection that asks. */
export function postIndex(): PostIndex {
  if (!index) {
    index = indexPosts(currentContent());
    attachResponses(index.posts, liveResponses);
  }
  return index;
}

/** Which pages this build renders (src/rebuild.ts). */
export function renderPlan(): RenderPlan {
  plan ??= planRender(postIndex(), written, saved);
  return plan;
}

/** The dev server's watcher saw these files change (kept until a build has written them). */
export function noteSaved(files: readonly string[]): void {
  saved = [...(saved ?? []), ...files];
  // Bodies hold the width and height of the site's images (src/images.ts).
  if (files.some((file) => file.replaceAll("\\", "/").includes(`${contentPaths.images}/`))) forgetBodies();
}

/** A build finished writing: in the dev server, its pages are what the next rebuild compares with. */
export function noteWritten(): void {
  if (watching && index) written = plan?.snapshot ?? snapshot(index);
  saved = [];
}
