// `npm run discussions`, against the schema-validating GitHub stand-in (whose search index lags,
// like GitHub's): a discussion for each published post with comments, found again by giscus's
// marker of exactly the widget's term, never twice; drafts, `comments: false` and `discussion:`
// posts skipped; `--dry-run` creates nothing; every failure one message and exit 1.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { discussionMarker, newDiscussion } from "../../src/comments/discussion.ts";
import { responsesSection } from "../../src/comments/section.ts";
import { postData, siteFor } from "../support/model.ts";
import { startGitHubStandIn, type GitHubStandIn, type Scenario } from "../support/github-standin.ts";
import { post, siteYamlWithComments, tempProject } from "../support/site.ts";
import { isPlainMessage, runCommand } from "./run.ts";
import type { Site } from "../../src/model/content.ts";

const WRITER = "github_pat_discussionsWriter0123";
const READER = "github_pat_discussionsReader0123";
const REPO = "org/reacties";

const scenario = (): Scenario => ({
  tokens: { [WRITER]: { login: "marjan", write: [REPO] }, [READER]: { login: "ruben" } },
  searchIndexLag: true,
  repositories: [
    {
      id: "R_kgDOtest",
      repo: REPO,
      nextNumber: 10,
      categories: [
        { id: "DIC_kwDOtest", name: "Reacties" },
        { id: "DIC_kwDOalgemeen", name: "Algemeen" },
      ],
      discussions: [
        // giscus made this one at the first response, as it does.
        {
          number: 1,
          title: "posts/welkom-in-de-leergang/",
          body: `# posts/welkom-in-de-leergang/\n\nhttps://leergang.example.org/posts/welkom-in-de-leergang/\n\n${discussionMarker("posts/welkom-in-de-leergang/")}`,
          category: "Reacties",
        },
        // The right marker in another category is not the one giscus would find.
        {
          number: 2,
          title: "posts/leren-in-netwerken/",
          body: discussionMarker("posts/leren-in-netwerken/"),
          category: "Algemeen",
        },
      ],
    },
  ],
});

/** The example site with comments on, plus posts that attach to a discussion of their own choosing. */
const files = {
  "_data/site.yaml": siteYamlWithComments(),
  "posts/oud-gesprek.md": post({ title: "Oud gesprek", date: "2026-06-01", author: "marjan", discussion: 42 }),
  "posts/hernoemd.md": post({
    title: "Hernoemd",
    date: "2026-06-02",
    author: "marjan",
    discussion: "2012/04/oude-titel",
  }),
};

const created = (state: Awaited<ReturnType<GitHubStandIn["state"]>>) =>
  state.repositories[0]!.discussions.filter((d) => d.number >= 10);
const mutations = async (github: GitHubStandIn) =>
  (await github.requests()).filter((r) => r.query.includes("createDiscussion")).length;

