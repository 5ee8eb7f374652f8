// The bar on every page of a deploy preview or branch deploy: which preview this is, and the way
// to the live site. Production and local builds have none.
import type { Build } from "../build.ts";
import type { Messages } from "../i18n/index.ts";

export interface PreviewBar {
  /** "Voorbeeldweergave van pull request #12" */
  label: string;
  /** The production site's home page (Netlify's URL); absent when the build does not know it. */
  liveUrl?: string;
  liveLabel: string;
}

export const isPreview = (build: Build) => build.context === "deploy-preview" || build.context === "branch-deploy";

export function previewBar(build: Build, t: Messages): PreviewBar | undefined {
  if (!isPreview(build)) return undefined;
  const label = build.reviewId ? t.previewOfPullRequest(build.reviewId) : build.branch ? t.previewOfBranch(build.branch) : t.preview;
  return { label, liveLabel: t.previewLiveSite, ...(build.productionUrl ? { liveUrl: `${build.productionUrl}/` } : {}) };
}
