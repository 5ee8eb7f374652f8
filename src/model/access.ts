// Who may open the site. A private site (site.yaml's `private: true`) is for the group only: every deploy
// Netlify builds of it — production, deploy previews, branch deploys — has a door in front of every
// address (netlify/edge-functions/gate/, declared on `/*` by the build: src/netlify/edge.ts), which lets in
// the names and passwords of SITE_USERS, read at request time. A Netlify build stops in the content step,
// before anything is written, when SITE_USERS is missing or unusable or when the door is not in place, so a
// site meant to be closed is never published open by accident. A build on the facilitator's own machine
// (`npm start`, `npm run build` without Netlify's CONTEXT) works without SITE_USERS, and says so once.
import { contentPaths } from "./paths.ts";
import { gate } from "./door.ts";
import type { Problem } from "./problems.ts";
import type { SiteUsers } from "./site-users.ts";
import type { Site } from "./content.ts";

type AccessSite = Pick<Site, "private" | "build">;

export type Access =
  /** A public site: anyone may open it. */
  | { kind: "public" }
  /** A private site behind the door, for the names in SITE_USERS. */
  | { kind: "door"; users: SiteUsers }
  /** A private site built on the facilitator's machine without SITE_USERS: no door to test here, on purpose. */
  | { kind: "local" }
  /** A private site that cannot be built like this: `accessProblems` says why. */
  | { kind: "refused" };

/** What the content step found of the door in the project (src/content/gate-file.ts reads it). */
export interface GateFile {
  /** `netlify/edge-functions/gate/gate.ts` is there, with a default export (the function Netlify runs). */
  handler: boolean;
  /** It exports an inline `config`, whose path would replace the `/*` the build declares. */
  inlineConfig: boolean;
  /** netlify.toml moves the edge functions elsewhere (`[build] edge_functions`), where the gate is not. */
  movedFolder: boolean;
}

const settings = "in Netlify: Site configuration → Environment variables";
const format =
  "name:password, several people separated by spaces (e.g. `groep:een-lang-wachtwoord marjan:nog-een-wachtwoord`)";
const readme = 'docs/privacy.md, "Een afgeschermde site instellen"';

/** Whether the site has a door: a login page, a log-out link, the gate declared on every address. */
export const hasDoor = (site: Pick<Site, "private">): boolean => site.private === true;

/** The one rule: what this build does about who may open the site. */
export function siteAccess(site: AccessSite): Access {
  if (!hasDoor(site)) return { kind: "public" };
  const { users, netlifyDeploy } = site.build;
  if (users) return users.problems.length ? { kind: "refused" } : { kind: "door", users };
  // Whatever mode it runs in (HOEDOEDEDA_ENV may say development): what Netlify builds is published.
  return netlifyDeploy ? { kind: "refused" } : { kind: "local" };
}

/** What is wrong with the door itself, for a private site Netlify publishes. */
function gateProblems(found: GateFile): string[] {
  const restore = `restore it from hoedoededa's repository (${gate.file}) and commit it`;
  if (found.movedFolder)
    return [
      `netlify.toml sets [build] edge_functions, so Netlify would look for the door somewhere else than ${gate.file} and publish the site open — remove that line`,
    ];
  if (!found.handler)
    return [
      `the door that keeps everyone else out, ${gate.file}, is missing or has no \`export default\`, so Netlify would publish the site open — ${restore}`,
    ];
  if (found.inlineConfig)
    return [
      `${gate.file} exports its own \`config\`, which would replace the build's ${gate.path} and leave addresses open — remove that export (the build declares the door on every address)`,
    ];
  return [];
}

/** Why this build of a private site must not go on: for the content step's list of problems. */
export function accessProblems(site: AccessSite, found?: GateFile): Problem[] {
  const problem = (message: string): Problem => ({ file: contentPaths.site, field: "private", message });
  const door =
    hasDoor(site) && site.build.netlifyDeploy && found
      ? gateProblems(found).map((m) => problem(`is true, but ${m}`))
      : [];
  if (siteAccess(site).kind !== "refused") return door;
  const users = site.build.users;
  if (!users) {
    return [
      problem(
        `is true, but SITE_USERS is not set, so this Netlify build would publish the site without a password — set it ${settings} → Add a variable, key SITE_USERS (all scopes and deploy contexts: the Functions scope is the one the door reads), value ${format}; then deploy again (${readme})`,
      ),
      ...door,
    ];
  }
  return [
    problem(
      `is true, and SITE_USERS cannot be used: ${users.problems.join("; ")} — correct it ${settings} → SITE_USERS, value ${format}; then deploy again (${readme})`,
    ),
    ...door,
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