describe("npm run discussions", () => {
  let github: GitHubStandIn;
  beforeAll(async () => {
    github = await startGitHubStandIn(scenario());
  });
  afterAll(() => github?.close());

  test("--dry-run says what it would do and creates nothing", async () => {
    const root = tempProject({ files });
    const run = runCommand(root, "discussions", ["--dry-run"], {
      GITHUB_TOKEN: READER,
      GITHUB_GRAPHQL_URL: github.url,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")).toEqual([
      '  skipped       content/posts/hernoemd.md (discussion: "2012/04/oude-titel" — it uses the discussion with that title)',
      "  skipped       content/posts/ontwerpen-voor-leren.md (comments: false)",
      "  skipped       content/posts/oud-gesprek.md (discussion: 42 — it uses that discussion)",
      "  skipped       content/posts/terugblik-eerste-jaar.md (a draft)",
      '  would create  content/posts/leren-in-netwerken.md → a discussion titled "posts/leren-in-netwerken/"',
      '  would create  content/posts/loslaten-en-regie.md → a discussion titled "posts/loslaten-en-regie/"',
      "  exists        content/posts/welkom-in-de-leergang.md → #1 https://github.com/org/reacties/discussions/1",
      'In org/reacties, category "Reacties": 2 to create, 1 already there, 4 skipped. Dry run: nothing was created.',
      "",
    ]);
    expect(await mutations(github)).toBe(0);
    expect(created(await github.state())).toEqual([]);
  });

  test("creates one for each published post that has none, for the widget's exact term — and never a second", async () => {
    const root = tempProject({ files });
    const env = { GITHUB_TOKEN: WRITER, GITHUB_GRAPHQL_URL: github.url };
    const first = runCommand(root, "discussions", [], env);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(
      "  created       content/posts/leren-in-netwerken.md → #10 https://github.com/org/reacties/discussions/10\n",
    );
    expect(first.stdout).toContain(
      "  created       content/posts/loslaten-en-regie.md → #11 https://github.com/org/reacties/discussions/11\n",
    );
    expect(first.stdout).toContain('In org/reacties, category "Reacties": 2 created, 1 already there, 4 skipped.\n');

    const made = created(await github.state());
    expect(made.map((d) => [d.number, d.title, d.categoryId])).toEqual([
      [10, "posts/leren-in-netwerken/", "DIC_kwDOtest"],
      [11, "posts/loslaten-en-regie/", "DIC_kwDOtest"],
    ]);
    // The marker is the SHA-1 of exactly the term the widget sends for the post, so strict giscus finds it.
    const site = siteOf();
    for (const d of made) {
      const slug = d.title.split("/")[1]!;
      const section = responsesSection({ slug, url: `/posts/${slug}/`, title: "", comments: true, draft: false }, site);
      const term = section.kind === "widget" ? section.data.term! : "";
      expect(d.body.endsWith(`\n\n<!-- sha1: ${createHash("sha1").update(term).digest("hex")} -->`)).toBe(true);
    }
    // Nothing for the draft, nor for the posts that chose their own discussion.
    const titles = (await github.state()).repositories[0]!.discussions.map((d) => d.title);
    expect(titles.filter((t) => /terugblik|ontwerpen|oud-gesprek|hernoemd/.test(t))).toEqual([]);

    // Again: GitHub's search has not indexed the new ones yet, but the category's list has them.
    const before = await mutations(github);
    const again = runCommand(root, "discussions", [], env);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('In org/reacties, category "Reacties": 0 created, 3 already there, 4 skipped.\n');
    expect(again.stdout).toContain("  exists        content/posts/leren-in-netwerken.md → #10 ");
    expect(await mutations(github)).toBe(before);
    expect(created(await github.state())).toHaveLength(2);
    expect(first.stdout + first.stderr + again.stdout).not.toContain(WRITER);
  });

  test("the body is written for the reader of GitHub's e-mail: the post as a link, description, questions, session", async () => {
    const body = created(await github.state()).find((d) => d.title === "posts/loslaten-en-regie/")!.body;
    expect(body).toBe(
      [
        "# [Loslaten en regie houden](https://leergang.example.org/posts/loslaten-en-regie/)",
        "Voorbereiding op de derde bijeenkomst, over de spanning tussen sturen en ruimte geven.",
        "**Vragen om op te reageren**",
        "- Waar in jouw organisatie is leren het meest 'georganiseerd', en wat levert dat op?\n- Wanneer heb jij voor het laatst iets geleerd zonder dat iemand het had bedacht?\n- Wat zou je loslaten als je morgen opnieuw mocht beginnen?",
        "Neem deze vragen mee naar de bijeenkomst, of reageer hieronder alvast.",
        "**Bijeenkomst**\nWanneer: donderdag 3 december 2026, 13:30–16:30\nWaar: Kasteel Broekhuizen, Doorn",
        discussionMarker("posts/loslaten-en-regie/"),
      ].join("\n\n"),
    );
  });

  test("DISCUSSIONS_TOKEN is used instead of GITHUB_TOKEN when both are set", async () => {
    const fresh = await startGitHubStandIn(scenario());
    try {
      const root = tempProject({ files });
      const run = runCommand(root, "discussions", [], {
        GITHUB_TOKEN: "github_pat_siteRepoOnly",
        DISCUSSIONS_TOKEN: WRITER,
        GITHUB_GRAPHQL_URL: fresh.url,
      });
      expect(run.status).toBe(0);
      expect(new Set((await fresh.requests()).map((r) => r.authorization))).toEqual(new Set([`bearer ${WRITER}`]));
    } finally {
      fresh.close();
    }
  });
});

