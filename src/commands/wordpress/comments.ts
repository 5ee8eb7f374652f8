// Which WordPress comments become earlier responses: approved ones only — never spam, pending or
// trashed ones, nor pingbacks — with their threading kept. No e-mail or IP address leaves the export.
import type { EarlierResponseData } from "../../model/schema.ts";
import { isoDateTime, parseSiteDate } from "../../model/calendar.ts";
import { commentToMarkdown, plainText } from "./html.ts";
import type { WxrComment } from "./wxr.ts";
import type { Lang } from "../../model/languages.ts";

export type CommentOutcome = "kept" | "spam" | "pending" | "trashed" | "pingbacks" | "empty";

/** Why a comment is left out, or "kept". */
export function commentOutcome(comment: WxrComment): Exclude<CommentOutcome, "empty"> {
  if (comment.type !== "" && comment.type !== "comment") return "pingbacks";
  if (comment.approved === "1") return "kept";
  if (comment.approved === "spam") return "spam";
  if (comment.approved === "0") return "pending";
  return "trashed";
}

/** WordPress writes `2012-04-11 12:03:00`; `0000-00-00 00:00:00` means unknown. */
export function wordpressDate(local: string, gmt: string, timeZone: string): Date | undefined {
  const iso = (value: string) => value.trim().replace(" ", "T");
  const known = (value: string) =>
    /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/.test(value.trim()) && !value.startsWith("0000");
  if (known(gmt)) return new Date(`${iso(gmt)}Z`);
  if (known(local)) return parseSiteDate(iso(local).slice(0, 16), timeZone);
  return undefined;
}

export interface EarlierResponses {
  responses: EarlierResponseData[];
  counts: Record<CommentOutcome, number>;
}

const anonymous: Record<Lang, string> = { nl: "Anoniem", en: "Anonymous" };

/**
 * The approved responses of one post, oldest first, ready for `<slug>.comments.yaml`. A reply whose
 * parent was left out (pending, spam) is kept as a response to the post.
 */
export function earlierResponsesOf(
  comments: readonly WxrComment[],
  site: { timezone: string; lang: Lang },
): EarlierResponses {
  const counts: Record<CommentOutcome, number> = { kept: 0, spam: 0, pending: 0, trashed: 0, pingbacks: 0, empty: 0 };
  const kept: { comment: WxrComment; data: EarlierResponseData; time: number }[] = [];
  for (const comment of comments) {
    const outcome = commentOutcome(comment);
    if (outcome !== "kept") {
      counts[outcome]++;
      continue;
    }
    const date = wordpressDate(comment.date, comment.dateGmt, site.timezone);
    const text = commentToMarkdown(comment.content);
    if (!date || !text.trim()) {
      counts.empty++;
      continue;
    }
    const url = comment.authorUrl.trim();
    const id = /^\d+$/.test(comment.id) ? Number(comment.id) : comment.id;
    kept.push({
      comment,
      time: date.getTime(),
      data: {
        id,
        author: plainText(comment.author) || anonymous[site.lang],
        ...(/^https?:\/\/[^\s/]+[^\s]*$/.test(url) ? { url } : {}),
        date: isoDateTime(date, site.timezone),
        text,
      },
    });
  }
  const ids = new Set(kept.map((k) => k.comment.id));
  const responses = kept
    .sort((a, b) => a.time - b.time || Number(a.comment.id) - Number(b.comment.id))
    .map(({ comment, data }) => {
      const parent =
        comment.parent !== "0" && ids.has(comment.parent) && comment.parent !== comment.id ? comment.parent : undefined;
      const { id, ...rest } = data;
      return {
        id,
        ...(parent !== undefined ? { parent: /^\d+$/.test(parent) ? Number(parent) : parent } : {}),
        ...rest,
      };
    });
  counts.kept = responses.length;
  return { responses, counts };
}
