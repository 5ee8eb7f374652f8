// Response counts for list pages, against a local stand-in for GitHub's GraphQL API: pagination,
// matching the way giscus matches (strict hash, discussion number), the cache, and every way it can
// fail — after which the build still succeeds, without counts, with one warning.
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Site } from "../../src/content/load.ts";
import { giscusHash } from "../../src/comments/discussion.ts";
import { CACHE_MINUTES, liveResponses, matchResponses } from "../../src/comments/counts.ts";
import { categoryDiscussions } from "../../src/comments/github.ts";
import { startGraphqlStandIn, type GraphqlStandIn, type StandInDiscussion } from "../support/graphql-standin.ts";
import { siteFor } from "../support/model.ts";
import { buildSite, post } from "../support/site.ts";

const TOKEN = "ghp_standInSecret0123456789abcdef";
const giscus = { repo: "org/reacties", repoId: "R_1", category: "Reacties", categoryId: "DIC_1" };
const marker = (term: string) => `Reacties op dit bericht.\n\n<!-- sha1: ${giscusHash(term)} -->`;

/** The example site's posts have discussions with known counts; one is found by number. */
const discussions: StandInDiscussion[] = [
  { number: 1, title: "posts/welkom-in-de-leergang/", body: marker("posts/welkom-in-de-leergang/"), comments: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
  { number: 2, title: "Iets anders", body: marker("iets anders"), comments: [0, 0] },
  // The right title but no hash: strict giscus would not show it, so it does not count.
  { number: 3, title: "posts/loslaten-en-regie/", body: "Handmatig aangemaakt.", comments: [0, 0, 0] },
  { number: 4, title: "posts/leren-in-netwerken/", body: marker("posts/leren-in-netwerken/"), comments: [0] },
  { number: 42, title: "Oud gesprek", body: "Van het oude blog.", comments: [2, 2] },
];

const site = (env: Record<string, string> = {}): Site => siteFor({ giscus }, env);

const posts = [
  { slug: "welkom-in-de-leergang", data: {} },
  { slug: "leren-in-netwerken", data: {} },
  { slug: "loslaten-en-regie", data: {} },
  { slug: "terugblik", data: { discussion: 42 } },
];

let standIn: GraphqlStandIn;
beforeAll(async () => {
  standIn = await startGraphqlStandIn({ token: TOKEN, discussions, pageSize: 2 });
});
afterAll(() => standIn?.close());

describe("the GraphQL query", () => {
  test("follows the cursor through every page of the category and sums comments and replies", async () => {
    const before = (await standIn.requests()).length;
    const found = await categoryDiscussions({ endpoint: standIn.url, token: TOKEN, repo: "org/reacties", categoryId: "DIC_1" });
    expect(found.map((d) => [d.number, d.responses])).toEqual([[1, 11], [2, 2], [3, 3], [4, 1], [42, 6]]);
    const requests = (await standIn.requests()).slice(before);
    expect(requests.map((r) => r.variables.after)).toEqual([null, "2", "4"]);
    expect(requests[0]!.variables).toMatchObject({ owner: "org", name: "reacties", categoryId: "DIC_1" });
    expect(requests[0]!.authorization).toBe(`bearer ${TOKEN}`);
  });
});

describe("matching discussions to posts", () => {
  test("by giscus's strict hash of the term, or by number; no discussion yet is 0", async () => {
    const found = await categoryDiscussions({ endpoint: standIn.url, token: TOKEN, repo: "org/reacties", categoryId: "DIC_1" });
    expect(Object.fromEntries(matchResponses(posts, found))).toEqual({
      "welkom-in-de-leergang": 11,
      "leren-in-netwerken": 1,
      "loslaten-en-regie": 0,
      terugblik: 6,
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

    const cache = readdirSync(join(root, ".cache")).map((f) => readFileSync(join(root, ".cache", f), "utf8")).join("");
    expect(cache).toContain("posts/welkom-in-de-leergang/");
    expect(cache).not.toContain(TOKEN);
  });

  test.each([
    ["rate-limit", /rate limit is used up until 14:05 UTC/],
    ["graphql-rate-limit", /rate limit is used up/],
    ["server-error", /GitHub answered 502/],
  ] as const)("when GitHub fails (%s): no counts, one clear warning without the token", async (fail, reason) => {
    const failing = await startGraphqlStandIn({ token: TOKEN, discussions, fail });
    try {
      const root = mkdtempSync(join(tmpdir(), "hoedoededa-counts-"));
      const live = await liveResponses(site(), posts, { root, env: { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: failing.url } });
      expect(live.counts.size).toBe(0);
      expect(live.warning).toMatch(reason);
      expect(live.warning).not.toContain(TOKEN);
    } finally {
      failing.close();
    }
  });

  test("a wrong token or an unreachable endpoint is a warning too", async () => {
    const root = mkdtempSync(join(tmpdir(), "hoedoededa-counts-"));
    const wrong = await liveResponses(site(), posts, { root, env: { GITHUB_TOKEN: "ghp_wrong", GITHUB_GRAPHQL_URL: standIn.url } });
    expect(wrong.warning).toMatch(/did not accept GITHUB_TOKEN/);
    const closed = await liveResponses(site(), posts, { root, env: { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: "http://127.0.0.1:9/graphql" } });
    expect(closed.warning).toMatch(/could not be reached/);
  });

  test("are not asked for when comments are off in this build (preview without preview category)", async () => {
    const before = (await standIn.requests()).length;
    const live = await liveResponses(site({ CONTEXT: "deploy-preview" }), posts, { env: { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: standIn.url } });
    expect(live).toEqual({ counts: new Map() });
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

const siteYaml = `title: Leergang Samen Ontwerpen\nurl: https://leergang.example.org\nlang: nl\ngiscus:\n${Object.entries(giscus).map(([k, v]) => `  ${k}: ${v}`).join("\n")}\n`;

describe("a build with a token", () => {
  test("shows the counts on the home page, tag and author pages, and the token nowhere", () => {
    const built = buildSite({
      files: { "_data/site.yaml": siteYaml, "posts/terugblik.md": post({ title: "Terugblik", date: "2026-06-01", author: "marjan", tags: ["terugblik"], discussion: 42 }) },
      env: { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: standIn.url },
    });
    const home = readFileSync(join(built.out, "index.html"), "utf8");
    expect(home).toMatch(/href="\/posts\/welkom-in-de-leergang\/#reacties">11 reacties</);
    expect(home).toMatch(/href="\/posts\/leren-in-netwerken\/#reacties">1 reactie</);
    expect(home).toMatch(/href="\/posts\/loslaten-en-regie\/#reacties">Nog geen reacties</);
    // `comments: false`: no section, so no count either.
    expect(home).not.toContain("/posts/ontwerpen-voor-leren/#reacties");
    expect(home).toMatch(/href="\/posts\/terugblik\/#reacties">6 reacties</);
    expect(readFileSync(join(built.out, "tags/terugblik/index.html"), "utf8")).toContain("6 reacties");
    expect(readFileSync(join(built.out, "authors/marjan/index.html"), "utf8")).toMatch(/\d+ reacties|Nog geen reacties/);
    expect(built.stderr).not.toMatch(/\[hoedoededa\]/);
    for (const text of [siteText(built.out), built.stdout, built.stderr, siteText(join(built.root, ".cache"))]) expect(text).not.toContain(TOKEN);
  });

  test("that GitHub rate-limits still succeeds, without counts and with one warning", async () => {
    const limited = await startGraphqlStandIn({ token: TOKEN, discussions, fail: "rate-limit" });
    try {
      const built = buildSite({ files: { "_data/site.yaml": siteYaml }, env: { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: limited.url } });
      const warnings = built.stderr.split("\n").filter((line) => line.includes("[hoedoededa]"));
      expect(warnings).toEqual([expect.stringMatching(/Response counts are left out of the list pages: GitHub's API rate limit is used up/)]);
      expect(readFileSync(join(built.out, "index.html"), "utf8")).not.toContain("summary__responses");
      expect(siteText(built.out) + built.stderr + built.stdout).not.toContain(TOKEN);
    } finally {
      limited.close();
    }
  });
});
