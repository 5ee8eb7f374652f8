// Link previews: every page names a 1200×630 card for WhatsApp, Teams, LinkedIn and the like —
// a post its own (site name, title, date, the session if any), every other page the site's card —
// with Open Graph and Twitter-card meta in layouts/base.njk (https://ogp.me/,
// https://developer.x.com/en/docs/x-for-websites/cards/overview/markup). A private site shows
// nothing of itself to previewers: no card, no description.
import type { UserConfig } from "@11ty/eleventy";
import type { SiteBuild } from "../build/site-build.ts";
import type { BuildSession } from "../build/session.ts";
import { addNunjucksFilters } from "../build/nunjucks.ts";
import type { Post } from "../posts/post-index.ts";
import { absolute } from "../routes.ts";
import { cardHash, postCard, siteCard, type CardContent } from "./content.ts";
import { CARD_HEIGHT, CARD_WIDTH } from "./render.ts";
import { CARDS_DIR, writeCards, type WantedCard } from "./write.ts";

export interface CardMeta {
  /** Absolute address of the PNG. */
  url: string;
  width: number;
  height: number;
  /** What the card says, for `og:image:alt`. */
  alt: string;
}

const wanted = (name: string, content: CardContent): WantedCard => {
  const hash = cardHash(content);
  return { file: `${name}.${hash}.png`, cached: `${hash}.png`, content };
};

/** The cards of this build: the site's, then one per listed post (drafts only where drafts are listed). */
function cardsOf(build: SiteBuild): { site: WantedCard; posts: Map<string, WantedCard> } {
  const { site, t } = build;
  return {
    site: wanted("site", siteCard(site)),
    posts: new Map(build.index().posts.map((post) => [post.url, wanted(post.slug, postCard(post, site, t))])),
  };
}

export function cardsPlugin(config: UserConfig, { session }: { session: BuildSession }): void {
  const perBuild = new WeakMap<SiteBuild, ReturnType<typeof cardsOf>>();
  /** The dev server's card work, one build's after the other's (they share the folders). */
  let drawing: Promise<unknown> = Promise.resolve();
  const cards = (build: SiteBuild) => {
    let known = perBuild.get(build);
    if (!known) perBuild.set(build, (known = cardsOf(build)));
    return known;
  };

  addNunjucksFilters(config, {
    /** The card for a page: the post's own, or the site's; none on a private site. */
    card: (post: Post | undefined): CardMeta | undefined => {
      const build = session.current;
      if (build.site.private) return undefined;
      const { site, posts } = cards(build);
      const card = (post && posts.get(post.url)) || site;
      return { url: absolute(`/${CARDS_DIR}/${card.file}`, build.site), width: CARD_WIDTH, height: CARD_HEIGHT, alt: [card.content.title, card.content.date].filter(Boolean).join(" — ") };
    },
  });

  config.on("eleventy.after", async ({ directories, runMode }) => {
    const build = session.current;
    if (build.site.private) return;
    const { site, posts } = cards(build);
    const all = [site, ...posts.values()];
    if (runMode === "build") {
      const report = await writeCards(session.root, directories.output, all, { prune: true });
      if (report.drawn) console.log(`[hoedoededa] ${report.drawn} link-preview card${report.drawn === 1 ? "" : "s"} drawn in ${(report.drawMs / 1000).toFixed(1)} s, ${report.reused} from the cache (.cache/cards/)`);
      return;
    }
    // The dev server does not wait: a save is written at once, its card follows when it is drawn
    // (one card at a time, so that drawing never slows the next save down much).
    drawing = drawing
      .then(() => writeCards(session.root, directories.output, all, { prune: false, concurrency: 1 }))
      .catch((error: unknown) => session.warnOnce(`link-preview cards could not be made: ${error instanceof Error ? error.message : String(error)}`));
  });
}
