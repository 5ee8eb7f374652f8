// What an import will write, decided from the export alone (never from what is on disk), so that
// running it twice plans the same files, the same slugs and the same redirects.
import YAML from "yaml";
import { isoDay } from "../../model/calendar.ts";
import { slugify } from "../../model/slug.ts";
import { uniqueSlug } from "../../model/slug.ts";
import { reservedNames } from "../../build/routes.ts";
import { referencesIn } from "../check/references.ts";
import { oldLinks, oldPath, sameHost } from "./addresses.ts";
import { earlierResponsesOf, wordpressDate, type CommentOutcome } from "./comments.ts";
import { convertPost, plainText } from "./html.ts";
import { notPublicNote, notPublicReason, type NotPublic, type NotPublicReason } from "./not-public.ts";
import { retention, wordsOf, wordsOfMarkdown, type Retention } from "./words.ts";
import type { Wxr, WxrItem } from "./wxr.ts";
import { postUrl } from "../../model/urls.ts";
import { responsesFile, contentPaths } from "../../model/paths.ts";
import type { Author, Redirect, Site } from "../../model/content.ts";

export interface PlannedFile {
  /** Project-relative path. */
  path: string;
  text: string;
}

export interface PlannedEntry {
  kind: "post" | "draft" | "page";
  slug: string;
  title: string;
  /** The post's address on the old blog (also the first comment line of its file). */
  link: string;
  file: PlannedFile;
  /** The earlier responses beside a post, when it has approved ones. */
  responses?: PlannedFile & { count: number };
  /** The old address, for published posts and pages. */
  redirect?: Redirect;
  /** The author id a post is written by (pages have none). */
  author?: string;
  /** Images that still load from the old blog. */
  oldImages: number;
  /** Set for a post that was not public on WordPress, written as a draft (--protected-as-drafts). */
  notPublic?: NotPublicReason;
  /** Blocks converted from their HTML alone, by name. */
  unknownBlocks: Record<string, number>;
  /** How many of the WordPress text's words the converted text still has. */
  words: Retention;
}

export interface ImportPlan {
  blog: { title: string; link: string };
  entries: PlannedEntry[];
  /** Authors to add to authors.yaml (ids not there yet). */
  newAuthors: { id: string; name: string }[];
  /** Why items were left out, with how many: "attachments" → 3. */
  skipped: Record<string, number>;
  /** Posts and pages left out because they were password-protected or private on WordPress. */
  notPublic: NotPublic[];
  comments: Record<CommentOutcome, number>;
}

export interface PlanContext {
  site: Pick<Site, "timezone" | "lang">;
  /** The authors already in authors.yaml: reused, never changed. */
  authors: Record<string, Author>;
  /** Every post by this existing author, instead of the export's authors. */
  author?: string;
  /** Password-protected and private posts become drafts instead of being left out. */
  protectedAsDrafts?: boolean;
}

/** WordPress's default category says nothing about a post. */
const noCategory = new Set(["uncategorized", "geen-categorie", "ongecategoriseerd", "non-classe", "allgemein"]);

/** Why an item was left out, as [one, many] for the summary. */
export const skipLabels: Record<string, [string, string]> = {
  attachment: ["attachment (its file stays on the old blog)", "attachments (their files stay on the old blog)"],
  revision: ["revision", "revisions"],
  menu: ["menu item", "menu items"],
  theme: ["theme setting", "theme settings"],
  block: ["reusable block (shown where posts use it)", "reusable blocks (shown where posts use them)"],
  cache: ["embed cache", "embed caches"],
  trash: ["trashed item", "trashed items"],
  "auto-draft": ["automatic draft", "automatic drafts"],
  "unpublished-page": ["unpublished page", "unpublished pages"],
  undated: ["item without a date", "items without a date"],
  other: ["item of another kind", "items of other kinds"],
};

const skipByType: Record<string, string> = {
  attachment: "attachment",
  revision: "revision",
  nav_menu_item: "menu",
  wp_navigation: "menu",
  custom_css: "theme",
  customize_changeset: "theme",
  wp_global_styles: "theme",
  wp_template: "theme",
  wp_template_part: "theme",
  wp_block: "block",
  oembed_cache: "cache",
};

/** The first line of an imported file: where it came from, and how a re-run recognises its own files. */
export const provenance = (link: string) => `# Imported from WordPress: ${link}\n`;

