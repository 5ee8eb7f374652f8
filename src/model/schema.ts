// The whole content model in one typed schema, like Astro's content collections: posts, pages,
// authors, series, the site settings and earlier responses. It checks every field with a message
// that says what is wrong and how to fix it, and it normalises: text trimmed, defaults filled in, a
// post's date and session read as instants in the site's time zone. Every layer uses its output
// types (src/model/content.ts); adding a front-matter field starts here (ARCHITECTURE.md).
import { z } from "zod";
import { parseSiteDate } from "./calendar.ts";
import {
  dateText,
  describe,
  httpUrl,
  reference,
  requiredProse,
  requiredText,
  text,
  textList,
  wholeNumber,
  yesNo,
} from "./fields.ts";
import { isRepositoryName } from "./repository.ts";
import { sessionTimes, type SessionTimes } from "./session-times.ts";
import { contentPaths } from "./paths.ts";
import { languages } from "./languages.ts";

/** `session.end`: a time (`15:45`) or a date-time; YAML reads `15.45` as a number, so that gets its own hint. */
const endText = z.string({
  error: (issue) =>
    typeof issue.input === "number" && /^\d{1,2}\.\d{1,2}$/.test(String(issue.input))
      ? `must be a time, not the number ${issue.input} — write the time with a colon: \`end: ${String(issue.input)
          .replace(".", ":")
          .replace(/:(\d)$/, ":$10")}\``
      : `must be a time, not ${describe(issue.input)} — write it like \`end: 15:45\` (HH:MM) or \`end: 2012-04-12T15:45\``,
});

/**
 * A session, read in `timeZone` (the site's, from `postSchemaFor`; UTC otherwise): its start and end
 * as instants (src/model/session-times.ts), its end checked against its start, its place and name.
 */
export const sessionSchemaIn = (timeZone = "UTC") =>
  z
    .strictObject(
      {
        date: dateText("date", "2012-04-12"),
        /** When it ends: a time on the same day, or a date-time (a last day for a session of whole days). */
        end: endText.trim().optional(),
        /** The meeting's own name in calendars and lists, when it is not the post's title. */
        title: requiredText("title: Derde bijeenkomst").optional(),
        location: text("location: Doorn").optional(),
      },
      {
        error: (issue) =>
          `must be a group with a date — write \`session:\` with \`date: 2012-04-12\` and \`location: Doorn\` indented below it, not ${describe(issue.input)}`,
      },
    )
    .transform(({ date, end, title, location }, ctx): SessionFields => {
      const times = sessionTimes(date, end, timeZone);
      if ("problem" in times) {
        ctx.issues.push({ code: "custom", path: ["end"], message: times.problem, input: end });
        return z.NEVER;
      }
      return { ...times, ...(location ? { location } : {}), ...(title ? { title } : {}) };
    });

/** A session as the schema gives it: when (instants and days in the site's time zone), where, what it is called. */
export interface SessionFields extends SessionTimes {
  location?: string;
  title?: string;
}

/**
 * What `npm run new` and /schrijven/ write for an optional field, commented out, in each language
 * (src/write/new-post-source.ts): the lines of YAML, `{day}` standing for the post's day.
 */
export interface NewPostHint {
  nl: readonly string[];
  en: readonly string[];
}
const hint = (lines: NewPostHint) => ({ newPost: lines });

