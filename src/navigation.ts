// The header menu: the site's own sections first, then the facilitator's pages. One list, made once
// per build, so every page's header is the same and a new section is added in one place.
import type { SiteBuild } from "./build/site-build.ts";
import { homePageUrl, localAddresses } from "./routes.ts";
import { hasSessions } from "./sessions/next.ts";

export interface MenuItem {
  label: string;
  url: string;
}

/** `pages`: the facilitator's pages (content/*.md) that appear in the menu, in order. */
export function menuItems(build: SiteBuild, pages: readonly { title: string; url: string }[]): MenuItem[] {
  const { t } = build;
  return [
    { label: t.navPosts, url: homePageUrl(1) },
    // Only a site with sessions has the sessions page (src/sessions/).
    ...(hasSessions(build.index().sessions) ? [{ label: t.navSessions, url: localAddresses(build.site.lang).sessions }] : []),
    { label: t.navTags, url: "/tags/" },
    ...pages.map((page) => ({ label: page.title, url: page.url })),
  ];
}