const scalar = (value: string) => YAML.stringify(value, { lineWidth: 0 }).trimEnd();

/** The front-matter and body of a post or page, with where it came from as a comment; a `#` field is a comment. */
function markdownFile(fields: [string, string | undefined][], link: string, body: string): string {
  const lines = fields.filter(([, v]) => v !== undefined).map(([k, v]) => (k === "#" ? v! : `${k}: ${v}`));
  return ["---", ...(link ? [provenance(link).trimEnd()] : []), ...lines, "---", "", body].join("\n");
}

function tagsOf(item: WxrItem): string[] {
  const tags = new Map<string, string>();
  for (const term of item.terms) {
    if (term.domain !== "category" && term.domain !== "post_tag") continue;
    const label = plainText(term.label);
    if (!label || noCategory.has(term.slug) || noCategory.has(slugify(label))) continue;
    if (!tags.has(slugify(label))) tags.set(slugify(label), label);
  }
  return [...tags.values()];
}

/** `%c3%bcber-ons` → `uber-ons`; an empty name (most drafts) falls back to the title. */
function baseSlug(item: WxrItem): string {
  let name = item.postName;
  try {
    name = decodeURIComponent(name);
  } catch {
    // Not percent-encoded after all.
  }
  return slugify(name) || slugify(plainText(item.title)) || `bericht-${item.id}`;
}

