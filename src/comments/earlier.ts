// Earlier responses (kept in `<slug>.comments.yaml`: imported from an old blog, or archived from the
// post's GitHub discussion by `npm run archive`) as the post page shows them: a read-only thread,
// dates in the site's language, text rendered from Markdown with raw HTML shown as text, then
// through the site's allow-list. Links stay; they are marked as the readers'.
import MarkdownIt from "markdown-it";
import type { EarlierResponseData } from "../model/schema.ts";
import { isoDateTime, parseSiteDate } from "../model/calendar.ts";
import { messages } from "../i18n/index.ts";
import { sanitize, scrollBoxes } from "../markdown/render.ts";
import { longDate } from "../i18n/dates.ts";
import type { Site } from "../model/content.ts";
import type { EarlierResponse } from "../model/responses.ts";

// Responses were written by readers: no raw HTML, and links carry rel="nofollow ugc". GitHub shows a
// line break in a comment as a line break (https://github.github.com/gfm/ leaves that to the site;
// github.com's comments do it), so archived ones are rendered that way too.
const renderers = [false, true].map((breaks) => {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks });
  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    tokens[idx]!.attrSet("rel", "nofollow ugc");
    return self.renderToken(tokens, idx, options);
  };
  return md;
});

/** A response's text as safe HTML; `breaks`: a single line break is one (GitHub's comments). */
export function renderResponseText(text: string, tableLabel: string, options: { breaks?: boolean } = {}): string {
  return scrollBoxes(sanitize(renderers[options.breaks ? 1 : 0]!.render(text)), tableLabel).trim();
}

/** Archived from the post's GitHub discussion (`npm run archive`): it carries the author's GitHub login. */
export const isArchived = (response: Pick<EarlierResponseData, "github">): boolean => response.github !== undefined;

/**
 * The earlier responses a post shows and counts. Once its live section is closed (`comments: false`),
 * all of them; while the discussion is live under the post, only those that are not in it (imported
 * ones): the widget shows the discussion itself, and an archived copy must not appear, or count, twice.
 */
export function shownEarlier<R extends Pick<EarlierResponseData, "github">>(
  responses: readonly R[],
  live: boolean,
): R[] {
  return live ? responses.filter((response) => !isArchived(response)) : [...responses];
}

/** The dictionary key of the thread's intro: where its responses came from. */
export function earlierIntroKey(
  responses: readonly Pick<EarlierResponseData, "github">[],
): "earlierIntro" | "earlierIntroArchived" | "earlierIntroMixed" {
  const archived = responses.filter(isArchived).length;
  return archived === 0 ? "earlierIntro" : archived === responses.length ? "earlierIntroArchived" : "earlierIntroMixed";
}

/**
 * The responses as a thread: replies under their parent, each level oldest first. A response whose
 * parent cannot be reached (a loop of parents) is shown at the top level rather than lost.
 */
export function earlierThread(
  comments: readonly EarlierResponseData[],
  site: Pick<Site, "lang" | "timezone">,
): EarlierResponse[] {
  const tz = site.timezone;
  const nodes = comments.map((data) => {
    const date = parseSiteDate(data.date, tz);
    const node: EarlierResponse = {
      ...(data.id !== undefined ? { anchor: `comment-${data.id}` } : {}),
      author: data.author,
      ...(data.url ? { url: data.url } : {}),
      datetime: isoDateTime(date, tz),
      dateLabel: longDate(date, site.lang, tz),
      html: renderResponseText(data.text, messages(site.lang).tableScroll, { breaks: isArchived(data) }),
      replies: [],
    };
    return { data, node, time: date.getTime() };
  });
  const byId = new Map(nodes.filter((n) => n.data.id !== undefined).map((n) => [String(n.data.id), n]));
  const parentOf = (n: (typeof nodes)[number]) =>
    n.data.parent !== undefined ? byId.get(String(n.data.parent)) : undefined;
  const reachesRoot = (n: (typeof nodes)[number]) => {
    const seen = new Set<unknown>();
    for (let at = n; ;) {
      if (seen.has(at)) return false;
      seen.add(at);
      const parent = parentOf(at);
      if (!parent) return true;
      at = parent;
    }
  };
  const roots: typeof nodes = [];
  const children = new Map<EarlierResponse, typeof nodes>();
  for (const n of nodes) {
    const parent = reachesRoot(n) ? parentOf(n) : undefined;
    if (!parent) roots.push(n);
    else children.set(parent.node, [...(children.get(parent.node) ?? []), n]);
  }
  const oldestFirst = (list: typeof nodes) => [...list].sort((a, b) => a.time - b.time).map((n) => n.node);
  for (const [parent, list] of children) parent.replies = oldestFirst(list);
  return oldestFirst(roots);
}
