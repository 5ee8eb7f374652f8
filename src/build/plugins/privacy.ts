// Privacy: who may open the site, and what its pages tell search engines and link previews. The
// decision that stops a build (a private site on Netlify without SITE_USERS or without its door) is the
// content step's (src/content/load.ts asks `accessProblems`), so that nothing is written; this plugin says
// once what a build without a password means, gives the layouts each page's meta (src/privacy/meta.ts),
// and a private site's pages their log-out link (global data `door`).
import type { UserConfig } from "@11ty/eleventy";
import { addNunjucksFilters } from "../nunjucks.ts";
import type { BuildSession } from "../session.ts";
import { accessNote, hasDoor } from "../../model/access.ts";
import { logoutAddresses } from "../../model/door.ts";
import { pageMeta } from "../../privacy/meta.ts";

export function privacyPlugin(config: UserConfig, { session }: { session: BuildSession }): void {
  config.on("eleventy.before", async (round) => {
    const note = accessNote((await session.building(round)).site);
    if (note) session.warnOnce(note);
  });
  /** A private site's door, for the footer's log-out link; false on a public site, whose pages stay as they were. */
  config.addGlobalData("door", () => {
    const site = session.current.site;
    return hasDoor(site) ? { logout: logoutAddresses[site.lang] } : false;
  });
  addNunjucksFilters(config, {
    /** `description | pageMeta(draft)`: the robots rule, description and address a page's head shows. */
    pageMeta: (description: string | undefined, draft: boolean | undefined) =>
      pageMeta(session.current.site, description, draft === true),
  });
}
