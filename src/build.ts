// What kind of build this is, from the environment: the one place that reads build variables.
// HOEDOEDEDA_DRAFTS=true shows drafts; HOEDOEDEDA_ENV overrides the mode Eleventy runs in;
// SITE_URL overrides site.yaml's url. On Netlify, CONTEXT, URL, DEPLOY_PRIME_URL, REVIEW_ID and
// BRANCH say which deploy this is.

export type Mode = "production" | "development";
/** Netlify's deploy contexts, plus the local dev server. */
export type Context = "production" | "deploy-preview" | "branch-deploy" | "development";

export interface Build {
  mode: Mode;
  context: Context;
  showDrafts: boolean;
  /** Absolute site URL that wins over site.yaml's, without trailing slash. */
  url?: string;
  /** The pull request a deploy preview shows. */
  reviewId?: number;
  /** The branch a branch deploy shows. */
  branch?: string;
  /** The production site's URL (Netlify's URL), for links from previews to the live site. */
  productionUrl?: string;
  /** Keep search engines out: previews and branch deploys. */
  noindex: boolean;
}

const truthy = (value: string | undefined) => value !== undefined && /^(1|true|yes|ja)$/i.test(value.trim());
const trimUrl = (value: string | undefined) => value?.trim().replace(/\/+$/, "") || undefined;

export function buildFromEnv(env: NodeJS.ProcessEnv = process.env): Build {
  const explicit = env.HOEDOEDEDA_ENV;
  const mode: Mode =
    explicit === "production" || explicit === "development" ? explicit
    : env.ELEVENTY_RUN_MODE === "serve" || env.ELEVENTY_RUN_MODE === "watch" ? "development"
    : "production";
  const context: Context =
    env.CONTEXT === "deploy-preview" || env.CONTEXT === "branch-deploy" || env.CONTEXT === "production" ? env.CONTEXT
    : mode === "development" ? "development"
    : "production";
  const preview = context === "deploy-preview" || context === "branch-deploy";
  const url = trimUrl(env.SITE_URL) ?? (preview ? trimUrl(env.DEPLOY_PRIME_URL) : trimUrl(env.URL));
  const productionUrl = trimUrl(env.URL);
  const reviewId = Number.parseInt(env.REVIEW_ID ?? "", 10);
  const branch = env.BRANCH?.trim();
  return {
    mode,
    context,
    // Netlify's production context never shows drafts, even when HOEDOEDEDA_DRAFTS was set for
    // all contexts in Netlify's settings: a draft must not reach the public site by a setting.
    showDrafts: truthy(env.HOEDOEDEDA_DRAFTS) && env.CONTEXT !== "production",
    noindex: preview,
    ...(url ? { url } : {}),
    ...(productionUrl ? { productionUrl } : {}),
    ...(context === "deploy-preview" && reviewId > 0 ? { reviewId } : {}),
    ...(context === "branch-deploy" && branch ? { branch } : {}),
  };
}
