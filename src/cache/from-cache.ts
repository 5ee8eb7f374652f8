// Files kept in .cache/ (link-preview cards, parts of the search index) go into the output as hard
// links: an unchanged file costs no copy. Where the output is on another disk, a copy.
import { copyFile, link } from "node:fs/promises";

/** `from` (in the cache) put at `to` (in the output): a hard link, else a copy. */
export async function linkFromCache(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}
