// Builds the site the way Netlify does for each deploy context: netlify.toml's [build] command,
// run in the project folder, with netlify.toml's environment for that context and the variables
// Netlify itself sets (docs: "Build environment variables" → "Read-only variables").
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "smol-toml";
import { buildVariables } from "../support/env.ts";
import { repoRoot, tempProject, type BuildOptions } from "../support/site.ts";

export interface NetlifyConfig {
  build: { command: string; publish: string; environment: Record<string, string> };
  context: Record<string, { environment?: Record<string, string>; command?: string }>;
  headers: { for: string; values: Record<string, string> }[];
  redirects: { from: string; to: string; status?: number; force?: boolean }[];
}

export const netlifyToml = (): NetlifyConfig =>
  parse(readFileSync(join(repoRoot, "netlify.toml"), "utf8")) as unknown as NetlifyConfig;

export type DeployContext = "production" | "deploy-preview" | "branch-deploy";

/** The production site's address as Netlify's URL gives it: deliberately not site.yaml's url. */
export const productionUrl = "https://samen-ontwerpen.nl";
export const reviewId = 12;
export const previewUrl = `https://deploy-preview-${reviewId}--leergang.netlify.app`;
export const branch = "nieuwe-opzet";
export const branchUrl = `https://${branch}--leergang.netlify.app`;

/** What Netlify sets for a build in `context` (the deploy URLs as Netlify forms them). */
export function netlifyVariables(context: DeployContext): Record<string, string> {
  const common = {
    NETLIFY: "true",
    CONTEXT: context,
    URL: productionUrl,
    SITE_NAME: "leergang",
    DEPLOY_URL: "https://6650f0c1a2b3c4d5e6f70812--leergang.netlify.app",
  };
  if (context === "production")
    return {
      ...common,
      BRANCH: "main",
      HEAD: "main",
      PULL_REQUEST: "false",
      DEPLOY_PRIME_URL: "https://main--leergang.netlify.app",
    };
  if (context === "deploy-preview") {
    return {
      ...common,
      BRANCH: "nieuw-bericht",
      HEAD: "nieuw-bericht",
      PULL_REQUEST: "true",
      REVIEW_ID: String(reviewId),
      DEPLOY_PRIME_URL: previewUrl,
    };
  }
  return { ...common, BRANCH: branch, HEAD: branch, PULL_REQUEST: "false", DEPLOY_PRIME_URL: branchUrl };
}

/** Variables of this machine that would leak into a build and that Netlify would not have set: every one the build reads, and Netlify's own. */
const cleared = [...buildVariables, "DEPLOY_URL", "PULL_REQUEST"];

export interface Deploy {
  context: DeployContext;
  root: string;
  /** The publish directory after the build. */
  out: string;
  stdout: string;
  stderr: string;
}

/**
 * Runs netlify.toml's build for `context` in a temporary copy of the example site.
 * `siteSettings` stands for variables set in Netlify's UI for every context: netlify.toml's
 * environment wins over them, as on Netlify.
 */
export function netlifyBuild(context: DeployContext, options: NetlifyBuildOptions = {}): Deploy {
  const deploy = netlifyRun(context, options);
  if (deploy.status !== 0)
    throw new Error(`${context}: \`${deploy.command}\` failed (${deploy.status}):\n${deploy.stderr}\n${deploy.stdout}`);
  return deploy;
}

export type NetlifyBuildOptions = Pick<BuildOptions, "files" | "remove"> & {
  siteSettings?: Record<string, string>;
  /** Build in this project again (its publish directory as the last build left it) instead of a fresh copy. */
  root?: string;
};

/** netlify.toml's build for `context`, failing or not: its exit status and output. */
export function netlifyRun(
  context: DeployContext,
  options: NetlifyBuildOptions = {},
): Deploy & { status: number; command: string } {
  const toml = netlifyToml();
  const root = options.root ?? tempProject(options);
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of cleared) delete env[name];
  Object.assign(
    env,
    options.siteSettings,
    toml.build.environment,
    toml.context[context]?.environment,
    netlifyVariables(context),
  );
  const command = toml.context[context]?.command ?? toml.build.command;
  const result = spawnSync("sh", ["-c", command], { cwd: root, env, encoding: "utf8", timeout: 180_000 });
  return {
    context,
    root,
    out: join(root, toml.build.publish),
    stdout: result.stdout,
    stderr: result.stderr,
    status: result.status ?? 1,
    command,
  };
}

/** content/_data/site.yaml with comments switched on; `previewCategory` gives previews their own category. */
export function siteWithComments(options: { previewCategory: boolean }): string {
  return [
    "title: Leergang Samen Ontwerpen",
    "lang: nl",
    "url: https://leergang.example.org",
    "giscus:",
    "  repo: leergang/reacties",
    "  repoId: R_kgDOTEST01",
    "  category: Reacties",
    "  categoryId: DIC_kwDOTEST_live",
    ...(options.previewCategory ? ["  previewCategory: Voorbeeld", "  previewCategoryId: DIC_kwDOTEST_preview"] : []),
    "",
  ].join("\n");
}