/** A post's front-matter, checked and normalised: text trimmed, defaults filled in, dates and the session read in `timeZone`. */
export const postSchemaIn = (timeZone = "UTC") =>
  z.strictObject({
    title: requiredText("title: Leren in netwerken"),
    /** When it was published: a day (its start) or a moment, in the site's time zone. */
    date: dateText("date", "2012-04-11").transform((value) => parseSiteDate(value, timeZone)),
    author: requiredText("author: marjan"),
    tags: textList("tags", "leren, netwerken").default([]),
    description: text("description: Een korte samenvatting")
      .optional()
      .meta(
        hint({
          nl: ["description: Een korte samenvatting voor de lijst met berichten en voor zoekmachines"],
          en: ["description: A short summary for the list of posts and for search engines"],
        }),
      ),
    draft: yesNo("draft").default(false),
    questions: textList("questions", "Wat neem je mee?")
      .default([])
      .meta(
        hint({
          nl: ["questions:", "  - Wat neem je mee naar de bijeenkomst?"],
          en: ["questions:", "  - What will you bring to the session?"],
        }),
      ),
    session: sessionSchemaIn(timeZone)
      .optional()
      .meta(
        hint({
          nl: ["session:", "  date: {day}T13:30", '  end: "16:30"', "  location: Doorn"],
          en: ["session:", "  date: {day}T13:30", '  end: "16:30"', "  location: Doorn"],
        }),
      ),
    /** Whether the post has a responses section; left out, the site's `comments` decides (src/comments/settings.ts). */
    comments: yesNo("comments").optional(),
    discussion: z
      .union([z.number().int().positive(), z.string().trim().min(1)], {
        error: (issue) =>
          `must be a discussion number or a search term, not ${describe(issue.input)} — write it like \`discussion: 42\``,
      })
      .optional(),
    /** A learning path: a key of content/_data/series.yaml (checked against it in `postSchemaFor`). */
    series: requiredText("series: de-23-stappen")
      .optional()
      .meta(
        hint({
          nl: [
            "series: de-23-stappen   # een sleutel uit content/_data/series.yaml; de stap op volgorde van datum, of van part:",
          ],
          en: ["series: de-23-stappen   # a key of content/_data/series.yaml; steps follow their dates, or part:"],
        }),
      ),
    /** The step's place in its series, when the dates alone do not give the order. */
    part: wholeNumber("part", 3)
      .optional()
      .meta(hint({ nl: ["part: 3"], en: ["part: 3"] })),
  });

/** The post schema without references (UTC): its fields, their hints, and the key suggestions. */
export const postSchema = postSchemaIn();

/** The hint of a field of `postSchema` for a new post, if it has one. */
export function newPostHint(field: keyof typeof postSchema.shape): NewPostHint | undefined {
  return (postSchema.shape[field].meta() as { newPost?: NewPostHint } | undefined)?.newPost;
}

/** What a post's fields may point to in the data files; a list left out is not checked (its file is broken). */
export interface References {
  /** The ids of content/_data/authors.yaml. */
  authors?: readonly string[];
  /** site.yaml's time zone, in which the date and the session are read. */
  timezone?: string;
  /** The ids of content/_data/series.yaml (none when the file is not there). */
  series?: readonly string[];
}

/**
 * The post schema with its references checked against the data files. Made once per load
 * (src/content/post-files.ts): a zod schema costs far more to make than to use, and every post asks.
 */
export function postSchemaFor(refs: References) {
  const schema = postSchemaIn(refs.timezone);
  return schema.extend({
    author: refs.authors ? reference("author", "marjan", refs.authors, contentPaths.authors) : schema.shape.author,
    series: refs.series
      ? reference("series", "de-23-stappen", refs.series, contentPaths.series).optional()
      : schema.shape.series,
  });
}

export const pageSchema = z.strictObject({
  title: requiredText("title: Over deze leergang"),
  description: text("description: Een korte samenvatting").optional(),
  permalink: text("permalink: /over/").optional(),
  /** A place in the header menu (1 first); a page without it is not in the header. */
  menu: wholeNumber("menu", 1).optional(),
});

/** One series (a learning path) in content/_data/series.yaml, under its id. */
export const seriesSchema = z.strictObject(
  {
    title: requiredText("title: De 23 stappen"),
    description: text("description: Elke week een stap").optional(),
  },
  {
    error: (issue) =>
      `must be a series with a title indented below it — write \`title: De 23 stappen\` under the id, not ${describe(issue.input)}`,
  },
);

/**
 * Where author pictures may come from: the site itself or GitHub's avatars. Keep in step with
 * `img-src` of the Content-Security-Policy in netlify.toml, which blocks every other host.
 */
export const avatarHosts = ["avatars.githubusercontent.com"] as const;

function avatarAllowed(value: string): boolean {
  const src = value.trim();
  if (src.startsWith("/") && !src.startsWith("//")) return true;
  if (src.startsWith("data:image/")) return true;
  try {
    const url = new URL(src);
    return url.protocol === "https:" && (avatarHosts as readonly string[]).includes(url.hostname);
  } catch {
    return false;
  }
}

