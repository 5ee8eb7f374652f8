// The facilitator's desk, the rules without GitHub: closing a post changes one line; merging an archive
// adds, takes out and keeps the right responses and reads back as written; the conversation's
// threading and who counts as a participant; which earlier responses a post shows.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { earlierIntroKey, shownEarlier } from "../../src/comments/earlier.ts";
import { parseYamlFile } from "../../src/content/frontmatter.ts";
import { earlierResponsesIn } from "../../src/content/post-files.ts";
import type { Problem } from "../../src/model/problems.ts";
import type { EarlierResponseData } from "../../src/model/schema.ts";
import { archiveEntry, archiveHeader, mergeArchive } from "../../src/commands/desk/archive-file.ts";
import { closeComments } from "../../src/commands/desk/close.ts";
import { facilitatorLogins, participantsOf } from "../../src/commands/desk/participants.ts";
import { fromGitHub, threaded, type DeskResponse } from "../../src/commands/desk/thread.ts";
import { writeAll } from "../../src/commands/desk/write-files.ts";
import type { GitHubComment } from "../../src/github/conversation.ts";
import { content, entry, index } from "../support/model.ts";

const file = "content/posts/x.md";

describe("closeComments", () => {
  test("adds `comments: false` before the closing line, in the file's own line endings", () => {
    expect(closeComments(file, "---\ntitle: X\ndate: 2026-01-01\nauthor: marjan\n---\n\nTekst.\n")).toEqual({
      status: "closed",
      text: "---\ntitle: X\ndate: 2026-01-01\nauthor: marjan\ncomments: false\n---\n\nTekst.\n",
    });
    const crlf = "---\r\ntitle: X\r\ndate: 2026-01-01\r\nauthor: marjan\r\n---\r\n\r\nTekst.\r\n";
    expect(closeComments(file, crlf)).toEqual({
      status: "closed",
      text: crlf.replace("author: marjan\r\n", "author: marjan\r\ncomments: false\r\n"),
    });
  });

  test("rewrites only the comments: line that is there; a closed post stays as it is", () => {
    const source = "---\ntitle: X # de titel\ncomments: true   # open\ndate: 2026-01-01\nauthor: marjan\n---\nTekst\n";
    expect(closeComments(file, source)).toEqual({
      status: "closed",
      text: source.replace("comments: true   # open\n", "comments: false\n"),
    });
    expect(closeComments(file, "---\ntitle: X\ncomments: false\n---\n")).toEqual({ status: "already closed" });
    // A body line that looks like front-matter is body.
    const body = "---\ntitle: X\n---\ncomments: true\n";
    expect(closeComments(file, body)).toEqual({
      status: "closed",
      text: "---\ntitle: X\ncomments: false\n---\ncomments: true\n",
    });
  });

  test("refuses what it cannot change by one line, and says what to do", () => {
    expect(closeComments(file, "---\ntitle: X\ncomments:\n  true\n---\n")).toEqual({
      status: "refused",
      message:
        "content/posts/x.md: could not set `comments: false` without changing more of the file — add the line `comments: false` to its front-matter yourself",
    });
    expect(closeComments(file, "geen front-matter")).toMatchObject({ status: "refused" });
  });
});

const response = (id: string, extra: Partial<DeskResponse> = {}): DeskResponse => ({
  id,
  login: "sanne",
  author: "sanne",
  url: "https://github.com/sanne",
  date: new Date(`2026-11-2${id.length}T10:00:00Z`),
  text: `Tekst ${id}`,
  ...extra,
});
const entries = (...list: DeskResponse[]) => list.map((r) => archiveEntry(r, "Europe/Amsterdam"));
const header = archiveHeader("X", "https://github.com/org/reacties/discussions/3");
const read = (text: string) => parseYamlFile("x.comments.yaml", text).data;
const valid = (text: string) => {
  const problems: Problem[] = [];
  earlierResponsesIn("content/posts/x.comments.yaml", text, problems);
  return problems;
};

