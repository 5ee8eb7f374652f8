// The messages the giscus iframe posts to the page (giscus's lib/types/giscus.ts), read defensively:
// anything that does not have exactly the expected shape is ignored, never trusted.

/** The only origin whose messages the page acts on. */
export const GISCUS_ORIGIN = "https://giscus.app";

export type GiscusMessage =
  /** IMetadataMessage (with `emitMetadata`): comments + replies, as giscus's own heading counts them. */
  | { kind: "metadata"; responses: number }
  /** IErrorMessage. "Discussion not found" only means nobody has responded yet. */
  | { kind: "error"; error: string; notFound: boolean }
  /** IResizeHeightMessage, ISignOutMessage, …: giscus is there and working. */
  | { kind: "alive" };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value >= 0;

export function readGiscusMessage(data: unknown): GiscusMessage | undefined {
  if (!isObject(data) || !isObject(data.giscus)) return undefined;
  const giscus = data.giscus;
  if ("discussion" in giscus) {
    const discussion = giscus.discussion;
    if (!isObject(discussion) || !isCount(discussion.totalCommentCount) || !isCount(discussion.totalReplyCount))
      return undefined;
    return { kind: "metadata", responses: discussion.totalCommentCount + discussion.totalReplyCount };
  }
  if ("error" in giscus) {
    if (typeof giscus.error !== "string") return undefined;
    return { kind: "error", error: giscus.error, notFound: giscus.error.includes("Discussion not found") };
  }
  if ("resizeHeight" in giscus) return typeof giscus.resizeHeight === "number" ? { kind: "alive" } : undefined;
  if ("signOut" in giscus) return { kind: "alive" };
  return undefined;
}

/** The three headings the page carries in `data-heading-*`; `{n}` in `many` is the count. */
export interface Headings {
  none: string;
  one: string;
  many: string;
}

export function headingFor(responses: number, headings: Headings): string {
  if (responses === 0) return headings.none;
  if (responses === 1) return headings.one;
  return headings.many.replace("{n}", String(responses));
}
