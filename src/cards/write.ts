// Cards are made after the pages are written: each one the build needs is linked into
// _site/assets/cards/ from the cache in .cache/cards/ (named by the hash of what it shows), and only
// a card the cache does not have yet is drawn. Netlify keeps .cache/cards/ between builds
// (netlify/plugins/keep-cache/), so an unchanged post costs a hard link.
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { linkFromCache } from "../cache/from-cache.ts";
import type { CardContent } from "./render.ts";
import { renderCard } from "./render.ts";

/** A card this build publishes: its file name in /assets/cards/ and in the cache, and what it shows. */
export interface WantedCard {
  /** `<slug>.<hash>.png` or `site.<hash>.png`. */
  file: string;
  /** `<hash>.png`: the same card for any post that shows the same. */
  cached: string;
  content: CardContent;
}

export const CARDS_DIR = "assets/cards";
export const CARD_CACHE = ".cache/cards";

export interface CardReport {
  /** Cards drawn by this build (not in the cache yet). */
  drawn: number;
  /** Cards taken from the cache. */
  reused: number;
  /** Milliseconds spent drawing. */
  drawMs: number;
}

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/**
 * Puts every wanted card into `<output>/assets/cards/` and removes the ones no page names any more.
 * `prune`: also forget cached cards this build did not use (a full build knows them all).
 */
export async function writeCards(
  root: string,
  output: string,
  wanted: readonly WantedCard[],
  options: { prune: boolean; concurrency?: number },
): Promise<CardReport> {
  const dir = join(output, CARDS_DIR);
  const cache = join(root, CARD_CACHE);
  await Promise.all([mkdir(dir, { recursive: true }), mkdir(cache, { recursive: true })]);
  const [inOutput, inCache] = await Promise.all([readdir(dir), readdir(cache)]);
  const [present, cached] = [new Set(inOutput), new Set(inCache)];
  const missing = wanted.filter((card) => !present.has(card.file));
  // Two posts may show the same card (a title used twice): draw it once.
  const toDraw = [
    ...new Map(missing.filter((card) => !cached.has(card.cached)).map((card) => [card.cached, card])).values(),
  ];
  const started = performance.now();
  // resvg draws on libuv's threads while satori lays out the next card: twice the cores keeps both busy.
  await pool(toDraw, options.concurrency ?? availableParallelism() * 2, async (card) => {
    const png = await renderCard(card.content);
    // Written under a temporary name first: a build stopped halfway leaves no broken card in the cache.
    const temporary = join(cache, `${card.cached}.${process.pid}.tmp`);
    await writeFile(temporary, png);
    await rename(temporary, join(cache, card.cached));
  });
  const drawMs = performance.now() - started;
  await pool(missing, 16, (card) => linkFromCache(join(cache, card.cached), join(dir, card.file)));

  const names = new Set(wanted.map((card) => card.file));
  await Promise.all(
    [...present].filter((file) => !names.has(file)).map((file) => rm(join(dir, file), { force: true })),
  );
  if (options.prune) {
    const used = new Set(wanted.map((card) => card.cached));
    await Promise.all(
      [...cached].filter((file) => !used.has(file)).map((file) => rm(join(cache, file), { force: true })),
    );
  }
  return { drawn: toDraw.length, reused: missing.length - toDraw.length, drawMs };
}

/** Whether `<output>/assets/cards/` holds a card (tests, the dev server's first look). */
export const cardExists = (output: string, file: string) => existsSync(join(output, CARDS_DIR, file));
