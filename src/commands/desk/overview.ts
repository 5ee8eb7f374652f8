// `npm run overview`: participation across the programme, from each published post's discussion as
// GitHub shows it now (with the archived copies of discussions that are no longer there): per post,
// per participant, and who has not yet responded to the latest post. Facilitators are the authors
// with `github:` in authors.yaml (src/commands/desk/participants.ts). Responses imported from an old blog
// have no GitHub account and are left out: this is about the cohort on GitHub.
import { isPublished } from "../../content/visibility.ts";
import { commentsOn } from "../../comments/settings.ts";
import { isoDateTime, isoDay, parseSiteDate } from "../../model/calendar.ts";
import { newestFirst } from "../../posts/post-index.ts";
import { conversations, openDesk, type PostConversation } from "./desk.ts";
import { facilitatorLogins, isFacilitator, participantsOf, personOf } from "./participants.ts";
import { fromEarlier, fromGitHub, threaded, together, type DeskResponse } from "./thread.ts";
import { absolute, postUrl } from "../../model/urls.ts";
import type { Content } from "../../model/content.ts";

export interface PostFigures {
  slug: string;
  title: string;
  url: string;
  /** The post's day, `YYYY-MM-DD`. */
  date: string;
  /** Whether it takes responses now (`comments:` not false). */
  open: boolean;
  discussion: { number: number; url: string } | null;
  /** Comments and replies GitHub shows. */
  responses: number;
  /** Distinct participants (facilitators and deleted accounts not counted). */
  participants: number;
  /** Responses written by a facilitator: replies, and comments of their own. */
  facilitatorReplies: number;
  /** Participants' comments that nobody has answered yet (a reply to a comment that is left out is not one). */
  unanswered: number;
  /** The newest response, RFC 3339 in the site's time zone. */
  lastActivity: string | null;
}

export interface ParticipantFigures {
  login: string;
  responses: number;
  /** Newest post first. */
  posts: { slug: string; title: string; responses: number }[];
  lastActivity: string;
}

export interface Overview {
  repo: string;
  category: string;
  generatedAt: string;
  facilitators: string[];
  /** Newest first. */
  posts: PostFigures[];
  /** Most responses first. */
  participants: ParticipantFigures[];
  /** The newest published post that takes responses. */
  latest: { slug: string; title: string } | null;
  /** Participants of earlier posts who have not responded to the latest one yet, alphabetically. */
  notYetOnLatest: string[];
}

/** The responses the overview counts: GitHub's now, and archived ones GitHub no longer has (never hidden or deleted ones). */
function countedResponses(found: PostConversation, timezone: string): DeskResponse[] {
  const github = fromGitHub(found.conversation?.comments ?? []);
  const archived = fromEarlier(found.post.earlierResponses, timezone).filter((r) => r.login !== undefined);
  return together(github.responses, archived, github.gone);
}

/** The figures, from the conversations of the published posts. */
export function overviewOf(
  content: Content,
  found: readonly PostConversation[],
  where: { repo: string; category: string },
  now: Date,
): Overview {
  const { site } = content;
  const tz = site.timezone;
  const facilitators = facilitatorLogins(content.authors);
  const dated = found.map((f) => ({ ...f, slug: f.post.slug, date: f.post.data.date })).sort(newestFirst);
  const perPerson = new Map<string, ParticipantFigures>();
  const responders = new Map<string, Set<string>>();
  const posts = dated.map((f): PostFigures => {
    const responses = countedResponses(f, tz);
    const title = f.post.data.title;
    for (const r of responses) {
      const person = personOf(r);
      if (!person || isFacilitator(facilitators, r)) continue;
      const figures = perPerson.get(person) ?? {
        login: r.login ?? r.author,
        responses: 0,
        posts: [],
        lastActivity: "",
      };
      figures.responses++;
      const onPost =
        figures.posts.find((p) => p.slug === f.slug) ??
        figures.posts[figures.posts.push({ slug: f.slug, title, responses: 0 }) - 1]!;
      onPost.responses++;
      const when = isoDateTime(r.date, tz);
      if (when > figures.lastActivity) figures.lastActivity = when;
      perPerson.set(person, figures);
      responders.set(f.slug, (responders.get(f.slug) ?? new Set()).add(person));
    }
    const roots = threaded(responses);
    const last = responses.reduce<Date | undefined>(
      (newest, r) => (!newest || r.date > newest ? r.date : newest),
      undefined,
    );
    return {
      slug: f.slug,
      title,
      url: absolute(postUrl(f.slug), site),
      date: isoDay(f.date, tz),
      open: commentsOn(f.post.data, site),
      discussion: f.discussion ?? null,
      responses: responses.length,
      participants: participantsOf(responses, facilitators).length,
      facilitatorReplies: responses.filter((r) => isFacilitator(facilitators, r)).length,
      unanswered: roots.filter(
        (node) =>
          node.replies.length === 0 &&
          !node.response.reply &&
          personOf(node.response) &&
          !isFacilitator(facilitators, node.response),
      ).length,
      lastActivity: last ? isoDateTime(last, tz) : null,
    };
  });
  const latest = posts.find((p) => p.open) ?? null;
  const onLatest = latest ? (responders.get(latest.slug) ?? new Set<string>()) : new Set<string>();
  const earlier = [...responders].filter(([slug]) => slug !== latest?.slug).flatMap(([, people]) => [...people]);
  const notYet = latest
    ? [...new Set(earlier)].filter((person) => !onLatest.has(person)).map((person) => perPerson.get(person)!.login)
    : [];
  const collator = new Intl.Collator("en");
  return {
    repo: where.repo,
    category: where.category,
    generatedAt: isoDateTime(now, tz),
    facilitators: [...facilitators].sort(collator.compare),
    posts,
    participants: [...perPerson.values()].sort(
      (a, b) => b.responses - a.responses || collator.compare(a.login, b.login),
    ),
    latest: latest ? { slug: latest.slug, title: latest.title } : null,
    notYetOnLatest: notYet.sort(collator.compare),
  };
}

export async function programmeOverview(
  root: string,
  options: { env?: NodeJS.ProcessEnv; command: string; now?: Date },
): Promise<Overview> {
  const desk = openDesk(root, { ...(options.env ? { env: options.env } : {}), command: options.command });
  const published = desk.content.posts.filter((post) => isPublished(post.data));
  const found = await conversations(desk, published);
  return overviewOf(desk.content, found, desk, options.now ?? new Date());
}
