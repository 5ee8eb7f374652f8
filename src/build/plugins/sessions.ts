// Sessions: the next meeting on the home page and its post, the sessions page, and the calendars.
// What is upcoming is decided once per build from the post index (src/sessions/next.ts); the pages
// and files are routes (src/build/routes.ts) whose layouts get these values, computed here.
import type { UserConfig } from "@11ty/eleventy";
import { addNunjucksFilters } from "../nunjucks.ts";
import type { BuildSession } from "../session.ts";
import type { SiteBuild } from "../site-build.ts";
import { postCalendar, siteCalendar } from "../../sessions/calendar.ts";
import { hasSessions } from "../../sessions/next.ts";
import { absolute, localAddresses } from "../../model/urls.ts";
import type { SessionLists } from "../../model/sessions.ts";
import type { Post } from "../../model/posts.ts";

/** What the layouts know of the sessions: global data `sessions`. */
export interface SessionsData extends SessionLists<Post> {
  /** Whether the site has any session at all: the sessions page, its calendar and the menu item exist only then. */
  any: boolean;
  /** `/bijeenkomsten/` or `/sessions/`. */
  page: string;
  /** `/bijeenkomsten.ics` or `/sessions.ics`. */
  calendar: string;
  /** The calendar's absolute address, to copy into a calendar app; undefined when the build knows no site address. */
  calendarAddress?: string;
  /** The same as `webcal://`, which Apple Calendar and Outlook open as a subscription; undefined likewise. */
  subscribe?: string;
}

export function sessionsData(build: SiteBuild): SessionsData {
  const { site } = build;
  const { upcoming, past, next } = build.index().sessions;
  const { sessions: page, calendar } = localAddresses(site.lang);
  const address = /^https?:\/\//.test(site.url) ? absolute(calendar, site) : undefined;
  return {
    upcoming,
    past,
    ...(next ? { next } : {}),
    any: hasSessions({ upcoming, past }),
    page,
    calendar,
    ...(address ? { calendarAddress: address, subscribe: address.replace(/^https?:/, "webcal:") } : {}),
  };
}

/** Every calendar file this build writes, for their Content-Type (src/netlify/headers.ts). */
export function calendarFiles(build: SiteBuild): string[] {
  const data = sessionsData(build);
  if (!data.any) return [];
  return [data.calendar, ...build.index().posts.flatMap((post) => (post.session ? [post.session.calendar] : []))];
}

export function sessionsPlugin(config: UserConfig, { session }: { session: BuildSession }): void {
  const made = new WeakMap<SiteBuild, SessionsData>();
  const data = () => {
    const build = session.current;
    if (!made.has(build)) made.set(build, Object.freeze(sessionsData(build)));
    return made.get(build)!;
  };
  // Frozen, like the other global data: Eleventy's per-page proxies hand it over as it is.
  config.addGlobalData("sessions", data);
  addNunjucksFilters(config, {
    /** A post's own calendar file: one VEVENT (src/sessions/calendar.ts). */
    postCalendar: (post: Post) => postCalendar(post, session.current.site, session.current.t),
    /** The subscribable calendar of every session, in the order they happen. */
    siteCalendar: (sessions: SessionsData) =>
      siteCalendar([...sessions.past].reverse().concat(sessions.upcoming), session.current.site, session.current.t),
  });
}
