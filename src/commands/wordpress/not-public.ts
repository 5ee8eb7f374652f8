// What was not public on WordPress is never published by the import: a password-protected post or
// page (`<wp:post_password>` set) and a private one (`<wp:status>private</wp:status>`) are left out,
// or — for posts, with --protected-as-drafts — written as drafts that say where they came from.
// A page cannot be a draft on this site, so such pages are always left out.
// https://wordpress.org/documentation/article/post-status/ (Visibility: private, password protected)
import type { WxrItem } from "./wxr.ts";

export type NotPublicReason = "password-protected" | "private";

/** A post or page that was not imported because it was not public. */
export interface NotPublic {
  kind: "post" | "page";
  title: string;
  link: string;
  reason: NotPublicReason;
  /** Its approved responses, left out with it. */
  responses: number;
}

/** Why a post or page was not public on WordPress, if it was not. */
export function notPublicReason(item: WxrItem): NotPublicReason | undefined {
  if (item.password.trim() !== "") return "password-protected";
  if (item.status === "private") return "private";
  return undefined;
}

/** The front-matter comment of such a post written as a draft. */
export const notPublicNote = (reason: NotPublicReason) =>
  `# ${reason === "private" ? "Private" : "Password-protected"} on WordPress: imported as a draft, so it is never published.\n` +
  "# Drafts do show in deploy previews and branch deploys: remove what must stay private.";