describe("npm run discussions refuses", () => {
  let github: GitHubStandIn;
  beforeAll(async () => {
    github = await startGitHubStandIn(scenario());
  });
  afterAll(() => github?.close());

  const refusals: [string, Record<string, string>, Record<string, string>, RegExp][] = [
    [
      "without a token",
      {},
      {},
      /GitHub only shows and creates them with a token: set DISCUSSIONS_TOKEN or GITHUB_TOKEN\.\n[\s\S]*personal-access-tokens\/new\?[\s\S]*discussions=write/,
    ],
    [
      "a token that may only read",
      { GITHUB_TOKEN: READER },
      {},
      /^GitHub did not let GITHUB_TOKEN create a discussion in org\/reacties: it may read, not write, discussions there\.\n.*permissions: discussions: write/,
    ],
    [
      "a token GitHub refuses",
      { DISCUSSIONS_TOKEN: "github_pat_wrong" },
      {},
      /^GitHub did not accept DISCUSSIONS_TOKEN: it is mistyped, expired or revoked\./,
    ],
    [
      "comments not set up",
      { GITHUB_TOKEN: WRITER },
      { "_data/site.yaml": "title: Leergang\nurl: https://leergang.example.org\n" },
      /^Comments are not set up in content\/_data\/site\.yaml yet — run npm run setup -- <owner\/name> first/,
    ],
    [
      "no url for the links",
      { GITHUB_TOKEN: WRITER },
      { "_data/site.yaml": siteYamlWithComments().replace(/^url: .*\n/m, "") },
      /^content\/_data\/site\.yaml has no url, and each discussion links to its post/,
    ],
    [
      "broken content",
      { GITHUB_TOKEN: WRITER },
      { "posts/kapot.md": "---\ntitel: x\n---\n" },
      /^Fix these first \(npm run check lists them too\):\ncontent\/posts\/kapot\.md: /,
    ],
    [
      "a category id GitHub does not know",
      { GITHUB_TOKEN: WRITER },
      { "_data/site.yaml": siteYamlWithComments().replace("DIC_kwDOtest", "DIC_kwDOweg") },
      /^GitHub shows no repository org\/reacties with the category Reacties \(DIC_kwDOweg\) to GITHUB_TOKEN\./,
    ],
  ];

  test.each(refusals)("%s: one message, exit 1, nothing created", async (_, env, changed, message) => {
    const run = runCommand(tempProject({ files: { ...files, ...changed } }), "discussions", [], {
      GITHUB_GRAPHQL_URL: github.url,
      ...env,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(isPlainMessage(run.stderr)).toBe(true);
    expect(run.stdout + run.stderr).not.toMatch(/github_pat_discussions|github_pat_wrong/);
    expect(created(await github.state())).toEqual([]);
  });

  test("GitHub failing half-way: what was created stays, the message says so, and a second run finishes the job", async () => {
    const root = tempProject({ files });
    const env = { GITHUB_TOKEN: WRITER, GITHUB_GRAPHQL_URL: github.url };
    // The list and the first creation are answered; then GitHub's rate limit is used up.
    await github.fail({ mode: "rate-limit", after: 2 });
    const failed = runCommand(root, "discussions", [], env);
    await github.fail();
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain("  created       content/posts/leren-in-netwerken.md → #10 ");
    expect(failed.stderr).toBe(
      "GitHub's API rate limit is used up until 14:05 UTC. Try again after that.\nThe discussions created above stay; run it again to continue (it never makes a second one).\n",
    );
    const finished = runCommand(root, "discussions", [], env);
    expect(finished.stdout).toContain('In org/reacties, category "Reacties": 1 created, 2 already there, 4 skipped.\n');
    expect(created(await github.state()).map((d) => d.title)).toEqual([
      "posts/leren-in-netwerken/",
      "posts/loslaten-en-regie/",
    ]);
  });
});

const siteOf = (lang: "nl" | "en" = "nl"): Site =>
  siteFor({
    url: "https://leergang.example.org",
    lang,
    giscus: { repo: REPO, repoId: "R_kgDOtest", category: "Reacties", categoryId: "DIC_kwDOtest" },
  });

describe("a new discussion's text", () => {
  test("in English, with a session time; Markdown in front-matter is taken literally; only what the post has", () => {
    const { title, body } = newDiscussion(
      {
        slug: "a-b",
        data: postData({
          title: "Cost *and* [value]",
          date: "2026-11-26",
          author: "marjan",
          questions: ["Why <now>?"],
          session: { date: "2026-12-03T13:30", location: "Doorn" },
        }),
      },
      siteOf("en"),
    );
    expect(title).toBe("posts/a-b/");
    expect(body).toBe(
      [
        "# [Cost \\*and\\* \\[value\\]](https://leergang.example.org/posts/a-b/)",
        "**Questions to respond to**",
        "- Why \\<now\\>?",
        "Bring these questions to the session, or start answering below.",
        "**Session**\nWhen: Thursday, 3 December 2026, 13:30\nWhere: Doorn",
        discussionMarker("posts/a-b/"),
      ].join("\n\n"),
    );
    expect(
      newDiscussion({ slug: "kort", data: postData({ title: "Kort", date: "2026-11-26", author: "marjan" }) }, siteOf())
        .body,
    ).toBe(`# [Kort](https://leergang.example.org/posts/kort/)\n\n${discussionMarker("posts/kort/")}`);
  });
});

describe("a private cohort's discussions, in its private repository", () => {
  const PRIVATE = "org/groep";
  let github: GitHubStandIn;
  beforeAll(async () => {
    github = await startGitHubStandIn({
      tokens: { [WRITER]: { login: "marjan", write: [PRIVATE, REPO] } },
      repositories: [
        {
          id: "R_kgDOgroep",
          repo: PRIVATE,
          isPrivate: true,
          ownerType: "Organization",
          categories: [{ id: "DIC_kwDOgroep", name: "Reacties" }],
        },
        { id: "R_kgDOtest", repo: REPO, categories: [{ id: "DIC_kwDOtest", name: "Reacties" }] },
      ],
    });
  });
  afterAll(() => github?.close());

  const privateYaml = (repo: string, repoId: string, categoryId: string) =>
    siteYamlWithComments()
      .replace("org/reacties", repo)
      .replace("R_kgDOtest", repoId)
      .replace("DIC_kwDOtest", categoryId)
      .replace(/\ngiscus:/, "\nprivate: true\ngiscus:");

  test("carry the post itself — its text, questions and meeting — for members to read and answer from the e-mail", async () => {
    const root = tempProject({ files: { "_data/site.yaml": privateYaml(PRIVATE, "R_kgDOgroep", "DIC_kwDOgroep") } });
    const run = runCommand(root, "discussions", [], { GITHUB_TOKEN: WRITER, GITHUB_GRAPHQL_URL: github.url });
    expect(run.status, run.stderr).toBe(0);
    const state = await github.state();
    const made = state.repositories.find((r) => r.name === "groep")!.discussions;
    const loslaten = made.find((d) => d.title === "posts/loslaten-en-regie/")!;
    expect(loslaten.body).toMatch(
      /^# \[Loslaten en regie houden\]\(https:\/\/leergang\.example\.org\/posts\/loslaten-en-regie\/\)\n\n/,
    );
    // The post's own words, and its questions and meeting, as on a public site's.
    const text = readFileSync(join(root, "content/posts/loslaten-en-regie.md"), "utf8").split("---\n")[2]!.trim();
    expect(loslaten.body).toContain(text.split("\n\n")[0]!);
    expect(loslaten.body).toContain("**Vragen om op te reageren**");
    expect(loslaten.body).toContain("Kasteel Broekhuizen, Doorn");
    expect(loslaten.body).not.toContain("Het bericht staat op de afgeschermde site");
  });

  test("in a public repository they carry the title and the link only, as before: the rest is for the group", async () => {
    const root = tempProject({ files: { "_data/site.yaml": privateYaml(REPO, "R_kgDOtest", "DIC_kwDOtest") } });
    const run = runCommand(root, "discussions", [], { GITHUB_TOKEN: WRITER, GITHUB_GRAPHQL_URL: github.url });
    expect(run.status, run.stderr).toBe(0);
    const state = await github.state();
    const made = state.repositories.find((r) => r.name === "reacties")!.discussions;
    const body = made.find((d) => d.title === "posts/loslaten-en-regie/")!.body;
    expect(body.split("\n\n")[1]).toBe(
      "Het bericht staat op de afgeschermde site van de leergang, met de vragen en de bijeenkomst.",
    );
    expect(body).not.toContain("Vragen om op te reageren");
  });
});
