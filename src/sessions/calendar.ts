// The calendars: one event per session, in a file of its own beside its post and all together in
// the subscribable calendar (/bijeenkomsten.ics, /sessions.ics). Outlook, Google Calendar and Apple
// Calendar recognise an event by its UID, so a UID is made from the post's slug and the site's
// production host alone: the same in every build and in previews, so a changed time updates the
// event instead of adding a second one. Property names and order follow RFC 5545 §3.6.1 and the
// calendar's own name and refresh hint RFC 7986 §5 (https://www.rfc-editor.org/rfc/rfc7986).
import type { Messages } from "../i18n/index.ts";
import { feedTitle } from "../posts/feeds.ts";
import { nextDay } from "../model/session-times.ts";
import { dateValue, serialize, utcDateTime, type Component, type Property } from "./ics.ts";
import { absolute, localAddresses } from "../model/urls.ts";
import type { Site } from "../model/content.ts";
import type { Post } from "../model/posts.ts";

/** What made the file (§3.7.3), with the language its text is in. */
const prodId = (site: Pick<Site, "lang">) => `-//hoedoededa//hoedoededa//${site.lang.toUpperCase()}`;

/** The host an event's UID ends in: the production site's, else site.yaml's, else a name of our own. */
function uidHost(site: Pick<Site, "url" | "build">): string {
  for (const url of [site.build.productionUrl, site.url]) {
    try {
      if (url) return new URL(url).host;
    } catch {
      // Not an absolute address: try the next.
    }
  }
  return "hoedoededa.invalid";
}

/** The session's stable UID (§3.8.4.7): `<slug>@<host>`. */
export const sessionUid = (slug: string, site: Pick<Site, "url" | "build">) => `${slug}@${uidHost(site)}`;

/** An absolute address on this site, or undefined when the build knows no site address (URL must be absolute). */
function absoluteOn(path: string, site: Site): string | undefined {
  return /^https?:\/\//.test(site.url) ? absolute(path, site) : undefined;
}

/** The reflection questions and where to read the post (§3.8.1.5), for a calendar's event window. */
function description(post: Post, site: Site, t: Messages): string {
  const parts: string[] = [];
  if (post.questions.length)
    parts.push(`${t.questions}:\n${post.questions.map((q, i) => `${i + 1}. ${q}`).join("\n")}`);
  const url = absoluteOn(post.url, site);
  parts.push(url ? `${t.sessionPrepare}: ${url}` : `${t.sessionPrepare}: ${post.title}`);
  return parts.join("\n\n");
}

/** The VEVENT of a post's session (§3.6.1): a timed event in UTC, or whole days as VALUE=DATE. */
export function sessionEvent(post: Post, site: Site, t: Messages): Component {
  const session = post.session;
  if (!session) throw new Error(`${post.slug} has no session`);
  const url = absoluteOn(post.url, site);
  const when: Property[] = session.allDay
    ? [
        { name: "DTSTART", params: { VALUE: "DATE" }, value: dateValue(session.firstDay) },
        // DTEND of a whole-day event is the day after its last (exclusive, §3.6.1).
        { name: "DTEND", params: { VALUE: "DATE" }, value: dateValue(nextDay(session.lastDay)) },
      ]
    : [
        { name: "DTSTART", value: utcDateTime(session.start) },
        { name: "DTEND", value: utcDateTime(session.end) },
      ];
  return {
    name: "VEVENT",
    properties: [
      { name: "UID", value: sessionUid(post.slug, site) },
      { name: "DTSTAMP", value: utcDateTime(site.now) },
      ...when,
      { name: "SUMMARY", value: feedTitle({ title: session.title ?? post.title, draft: post.draft }, t), text: true },
      ...(session.location ? [{ name: "LOCATION", value: session.location, text: true }] : []),
      { name: "DESCRIPTION", value: description(post, site, t), text: true },
      ...(url ? [{ name: "URL", value: url }] : []),
      // A meeting takes the time it says: shown as busy.
      { name: "TRANSP", value: "OPAQUE" },
    ],
  };
}

/** The calendar's own properties (§3.7, RFC 7986 §5): what every calendar file starts with. */
function calendarProperties(site: Site, extra: Property[]): Property[] {
  return [
    { name: "VERSION", value: "2.0" },
    { name: "PRODID", value: prodId(site) },
    { name: "CALSCALE", value: "GREGORIAN" },
    { name: "METHOD", value: "PUBLISH" },
    ...extra,
  ];
}

/** A post's own calendar file: its one session. */
export function postCalendar(post: Post, site: Site, t: Messages): string {
  return serialize({
    name: "VCALENDAR",
    properties: calendarProperties(site, []),
    components: [sessionEvent(post, site, t)],
  });
}

/**
 * The subscribable calendar: `posts`, every post with a session this build lists (drafts only in a
 * preview that shows them), in the order their events are written.
 */
export function siteCalendar(posts: readonly Post[], site: Site, t: Messages): string {
  const name = `${site.title} — ${t.sessionsTitle}`;
  const page = absoluteOn(localAddresses(site.lang).sessions, site);
  const self = absoluteOn(localAddresses(site.lang).calendar, site);
  const properties = calendarProperties(site, [
    { name: "NAME", value: name, text: true },
    { name: "X-WR-CALNAME", value: name, text: true },
    ...(site.description
      ? [
          { name: "DESCRIPTION", value: site.description, text: true },
          { name: "X-WR-CALDESC", value: site.description, text: true },
        ]
      : []),
    ...(page ? [{ name: "URL", value: page }] : []),
    ...(self ? [{ name: "SOURCE", params: { VALUE: "URI" }, value: self }] : []),
    // How often a subscriber's calendar may look again: the site is rebuilt daily, or sooner.
    { name: "REFRESH-INTERVAL", params: { VALUE: "DURATION" }, value: "PT12H" },
    { name: "X-PUBLISHED-TTL", value: "PT12H" },
  ]);
  return serialize({
    name: "VCALENDAR",
    properties,
    components: posts.filter((post) => post.session).map((post) => sessionEvent(post, site, t)),
  });
}
