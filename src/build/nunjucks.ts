// Filters for the layouts, registered straight on Eleventy's Nunjucks environment
// (https://www.11ty.dev/docs/languages/nunjucks/#optional-use-your-nunjucks-environment): Eleventy's
// own wrapper around each filter call (timing, page context) cost more than the filters themselves,
// some 100,000 calls per 4,000 posts.
import type { UserConfig } from "@11ty/eleventy";

// Filters take whatever the layouts hand them.
type Filter = (...args: any[]) => unknown;

export function addNunjucksFilters(config: UserConfig, filters: Record<string, Filter>): void {
  config.amendLibrary("njk", (env) => {
    for (const [name, fn] of Object.entries(filters)) env.addFilter(name, fn);
  });
}