export const authorSchema = z.strictObject({
  name: requiredText("name: Marjan de Vries"),
  url: httpUrl("url: https://example.org").optional(),
  bio: text("bio: Opleider in de zorg").optional(),
  github: text("github: marjandevries")
    .refine((s) => /^[A-Za-z0-9-]{1,39}$/.test(s), {
      error: "is not a GitHub user name — write only the name, e.g. `github: marjandevries`",
    })
    .optional(),
  avatar: text("avatar: /img/marjan.jpg")
    .refine(avatarAllowed, {
      error:
        "is on another site, whose images the site's security policy blocks — put the picture in content/img/ and write `avatar: /img/marjan.jpg`, or use a GitHub picture (`https://avatars.githubusercontent.com/…`)",
    })
    .optional(),
});

const optionalId = (example: string) => text(example).optional();

export const giscusSchema = z.strictObject({
  repo: text("repo: organisatie/leergang-reacties")
    .refine((s) => s === "" || /^[\w.-]+\/[\w.-]+$/.test(s), {
      error: "must be `owner/name` of a GitHub repository — e.g. `repo: organisatie/leergang-reacties`",
    })
    .optional(),
  repoId: optionalId("repoId: R_kgDO…"),
  category: optionalId("category: Reacties"),
  categoryId: optionalId("categoryId: DIC_kwDO…"),
  inputPosition: z
    .enum(["top", "bottom"], { error: "must be `top` or `bottom` — where the reply box stands" })
    .optional(),
  reactions: yesNo("reactions").optional(),
  previewCategory: optionalId("previewCategory: Voorbeeld"),
  previewCategoryId: optionalId("previewCategoryId: DIC_kwDO…"),
});

/**
 * How often the conversation may cost a production deploy (src/deploys/budget.ts, docs/kosten.md):
 * at most `perMonth` in any 31 days, at least `minHoursApart` hours apart. The defaults keep a
 * free-plan site at 12 conversation deploys a month (180 of its 300 credits), two days apart.
 * Replayed over two years of an active cohort (test/deploys/simulation.unit.test.ts), six hours
 * apart spent the twelve in the first ten days of a busy month and left responses off the list pages
 * for up to two weeks; two days apart spreads them over the month: a response is there within about
 * two days.
 */
export const deployDefaults = { perMonth: 12, minHoursApart: 48 } as const;

const wholeOrZero = (field: string, example: number) =>
  z
    .number({
      error: (issue) => `must be a number, not ${describe(issue.input)} — write it like \`${field}: ${example}\``,
    })
    .int({ error: `must be a whole number — write it like \`${field}: ${example}\`` })
    .min(0, { error: `must be 0 or more — write it like \`${field}: ${example}\`` });

export const deploysSchema = z.strictObject(
  {
    /** 0: the conversation never deploys by itself (the facilitator's pushes still do). */
    perMonth: wholeOrZero("perMonth", deployDefaults.perMonth).default(deployDefaults.perMonth),
    minHoursApart: wholeOrZero("minHoursApart", deployDefaults.minHoursApart).default(deployDefaults.minHoursApart),
  },
  {
    error: (issue) =>
      `must be a group of settings — write \`deploys:\` with \`perMonth: 12\` and \`minHoursApart: 48\` indented below it, not ${describe(issue.input)}`,
  },
);