describe("mergeArchive", () => {
  test("a new file: the header, then the responses in the import's order of fields", () => {
    const merged = mergeArchive(undefined, entries(response("A"), response("BB", { parent: "A" })), new Set(), header);
    expect(merged).toMatchObject({ added: 2, addedReplies: 1, removed: 0, kept: 0 });
    expect(merged.text).toBe(
      `${header}- id: A\n  author: sanne\n  github: sanne\n  url: https://github.com/sanne\n  date: 2026-11-21T11:00:00+01:00\n  text: Tekst A\n` +
        "- id: BB\n  parent: A\n  author: sanne\n  github: sanne\n  url: https://github.com/sanne\n  date: 2026-11-22T11:00:00+01:00\n  text: Tekst BB\n",
    );
    expect(valid(merged.text!)).toEqual([]);
  });

  test("nothing new: the file is not touched", () => {
    const first = mergeArchive(undefined, entries(response("A")), new Set(), header).text!;
    expect(mergeArchive(first, entries(response("A")), new Set(), header)).toEqual({
      added: 0,
      addedReplies: 0,
      removed: 0,
      kept: 1,
    });
  });

  test("a response taken out on GitHub goes, and its reply then answers the post; the rest keeps its comments", () => {
    const first = mergeArchive(
      undefined,
      entries(response("A"), response("BB", { parent: "A" }), response("CCC")),
      new Set(),
      header,
    ).text!;
    const edited = first.replace(
      "  author: sanne\n  github: sanne\n  url: https://github.com/sanne\n  date: 2026-11-23",
      "  # Naam gecorrigeerd\n  author: Sanne de Boer\n  github: sanne\n  url: https://github.com/sanne\n  date: 2026-11-23",
    );
    const merged = mergeArchive(
      edited,
      entries(response("BB"), response("CCC"), response("DDDD")),
      new Set(["A"]),
      header,
    );
    expect(merged).toMatchObject({ added: 1, removed: 1, kept: 2 });
    expect(read(merged.text!)).toEqual([
      { ...entries(response("BB"))[0] },
      { ...entries(response("CCC"))[0], author: "Sanne de Boer" },
      entries(response("DDDD"))[0],
    ]);
    expect(merged.text).toContain("# Naam gecorrigeerd");
    expect(valid(merged.text!)).toEqual([]);
  });

  test("an imported file keeps its bytes; a flow list or an empty file is extended all the same", () => {
    const imported = "# van WordPress\n- id: 12\n  author: Els\n  date: 2012-04-11T14:03\n  text: Mooi.";
    const merged = mergeArchive(imported, entries(response("A")), new Set(["12"]), header);
    // Only archived responses are ever taken out: an imported one with a matching id stays.
    expect(merged).toMatchObject({ added: 1, removed: 0 });
    expect(merged.text!.startsWith(`${imported}\n# Responses to "X", archived from GitHub`)).toBe(true);
    expect((read(merged.text!) as unknown[]).length).toBe(2);
    for (const existing of ["[]\n", "", "# nog leeg\n"]) {
      const text = mergeArchive(existing, entries(response("A")), new Set(), header).text!;
      expect(read(text), JSON.stringify(existing)).toEqual(entries(response("A")));
      expect(valid(text)).toEqual([]);
    }
  });
});

const comment = (id: string, extra: Partial<GitHubComment> = {}): GitHubComment => ({
  id,
  login: "sanne",
  createdAt: "2026-11-21T09:00:00Z",
  updatedAt: "2026-11-21T09:00:00Z",
  reactions: [],
  body: `Reactie ${id}`,
  minimized: false,
  deleted: false,
  replies: [],
  ...extra,
});

describe("the conversation", () => {
  test("hidden, deleted and empty responses are left out; a reply to one of them stays, marked a reply", () => {
    const { responses, leftOut, gone } = fromGitHub([
      comment("A", { replies: [comment("A1"), comment("A2", { minimized: true })] }),
      comment("B", { minimized: true, replies: [comment("B1", { login: null })] }),
      comment("C", { deleted: true, body: "" }),
      comment("D", { body: "  \n" }),
    ]);
    expect(responses.map((r) => [r.id, r.parent, r.reply ?? false, r.author])).toEqual([
      ["A", undefined, false, "sanne"],
      ["A1", "A", true, "sanne"],
      ["B1", undefined, true, "ghost"],
    ]);
    expect(leftOut).toEqual({ minimized: 2, deleted: 2 });
    expect([...gone]).toEqual(["A2", "B", "C", "D"]);
  });

  test("threads several levels deep, oldest first; a loop of parents stands on its own", () => {
    const tree = threaded([
      response("CCC", { parent: "A" }),
      response("A"),
      response("DDDD", { parent: "CCC" }),
      response("X", { parent: "Y" }),
      response("Y", { parent: "X" }),
    ]);
    expect(
      tree.map((t) => [t.response.id, t.replies.map((r) => [r.response.id, r.replies.map((x) => x.response.id)])]),
    ).toEqual([
      ["A", [["CCC", ["DDDD"]]]],
      ["X", []],
      ["Y", []],
    ]);
  });

  test("participants: not the facilitators (by GitHub login, any case), not a deleted account", () => {
    const model = content([]);
    const facilitators = facilitatorLogins({
      ...model.authors,
      marjan: { ...model.authors.marjan!, github: "MarjanDeVries" },
    });
    const people = participantsOf(
      [
        response("A"),
        response("B", { login: "marjandevries", author: "marjandevries" }),
        response("C", { login: "ghost", author: "ghost" }),
        response("D", { login: "Sanne" }),
        { ...response("E", { author: "Els" }), login: undefined },
      ],
      facilitators,
    );
    expect(people).toEqual(["sanne", "Els"]);
  });
});

