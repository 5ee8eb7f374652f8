// The size of the site's own images (`/img/…`, published from content/img/), so that an image in a
// post has width and height and the page does not jump when it arrives. Read once per version of
// the file; images elsewhere (other sites) cannot be measured at build time and are left as written.
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, sep } from "node:path";
import type * as ImageSize from "image-size";
import { contentPaths } from "../model/paths.ts";

// Loaded with the first image: most posts have none.
const require = createRequire(import.meta.url);
let reader: typeof ImageSize.imageSize | undefined;

export interface Size {
  width: number;
  height: number;
}

/** By file: its modification time and size when measured, and what was found. */
const measured = new Map<string, { stamp: string; size: Size | undefined }>();

/** `/img/foto.jpg` → content/img/foto.jpg, measured; undefined for other addresses or unreadable files. */
export function localImageSize(src: string, root = process.cwd()): Size | undefined {
  const path = /^\/img\/([^?#]+)/.exec(src.trim())?.[1];
  if (!path) return undefined;
  let file: string;
  try {
    file = join(root, contentPaths.images, decodeURIComponent(path));
  } catch {
    return undefined; // a malformed %-escape
  }
  if (!file.startsWith(join(root, contentPaths.images) + sep)) return undefined;
  let stamp: string;
  try {
    const stat = statSync(file);
    stamp = `${stat.mtimeMs}\0${stat.size}`;
  } catch {
    return undefined; // missing: `npm run check` reports it
  }
  const known = measured.get(file);
  if (known?.stamp === stamp) return known.size;
  let size: Size | undefined;
  try {
    reader ??= (require("image-size") as typeof ImageSize).imageSize;
    const { width, height } = reader(readFileSync(file));
    size = width && height ? { width, height } : undefined;
  } catch {
    size = undefined; // not an image format we can read
  }
  measured.set(file, { stamp, size });
  return size;
}
