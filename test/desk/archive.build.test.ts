// `npm run archive`, against the schema-validating GitHub stand-in: a discussion with 120 comments and
// a comment with 150 replies archived whole; hidden and deleted responses left out; imported ones
// kept byte for byte; a second run changes nothing; --close changes one line; a failure half-way
// changes nothing; and the post page shows the archive only once the live section is closed.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { settingsFromEnv } from "../../src/model/build.ts";
import { loadContent } from "../../src/content/load.ts";
import { discard, read } from "../support/html.ts";
import { startGitHubStandIn, type GitHubStandIn } from "../support/github-standin.ts";
import { build, repoRoot, tempProject } from "../support/site.ts";
import { isPlainMessage, runCommand } from "../github/run.ts";
import { deskFiles, deskScenario, importedWelkom, TOKEN } from "./scenario.ts";

let github: GitHubStandIn;
beforeAll(async () => {
  github = await startGitHubStandIn(deskScenario());
});
afterAll(() => github?.close());

const env = () => ({ GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: github.url });
const posts = (root: string) => join(root, "content/posts");
/** Every file of content/posts/ with its text and modification time: what "nothing changed" means. */
const snapshot = (root: string) =>
  Object.fromEntries(
    readdirSync(posts(root))
      .sort()
      .map((f) => [f, `${statSync(join(posts(root), f)).mtimeMs} ${readFileSync(join(posts(root), f), "utf8")}`]),
  );
const earlier = (root: string, slug: string) =>
  loadContent(root, settingsFromEnv({})).posts.find((p) => p.slug === slug)!.earlierResponses;

