// Response counts and discussion numbers for list pages, against the schema-validating GitHub
// stand-in: pagination past 100 discussions and past 100 comments, replies past 100, matching the
// way giscus matches (strict hash, discussion number), the cache, and every way it can fail — after
// which the build still succeeds, without counts, with one warning.
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { discussionMarker, giscusHash } from "../../src/comments/discussion.ts";
import { CACHE_MINUTES } from "../../src/github/answer-cache.ts";
import { liveResponses, matchDiscussions, matchResponses } from "../../src/comments/counts.ts";
import { categoryDiscussions } from "../../src/comments/github.ts";
import { responsesSection } from "../../src/comments/section.ts";
import { graphqlClient } from "../../src/github/client.ts";
import {
  commentsWith,
  startGitHubStandIn,
  type DiscussionSeed,
  type GitHubStandIn,
  type Scenario,
} from "../support/github-standin.ts";
import { siteFor } from "../support/model.ts";
import { buildSite, post } from "../support/site.ts";
import type { Site } from "../../src/model/content.ts";

const TOKEN = "ghp_standInSecret0123456789abcdef";
const giscus = { repo: "org/reacties", repoId: "R_1", category: "Reacties", categoryId: "DIC_1" };
const marker = (term: string) => `Reacties op dit bericht.\n\n${discussionMarker(term)}`;

/** 130 comments; the first has 3 replies, the 120th (on the second page of comments) 150. */
const busy = commentsWith(Array.from({ length: 130 }, (_, i) => (i === 0 ? 3 : i === 119 ? 150 : 0)));

