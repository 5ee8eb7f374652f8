// Writing on GitHub, the rules: the content repository from Netlify's REPOSITORY_URL or site.yaml,
// edit links only in previews, the new-post form's target and text, and the YAML lines the browser
// and `npm run new` both write.
import jsYaml from "js-yaml";
import { describe, expect, test } from "vitest";
import { settingsFromEnv } from "../../src/model/build.ts";
import { parseMarkdownFile } from "../../src/content/frontmatter.ts";
import { postSchema, siteSchema } from "../../src/model/schema.ts";
import { check } from "../../src/content/validate.ts";
import { githubRepositoryOf, isRepositoryName } from "../../src/model/repository.ts";
import { messages } from "../../src/i18n/index.ts";
import { replaceLine, tagsLine, titleLine, yamlScalar } from "../../src/model/front-matter-lines.ts";
import { contentRepository, editLink, newPostAction } from "../../src/write/github-editor.ts";
import { writePage } from "../../src/write/page.ts";
import { content, entry, siteFor } from "../support/model.ts";

const preview = {
  CONTEXT: "deploy-preview",
  REVIEW_ID: "12",
  HEAD: "nieuw-bericht",
  BRANCH: "nieuw-bericht",
  REPOSITORY_URL: "https://github.com/leergang/site",
};

describe("the lines of a new post's front-matter", () => {
  const tricky = [
    "Loslaten en regie houden",
    "Ümlaut café: wat kost leren?",
    "2026",
    "3 vragen over leren",
    "12:30",
    "yes",
    "No",
    "null",
    "~",
    "- een lijstje",
    "# geen kop",
    "Waarom? Daarom!",
    "it's",
    '"Aanhalingstekens"',
    "a \\ b",
    "[tussen haken]",
    "{ accolades }",
    "komma, en meer",
    "eindigt op:",
    "a #hashtag",
    "@iemand",
    "%procent",
    "`code`",
    "*ster*",
    "&anker",
    "!tag",
    "|pijp",
    ">groter",
    "?vraag",
    ":dubbele",
    "tab\there",
    "Ĳsselmeer — “quotes” ‘single’",
    "emoji 🌱",
    ".punt",
    "+plus",
    "'enkel'",
  ];

  test("each title survives YAML (core schema, as the build reads it) exactly", () => {
    for (const title of tricky) {
      const expected = title.replace(/\s+/g, " ").trim();
      expect(jsYaml.load(titleLine(title), { schema: jsYaml.CORE_SCHEMA }), title).toEqual({ title: expected });
    }
  });

  test("tags stand in a flow list, however they are spelt", () => {
    expect(jsYaml.load(tagsLine(tricky), { schema: jsYaml.CORE_SCHEMA })).toEqual({
      tags: tricky.map((t) => t.replace(/\s+/g, " ").trim()),
    });
    expect(tagsLine([])).toBe("tags: []");
  });

  test("plain when that is unambiguous, double quotes otherwise", () => {
    expect(yamlScalar("Loslaten en regie houden")).toBe("Loslaten en regie houden");
    expect(yamlScalar("Waarom? Daarom!")).toBe("Waarom? Daarom!");
    expect(yamlScalar("Ümlaut café: wat kost leren?")).toBe('"Ümlaut café: wat kost leren?"');
    expect(yamlScalar("2026")).toBe('"2026"');
    expect(yamlScalar("")).toBe('""');
  });

  test("replaceLine changes the first line of that key at the margin, nothing else", () => {
    const text = "---\ntitle: Oud\n# title: commentaar\nauthor: marjan\n---\n\ntitle: in de tekst\n";
    expect(replaceLine(text, "title", titleLine("Nieuw: beter"))).toBe(
      '---\ntitle: "Nieuw: beter"\n# title: commentaar\nauthor: marjan\n---\n\ntitle: in de tekst\n',
    );
    expect(replaceLine(text, "session", "session: x")).toBe(text);
    expect(replaceLine("title: $1 $&", "title", "title: $& $1")).toBe("title: $& $1");
  });
});

