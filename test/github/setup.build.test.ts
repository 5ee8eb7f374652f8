// `npm run setup -- owner/repo`, against the schema-validating GitHub stand-in: it writes the four
// giscus values into site.yaml and changes no other byte; every failure is one clear message, exit 1,
// and site.yaml untouched.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { chooseCategory, parseRepository, setupComments, type Repository } from "../../src/commands/github/setup.ts";
import { withGiscusValues } from "../../src/commands/github/site-yaml.ts";
import { tokenLink } from "../../src/commands/github/token-help.ts";
import { askChoice } from "../../src/commands/prompt.ts";
import { ToolError } from "../../src/commands/tool-error.ts";
import { startGitHubStandIn, type GitHubStandIn } from "../support/github-standin.ts";
import { tempProject } from "../support/site.ts";
import { isPlainMessage, runCommand } from "./run.ts";

const TOKEN = "github_pat_setupTestSecret0123";
let github: GitHubStandIn;

beforeAll(async () => {
  github = await startGitHubStandIn({
    tokens: { [TOKEN]: { login: "marjan", read: ["org/geheim", "marjan/groep"] } },
    repositories: [
      {
        id: "R_kgDOreacties",
        repo: "org/reacties",
        categories: [
          { name: "Algemeen" },
          { id: "DIC_kwDOreacties", name: "Reacties" },
          { id: "DIC_kwDOideeen", name: "Ideeën" },
        ],
      },
      {
        id: "R_kgDOengels",
        repo: "org/Cohort-Responses",
        categories: [{ name: "General" }, { id: "DIC_kwDOcomments", name: "Comments" }, { name: "Announcements" }],
      },
      { repo: "org/geen-voorkeur", categories: [{ name: "Algemeen" }, { name: "Ideeën" }] },
      { repo: "org/uit", hasDiscussionsEnabled: false, categories: [] },
      { repo: "org/leeg", categories: [] },
      {
        id: "R_kgDOgeheim",
        repo: "org/geheim",
        isPrivate: true,
        ownerType: "Organization",
        categories: [{ id: "DIC_kwDOgeheim", name: "Reacties" }],
      },
      {
        id: "R_kgDOpersoonlijk",
        repo: "marjan/groep",
        isPrivate: true,
        categories: [{ id: "DIC_kwDOgroep", name: "Reacties" }],
      },
      { repo: "org/verborgen", isPrivate: true, categories: [{ name: "Reacties" }] },
    ],
  });
});
afterAll(() => github?.close());

/** A site.yaml a facilitator has lived with: comments, blank lines, inline notes, a setting after giscus. */
const lived = `# Instellingen voor de hele site.
title: Leergang Samen Ontwerpen
url: https://leergang.example.org   # het adres van de site

lang: nl

# Reacties via GitHub Discussions (giscus).
giscus:
  repo: ""            # organisatie/naam
  repoId: ''
  # de categorie voor reacties
  category:
  categoryId: ""

  inputPosition: top
timezone: Europe/Amsterdam
`;

function project(siteYaml = lived): { root: string; siteYaml: () => string } {
  const root = tempProject({ files: { "_data/site.yaml": siteYaml } });
  return { root, siteYaml: () => readFileSync(join(root, "content/_data/site.yaml"), "utf8") };
}

const env = (extra: Record<string, string> = {}) => ({ GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: github.url, ...extra });

