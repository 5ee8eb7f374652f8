// What a card shows, and the name it is cached and published under: a hash of exactly that, so a
// post whose card would look the same costs nothing, and a changed title gets a new address (link
// previewers keep an image by its address for days).
import { createHash } from "node:crypto";
import type { Messages } from "../i18n/index.ts";
import { CARD_DESIGN, type CardContent } from "./render.ts";
import type { Site } from "../model/content.ts";
import type { Post } from "../model/posts.ts";

export function postCard(post: Post, site: Site, t: Messages): CardContent {
  const session = post.session
    ? `${t.session}: ${post.session.label}${post.session.location ? `, ${post.session.location}` : ""}`
    : undefined;
  return { site: site.title, title: post.title, date: post.summary.dateLabel, ...(session ? { session } : {}) };
}

/** The card of the pages that are not a post: home, lists, search, the facilitator's pages. */
export function siteCard(site: Site): CardContent {
  // Its address above the title (what a reader would type), when the build knows it.
  return {
    site: site.url ? new URL(site.url).host : "",
    title: site.title,
    ...(site.description ? { subtitle: site.description } : {}),
  };
}

/** 16 hex digits of SHA-256 over the card's design and content. */
export function cardHash(card: CardContent): string {
  return createHash("sha256")
    .update(JSON.stringify([CARD_DESIGN, card.site, card.title, card.subtitle, card.date, card.session]))
    .digest("hex")
    .slice(0, 16);
}
