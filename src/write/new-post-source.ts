// A new post's file: the required fields filled in, the optional ones as commented examples. `npm run
// new` writes it (src/commands/new-post.ts), and /schrijven/ sends it to GitHub's editor
// (src/write/page.ts). Which optional fields it suggests, and how, is the schema's metadata
// (`newPostHint` in src/model/schema.ts), so a new field brings its own hint.
import type { Lang } from "../model/languages.ts";
import { authorLine, dateLine, tagsLine, titleLine } from "../model/front-matter-lines.ts";
import { newPostHint, postSchema } from "../model/schema.ts";

const words: Record<Lang, { uncomment: string; body: string }> = {
  nl: {
    uncomment: "Haal het # weg voor een regel om die te gebruiken:",
    body: "Schrijf hier je bericht. Een lege regel begint een nieuwe alinea.",
  },
  en: {
    uncomment: "Remove the # in front of a line to use it:",
    body: "Write your post here. An empty line starts a new paragraph.",
  },
};

/** The optional fields' lines, commented out, in the schema's order; `{day}` is the post's day. */
function hintLines(lang: Lang, day: string): string[] {
  const fields = Object.keys(postSchema.shape) as (keyof typeof postSchema.shape)[];
  return fields.flatMap(
    (field) => newPostHint(field)?.[lang].map((line) => `# ${line.replaceAll("{day}", day)}`) ?? [],
  );
}

/** The file's text for a post with this title, date (`YYYY-MM-DD`, or with a time), author and tags. */
export function newPostSource(
  post: { title: string; date: string; author: string; tags: string[] },
  lang: Lang = "nl",
): string {
  return [
    "---",
    titleLine(post.title),
    dateLine(post.date),
    authorLine(post.author),
    tagsLine(post.tags),
    `# ${words[lang].uncomment}`,
    ...hintLines(lang, post.date.slice(0, 10)),
    "---",
    "",
    words[lang].body,
    "",
  ].join("\n");
}
