// `npm run check`: the build's own problems, all at once, plus what the build cannot see file by
// file; a summary line; exit code 0 or 1; --json for editors and CI.
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, test } from "vitest";
import { runCheck, type CheckResult } from "../../src/commands/check/run.ts";
import { build, post, tempProject } from "../support/site.ts";
import { runScript, type Run } from "../support/cli.ts";
import { cleanEnv } from "../support/env.ts";

const valid = { title: "Een bericht", date: "2012-04-11", author: "marjan" };

/** Every kind of mistake at once: the build's, and the cross-file ones. */
const broken: Record<string, string> = {
  // The build's own problems.
  "posts/kapot.md": "---\ntitel: Kapot\ndate: 11-04-2012\nauthor: piet\n---\n\nTekst.\n",
  "posts/Hoofdletters.md": post(valid),
  "posts/syntax.md": "---\ntitle: Leren: een begin\ndate: 2012-04-11\nauthor: marjan\n---\n",
  // Cross-file problems.
  "posts/dubbel.md": post({ ...valid, title: "Welkom in de leergang" }),
  "posts/links.md": post(
    { ...valid, title: "Links", tags: ["Reflectie"] },
    [
      "Eerste alinea.",
      "",
      "Zie [een ander bericht](/posts/leren-in-netwerk/) en [dit](https://leergang.example.org/posts/bestaat-niet/#x).",
      "",
      "![Foto](/img/niet-er.jpg)",
      "",
      '<p><img src="foto.jpg" alt=""></p>',
      "",
      "[Goed](/posts/welkom-in-de-leergang/) [ook goed](/img/marjan.svg) [onderwerp](/tags/bestaat-niet/) [concept](/posts/concept/)",
    ].join("\n"),
  ),
  "posts/concept.md": post({ ...valid, title: "Concept", draft: true }),
  "tags.md": "---\ntitle: Onderwerpen\n---\n\nEen pagina op een plek die de site zelf gebruikt.\n",
  "_data/redirects.yaml": "/2012/04/11/oud/: /posts/verdwenen/\n",
};

describe("the example site", () => {
  let run: Run;
  beforeAll(() => {
    const root = tempProject();
    // Through npm, as the manual says to run it.
    const result = spawnSync("npm", ["run", "--silent", "check"], {
      cwd: root,
      encoding: "utf8",
      env: cleanEnv(),
      timeout: 60_000,
    });
    run = { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr, ms: 0 };
  });

  test("passes, with the tag spellings it deliberately has as warnings, and a summary line", () => {
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines.at(-1)).toMatch(/^No problems, 2 warnings in 2 files \(5 posts and 2 pages checked in \d+ ms\)\.$/);
    expect(run.stdout).toContain(
      'content/posts/leren-in-netwerken.md: tags: warning: "Sociale media" is written "sociale media" in content/posts/loslaten-en-regie.md',
    );
  });
});