describe("the content repository", () => {
  test("from Netlify's REPOSITORY_URL in every shape it comes in, an access token dropped", () => {
    expect(githubRepositoryOf("https://github.com/leergang/site")).toBe("leergang/site");
    expect(githubRepositoryOf("https://x-access-token:v1.abc123@github.com/leergang/site")).toBe("leergang/site");
    expect(githubRepositoryOf("https://github.com/leergang/site.git/")).toBe("leergang/site");
    expect(githubRepositoryOf("git@github.com:leergang/site.git")).toBe("leergang/site");
    expect(githubRepositoryOf("ssh://git@github.com/leergang/site.git")).toBe("leergang/site");
    for (const other of [
      "https://gitlab.com/leergang/site",
      "https://github.com/leergang",
      "https://github.com/a/b/c",
      "github.com/a/b",
      "",
      undefined,
      "https://github.com/-x/y",
    ]) {
      expect(githubRepositoryOf(other), String(other)).toBeUndefined();
    }
    const settings = settingsFromEnv({ REPOSITORY_URL: "https://x-access-token:v1.abc123@github.com/leergang/site" });
    expect(settings.repository).toBe("leergang/site");
    expect(JSON.stringify(settings)).not.toContain("abc123");
  });

  test("site.yaml's repository: wins, and must be owner/name", () => {
    expect(contentRepository(siteFor({ repository: "org/eigen" }, preview))).toBe("org/eigen");
    expect(contentRepository(siteFor({}, preview))).toBe("leergang/site");
    expect(contentRepository(siteFor({}, {}))).toBeUndefined();
    expect(isRepositoryName("org/leergang")).toBe(true);
    const wrong = check(
      siteSchema,
      { title: "X", repository: "https://github.com/org/leergang" },
      "content/_data/site.yaml",
    );
    expect(wrong.problems).toEqual([
      {
        file: "content/_data/site.yaml",
        field: "repository",
        message:
          "must be `owner/name` of the GitHub repository with the site's content — e.g. `repository: organisatie/leergang` (not its web address)",
      },
    ]);
    expect(check(siteSchema, { title: "X", repository: " org/leergang " }, "site.yaml").data?.repository).toBe(
      "org/leergang",
    );
  });
});

describe("edit links, previews only", () => {
  test("a deploy preview or branch deploy links the post's file on the branch being previewed", () => {
    expect(editLink(siteFor({}, preview), "content/posts/loslaten.md")).toBe(
      "https://github.com/leergang/site/edit/nieuw-bericht/content/posts/loslaten.md",
    );
    const branch = siteFor(
      {},
      { CONTEXT: "branch-deploy", BRANCH: "feature/nieuwe opzet", REPOSITORY_URL: preview.REPOSITORY_URL },
    );
    expect(editLink(branch, "content/posts/x.md")).toBe(
      "https://github.com/leergang/site/edit/feature/nieuwe%20opzet/content/posts/x.md",
    );
  });

  test("never in production, nor without a branch or a repository", () => {
    expect(editLink(siteFor({}, { ...preview, CONTEXT: "production" }), "content/posts/x.md")).toBeUndefined();
    expect(editLink(siteFor({ repository: "org/site" }, {}), "content/posts/x.md")).toBeUndefined();
    expect(editLink(siteFor({}, { ...preview, HEAD: "", BRANCH: "" }), "content/posts/x.md")).toBeUndefined();
    expect(editLink(siteFor({}, { ...preview, REPOSITORY_URL: "" }), "content/posts/x.md")).toBeUndefined();
  });
});

describe("the new-post form", () => {
  test("goes to GitHub's new-file page in the posts folder of the branch production publishes, else main", () => {
    const production = siteFor(
      {},
      { CONTEXT: "production", HEAD: "live", BRANCH: "live", REPOSITORY_URL: preview.REPOSITORY_URL },
    );
    expect(newPostAction(production)).toEqual({
      action: "https://github.com/leergang/site/new/live/content/posts",
      repository: "leergang/site",
      branch: "live",
    });
    expect(newPostAction(siteFor({}, preview))?.branch).toBe("main");
    expect(newPostAction(siteFor({}, {}))).toBeUndefined();
  });

  test("holds the file npm run new writes, which passes the schema, under a name no listed post has", () => {
    const model = content([entry("nieuw-bericht"), entry("nieuw-bericht-2", { draft: true })], {
      CONTEXT: "production",
      REPOSITORY_URL: preview.REPOSITORY_URL,
    });
    const page = writePage(model, messages("nl"), new Date("2026-11-28T23:30:00Z"));
    const form = page.form!;
    // Drafts are not built in production: their names stay off the page (GitHub refuses a taken one).
    expect(form.filename).toBe("nieuw-bericht-2.md");
    expect(form.data).toEqual({
      taken: "nieuw-bericht",
      timezone: "Europe/Amsterdam",
      "default-title": "Titel van het bericht",
      "default-name": "nieuw-bericht",
    });
    const parsed = parseMarkdownFile(`content/posts/${form.filename}`, form.source);
    expect(parsed.problems).toEqual([]);
    // Today in the site's time zone: 29 November in Amsterdam at 00:30.
    expect(postSchema.parse(parsed.data)).toEqual({
      title: "Titel van het bericht",
      date: new Date("2026-11-29T00:00:00Z"),
      author: "marjan",
      tags: [],
      draft: false,
      questions: [],
    });
    expect(parsed.data).toEqual({ title: "Titel van het bericht", date: "2026-11-29", author: "marjan", tags: [] });
    expect(form.source).toContain("# Haal het # weg voor een regel om die te gebruiken:\n");
    expect(form.authors).toEqual([{ id: "marjan", name: "Marjan de Vries", selected: true }]);
  });

  test("without a known repository it says how to name it", () => {
    expect(writePage(content([]), messages("nl"))).toEqual({ example: "repository: organisatie/leergang" });
  });
});