describe("npm run setup", () => {
  test("writes the four values into site.yaml and not one other byte", () => {
    const { root, siteYaml } = project();
    const run = runCommand(root, "setup", ["org/reacties"], env());
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(siteYaml()).toBe(
      lived
        .replace('repo: ""  ', 'repo: "org/reacties"  ')
        .replace("repoId: ''", "repoId: 'R_kgDOreacties'")
        .replace("category:\n", "category: Reacties\n")
        .replace('categoryId: ""', 'categoryId: "DIC_kwDOreacties"'),
    );
    // Line by line: only the four lines changed, and each only after its key.
    const [before, after] = [lived.split("\n"), siteYaml().split("\n")];
    expect(after).toHaveLength(before.length);
    const changed = before.flatMap((line, i): [string, string][] => (line === after[i] ? [] : [[line, after[i]!]]));
    expect(changed.map(([old]) => old.trim().split(":")[0])).toEqual(["repo", "repoId", "category", "categoryId"]);
    for (const [old, now] of changed) expect(now.startsWith(old.slice(0, old.indexOf(":") + 1))).toBe(true);

    expect(run.stdout).toContain(
      "Written to content/_data/site.yaml:\n  repo: org/reacties\n  repoId: R_kgDOreacties\n  category: Reacties\n  categoryId: DIC_kwDOreacties",
    );
    expect(run.stdout).toContain("https://github.com/apps/giscus");
    expect(run.stdout).toMatch(/cannot check it: only the giscus app itself can ask GitHub whether it is installed/);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  test("the example site's empty giscus block, from a URL, with --category in any case", () => {
    const example = readFileSync(join(import.meta.dirname, "../../content/_data/site.yaml"), "utf8");
    const { root, siteYaml } = project(example);
    const run = runCommand(
      root,
      "setup",
      ["https://github.com/org/reacties/discussions", "--category", "ideeën"],
      env(),
    );
    expect(run.status).toBe(0);
    expect(siteYaml()).toBe(
      example.replace(
        /giscus:[\s\S]*$/,
        'giscus:\n  repo: "org/reacties"\n  repoId: "R_kgDOreacties"\n  category: "Ideeën"\n  categoryId: "DIC_kwDOideeen"\n',
      ),
    );
  });

  test("picks Reacties, else Comments, else Announcements; keeps GitHub's spelling of the name", () => {
    const { root, siteYaml } = project("title: Leergang\n");
    expect(runCommand(root, "setup", ["org/cohort-responses"], env()).status).toBe(0);
    expect(siteYaml()).toBe(
      "title: Leergang\ngiscus:\n  repo: org/Cohort-Responses\n  repoId: R_kgDOengels\n  category: Comments\n  categoryId: DIC_kwDOcomments\n",
    );
  });

  describe("a private site (private: true): the group's conversation in a private repository", () => {
    const privateSite = "title: Leergang\nprivate: true\n";

    test("an organisation's private repository: written, members can be given read access, and never giscus", () => {
      const { root, siteYaml } = project(privateSite);
      const run = runCommand(root, "setup", ["org/geheim"], env());
      expect(run.status, run.stderr).toBe(0);
      expect(siteYaml()).toContain("repoId: R_kgDOgeheim");
      expect(run.stdout).toContain(
        "org/geheim is private: the group's conversation stays there, readable by its members only",
      );
      expect(run.stdout).toContain("It belongs to the organisation org, which can give members read access only");
      expect(run.stdout).toContain("Do NOT install the giscus app on org/geheim");
      expect(run.stdout).toContain("npm run members -- add <github-user>…");
      expect(run.stdout).not.toContain("https://github.com/apps/giscus");
    });

    test("a person's private repository: written, and says that every member could write, recommending an organisation", () => {
      const { root } = project(privateSite);
      const run = runCommand(root, "setup", ["marjan/groep"], env());
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(
        "It belongs to marjan, a person: GitHub gives every collaborator of a person's repository write access",
      );
    });

    test("a public repository for a private site is refused: the group's responses would be public", () => {
      const { root, siteYaml } = project(privateSite);
      const run = runCommand(root, "setup", ["org/reacties"], env());
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        /^org\/reacties is public, and this site is private \(private: true\): anyone could read the group's responses on GitHub/,
      );
      expect(siteYaml()).toBe(privateSite);
    });
  });

  const failures: [string, string[], Record<string, string>, RegExp][] = [
    ["no repository given", [], {}, /^Which repository\? .*\nUsage: npm run setup -- /],
    [
      "not a repository",
      ["leergang reacties"],
      {},
      /"leergang reacties" is not a GitHub repository — write it as owner\/name/,
    ],
    ["not on GitHub", ["https://gitlab.com/org/reacties"], {}, /is not on GitHub/],
    ["an unknown option", ["org/reacties", "--categorie", "x"], {}, /Unknown option '--categorie'.*\nUsage:/s],
    [
      "no token",
      ["org/reacties"],
      { GITHUB_TOKEN: "" },
      /GITHUB_TOKEN is not set[\s\S]*personal-access-tokens\/new\?[\s\S]*Only select repositories" → org\/reacties/,
    ],
    [
      "a token GitHub refuses",
      ["org/reacties"],
      { GITHUB_TOKEN: "github_pat_wrong" },
      /^GitHub did not accept GITHUB_TOKEN: it is mistyped, expired or revoked\.\n[\s\S]*personal-access-tokens\/new/,
    ],
    [
      "a repository that does not exist",
      ["org/bestaat-niet"],
      {},
      /^GitHub shows no repository org\/bestaat-niet to this token\. Check the spelling/,
    ],
    [
      "a private repository the token cannot read",
      ["org/verborgen"],
      {},
      /^GitHub shows no repository org\/verborgen to this token/,
    ],
    [
      "Discussions off",
      ["org/uit"],
      {},
      /^Discussions are off in org\/uit\. Switch them on: https:\/\/github\.com\/org\/uit\/settings → General → Features → Discussions/,
    ],
    [
      "a private repository for a public site",
      ["org/geheim"],
      {},
      /^org\/geheim is private, and the responses of a public site are shown by giscus, which works only with public repositories[\s\S]*set private: true/,
    ],
    [
      "no categories",
      ["org/leeg"],
      {},
      /^org\/leeg has no discussion categories yet\. .*https:\/\/github\.com\/org\/leeg\/discussions\/categories/,
    ],
    [
      "an unknown category",
      ["org/reacties", "--category", "Vragen"],
      {},
      /^org\/reacties has no category "Vragen"\. Its categories:\n {2}- Algemeen\n {2}- Reacties\n {2}- Ideeën\n/,
    ],
    [
      "no preferred category and no terminal to ask",
      ["org/geen-voorkeur"],
      {},
      /^Which category should the responses go to\? org\/geen-voorkeur has:\n {2}- Algemeen\n {2}- Ideeën\nRun it again with --category/,
    ],
    [
      "GitHub unreachable",
      ["org/reacties"],
      { GITHUB_GRAPHQL_URL: "http://127.0.0.1:9/graphql" },
      /^GitHub could not be reached \(the request failed\)\. Check the internet connection/,
    ],
  ];

  test.each(failures)("refuses (%s): one message, exit 1, site.yaml untouched", (_, args, extra, message) => {
    const { root, siteYaml } = project();
    const run = runCommand(root, "setup", args, env(extra));
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(isPlainMessage(run.stderr)).toBe(true);
    expect(run.stderr).not.toContain(TOKEN);
    expect(siteYaml()).toBe(lived);
  });

  test.each([
    [
      "rate-limit",
      /^GitHub's API rate limit is used up until 14:05 UTC\. Try again after that\.\nNothing was changed in content\/_data\/site\.yaml\.\n$/,
    ],
    ["graphql-rate-limit", /^GitHub's API rate limit is used up until 14:05 UTC\. Try again after that\./],
    ["server-error", /^GitHub answered 502 Bad Gateway\. GitHub may be having trouble/],
  ] as const)("refuses when GitHub fails (%s)", async (mode, message) => {
    await github.fail({ mode });
    try {
      const { root, siteYaml } = project();
      const run = runCommand(root, "setup", ["org/reacties"], env());
      expect([run.status, run.stdout]).toEqual([1, ""]);
      expect(run.stderr).toMatch(message);
      expect(siteYaml()).toBe(lived);
    } finally {
      await github.fail();
    }
  });

  test("refuses when GitHub does not answer, after the time limit, and writes nothing", async () => {
    await github.fail({ mode: "hang" });
    try {
      const { root, siteYaml } = project();
      const failed = await setupComments(root, { target: "org/reacties" }, { env: env(), timeoutSeconds: 0.5 }).catch(
        (e: unknown) => e,
      );
      expect(failed).toBeInstanceOf(ToolError);
      expect((failed as Error).message).toBe(
        "GitHub could not be reached (no answer within 0.5 seconds). Check the internet connection and try again.\nNothing was changed in content/_data/site.yaml.",
      );
      expect(siteYaml()).toBe(lived);
    } finally {
      await github.fail();
    }
  });

  test("a site.yaml it cannot read is reported before GitHub is asked", async () => {
    const broken = 'title: [Leergang\ngiscus:\n  repo: ""\n';
    const { root, siteYaml } = project(broken);
    const before = (await github.requests()).length;
    const run = runCommand(root, "setup", ["org/reacties"], env());
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^content\/_data\/site\.yaml: cannot be read \(line \d+: .*\) — fix it first \(npm run check shows the problem\) — nothing was changed\.\n$/,
    );
    expect(siteYaml()).toBe(broken);
    expect((await github.requests()).length).toBe(before);
  });
});

describe("what setup reads and asks", () => {
  test("the repository from owner/name, a URL of any page in it, or a clone address", () => {
    for (const input of [
      "org/reacties",
      " https://github.com/org/reacties ",
      "github.com/org/reacties/discussions/3",
      "https://www.github.com/org/reacties.git",
      "git@github.com:org/reacties.git",
      "org/reacties/",
    ]) {
      expect(parseRepository(input)).toEqual({ owner: "org", name: "reacties" });
    }
    for (const input of ["org", "org/", "/reacties", "-org/reacties", "org/re acties", "org/.."])
      expect(() => parseRepository(input)).toThrow(ToolError);
  });

  test("at a terminal it asks for the category by number", async () => {
    const repo: Repository = {
      id: "R",
      nameWithOwner: "org/x",
      url: "https://github.com/org/x",
      isPrivate: false,
      owner: { __typename: "Organization", login: "org" },
      hasDiscussionsEnabled: true,
      categories: [
        { id: "A", name: "Algemeen" },
        { id: "I", name: "Ideeën" },
      ],
    };
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = "";
    output.on("data", (chunk) => (shown += chunk));
    const picked = chooseCategory(repo, undefined, (categories) =>
      askChoice(
        "Which category should the responses go to?",
        categories.map((c) => ({ key: c.id, label: c.name })),
        "Number",
        input,
        output,
      ),
    );
    input.end("7\n2\n");
    expect(await picked).toEqual({ id: "I", name: "Ideeën" });
    expect(shown).toBe(
      'Which category should the responses go to?\n  1) Algemeen\n  2) Ideeën\nNumber [1-2]: "7" is not in the list.\nNumber [1-2]: ',
    );
  });

  test("the token link asks for exactly what the commands need, from the repository's owner", () => {
    const link = new URL(tokenLink("org"));
    expect(link.origin + link.pathname).toBe("https://github.com/settings/personal-access-tokens/new");
    expect(Object.fromEntries(link.searchParams)).toEqual({
      name: "hoedoededa reacties",
      description: expect.stringContaining("read and write its discussions"),
      target_name: "org",
      expires_in: "366",
      metadata: "read",
      discussions: "write",
    });
    // The manual gives the same link (without an owner), so a facilitator can make the token before setup.
    expect(readFileSync(join(import.meta.dirname, "../../docs/reacties-instellen.md"), "utf8")).toContain(
      `<${tokenLink()}>`,
    );
    // GitHub's limits for the pre-filled fields: 40 characters for the name, 1024 for the description.
    expect(link.searchParams.get("name")!.length).toBeLessThanOrEqual(40);
    expect(link.searchParams.get("description")!.length).toBeLessThanOrEqual(1024);
  });

  test("site.yaml without a giscus block gets one at the end; one in braces is only refused when keys are missing", () => {
    const values = { repo: "org/x", repoId: "R", category: "Reacties", categoryId: "C" };
    expect(withGiscusValues("title: X", values)).toBe(
      "title: X\ngiscus:\n  repo: org/x\n  repoId: R\n  category: Reacties\n  categoryId: C\n",
    );
    expect(withGiscusValues("giscus: { repo: '', repoId: '', category: '', categoryId: '' } # ids\n", values)).toBe(
      "giscus: { repo: 'org/x', repoId: 'R', category: 'Reacties', categoryId: 'C' } # ids\n",
    );
    expect(() => withGiscusValues("giscus: { repo: '' }\n", values)).toThrow(/one per line/);
    expect(() => withGiscusValues("- a\n- b\n", values)).toThrow(/must be settings/);
  });
});