export const siteSchema = z.strictObject({
  title: requiredText("title: Leergang Samen Leren"),
  description: text("description: Voorbereiding en nagesprek van de bijeenkomsten").optional(),
  url: httpUrl("url: https://leergang.example.org").optional(),
  lang: z.enum(languages, { error: `must be one of ${languages.join(", ")} — e.g. \`lang: nl\`` }).default("nl"),
  timezone: text("timezone: Europe/Amsterdam")
    .refine(
      (tz) => {
        try {
          new Intl.DateTimeFormat("en", { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      },
      { error: "is not a time zone — use a name like `timezone: Europe/Amsterdam`" },
    )
    .default("Europe/Amsterdam"),
  giscus: giscusSchema.default({}),
  /** Site-wide switch for the responses sections: `false` turns every post's off, whatever the post says. */
  comments: yesNo("comments").optional(),
  /** A cohort's own site: behind its door (SITE_USERS), never indexed, its conversation in a private repository (docs/privacy.md, "Privacy"). */
  private: yesNo("private").optional(),
  /** Whom to write to without GitHub: the guide and every responses section name it. */
  contact: text("contact: marjan@example.org")
    .refine((s) => /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/.test(s.trim()), {
      error: "is not an e-mail address — write it like `contact: marjan@example.org`",
    })
    .optional(),
  /** The line above the widget, instead of the dictionary's (`t.privacyNote`). */
  privacyNote: requiredText("privacyNote: Reacties zijn openbaar. Schrijf niets over cliënten.").optional(),
  /** How often new responses may cost a production deploy on Netlify (docs/kosten.md). */
  deploys: deploysSchema.default(deployDefaults),
  /** The content's GitHub repository, for the edit links of previews and /schrijven/; default Netlify's REPOSITORY_URL. */
  repository: text("repository: organisatie/leergang")
    .trim()
    .refine(isRepositoryName, {
      error:
        "must be `owner/name` of the GitHub repository with the site's content — e.g. `repository: organisatie/leergang` (not its web address)",
    })
    .optional(),
});

const commentId = (field: string) =>
  z.union([z.number().int().nonnegative(), z.string().trim().min(1)], {
    error: (issue) => `must be a number or a short text, not ${describe(issue.input)} — write it like \`${field}: 12\``,
  });

/** One earlier response (imported from an old blog, or archived from GitHub): `<slug>.comments.yaml` beside a post is a list of these. */
export const earlierResponseSchema = z.strictObject(
  {
    id: commentId("id").optional(),
    /** The `id` of the response this one answers; leave it out for a response to the post. */
    parent: commentId("parent").optional(),
    author: requiredText("author: Sanne de Boer"),
    url: httpUrl("url: https://example.org").optional(),
    date: dateText("date", "2012-04-11T14:03"),
    /** Markdown; shown as text with links, never as raw HTML. */
    text: requiredProse("text: Wat een mooie vraag."),
    /**
     * The author's GitHub login, on responses archived from the post's discussion (`npm run archive`,
     * whose `id` is then GitHub's comment id): their text keeps GitHub's line breaks, and the post
     * shows them once its live section is closed, so a response never appears twice.
     */
    github: text("github: sannedeboer")
      .refine((s) => /^[A-Za-z0-9-]{1,39}$/.test(s), {
        error: "is not a GitHub user name — write only the name, e.g. `github: sannedeboer`",
      })
      .optional(),
  },
  {
    error: (issue) =>
      `must be a response with \`author\`, \`date\` and \`text\` indented below \`-\`, not ${describe(issue.input)}`,
  },
);

export const earlierResponsesSchema = z.array(earlierResponseSchema, {
  error: (issue) => `must be a list of responses (each starting with \`- author: …\`), not ${describe(issue.input)}`,
});

/** Where an old address (from content/_data/redirects.yaml) now lives: a path on this site or a web address. */
export const redirectTargetSchema = text("/2012/04/11/oud-bericht/: /posts/oud-bericht/").refine(
  (s) => /^\/[^\s]*$/.test(s) || /^https?:\/\/[^\s/]+[^\s]*$/.test(s),
  { error: "must be a path on this site starting with `/`, like `/posts/oud-bericht/`, or a web address" },
);

export type EarlierResponseData = z.infer<typeof earlierResponseSchema>;
export type PostData = z.infer<typeof postSchema>;
export type PageData = z.infer<typeof pageSchema>;
export type AuthorData = z.infer<typeof authorSchema>;
export type SiteData = z.infer<typeof siteSchema>;
export type GiscusData = z.infer<typeof giscusSchema>;
export type SeriesData = z.infer<typeof seriesSchema>;

/** Dutch words people type by habit, mapped to the key they meant. */
export const keyAliases: Record<string, string> = {
  titel: "title",
  datum: "date",
  auteur: "author",
  schrijver: "author",
  onderwerpen: "tags",
  labels: "tags",
  categories: "tags",
  omschrijving: "description",
  beschrijving: "description",
  samenvatting: "description",
  concept: "draft",
  vragen: "questions",
  bijeenkomst: "session",
  sessie: "session",
  reacties: "comments",
  locatie: "location",
  plaats: "location",
  plek: "location",
  naam: "name",
  website: "url",
  einde: "end",
  eind: "end",
  eindtijd: "end",
  tot: "end",
  contactpersoon: "contact",
  email: "contact",
  "e-mail": "contact",
  privacy: "privacyNote",
  privacyregel: "privacyNote",
  serie: "series",
  reeks: "series",
  leerlijn: "series",
  deel: "part",
  stap: "part",
};
