// `npm run responses -- <slug>`: one post's whole conversation as Markdown — what the facilitator
// reads in one piece before writing the synthesis, or pastes into a report. The discussion as GitHub
// shows it now, with the earlier responses kept beside the post that it does not have (imported
// ones, or archived ones of a discussion that has moved); replies indented under their comment.
// A document, so in the site's language (its dates too).
import { parseSiteDate } from "../../model/calendar.ts";
import { messages } from "../../i18n/index.ts";
import { conversations, openDesk, pickPosts, type PostConversation } from "./desk.ts";
import { facilitatorLogins, participantsOf } from "./participants.ts";
import { fromEarlier, fromGitHub, threaded, together, type LeftOut, type Threaded } from "./thread.ts";
import type { Lang } from "../../model/languages.ts";
import { postUrl } from "../../model/urls.ts";
import { longDate, sessionDate } from "../../i18n/dates.ts";
import type { Site } from "../../model/content.ts";

const words: Record<
  Lang,
  {
    participants: (n: number) => string;
    leftOut: (hidden: number, deleted: number) => string;
    discussion: string;
    earlierOnly: string;
  }
> = {
  nl: {
    participants: (n) => (n === 1 ? "1 deelnemer" : `${n} deelnemers`),
    leftOut: (hidden, deleted) =>
      `Weggelaten: ${[hidden ? `${hidden} verborgen` : "", deleted ? `${deleted} verwijderd` : ""].filter(Boolean).join(", ")}.`,
    discussion: "Het gesprek",
    earlierOnly: "Dit bericht heeft (nog) geen gesprek op GitHub; hieronder de eerdere reacties.",
  },
  en: {
    participants: (n) => (n === 1 ? "1 participant" : `${n} participants`),
    leftOut: (hidden, deleted) =>
      `Left out: ${[hidden ? `${hidden} hidden` : "", deleted ? `${deleted} deleted` : ""].filter(Boolean).join(", ")}.`,
    discussion: "The conversation",
    earlierOnly: "This post has no conversation on GitHub (yet); below are the earlier responses.",
  },
};

/** `text` with every line but empty ones indented by `by` spaces: the body of a list item. */
const indent = (text: string, by: number) =>
  text
    .trim()
    .split(/\r?\n/)
    .map((line) => (line.trim() ? `${" ".repeat(by)}${line}` : ""))
    .join("\n");

function item(node: Threaded, depth: number, site: Pick<Site, "lang" | "timezone">): string {
  const { response } = node;
  const pad = "  ".repeat(depth * 1);
  const when = sessionDate(response.date, site.lang, site.timezone, true);
  const head = `${pad}- **${response.author.replace(/([*_`\\[\]])/g, "\\$1")}** · ${when}`;
  const body = indent(response.text, pad.length + 2);
  return [head, "", body, ...node.replies.map((reply) => `\n${item(reply, depth + 1, site)}`)].join("\n");
}

/** The conversation of one post as a Markdown document. */
export function conversationMarkdown(
  found: PostConversation & { author?: string },
  site: Site,
  facilitators: ReadonlySet<string>,
): string {
  const { post, discussion, conversation } = found;
  const t = messages(site.lang);
  const w = words[site.lang];
  const github = fromGitHub(conversation?.comments ?? []);
  const responses = together(github.responses, fromEarlier(post.earlierResponses, site.timezone), github.gone);
  const lines = [`# ${post.data.title}`, ""];
  const author = found.author ?? post.data.author;
  lines.push(`${author} · ${longDate(post.data.date, site.lang, site.timezone)}`);
  lines.push([`${site.url}${postUrl(post.slug)}`, discussion?.url].filter(Boolean).join(" · "), "");
  const { questions = [] } = post.data;
  if (questions.length) lines.push(`**${t.questions}**`, "", ...questions.map((q, i) => `${i + 1}. ${q}`), "");
  const count = `${t.responseCount(responses.length)}${responses.length ? ` · ${w.participants(participantsOf(responses, facilitators).length)}` : ""}.`;
  lines.push(`## ${w.discussion}`, "", count);
  const left: LeftOut = github.leftOut;
  if (left.minimized || left.deleted) lines.push(w.leftOut(left.minimized, left.deleted));
  if (!discussion && responses.length) lines.push(w.earlierOnly);
  lines.push("");
  for (const node of threaded(responses)) lines.push(item(node, 0, site), "");
  return `${lines.join("\n").trimEnd()}\n`;
}

export async function postResponses(root: string, name: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const desk = openDesk(root, { env, command: `npm run responses -- ${name}` });
  const [post] = pickPosts(desk.content, [name], undefined);
  const [found] = await conversations(desk, [post!]);
  const author = desk.content.authors[post!.data.author]?.name;
  return conversationMarkdown(
    { ...found!, ...(author ? { author } : {}) },
    desk.content.site,
    facilitatorLogins(desk.content.authors),
  );
}
