// GitHub's answers kept briefly in .cache/, so the dev server (which rebuilds on every save) and
// repeated builds do not ask GitHub every time: the response counts (src/comments/counts.ts) and a
// private cohort's conversation (src/comments/room.ts). An answer is found by what was asked, never
// by who asked: the token stays out of the key and out of the file.
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** How long an answer is reused: fresh enough for a cohort, few enough requests. */
export const CACHE_MINUTES = 10;

interface Entry<T> {
  key: string;
  fetchedAt: number;
  answer: T;
}

export interface AnswerCache<T> {
  /** The answer kept for this question, if it is younger than CACHE_MINUTES at `now`. */
  read(now: number): Promise<T | undefined>;
  /** Keeps `answer`, fetched at `now`; a read-only checkout only loses the cache. */
  write(answer: T, now: number): Promise<void>;
}

/** The cache `.cache/hoedoededa-<name>.json` in `root`, for the question `asked` (anything JSON can say). */
export function answerCache<T>(root: string, name: string, asked: unknown): AnswerCache<T> {
  const file = join(root, ".cache", `hoedoededa-${name}.json`);
  const key = createHash("sha256").update(JSON.stringify(asked)).digest("hex");
  return {
    async read(now) {
      try {
        const entry = JSON.parse(await readFile(file, "utf8")) as Entry<T>;
        const age = now - entry.fetchedAt;
        return entry.key === key && age >= 0 && age < CACHE_MINUTES * 60_000 ? entry.answer : undefined;
      } catch {
        return undefined;
      }
    },
    async write(answer, now) {
      try {
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, JSON.stringify({ key, fetchedAt: now, answer } satisfies Entry<T>));
      } catch {
        // Nothing lost but the cache.
      }
    },
  };
}
