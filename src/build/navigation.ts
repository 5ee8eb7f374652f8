// The header menu: the site's own sections first, then the facilitator's pages that ask for a place
// (`menu: <n>` in their front-matter, in that order). One list, made once per build, so every page's
// header is the same and a new section is added in one place. A page without `menu:` (every page the
// WordPress import writes) stays out of the header: it is in the sitemap and reachable by its links.
import type { SiteBuild } from "./site-build.ts";
import { hasSessions } from "../sessions/next.ts";
import { localeOf } from "../model/languages.ts";
import { homePageUrl, localAddresses, searchUrl } from "../model/urls.ts";

export interface MenuItem {
  label: string;
  url: string;
}

/** A facilitator's page (content/*.md) as the menu sees it; `menu` is its front-matter's place, if any. */
export interface MenuPage {
  title: string;
  url: string;
  menu?: unknown;
}

/** The pages that asked for a place in the header, by their `menu:` number (then by title, for a tie). */
export function menuPages(pages: readonly MenuPage[], lang: SiteBuild["site"]["lang"]): MenuItem[] {
  const collator = new Intl.Collator(localeOf(lang).tag);
  return pages
    .filter((page): page is MenuPage & { menu: number } => typeof page.menu === "number")
    .sort((a, b) => a.menu - b.menu || collator.compare(a.title, b.title))
    .map((page) => ({ label: page.title, url: page.url }));
}

/**
 * About how many lines the menu takes on a 390 px phone, from its labels' lengths (the header there:
 * 20 px margins, a 0.9rem system font, 0.85rem gaps; layouts/css/find.css). A character is taken a
 * little wider than the system fonts' average, so the estimate errs towards a line too many. Used by
 * `npm run check` to warn before the header fills a phone's screen.
 */
export function phoneMenuLines(labels: readonly string[]): number {
  const width = 390 - 2 * 20;
  const charWidth = 0.9 * 16 * 0.55;
  const gap = 0.85 * 16;
  let lines = 1;
  let used = 0;
  for (const label of labels) {
    const w = label.length * charWidth;
    if (used && used + gap + w > width) [lines, used] = [lines + 1, w];
    else used += (used ? gap : 0) + w;
  }
  return lines;
}

/** `pages`: the facilitator's pages (content/*.md); only those with `menu:` appear. */
export function menuItems(build: SiteBuild, pages: readonly MenuPage[]): MenuItem[] {
  const { t, site } = build;
  return [
    { label: t.navPosts, url: homePageUrl(1) },
    { label: t.navTags, url: "/tags/" },
    // Only a site with sessions has the sessions page (src/sessions/).
    ...(hasSessions(build.index().sessions)
      ? [{ label: t.navSessions, url: localAddresses(build.site.lang).sessions }]
      : []),
    { label: t.navSearch, url: searchUrl(site.lang) },
    ...menuPages(pages, site.lang),
  ];
}