describe("an archived response in the schema", () => {
  test("github: is a GitHub login; a mistake says how to write it", () => {
    expect(
      valid("- id: DC_1\n  author: sanne\n  github: sanne\n  date: 2026-11-21T10:00:00+01:00\n  text: Ja.\n"),
    ).toEqual([]);
    expect(
      valid("- id: DC_1\n  author: sanne\n  github: https://github.com/sanne\n  date: 2026-11-21T10:00\n  text: Ja.\n"),
    ).toEqual([
      {
        file: "content/posts/x.comments.yaml",
        field: "response 1: github",
        message: "is not a GitHub user name — write only the name, e.g. `github: sannedeboer`",
      },
    ]);
  });
});

describe("what the post shows of its earlier responses", () => {
  const imported: EarlierResponseData = { id: 1, author: "Els", date: "2012-04-11", text: "Oud." };
  const archived: EarlierResponseData = {
    id: "DC_1",
    author: "sanne",
    github: "sanne",
    date: "2026-11-21T10:00",
    text: "Nieuw.",
  };

  test("while the discussion is live only the imported ones, all of them once it is closed", () => {
    expect(shownEarlier([imported, archived], true)).toEqual([imported]);
    expect(shownEarlier([imported, archived], false)).toEqual([imported, archived]);
    expect([earlierIntroKey([imported]), earlierIntroKey([archived]), earlierIntroKey([imported, archived])]).toEqual([
      "earlierIntro",
      "earlierIntroArchived",
      "earlierIntroMixed",
    ]);
  });

  test("and counts them once: live posts count the discussion and the imported ones", () => {
    const model = content([
      entry("open", {}, "Tekst.", [imported, archived]),
      entry("dicht", { comments: false }, "Tekst.", [imported, archived]),
    ]);
    const posts = index(model, new Map([["open", 5]])).posts;
    expect(posts.map((p) => [p.slug, p.earlierCount, p.summary.responseCount, p.earlierIntro])).toEqual([
      ["dicht", 2, 2, "earlierIntroMixed"],
      ["open", 1, 6, "earlierIntro"],
    ]);
  });
});

describe("writeAll", () => {
  test("every file or none: one that cannot be written leaves the others as they were, and no temporary file behind", () => {
    const root = mkdtempSync(join(tmpdir(), "hoedoededa-write-"));
    try {
      writeFileSync(join(root, "a.md"), "oud");
      mkdirSync(join(root, "b.yaml"));
      writeFileSync(join(root, "b.yaml", "in-de-weg"), "");
      expect(() =>
        writeAll(root, [
          { path: "a.md", text: "nieuw" },
          { path: "b.yaml", text: "x" },
        ]),
      ).toThrow(/^Could not write b\.yaml \(EISDIR\) — nothing was changed\.$/);
      expect(readFileSync(join(root, "a.md"), "utf8")).toBe("oud");
      expect(readdirSync(root).sort()).toEqual(["a.md", "b.yaml"]);
      writeAll(root, [
        { path: "a.md", text: "nieuw" },
        { path: "c.yaml", text: "c" },
      ]);
      expect([readFileSync(join(root, "a.md"), "utf8"), readFileSync(join(root, "c.yaml"), "utf8")]).toEqual([
        "nieuw",
        "c",
      ]);
      expect(readdirSync(root).sort()).toEqual(["a.md", "b.yaml", "c.yaml"]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
