// The bar on every page of a deploy preview or branch deploy: which preview this is, and the way
// to the live site. Production and local builds have none.
import type { BuildSettings } from "../model/build.ts";
import type { Messages } from "../i18n/index.ts";

export interface PreviewBar {
  /** "Voorbeeldweergave van pull request #12" */
  label: string;
  /** The production site's home page (Netlify's URL); absent when the build does not know it. */
  liveUrl?: string;
  liveLabel: string;
}

export function previewBar(settings: BuildSettings, t: Messages): PreviewBar | undefined {
  if (!settings.preview) return undefined;
  const label = settings.reviewId
    ? t.previewOfPullRequest(settings.reviewId)
    : settings.branch
      ? t.previewOfBranch(settings.branch)
      : t.preview;
  return {
    label,
    liveLabel: t.previewLiveSite,
    ...(settings.productionUrl ? { liveUrl: `${settings.productionUrl}/` } : {}),
  };
}
