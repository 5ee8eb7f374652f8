// Post bodies as HTML. Posts are not Eleventy templates: their Markdown is rendered here, once per
// version of each post, so the dev server renders again only the posts that changed since its last build.
import type { PostEntry } from "./content/load.ts";
import { createMarkdown } from "./markdown.ts";

const markdown = createMarkdown();

/** By post file: the Markdown last rendered and its HTML. */
let rendered = new Map<string, { body: string; html: string }>();

/** Forget every rendered body: they hold the sizes of images, and an image changed. */
export function forgetBodies(): void {
  rendered = new Map();
}

/** Every post's body and its HTML, by file; posts that are gone are forgotten. */
export function renderBodies(entries: readonly PostEntry[]): ReadonlyMap<string, { body: string; html: string }> {
  const next = new Map<string, { body: string; html: string }>();
  for (const { file, body } of entries) {
    const known = rendered.get(file);
    next.set(file, known && known.body === body ? known : { body, html: markdown.render(body) });
  }
  rendered = next;
  return next;
}
