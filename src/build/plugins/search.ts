// Search: the index is written after the pages (src/search/index.ts); the search page is a route
// (src/build/routes.ts, layouts/pages/search.njk) with its own small script (src/client/search.ts), the only
// page that loads one for searching. The dev server indexes once at its first build and again when
// the search page asks for the index after a save, never on the save itself.
import type { UserConfig } from "@11ty/eleventy";
import type { BuildSession } from "../session.ts";
import type { SiteBuild } from "../site-build.ts";
import { addNunjucksFilters } from "../nunjucks.ts";
import { SEARCH_CACHE, startSearchIndex, type IndexReport, type PendingIndex } from "../../search/index.ts";
import { SEARCH_INDEX_DIR, searchUrl } from "../../model/urls.ts";

/** Pagefind's script asks for this file first (with a cache-busting query): the moment to bring the index up to date. */
const ENTRY = `/${SEARCH_INDEX_DIR}/pagefind-entry.json`;

/** What the search page's script needs to say, with `{n}` and `{q}` filled in by the browser. */
export function searchMessages(t: SiteBuild["t"]) {
  return {
    none: t.searchFound(0, "{q}"),
    one: t.searchFound(1, "{q}"),
    many: t.searchFound(2, "{q}").replace("2", "{n}"),
    searching: t.searching,
    more: t.searchMore,
  };
}

/** What a production build says of its index. */
export function indexReport({ pages, ms, parts, made }: IndexReport): string {
  const posts = `${pages} post${pages === 1 ? "" : "s"}`;
  if (!made) return `Search index of ${posts} unchanged: taken from ${SEARCH_CACHE}/`;
  const written = `Search index of ${posts} written in ${(ms / 1000).toFixed(1)} s`;
  if (parts === 1) return written;
  return made === parts
    ? `${written}, in ${parts} parts`
    : `${written}: ${made} of its ${parts} parts made anew, the others taken from ${SEARCH_CACHE}/`;
}

export function searchPlugin(config: UserConfig, { session }: { session: BuildSession }): void {
  /** The build the index on disk was made from, and the indexing under way (one at a time). */
  let indexed: SiteBuild | undefined;
  let indexing: Promise<void> | undefined;
  /** The index of a build that indexes at once, handed to Pagefind before its pages are rendered. */
  let pending: { build: SiteBuild; index: PendingIndex } | undefined;
  let output = "_site";

  const start = (build: SiteBuild) => startSearchIndex(session.root, build.index().posts, build.site, build.t);
  const index = (build: SiteBuild): Promise<void> =>
    (indexing ??= (pending?.build === build ? pending.index : start(build))
      .write(output)
      .then((report) => {
        indexed = build;
        if (build.site.build.mode === "production") console.log(`[hoedoededa] ${indexReport(report)}`);
      })
      .finally(() => ((indexing = undefined), (pending = undefined))));

  addNunjucksFilters(config, {
    /** The texts the search page's script shows (layouts/pages/search.njk). */
    searchMessages: () => searchMessages(session.current.t),
    /** `/zoeken/` or `/search/`, for the sitemap. */
    searchUrl: (lang: SiteBuild["site"]["lang"]) => searchUrl(lang),
  });

  /** Every production build indexes beside its rendering, and the dev server's first; later saves leave it until the search page asks. */
  const indexesAtOnce = (build: SiteBuild) => build.site.build.mode === "production" || !indexed;

  // https://www.11ty.dev/docs/events/: once the content is read and the comments step has its
  // counts, the posts are indexed and Pagefind gets the documents of the parts to be made, to work
  // beside everything Eleventy does next. Eleventy waits for this hook, so they are on their way
  // before any page is rendered.
  config.on("eleventy.before", async (round) => {
    const build = await session.building(round).catch(() => undefined);
    if (!build || !indexesAtOnce(build)) return;
    await build.counted;
    pending = { build, index: start(build) };
  });

  config.on("eleventy.after", async ({ directories, runMode }) => {
    output = directories.output;
    if (pending?.build !== session.current) return;
    if (runMode === "build") return index(session.current);
    await index(session.current).catch((error: unknown) =>
      session.warnOnce(`search index not written: ${String(error)}`),
    );
  });

  // https://www.11ty.dev/docs/dev-server/#options (middleware)
  config.setServerOptions({
    middleware: [
      async (req: { url?: string }, _res: unknown, next: () => Promise<void> | void) => {
        const path = new URL(req.url ?? "/", "http://localhost").pathname;
        if (path === ENTRY && session.started && indexed !== session.current) {
          await index(session.current).catch((error: unknown) =>
            session.warnOnce(`search index not written: ${String(error)}`),
          );
        }
        return next();
      },
    ],
  });
}
