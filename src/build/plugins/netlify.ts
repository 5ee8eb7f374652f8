// Netlify: what differs per deploy context (the preview bar, noindex headers for previews), the old
// addresses that moved, as 301 redirects, and the door of a private site declared on every address
// (src/netlify/edge.ts). The rules for every context are in netlify.toml.
import type { UserConfig } from "@11ty/eleventy";
import type { BuildSession } from "../session.ts";
import { calendarFiles } from "./sessions.ts";
import { writeEdgeDeclarations } from "../../netlify/edge.ts";
import { writeContextHeaders } from "../../netlify/headers.ts";
import { previewBar } from "../../netlify/preview.ts";
import { writeRedirects } from "../../netlify/redirects.ts";

export function netlifyPlugin(config: UserConfig, { session }: { session: BuildSession }): void {
  // Deploy previews and branch deploys say so on every page.
  config.addGlobalData("previewBar", () => previewBar(session.current.site.build, session.current.t));
  config.on("eleventy.after", async ({ directories }) => {
    const build = session.current;
    await writeContextHeaders(directories.output, build.site, calendarFiles(build));
    // content/_data/redirects.yaml → _site/_redirects (e.g. an imported WordPress blog's addresses).
    writeRedirects(directories.output, build.content.redirects);
    // A private site: the gate on /* (Netlify's Frameworks API file in the project, not in _site/).
    await writeEdgeDeclarations(session.root, build.site);
  });
}
