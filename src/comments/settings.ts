// site.yaml's `giscus:` settings, resolved for this build: which repository and category the
// comments of this deploy go to — or why there are none.
import { contentPaths } from "../model/paths.ts";
import type { Problem } from "../model/problems.ts";
import type { PostData } from "../model/schema.ts";
import type { Site } from "../model/content.ts";

/** The fields giscus cannot do without, in the order site.yaml lists them. */
export const requiredFields = ["repo", "repoId", "category", "categoryId"] as const;

export type CommentsSetup =
  | {
      status: "ready";
      repo: string;
      repoId: string;
      category: string;
      categoryId: string;
      inputPosition: "top" | "bottom";
      reactions: boolean;
      /** True when this build writes to `previewCategory` instead of the live category. */
      previewCategory: boolean;
    }
  /** Settings left empty: explained in development, left out (with one warning) in production. */
  | { status: "missing"; fields: string[] }
  /** A deploy preview or branch deploy without a preview category: no comments, a notice instead. */
  | { status: "preview-off" }
  /** site.yaml's `comments: false`: no responses sections, no counts, nothing asked of GitHub. */
  | { status: "off" };

/**
 * Whether a post has a live responses section: on unless the post's front-matter or site.yaml says
 * `comments: false`; a post cannot switch back on what the site switched off.
 */
export const commentsOn = (data: Pick<PostData, "comments">, site: Pick<Site, "comments">): boolean =>
  site.comments !== false && data.comments !== false;

/**
 * Posts whose own `comments: true` asks for what site.yaml's `comments: false` switched off: the
 * build and `npm run check` warn about each, naming its file (the site wins, see `commentsOn`).
 */
export function overriddenComments(
  posts: readonly { file: string; data: Pick<PostData, "comments"> }[],
  site: Pick<Site, "comments">,
): Problem[] {
  if (site.comments !== false) return [];
  return posts
    .filter((post) => post.data.comments === true)
    .map((post) => ({
      file: post.file,
      field: "comments",
      message: `is true, but ${contentPaths.site} switches the responses off for the whole site (comments: false), so this post has none — remove the line here, or remove comments: false from site.yaml to switch them on again`,
    }));
}

const filled = (value: string | undefined): value is string => typeof value === "string" && value !== "";

export function commentsSetup(site: Site): CommentsSetup {
  if (site.comments === false) return { status: "off" };
  const giscus = site.giscus;
  const missing = requiredFields.filter((field) => !filled(giscus[field]));
  if (missing.length) return { status: "missing", fields: [...missing] };

  // Previews must not write into the live discussions: they use the preview category or none.
  // The dev server uses it too when it is set, so trying things out locally stays out of sight.
  const { context, preview } = site.build;
  const previewSet = filled(giscus.previewCategory) && filled(giscus.previewCategoryId);
  if (preview && !previewSet) return { status: "preview-off" };
  const usePreview = previewSet && (preview || context === "development");

  return {
    status: "ready",
    repo: giscus.repo!,
    repoId: giscus.repoId!,
    category: usePreview ? giscus.previewCategory! : giscus.category!,
    categoryId: usePreview ? giscus.previewCategoryId! : giscus.categoryId!,
    inputPosition: giscus.inputPosition ?? "bottom",
    reactions: giscus.reactions ?? true,
    previewCategory: usePreview,
  };
}

/** The one line a production build prints when comments are not set up, or undefined. */
export function setupWarning(site: Site): string | undefined {
  const setup = commentsSetup(site);
  if (setup.status !== "missing" || site.build.mode === "development") return undefined;
  const none = setup.fields.length === requiredFields.length;
  return (
    `Comments are left out: ${none ? "giscus is not set up" : `giscus ${setup.fields.join(", ")} ${setup.fields.length === 1 ? "is" : "are"} empty`} ` +
    `in content/_data/site.yaml. Fill in repo, repoId, category and categoryId (ids from https://giscus.app; see docs/reacties-instellen.md, "Reacties instellen").`
  );
}
