// What kind of build this is, from the environment: the one place that reads build variables.
// HOEDOEDEDA_DRAFTS=true shows drafts; HOEDOEDEDA_ENV overrides the mode Eleventy runs in;
// SITE_URL overrides site.yaml's url; HOEDOEDEDA_NOW sets the build's clock. On Netlify, CONTEXT, URL,
// DEPLOY_PRIME_URL, REVIEW_ID, BRANCH and HEAD say which deploy this is, REPOSITORY_URL which GitHub
// repository the content is in (https://docs.netlify.com/configure-builds/environment-variables/).
// SITE_USERS holds who may open a private site (src/model/site-users.ts keeps it out of sight).
// HOEDOEDEDA_SEARCH_PART_POSTS sets the posts per part of the search index, for tests.
import { dateProblem, parseSiteDate } from "./calendar.ts";
import { githubRepositoryOf } from "./repository.ts";
import { SiteUsers } from "./site-users.ts";

export type Mode = "production" | "development";
/** Netlify's deploy contexts, plus the local dev server. */
export type Context = "production" | "deploy-preview" | "branch-deploy" | "development";

export interface BuildSettings {
  mode: Mode;
  context: Context;
  /** A deploy preview or a branch deploy: colleagues review it before it goes live (`isPreview`). */
  preview: boolean;
  showDrafts: boolean;
  /** Absolute site URL that wins over site.yaml's, without trailing slash. */
  url?: string;
  /** The pull request a deploy preview shows. */
  reviewId?: number;
  /** The branch a preview or branch deploy was built from (Netlify's HEAD, else BRANCH). */
  branch?: string;
  /** The production site's URL (Netlify's URL), for links from previews to the live site. */
  productionUrl?: string;
  /** Netlify builds this deploy (CONTEXT names one): what it writes is published. A local build is not. */
  netlifyDeploy: boolean;
  /** SITE_USERS, when set: the names and passwords of a private site (docs/privacy.md, "Privacy"). */
  users?: SiteUsers;
  /**
   * The build's clock, read once when the build starts so every page agrees (the next meeting,
   * the calendars' DTSTAMP): the machine's time, or HOEDOEDEDA_NOW as written (`buildMoment` reads it
   * in the site's time zone). Nothing else in the site asks the machine what time it is.
   */
  clock: { at: number } | { written: string };
  /** The content's GitHub repository, `owner/name`, from Netlify's REPOSITORY_URL (credentials in it dropped). */
  repository?: string;
  /** The branch a production deploy publishes (Netlify's HEAD, else BRANCH): where a new post is proposed. */
  productionBranch?: string;
  /** Posts per part of the search index (src/search/index.ts), when HOEDOEDEDA_SEARCH_PART_POSTS sets it (tests do). */
  searchPartPosts?: number;
}

/** The one preview rule: Netlify's deploy previews and branch deploys. */
export const isPreview = (context: Context): boolean => context === "deploy-preview" || context === "branch-deploy";

const truthy = (value: string | undefined) => value !== undefined && /^(1|true|yes|ja)$/i.test(value.trim());
const trimUrl = (value: string | undefined) => value?.trim().replace(/\/+$/, "") || undefined;

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): BuildSettings {
  const explicit = env.HOEDOEDEDA_ENV;
  const mode: Mode =
    explicit === "production" || explicit === "development"
      ? explicit
      : env.ELEVENTY_RUN_MODE === "serve" || env.ELEVENTY_RUN_MODE === "watch"
        ? "development"
        : "production";
  const context: Context =
    env.CONTEXT === "deploy-preview" || env.CONTEXT === "branch-deploy" || env.CONTEXT === "production"
      ? env.CONTEXT
      : mode === "development"
        ? "development"
        : "production";
  const preview = isPreview(context);
  const url = trimUrl(env.SITE_URL) ?? (preview ? trimUrl(env.DEPLOY_PRIME_URL) : trimUrl(env.URL));
  const productionUrl = trimUrl(env.URL);
  const reviewId = Number.parseInt(env.REVIEW_ID ?? "", 10);
  // HEAD is the branch a deploy was built from; BRANCH is the same in branch deploys and the
  // pull request's head ref in deploy previews.
  const branch = env.HEAD?.trim() || env.BRANCH?.trim();
  const users = SiteUsers.from(env.SITE_USERS);
  const repository = githubRepositoryOf(env.REPOSITORY_URL);
  const searchPartPosts = Number(env.HOEDOEDEDA_SEARCH_PART_POSTS);
  return {
    mode,
    context,
    preview,
    // Netlify's production context never shows drafts, even when HOEDOEDEDA_DRAFTS was set for
    // all contexts in Netlify's settings: a draft must not reach the public site by a setting.
    showDrafts: truthy(env.HOEDOEDEDA_DRAFTS) && env.CONTEXT !== "production",
    ...(url ? { url } : {}),
    ...(productionUrl ? { productionUrl } : {}),
    ...(context === "deploy-preview" && reviewId > 0 ? { reviewId } : {}),
    ...(preview && branch ? { branch } : {}),
    netlifyDeploy: env.CONTEXT === "production" || env.CONTEXT === "deploy-preview" || env.CONTEXT === "branch-deploy",
    ...(users ? { users } : {}),
    clock: env.HOEDOEDEDA_NOW?.trim() ? { written: env.HOEDOEDEDA_NOW.trim() } : { at: Date.now() },
    ...(repository ? { repository } : {}),
    ...(env.CONTEXT === "production" && branch ? { productionBranch: branch } : {}),
    ...(Number.isInteger(searchPartPosts) && searchPartPosts > 0 ? { searchPartPosts } : {}),
  };
}

/** What is wrong with HOEDOEDEDA_NOW, or undefined when the clock is usable. */
export function clockProblem(settings: Pick<BuildSettings, "clock">): string | undefined {
  if (!("written" in settings.clock) || !dateProblem(settings.clock.written)) return undefined;
  return `"${settings.clock.written}" is not a moment — write it like \`HOEDOEDEDA_NOW=2026-12-01T09:00\` (a time in the site's time zone), \`2026-12-01\` (the start of that day) or \`2026-12-01T08:00Z\` (UTC), or leave it out to use the clock`;
}

/** The moment this build happens, in the site's time zone's terms (the one clock: `clock` above). */
export function buildMoment(settings: Pick<BuildSettings, "clock">, timeZone: string): Date {
  if ("at" in settings.clock) return new Date(settings.clock.at);
  return clockProblem(settings) ? new Date(Number.NaN) : parseSiteDate(settings.clock.written, timeZone);
}
