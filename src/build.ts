// What kind of build this is, from the environment: the one place that reads build variables.
// HOEDOEDEDA_DRAFTS=true shows drafts; HOEDOEDEDA_ENV overrides the mode Eleventy runs in;
// SITE_URL overrides site.yaml's url (e.g. for a preview host).

export type Mode = "production" | "development";

export interface Build {
  mode: Mode;
  showDrafts: boolean;
  /** Absolute site URL that wins over site.yaml's, without trailing slash. */
  url?: string;
}

const truthy = (value: string | undefined) => value !== undefined && /^(1|true|yes|ja)$/i.test(value.trim());

export function buildFromEnv(env: NodeJS.ProcessEnv = process.env): Build {
  const explicit = env.HOEDOEDEDA_ENV;
  const mode: Mode =
    explicit === "production" || explicit === "development" ? explicit
    : env.ELEVENTY_RUN_MODE === "serve" || env.ELEVENTY_RUN_MODE === "watch" ? "development"
    : "production";
  const url = env.SITE_URL?.trim().replace(/\/+$/, "");
  return { mode, showDrafts: truthy(env.HOEDOEDEDA_DRAFTS), ...(url ? { url } : {}) };
}
