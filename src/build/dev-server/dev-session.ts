// What the dev server remembers between builds: what the pages on disk show of the posts, and the
// files saved since they were written. A production build has neither, and renders everything.
import type { SiteBuild } from "../site-build.ts";
import { contentPaths } from "../../model/paths.ts";
import { planRender, snapshot, type RenderPlan, type Snapshot } from "./render-plan.ts";

export class DevSession {
  /** What the pages on disk show, once a dev-server build has written them. */
  #written: Snapshot | undefined;
  /** Files the watcher saw change since then (kept until a build has written them). */
  #saved: string[] = [];
  #plan: { build: SiteBuild; plan: RenderPlan } | undefined;

  /** Which pages `build` renders (the same plan for every collection of that build). */
  planFor(build: SiteBuild): RenderPlan {
    if (this.#plan?.build !== build)
      this.#plan = { build, plan: planRender(build.index(), this.#written, this.#saved) };
    return this.#plan.plan;
  }

  /** The watcher saw these files change (Eleventy's `eleventy.beforeWatch`). Says whether one was an image. */
  noteSaved(files: readonly string[]): { images: boolean } {
    this.#saved.push(...files);
    return { images: files.some((file) => file.replaceAll("\\", "/").includes(`${contentPaths.images}/`)) };
  }

  /** A dev-server build finished writing: its pages are what the next rebuild compares with. */
  noteWritten(build: SiteBuild): void {
    this.#written =
      this.#plan?.build === build ? (this.#plan.plan.snapshot ?? snapshot(build.index())) : snapshot(build.index());
    this.#saved = [];
  }
}
