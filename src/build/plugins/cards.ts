// Link previews: every page names a 1200×630 card for WhatsApp, Teams, LinkedIn and the like —
// a post its own (site name, title, date, the session if any), every other page the site's card —
// with Open Graph and Twitter-card meta in layouts/base.njk (https://ogp.me/,
// https://developer.x.com/en/docs/x-for-websites/cards/overview/markup). A private site shows
// nothing of itself to previewers: no card, no description.
import type { UserConfig } from "@11ty/eleventy";
import type { SiteBuild } from "../site-build.ts";
import type { BuildSession } from "../session.ts";
import { addNunjucksFilters } from "../nunjucks.ts";
import { cardHash, postCard, siteCard } from "../../cards/content.ts";
import type { CardContent } from "../../cards/render.ts";
import { CARD_HEIGHT, CARD_WIDTH } from "../../cards/render.ts";
import { CARDS_DIR, writeCards, type WantedCard } from "../../cards/write.ts";
import { absolute } from "../../model/urls.ts";
import type { Post } from "../../model/posts.ts";

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

/** This build's cards, each made when first asked for: a dev-server save renders a page or two, not every card's hash. */
class BuildCards {
  readonly site: WantedCard;
  readonly #posts = new Map<string, WantedCard>();
  constructor(private readonly build: SiteBuild) {
    this.site = wanted("site", siteCard(build.site));
  }
  post(post: Post): WantedCard {
    let card = this.#posts.get(post.url);
    if (!card) this.#posts.set(post.url, (card = wanted(post.slug, postCard(post, this.build.site, this.build.t))));
    return card;
  }
  /** The site's card, then one per listed post (drafts only where drafts are listed). */
  all(): WantedCard[] {
    return [this.site, ...this.build.index().posts.map((post) => this.post(post))];
  }
}

export function cardsPlugin(config: UserConfig, { session }: { session: BuildSession }): void {
  const perBuild = new WeakMap<SiteBuild, BuildCards>();
  /** The dev server's card work, one build's after the other's (they share the folders). */
  let drawing: Promise<unknown> = Promise.resolve();
  const cards = (build: SiteBuild) => {
    let known = perBuild.get(build);
    if (!known) perBuild.set(build, (known = new BuildCards(build)));
    return known;
  };

  addNunjucksFilters(config, {
    /** The card for a page: the post's own, or the site's; none on a private site. */
    card: (post: Post | undefined): CardMeta | undefined => {
      const build = session.current;
      if (build.site.private) return undefined;
      const card = post ? cards(build).post(post) : cards(build).site;
      return {
        url: absolute(`/${CARDS_DIR}/${card.file}`, build.site),
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
        alt: [card.content.title, card.content.date].filter(Boolean).join(" — "),
      };
    },
  });

  config.on("eleventy.after", async ({ directories, runMode }) => {
    const build = session.current;
    if (build.site.private) return;
    const all = cards(build).all();
    if (runMode === "build") {
      const report = await writeCards(session.root, directories.output, all, { prune: true });
      if (report.drawn)
        console.log(
          `[hoedoededa] ${report.drawn} link-preview card${report.drawn === 1 ? "" : "s"} drawn in ${(report.drawMs / 1000).toFixed(1)} s, ${report.reused} from the cache (.cache/cards/)`,
        );
      return;
    }
    // The dev server does not wait: a save is written at once, its card follows when it is drawn
    // (one card at a time, so that drawing never slows the next save down much).
    drawing = drawing
      .then(() => writeCards(session.root, directories.output, all, { prune: false, concurrency: 1 }))
      .catch((error: unknown) =>
        session.warnOnce(
          `link-preview cards could not be made: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
  });
}
