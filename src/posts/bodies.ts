// Post bodies as HTML. Posts are not Eleventy templates: their Markdown is rendered here, once per
// version of each post, so the dev server renders again only the posts that changed since its last build.
import type { Messages } from "../i18n/index.ts";
import { createMarkdown } from "../markdown/render.ts";
import type { PostEntry } from "../model/content.ts";

/** By post file: the Markdown last rendered (and the interface language) and its HTML. Kept across builds by the build session. */
export type Bodies = Map<string, { body: string; lang: string; html: string }>;

const markdown = createMarkdown();

/** Every listed post's body as HTML, by file; `cache` keeps the rendered ones and forgets posts that are gone. */
export function renderBodies(
  entries: readonly PostEntry[],
  t: Messages,
  lang: string,
  cache: Bodies,
): ReadonlyMap<string, string> {
  const html = new Map<string, string>();
  const keep = new Set<string>();
  for (const { file, body } of entries) {
    let known = cache.get(file);
    if (!known || known.body !== body || known.lang !== lang)
      cache.set(file, (known = { body, lang, html: markdown.render(body, { t }) }));
    html.set(file, known.html);
    keep.add(file);
  }
  for (const file of cache.keys()) if (!keep.has(file)) cache.delete(file);
  return html;
}
