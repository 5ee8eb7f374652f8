// Writing on GitHub: the page that starts a new post in GitHub's web editor (/schrijven/, English
// /write/; its route is in src/build/routes.ts). The edit links of previews are on each post (`Post.editUrl`).
import type { UserConfig } from "@11ty/eleventy";
import type { BuildSession } from "../session.ts";
import { writePage } from "../../write/page.ts";

export function writePlugin(config: UserConfig, { session }: { session: BuildSession }): void {
  config.addGlobalData("writePage", () => {
    const build = session.current;
    return Object.freeze(writePage(build.content, build.t));
  });
}
