// The stylesheet and scripts, minified and fingerprinted for a year's caching, and the site's
// images, copied as they are. Compiled while the content is validated; written only after it
// passed, so a failed build leaves _site as it was.
import type { UserConfig } from "@11ty/eleventy";
import type { BuildSession } from "../session.ts";
import { contentPaths } from "../../model/paths.ts";
import { compileAssets, writeAssets } from "../assets.ts";

export function assetsPlugin(config: UserConfig, { session }: { session: BuildSession }): void {
  config.on("eleventy.before", async (round) => {
    const compiled = compileAssets(session.root, session.caches);
    compiled.catch(() => {}); // awaited below; content problems are reported first
    const build = await session.building(round);
    const assets = await compiled;
    // Nothing is written before the comments step has passed: it can still stop the build (a private
    // site whose room is public, src/comments/index.ts).
    await build.counted;
    build.assets = await writeAssets(round.directories.output, assets);
  });
  config.addGlobalData("assets", () => Object.freeze({ ...session.current.assets }));

  // https://www.11ty.dev/docs/copy/
  config.addPassthroughCopy({ [contentPaths.images]: "img" });
  config.addWatchTarget("./layouts/css/");
  config.addWatchTarget("./src/client/");
}