describe("npm run archive", () => {
  let root: string;
  beforeAll(() => {
    root = tempProject({ files: deskFiles });
  });

  test("keeps the whole discussion — past 100 comments and 100 replies — and leaves hidden and deleted ones out", async () => {
    const before = (await github.requests()).length;
    const run = runCommand(root, "archive", ["loslaten-en-regie", "welkom-in-de-leergang"], env());
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")).toEqual([
      "  content/posts/loslaten-en-regie.comments.yaml     #3 · 271 responses archived (151 replies), left out: 2 hidden, 1 deleted",
      "  content/posts/welkom-in-de-leergang.comments.yaml #1 · 3 responses archived (1 reply)",
      'From org/reacties, category "Reacties": 2 posts, 274 responses archived, 2 files written.',
      "The live discussion stays under each post; its archived copy takes over when the comments are closed (add --close, or comments: false). Commit the files to keep them.",
      "",
    ]);
    // The category once, the big discussion in two pages of comments, its 150 replies in a second page, the small one once.
    const queries = (await github.requests()).slice(before).map((r) => r.query.match(/^(query|mutation) (\w+)/)?.[2]);
    expect(queries).toEqual([
      "CategoryDiscussions",
      "DiscussionComments",
      "DiscussionConversation",
      "DiscussionConversation",
      "CommentReplies",
      "DiscussionConversation",
    ]);

    const responses = earlier(root, "loslaten-en-regie");
    expect(responses).toHaveLength(271);
    expect(new Set(responses.map((r) => r.id)).size).toBe(271);
    const state = await github.state();
    const discussion = state.repositories[0]!.discussions.find((d) => d.number === 3)!;
    const [first, spam, deleted, ghost, fifth] = discussion.comments;
    // The 150 replies under their comment, each GitHub's own id.
    expect(responses.filter((r) => r.parent === first!.id).map((r) => r.id)).toEqual(first!.replies.map((r) => r.id));
    expect(responses.find((r) => r.id === first!.id)).toEqual({
      id: first!.id,
      author: "sanne",
      github: "sanne",
      url: "https://github.com/sanne",
      date: "2026-11-21T09:00:00+01:00",
      text: "Loslaten begint bij **vertrouwen**.\nEn bij tijd.",
    });
    // Hidden and deleted ones are not there; their replies are, as responses to the post.
    const ids = new Set(responses.map((r) => r.id));
    expect([spam!.id, deleted!.id, fifth!.replies[0]!.id].filter((id) => ids.has(id))).toEqual([]);
    expect(
      responses
        .filter((r) => [spam!.replies[0]!.id, deleted!.replies[0]!.id].includes(String(r.id)))
        .map((r) => [r.author, r.parent]),
    ).toEqual([
      ["pieter", undefined],
      ["yara", undefined],
    ]);
    expect(responses.find((r) => r.id === ghost!.id)).toMatchObject({ author: "ghost", github: "ghost" });

    // The imported responses stay as they were, byte for byte; GitHub's come after them.
    const welkom = read(root, "content/posts/welkom-in-de-leergang.comments.yaml");
    expect(welkom.startsWith(importedWelkom)).toBe(true);
    expect(welkom.slice(importedWelkom.length).split("\n")[0]).toBe(
      '# Responses to "Welkom in de leergang", archived from GitHub: https://github.com/org/reacties/discussions/1',
    );
    expect(earlier(root, "welkom-in-de-leergang").map((r) => [r.author, r.parent !== undefined])).toEqual([
      ["Els van Dijk", false],
      ["sanne", false],
      [FACILITATOR_LOGIN, true],
      ["pieter", false],
    ]);
    expect(loadContent(root, settingsFromEnv({})).problems).toEqual([]);
  });

  test("a second run changes nothing", () => {
    const before = snapshot(root);
    const run = runCommand(root, "archive", ["--all"], env());
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "  content/posts/loslaten-en-regie.comments.yaml     #3 · nothing new, 271 already archived, left out: 2 hidden, 1 deleted\n",
    );
    expect(run.stdout).toContain("  content/posts/ontwerpen-voor-leren.md             no discussion on GitHub yet\n");
    expect(run.stdout).toContain(
      "  content/posts/leren-in-netwerken.comments.yaml    #2 · 7 responses archived (3 replies)\n",
    );
    // The draft is not among --all's posts.
    expect(run.stdout).not.toContain("terugblik-eerste-jaar");
    const third = runCommand(root, "archive", ["--all"], env());
    expect(third.stdout).toContain("4 posts, 0 responses archived, nothing to write.");
    const after = snapshot(root);
    expect(Object.keys(after).filter((f) => !(f in before))).toEqual(["leren-in-netwerken.comments.yaml"]);
    for (const [file, text] of Object.entries(before)) expect(after[file], file).toBe(text);
  });

  test("--close sets comments: false and changes no other byte; the post then shows its conversation read-only", () => {
    const source = read(root, "content/posts/loslaten-en-regie.md");
    const run = runCommand(root, "archive", ["loslaten-en-regie", "--close"], env());
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("comments closed\n");
    expect(run.stdout).toContain(
      "1 post closed, 1 file written.\nThe closed posts now show their conversation read-only",
    );
    const closed = read(root, "content/posts/loslaten-en-regie.md");
    const [head, rest] = [source.slice(0, source.indexOf("\n---") + 1), source.slice(source.indexOf("\n---") + 1)];
    expect(closed).toBe(`${head}comments: false\n${rest}`);
    // Again: nothing more to do.
    const again = runCommand(root, "archive", ["loslaten-en-regie", "--close"], env());
    expect(again.stdout).toContain("comments were already closed");
    expect(read(root, "content/posts/loslaten-en-regie.md")).toBe(closed);
  });

  test("the site shows an archived copy only where the live section is closed, and never counts a response twice", async () => {
    const built = build(root, { env: {} });
    try {
      expect(built.status, built.stderr).toBe(0);
      const closed = read(built.out, "posts/loslaten-en-regie/index.html");
      expect(closed).toContain("Eerdere reacties (271)");
      expect(closed).toContain("Bewaard uit het gesprek op GitHub. Op deze reacties kun je niet meer antwoorden.");
      expect(closed).not.toContain('id="reacties"');
      // GitHub's line breaks, as on GitHub.
      expect(closed).toContain("<p>Loslaten begint bij <strong>vertrouwen</strong>.<br>\nEn bij tijd.</p>");
      const report = await new HtmlValidate(new FileSystemConfigLoader()).validateString(
        closed,
        join(repoRoot, "_site/posts/loslaten-en-regie/index.html"),
      );
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}: ${m.ruleId} ${m.message}`))).toEqual([]);
      // Still live: the widget shows the discussion, so only the imported response is above it.
      const live = read(built.out, "posts/welkom-in-de-leergang/index.html");
      expect(live).toContain("Eerdere reacties (1)");
      expect(live).toContain("Overgenomen van het vorige blog.");
      expect(live).not.toContain("Fijn om te beginnen.");
      const home = read(built.out, "index.html");
      expect(home).toContain("271 reacties");
    } finally {
      discard({ root: "", out: built.out });
    }
  });

  test("a response hidden or deleted on GitHub since is taken out; a reply to it stays, as a response to the post", async () => {
    const since = await startGitHubStandIn(deskScenario({ since: true }));
    try {
      const run = runCommand(root, "archive", ["loslaten-en-regie"], {
        GITHUB_TOKEN: TOKEN,
        GITHUB_GRAPHQL_URL: since.url,
      });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(
        "#3 · nothing new, 269 already archived, 2 taken out: hidden or deleted on GitHub since, left out: 3 hidden, 2 deleted",
      );
      const responses = earlier(root, "loslaten-en-regie");
      expect(responses).toHaveLength(269);
      expect(loadContent(root, settingsFromEnv({})).problems).toEqual([]);
      // The rest of the file is as it was: the header and the first response's lines unchanged.
      expect(read(root, "content/posts/loslaten-en-regie.comments.yaml").split("\n").slice(0, 6).join("\n")).toMatch(
        /^# Responses to "Loslaten en regie houden", archived from GitHub: https:\/\/github.com\/org\/reacties\/discussions\/3\n/,
      );
    } finally {
      since.close();
    }
  });
});

describe("npm run archive changes nothing when it cannot finish", () => {
  test("GitHub failing half-way: one message, exit 1, no file changed or left behind", async () => {
    const root = tempProject({ files: deskFiles });
    const before = snapshot(root);
    const failing = await startGitHubStandIn({ ...deskScenario(), failure: { mode: "server-error", after: 4 } });
    try {
      const run = runCommand(root, "archive", ["--all", "--close"], {
        GITHUB_TOKEN: TOKEN,
        GITHUB_GRAPHQL_URL: failing.url,
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim()).toBe(
        "GitHub answered 502 Bad Gateway. GitHub may be having trouble (https://www.githubstatus.com); try again later.\nNothing was changed.",
      );
      expect(isPlainMessage(run.stderr)).toBe(true);
    } finally {
      failing.close();
    }
    expect(snapshot(root)).toEqual(before);
  });

  test("no token, an unknown post, both --all and names: what to do, and nothing written", () => {
    const root = tempProject({ files: deskFiles });
    const before = snapshot(root);
    const none = runCommand(root, "archive", ["--all"], { GITHUB_GRAPHQL_URL: github.url });
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("GitHub only shows discussions to a token: set GITHUB_TOKEN");
    expect(none.stderr).toContain("Then: GITHUB_TOKEN=github_pat_… npm run archive -- --all");
    const unknown = runCommand(root, "archive", ["loslaten-en-regi", "bestaat-niet"], env());
    expect(unknown.stderr.trim()).toBe(
      "There is no post content/posts/loslaten-en-regi.md — did you mean loslaten-en-regie?\nThere is no post content/posts/bestaat-niet.md",
    );
    const both = runCommand(root, "archive", ["--all", "welkom-in-de-leergang"], env());
    expect(both.stderr).toContain("Either --all or the posts by name, not both.");
    for (const run of [none, unknown, both]) expect([run.status, isPlainMessage(run.stderr)]).toEqual([1, true]);
    expect(snapshot(root)).toEqual(before);
  });
});

const FACILITATOR_LOGIN = "marjandevries";