describe("a site with every kind of mistake", () => {
  let root: string;
  let text: Run;
  let json: Run;
  let result: CheckResult;
  let buildErrors: string;

  beforeAll(() => {
    root = tempProject({ files: broken });
    text = runScript(root, "check");
    json = runScript(root, "check", ["--json"]);
    result = runCheck(root, {});
    buildErrors = build(root).stderr;
  });

  test("exit code 1, one line per finding, and a summary line that counts them", () => {
    expect(text.status).toBe(1);
    const lines = text.stdout.trim().split("\n");
    expect(lines.at(-1)!.replace(/in \d+ ms/, "in … ms")).toBe(
      "14 problems and 3 warnings in 9 files (9 posts and 3 pages checked in … ms). The site cannot be built until the problems are fixed.",
    );
    expect(lines.filter((line) => /^content\/\S+: /.test(line))).toHaveLength(17);
    expect(result).toMatchObject({ problems: 14, warnings: 3 });
  });

  test("every problem the build reports is reported by check, in the same words", () => {
    const fromBuild = buildErrors.split("\n").filter((line) => /^content\/\S+: /.test(line));
    expect(fromBuild.length).toBeGreaterThanOrEqual(6);
    for (const line of fromBuild) expect(text.stdout).toContain(line);
  });

  test.each([
    [
      "a duplicate title",
      'content/posts/welkom-in-de-leergang.md: title: "Welkom in de leergang" is also the title of content/posts/dubbel.md — give one of them a different title',
    ],
    [
      "a link to a post that does not exist, with the nearest one",
      "content/posts/links.md: line 10: links to /posts/leren-in-netwerk/, but there is no such post — did you mean /posts/leren-in-netwerken/?",
    ],
    [
      "an absolute link to this site",
      "content/posts/links.md: line 10: links to /posts/bestaat-niet/, but there is no such post — check the address",
    ],
    [
      "a missing image",
      "content/posts/links.md: line 12: the image /img/niet-er.jpg, which is missing — put it in content/img/niet-er.jpg",
    ],
    [
      "a relative image in HTML",
      'content/posts/links.md: line 14: the image "foto.jpg" cannot be found from the post\'s address — put it in content/img/ and write `/img/foto.jpg`',
    ],
    [
      "a link to a topic that does not exist",
      "content/posts/links.md: line 16: links to /tags/bestaat-niet/, but there is no such topic — check the address (a topic's address is /tags/",
    ],
    [
      "a page on an address the site uses",
      "content/tags.md: file: would be published at /tags/, which the site uses itself",
    ],
    [
      "a redirect to a post that does not exist",
      "content/_data/redirects.yaml: /2012/04/11/oud/: points to /posts/verdwenen/, but there is no post content/posts/verdwenen.md",
    ],
  ])("problem: %s", (_name, line) => {
    expect(text.stdout).toContain(line);
  });

  test.each([
    [
      "a link to a draft",
      "content/posts/links.md: line 16: warning: links to /posts/concept/, which is a draft — the link works in previews only",
    ],
    [
      "tags that differ only in case",
      'content/posts/ontwerpen-voor-leren.md: tags: warning: "reflectie" is written "Reflectie" in 3 posts, and the site shows the topic as "Reflectie" — write it that way here too',
    ],
  ])("warning: %s", (_name, line) => {
    expect(text.stdout).toContain(line);
  });

  test("links that work are not reported", () => {
    expect(text.stdout).not.toMatch(/welkom-in-de-leergang\/,|\/img\/marjan\.svg/);
  });

  test("--json: the same findings, with level, file, field, message and line", () => {
    expect(json.status).toBe(1);
    const parsed = JSON.parse(json.stdout) as {
      ok: boolean;
      problems: number;
      warnings: number;
      findings: CheckResult["findings"];
      summary: string;
    };
    expect(parsed.ok).toBe(false);
    expect(parsed.findings.length).toBe(result.findings.length);
    expect(parsed.problems).toBe(result.problems);
    expect(parsed.findings).toContainEqual(
      expect.objectContaining({ level: "problem", file: "content/posts/links.md", field: "line 12", line: 12 }),
    );
    expect(parsed.findings).toContainEqual(
      expect.objectContaining({ level: "problem", file: "content/posts/syntax.md", field: "front-matter", line: 2 }),
    );
    expect(parsed.summary).toMatch(/^\d+ problems and \d+ warnings in \d+ files/);
  });
});

describe("authors", () => {
  test("an author without a bio is a warning; a missing avatar is a problem", () => {
    const root = tempProject({
      files: {
        "_data/authors.yaml":
          "marjan:\n  name: Marjan de Vries\n  avatar: /img/weg.jpg\nruben:\n  name: Ruben Bakker\n  bio: Docent.\n",
      },
    });
    const findings = runCheck(root, {}).findings.filter((f) => f.file === "content/_data/authors.yaml");
    expect(findings).toEqual([
      expect.objectContaining({
        level: "problem",
        field: "marjan.avatar",
        message: expect.stringMatching(/^\/img\/weg\.jpg is missing — put the image in content\/img\/weg\.jpg/),
      }),
      expect.objectContaining({
        level: "warning",
        field: "marjan.bio",
        message: expect.stringMatching(
          /^is missing — the 3 posts by Marjan de Vries show an author box without an introduction/,
        ),
      }),
    ]);
  });
});
