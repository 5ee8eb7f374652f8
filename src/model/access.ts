// Who may open the site. A private site (site.yaml's `private: true`) is for the group only: every
// deploy Netlify builds of it — production, deploy previews, branch deploys — carries Netlify's
// Basic-Auth with the names and passwords of SITE_USERS (src/netlify/headers.ts writes it), and a
// Netlify build without them stops in the content step, before anything is written, so a site meant
// to be closed is never published open by accident. A build on the facilitator's own machine
// (`npm start`, `npm run build` without Netlify's CONTEXT) works without, and says so once.
import { contentPaths } from "./paths.ts";
import type { Problem } from "./problems.ts";
import type { SiteUsers } from "./site-users.ts";
import type { Site } from "./content.ts";

type AccessSite = Pick<Site, "private" | "build">;

export type Access =
  /** A public site: anyone may open it. */
  | { kind: "public" }
  /** A private site behind Netlify's Basic-Auth. */
  | { kind: "password"; users: SiteUsers }
  /** A private site built on the facilitator's machine without SITE_USERS: no password, on purpose. */
  | { kind: "local" }
  /** A private site that cannot be built like this: `accessProblems` says why. */
  | { kind: "refused" };

const settings = "in Netlify: Site configuration → Environment variables";
const format =
  "name:password, several people separated by spaces (e.g. `groep:een-lang-wachtwoord marjan:nog-een-wachtwoord`)";
const readme = 'docs/privacy.md, "Een afgeschermde site instellen"';

/** The one rule: what this build does about who may open the site. */
export function siteAccess(site: AccessSite): Access {
  if (site.private !== true) return { kind: "public" };
  const { users, netlifyDeploy } = site.build;
  if (users) return users.problems.length ? { kind: "refused" } : { kind: "password", users };
  // Whatever mode it runs in (HOEDOEDEDA_ENV may say development): what Netlify builds is published.
  return netlifyDeploy ? { kind: "refused" } : { kind: "local" };
}

/** Why this build of a private site must not go on: for the content step's list of problems. */
export function accessProblems(site: AccessSite): Problem[] {
  if (siteAccess(site).kind !== "refused") return [];
  const problem = (message: string): Problem => ({ file: contentPaths.site, field: "private", message });
  const users = site.build.users;
  if (!users) {
    return [
      problem(
        `is true, but SITE_USERS is not set, so this Netlify build would publish the site without a password — set it ${settings} → Add a variable, key SITE_USERS (all scopes and deploy contexts), value ${format}; then deploy again (${readme})`,
      ),
    ];
  }
  return [
    problem(
      `is true, and SITE_USERS cannot be used: ${users.problems.join("; ")} — correct it ${settings} → SITE_USERS, value ${format}; then deploy again (${readme})`,
    ),
  ];
}

/** What the build says about access once (a note, not a failure), or nothing. */
export function accessNote(site: AccessSite): string | undefined {
  const access = siteAccess(site);
  if (access.kind === "local") {
    return `A private site (private: true) built without SITE_USERS: this build has no password, which is fine on your own machine. On Netlify, set SITE_USERS (${readme}): a Netlify build stops without it.`;
  }
  if (access.kind === "public" && site.build.users) {
    return `SITE_USERS is set, but ${contentPaths.site} does not say private: true, so the site is published without a password. Add private: true to keep it for the group, or remove SITE_USERS.`;
  }
  return undefined;
}