export function planImport(wxr: Wxr, context: PlanContext): ImportPlan {
  const { site } = context;
  const skipped: Record<string, number> = {};
  const skip = (reason: string) => (skipped[reason] = (skipped[reason] ?? 0) + 1);
  const comments: Record<CommentOutcome, number> = { kept: 0, spam: 0, pending: 0, trashed: 0, pingbacks: 0, empty: 0 };

  const attachments = new Map<string, string>();
  const attachmentsOf = new Map<string, string[]>();
  for (const item of wxr.items.filter((i) => i.type === "attachment" && i.attachmentUrl)) {
    attachments.set(item.id, item.attachmentUrl);
    attachmentsOf.set(item.parent, [...(attachmentsOf.get(item.parent) ?? []), item.attachmentUrl]);
  }

  // Authors: an existing id or name is reused; anyone else is added once, by login.
  const displayNames = new Map(wxr.authors.map((a) => [a.login, plainText(a.displayName) || a.login]));
  const authorIds = new Map<string, string>();
  const newAuthors: { id: string; name: string }[] = [];
  const authorFor = (login: string): string => {
    if (context.author) return context.author;
    const known = authorIds.get(login);
    if (known) return known;
    const name = displayNames.get(login) ?? (plainText(login) || "WordPress");
    const existing =
      context.authors[slugify(login)] ??
      Object.values(context.authors).find((a) => a.name.trim().toLowerCase() === name.toLowerCase());
    const id =
      existing?.id ??
      uniqueSlug(
        slugify(login) || slugify(name) || "auteur",
        (s) => s in context.authors || newAuthors.some((a) => a.id === s),
      );
    if (!existing) newAuthors.push({ id, name });
    authorIds.set(login, id);
    return id;
  };

  // First pass: what is imported, under which name — so links between old posts can be rewritten.
  // A page may not take a name the site uses itself (src/build/routes.ts), nor the data folder's.
  const taken = { post: new Set<string>(), page: new Set<string>([...reservedNames, "_data"]) };
  const accepted: { item: WxrItem; kind: PlannedEntry["kind"]; slug: string; date: Date; hidden?: NotPublicReason }[] =
    [];
  const notPublic: NotPublic[] = [];
  for (const item of wxr.items) {
    const postOrPage = item.type === "post" || item.type === "page";
    const hidden = postOrPage && item.status !== "trash" ? notPublicReason(item) : undefined;
    const reason =
      item.status === "trash"
        ? "trash"
        : !postOrPage
          ? (skipByType[item.type] ?? "other")
          : item.status === "auto-draft" || item.status === "inherit"
            ? "auto-draft"
            : hidden
              ? undefined
              : item.type === "page" && item.status !== "publish"
                ? "unpublished-page"
                : undefined;
    const date = reason ? undefined : wordpressDate(item.date, item.dateGmt, site.timezone);
    if (reason || !date) {
      skip(reason ?? "undated");
      continue;
    }
    if (hidden && (item.type === "page" || !context.protectedAsDrafts)) {
      const responses = earlierResponsesOf(item.comments, site).responses.length;
      notPublic.push({
        kind: item.type === "page" ? "page" : "post",
        title: plainText(item.title) || baseSlug(item),
        link: item.link,
        reason: hidden,
        responses,
      });
      continue;
    }
    const kind = item.type === "page" ? "page" : item.status === "publish" && !hidden ? "post" : "draft";
    const names = kind === "page" ? taken.page : taken.post;
    const slug = uniqueSlug(baseSlug(item), (s) => names.has(s));
    names.add(slug);
    accepted.push({ item, kind, slug, date, ...(hidden ? { hidden } : {}) });
  }
  const rewriteLink = oldLinks(
    wxr.link,
    accepted
      .filter((a) => a.kind !== "draft")
      .map((a) => ({ item: a.item, url: a.kind === "page" ? `/${a.slug}/` : postUrl(a.slug) })),
  );

  // Reusable blocks are shown where a post uses them (`<!-- wp:block {"ref":12} /-->`).
  const reusable = new Map(
    wxr.items.filter((i) => i.type === "wp_block" && i.status !== "trash").map((i) => [i.id, i.content]),
  );
  const entries: PlannedEntry[] = [];
  for (const { item, kind, slug, date, hidden } of accepted) {
    const title = plainText(item.title) || slug;
    const converted = convertPost(item.content, {
      attachments,
      ownAttachments: attachmentsOf.get(item.id) ?? [],
      rewriteLink,
      reusable,
    });
    const body = converted.markdown;
    // The text before "more" is what WordPress showed in lists: the summary here, unless there is an excerpt.
    const description = plainText(item.excerpt) || converted.teaser || "";
    const oldImages = referencesIn(body).filter((r) => r.kind === "image" && sameHost(r.target, wxr.link)).length;
    const checks = {
      unknownBlocks: converted.unknownBlocks,
      words: retention(wordsOf(item.content), wordsOfMarkdown(body)),
    };

    if (kind === "page") {
      const path = `${contentPaths.pages}/${slug}.md`;
      const text = markdownFile(
        [
          ["title", scalar(title)],
          ["description", description ? scalar(description) : undefined],
        ],
        item.link,
        body,
      );
      const redirect = oldPath(item.link, `/${slug}/`);
      entries.push({
        kind,
        slug,
        title,
        link: item.link,
        file: { path, text },
        ...(redirect ? { redirect } : {}),
        oldImages,
        ...checks,
      });
      continue;
    }
    const tags = tagsOf(item);
    const author = authorFor(item.creator);
    const text = markdownFile(
      [
        ["title", scalar(title)],
        ["date", isoDay(date, site.timezone)],
        ["author", author],
        ["tags", `[${tags.map(scalar).join(", ")}]`],
        ["description", description ? scalar(description) : undefined],
        ["#", hidden ? notPublicNote(hidden) : undefined],
        ["draft", kind === "draft" ? "true" : undefined],
      ],
      item.link,
      body,
    );
    const earlier = earlierResponsesOf(item.comments, site);
    for (const [outcome, n] of Object.entries(earlier.counts)) comments[outcome as CommentOutcome] += n;
    const responses = earlier.responses.length
      ? {
          path: responsesFile(slug),
          count: earlier.responses.length,
          text: `# Earlier responses to "${title.replace(/\s+/g, " ")}", imported from WordPress (approved ones only).\n# Shown read-only above the live comments: edit or remove one here if needed.\n${YAML.stringify(earlier.responses, { lineWidth: 0 })}`,
        }
      : undefined;
    const redirect = kind === "post" ? oldPath(item.link, postUrl(slug)) : undefined;
    entries.push({
      kind,
      slug,
      title,
      link: item.link,
      author,
      file: { path: `${contentPaths.posts}/${slug}.md`, text },
      ...(responses ? { responses } : {}),
      ...(redirect ? { redirect } : {}),
      ...(hidden ? { notPublic: hidden } : {}),
      oldImages,
      ...checks,
    });
  }
  return { blog: { title: plainText(wxr.title), link: wxr.link }, entries, newAuthors, skipped, notPublic, comments };
}
