// What /schrijven/ (English /write/) shows, computed once per build for layouts/pages/write.njk:
// a GET form to GitHub's "new file" page whose `filename` and `value` fields hold the file `npm run
// new` would write today — the same function writes both — or, when the build does not know the
// content's repository, how to tell it.
import { isListed } from "../content/visibility.ts";
import { isoDay } from "../model/calendar.ts";
import type { Messages } from "../i18n/index.ts";
import { slugify, uniqueSlug } from "../model/slug.ts";
import { newPostAction } from "./github-editor.ts";
import type { Content } from "../model/content.ts";
import { newPostSource } from "./new-post-source.ts";

export interface WriteForm {
  /** `https://github.com/<repo>/new/<branch>/content/posts` */
  action: string;
  repository: string;
  branch: string;
  /** `nieuw-bericht.md`, or `nieuw-bericht-2.md` when a post has that name. */
  filename: string;
  /** The whole file as `npm run new` would write it, with a placeholder title. */
  source: string;
  /** The authors to choose from (only shown with more than one), the preselected one first in order. */
  authors: { id: string; name: string; selected: boolean }[];
  /** `data-*` attributes for src/client/write.ts (names without `data-`). */
  data: Record<string, string>;
}

export interface WritePage {
  form?: WriteForm;
  /** The line for site.yaml when the repository is unknown. */
  example: string;
}

/**
 * Who writes the new post: the first author with a GitHub account (a facilitator, who is the one
 * on this page), else the first author.
 */
function defaultAuthor(authors: Content["authors"]): string | undefined {
  const ids = Object.keys(authors);
  return ids.find((id) => authors[id]!.github) ?? ids[0];
}

export function writePage(content: Content, t: Messages, now: Date = new Date()): WritePage {
  const { site } = content;
  const example = "repository: organisatie/leergang";
  const target = newPostAction(site);
  const author = defaultAuthor(content.authors);
  if (!target || !author) return { example };
  // Only names this build shows: a draft's name must not appear on the public site. GitHub itself
  // refuses a name that is taken by a file it has.
  const taken = content.posts.filter((post) => isListed(post.data, site.build)).map((post) => post.slug);
  const defaultName = slugify(t.writeDefaultName);
  const filename = `${uniqueSlug(defaultName, (slug) => taken.includes(slug))}.md`;
  return {
    example,
    form: {
      ...target,
      filename,
      source: newPostSource(
        { title: t.writeDefaultTitle, date: isoDay(now, site.timezone), author, tags: [] },
        site.lang,
      ),
      authors: Object.values(content.authors).map((a) => ({ id: a.id, name: a.name, selected: a.id === author })),
      data: {
        taken: taken.join(" "),
        timezone: site.timezone,
        "default-title": t.writeDefaultTitle,
        "default-name": defaultName,
      },
    },
  };
}