const discussions: DiscussionSeed[] = [
  {
    number: 1,
    title: "posts/welkom-in-de-leergang/",
    body: marker("posts/welkom-in-de-leergang/"),
    category: "Reacties",
    comments: commentsWith([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
  },
  // 105 other conversations: the category takes two pages of 100.
  ...Array.from({ length: 105 }, (_, i): DiscussionSeed => ({
    number: 100 + i,
    title: `Gesprek ${i}`,
    body: marker(`gesprek ${i}`),
    category: "Reacties",
    comments: commentsWith([0]),
  })),
  {
    number: 2,
    title: "Iets anders",
    body: marker("iets anders"),
    category: "Reacties",
    comments: commentsWith([0, 0]),
  },
  // The right title but no hash: strict giscus would not show it, so it does not count.
  {
    number: 3,
    title: "posts/loslaten-en-regie/",
    body: "Handmatig aangemaakt.",
    category: "Reacties",
    comments: commentsWith([0, 0, 0]),
  },
  {
    number: 4,
    title: "posts/leren-in-netwerken/",
    body: marker("posts/leren-in-netwerken/"),
    category: "Reacties",
    comments: busy,
  },
  // The right marker in another category: giscus looks in the configured category only.
  {
    number: 5,
    title: "posts/loslaten-en-regie/",
    body: marker("posts/loslaten-en-regie/"),
    category: "Algemeen",
    comments: commentsWith([0, 0]),
  },
  {
    number: 42,
    title: "Oud gesprek",
    body: "Van het oude blog.",
    category: "Reacties",
    comments: commentsWith([2, 2]),
  },
];

const scenario: Scenario = {
  tokens: { [TOKEN]: {} },
  repositories: [
    {
      id: "R_1",
      repo: "org/reacties",
      categories: [
        { id: "DIC_1", name: "Reacties" },
        { id: "DIC_2", name: "Algemeen" },
      ],
      discussions,
    },
  ],
};

const site = (env: Record<string, string> = {}): Site => siteFor({ giscus }, env);

const posts = [
  { slug: "welkom-in-de-leergang", data: {} },
  { slug: "leren-in-netwerken", data: {} },
  { slug: "loslaten-en-regie", data: {} },
  { slug: "terugblik", data: { discussion: 42 } },
];

let standIn: GitHubStandIn;
beforeAll(async () => {
  standIn = await startGitHubStandIn(scenario);
});
afterAll(() => standIn?.close());

const client = () => graphqlClient({ endpoint: standIn.url, token: TOKEN });

describe("the GraphQL queries", () => {
  test("follow the cursors through every page of the category, and of a discussion's comments past 100", async () => {
    const before = (await standIn.requests()).length;
    const found = await categoryDiscussions(client(), { repo: "org/reacties", categoryId: "DIC_1" });
    expect(found).toHaveLength(110);
    expect(found.map((d) => d.number)).not.toContain(5);
    const requests = (await standIn.requests()).slice(before);
    expect(requests.map((r) => r.status)).toEqual([200, 200, 200]);
    const pages = requests.filter((r) => r.query.includes("CategoryDiscussions"));
    expect(pages.map((r) => typeof r.variables.after)).toEqual(["object", "string"]);
    expect(pages[0]!.variables).toMatchObject({ owner: "org", name: "reacties", categoryId: "DIC_1", after: null });
    expect(pages[0]!.authorization).toBe(`bearer ${TOKEN}`);
    // Only the discussion with more than 100 comments is asked for its later comments.
    expect(requests.filter((r) => r.query.includes("DiscussionComments")).map((r) => r.variables.number)).toEqual([4]);
  });

  test("count every comment and every reply: past 100 comments, past 100 replies on one comment", async () => {
    const found = await categoryDiscussions(client(), { repo: "org/reacties", categoryId: "DIC_1" });
    const count = (n: number) => found.find((d) => d.number === n)?.responses;
    expect(count(4)).toBe(130 + 3 + 150);
    expect([count(1), count(2), count(3), count(42)]).toEqual([11, 2, 3, 6]);
  });
});

describe("matching discussions to posts", () => {
  test("by giscus's strict hash of the term, or by number; no discussion yet is 0 and no number", async () => {
    const found = await categoryDiscussions(client(), { repo: "org/reacties", categoryId: "DIC_1" });
    expect(Object.fromEntries(matchDiscussions(posts, found))).toEqual({
      "welkom-in-de-leergang": { responses: 11, number: 1 },
      "leren-in-netwerken": { responses: 283, number: 4 },
      "loslaten-en-regie": { responses: 0 },
      terugblik: { responses: 6, number: 42 },
    });
    expect(Object.fromEntries(matchResponses(posts, found))).toEqual({
      "welkom-in-de-leergang": 11,
      "leren-in-netwerken": 283,
      "loslaten-en-regie": 0,
      terugblik: 6,
    });
  });

  test("two discussions with one marker: the oldest wins, as listed", () => {
    const hashes = (term: string) => [giscusHash(term)];
    const twice = [
      { number: 8, title: "posts/a/", hashes: hashes("posts/a/"), responses: 4 },
      { number: 9, title: "posts/a/", hashes: hashes("posts/a/"), responses: 1 },
    ];
    expect(matchDiscussions([{ slug: "a", data: {} }], twice).get("a")).toEqual({ responses: 4, number: 8 });
  });
});

describe("the widget with a known discussion number", () => {
  const commented = { slug: "welkom", url: "/posts/welkom/", title: "Welkom", comments: true, draft: false };

  test("reads the discussion by number (no search), and links readers without the widget to it", () => {
    const section = responsesSection(commented, site(), 17);
    expect(section).toMatchObject({
      kind: "widget",
      onGitHub: "https://github.com/org/reacties/discussions/17",
      data: { mapping: "number", term: "17" },
    });
  });

  test("without a known number it searches by the term; a `discussion:` number in front-matter wins", () => {
    expect(responsesSection(commented, site())).toMatchObject({ data: { mapping: "specific", term: "posts/welkom/" } });
    expect(responsesSection({ ...commented, discussion: 42 }, site(), 17)).toMatchObject({
      data: { mapping: "number", term: "42" },
    });
    expect(responsesSection({ ...commented, discussion: "2012/04/welkom" }, site(), 17)).toMatchObject({
      data: { mapping: "number", term: "17" },
    });
    expect(responsesSection({ ...commented, comments: false }, site(), 17)).toEqual({ kind: "none" });
  });

  test("the number a build learns is the one the widget gets", async () => {
    const root = mkdtempSync(join(tmpdir(), "hoedoededa-counts-"));
    const live = await liveResponses(site(), posts, {
      root,
      env: { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: standIn.url },
    });
    const known = (slug: string) => live.discussions.get(slug)?.number;
    const section = (slug: string) =>
      responsesSection({ ...commented, slug, url: `/posts/${slug}/` }, site(), known(slug));
    expect(section("leren-in-netwerken")).toMatchObject({ data: { mapping: "number", term: "4" } });
    expect(section("loslaten-en-regie")).toMatchObject({
      data: { mapping: "specific", term: "posts/loslaten-en-regie/" },
    });
  });
});

describe("live counts for a build", () => {
  test("without GITHUB_TOKEN: no counts, no request, one warning that says what to do", async () => {
    const before = (await standIn.requests()).length;
    const root = mkdtempSync(join(tmpdir(), "hoedoededa-counts-"));
    const live = await liveResponses(site(), posts, { root, env: { GITHUB_GRAPHQL_URL: standIn.url } });
    expect(live.counts.size).toBe(0);
    expect(live.warning).toMatch(/GITHUB_TOKEN is not set/);
    expect((await standIn.requests()).length).toBe(before);
  });

  test("are cached for ten minutes in .cache/, without the token", async () => {
    const root = mkdtempSync(join(tmpdir(), "hoedoededa-counts-"));
    const env = { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: standIn.url };
    const now = Date.UTC(2026, 8, 3, 12, 0);
    const count = async () => (await standIn.requests()).length;

    const start = await count();
    const first = await liveResponses(site(), posts, { root, env, now });
    expect(first.warning).toBeUndefined();
    expect(first.counts.get("welkom-in-de-leergang")).toBe(11);
    expect(await count()).toBe(start + 3);

    const again = await liveResponses(site(), posts, { root, env, now: now + (CACHE_MINUTES * 60_000 - 1000) });
    expect(again.counts).toEqual(first.counts);
    expect(await count()).toBe(start + 3);

    await liveResponses(site(), posts, { root, env, now: now + CACHE_MINUTES * 60_000 + 1000 });
    expect(await count()).toBe(start + 6);

    const cache = readdirSync(join(root, ".cache"))
      .map((f) => readFileSync(join(root, ".cache", f), "utf8"))
      .join("");
    expect(cache).toContain("posts/welkom-in-de-leergang/");
    expect(cache).not.toContain(TOKEN);
  });

  test.each([
    ["rate-limit", 0, /rate limit is used up until 14:05 UTC/],
    ["graphql-rate-limit", 0, /rate limit is used up/],
    ["server-error", 0, /GitHub answered 502/],
    // The second page fails: no counts at all, rather than counts that are wrong.
    ["server-error", 1, /GitHub answered 502/],
  ] as const)(
    "when GitHub fails (%s after %i answers): no counts, one clear warning without the token",
    async (mode, after, reason) => {
      await standIn.fail({ mode, after });
      try {
        const root = mkdtempSync(join(tmpdir(), "hoedoededa-counts-"));
        const live = await liveResponses(site(), posts, {
          root,
          env: { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: standIn.url },
        });
        expect(live.counts.size).toBe(0);
        expect(live.discussions.size).toBe(0);
        expect(live.warning).toMatch(reason);
        expect(live.warning).not.toContain(TOKEN);
        expect(readdirSync(root)).toEqual([]);
      } finally {
        await standIn.fail();
      }
    },
  );

  test("a repository the token cannot see is a warning that says so", async () => {
    const root = mkdtempSync(join(tmpdir(), "hoedoededa-counts-"));
    const elsewhere = { ...site(), giscus: { ...giscus, repo: "org/geheim" } };
    const live = await liveResponses(elsewhere, posts, {
      root,
      env: { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: standIn.url },
    });
    expect(live.warning).toMatch(/GitHub does not show org\/geheim to this token/);
  });

  test("a wrong token or an unreachable endpoint is a warning too", async () => {
    const root = mkdtempSync(join(tmpdir(), "hoedoededa-counts-"));
    const wrong = await liveResponses(site(), posts, {
      root,
      env: { GITHUB_TOKEN: "ghp_wrong", GITHUB_GRAPHQL_URL: standIn.url },
    });
    expect(wrong.warning).toMatch(/did not accept GITHUB_TOKEN/);
    const closed = await liveResponses(site(), posts, {
      root,
      env: { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: "http://127.0.0.1:9/graphql" },
    });
    expect(closed.warning).toMatch(/could not be reached/);
  });

  test("are not asked for when comments are off in this build (preview without preview category)", async () => {
    const before = (await standIn.requests()).length;
    const live = await liveResponses(site({ CONTEXT: "deploy-preview" }), posts, {
      env: { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: standIn.url },
    });
    expect(live).toEqual({ counts: new Map(), discussions: new Map() });
    expect((await standIn.requests()).length).toBe(before);
  });
});

/** Every file of a built site, as text. */
function siteText(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\n");
}

const siteYaml = `title: Leergang Samen Ontwerpen\nurl: https://leergang.example.org\nlang: nl\ngiscus:\n${Object.entries(
  giscus,
)
  .map(([k, v]) => `  ${k}: ${v}`)
  .join("\n")}\n`;

describe("a build with a token", () => {
  test("shows the counts on the home page, tag and author pages, and the token nowhere", () => {
    const built = buildSite({
      files: {
        "_data/site.yaml": siteYaml,
        "posts/terugblik.md": post({
          title: "Terugblik",
          date: "2026-06-01",
          author: "marjan",
          tags: ["terugblik"],
          discussion: 42,
        }),
      },
      env: { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: standIn.url },
    });
    const home = readFileSync(join(built.out, "index.html"), "utf8");
    expect(home).toMatch(/href="\/posts\/welkom-in-de-leergang\/#reacties">11 reacties</);
    expect(home).toMatch(/href="\/posts\/leren-in-netwerken\/#reacties">283 reacties</);
    expect(home).toMatch(/href="\/posts\/loslaten-en-regie\/#reacties">Nog geen reacties</);
    // `comments: false`: no section, so no count either.
    expect(home).not.toContain("/posts/ontwerpen-voor-leren/#reacties");
    expect(home).toMatch(/href="\/posts\/terugblik\/#reacties">6 reacties</);
    expect(readFileSync(join(built.out, "tags/terugblik/index.html"), "utf8")).toContain("6 reacties");
    expect(readFileSync(join(built.out, "authors/marjan/index.html"), "utf8")).toMatch(
      /\d+ reacties|Nog geen reacties/,
    );
    expect(built.stderr).not.toMatch(/\[hoedoededa\]/);
    for (const text of [siteText(built.out), built.stdout, built.stderr, siteText(join(built.root, ".cache"))])
      expect(text).not.toContain(TOKEN);

    // The widget opens a discussion the build found by its number (no dependence on GitHub's
    // search index); a post whose discussion does not exist yet is still found by its term.
    const section = (slug: string) => {
      const page = readFileSync(join(built.out, `posts/${slug}/index.html`), "utf8");
      return { mapping: /data-mapping="([^"]+)"/.exec(page)?.[1], term: /data-term="([^"]+)"/.exec(page)?.[1] };
    };
    expect(section("welkom-in-de-leergang")).toEqual({ mapping: "number", term: "1" });
    expect(section("leren-in-netwerken")).toEqual({ mapping: "number", term: "4" });
    expect(section("terugblik")).toEqual({ mapping: "number", term: "42" });
    expect(section("loslaten-en-regie")).toEqual({ mapping: "specific", term: "posts/loslaten-en-regie/" });
  });

  test("that GitHub rate-limits still succeeds, without counts and with one warning", async () => {
    await standIn.fail({ mode: "rate-limit" });
    try {
      const built = buildSite({
        files: { "_data/site.yaml": siteYaml },
        env: { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: standIn.url },
      });
      const warnings = built.stderr.split("\n").filter((line) => line.includes("[hoedoededa]"));
      expect(warnings).toEqual([
        expect.stringMatching(/Response counts are left out of the list pages: GitHub's API rate limit is used up/),
      ]);
      expect(readFileSync(join(built.out, "index.html"), "utf8")).not.toContain("summary__responses");
      expect(siteText(built.out) + built.stderr + built.stdout).not.toContain(TOKEN);
    } finally {
      await standIn.fail();
    }
  });
});
