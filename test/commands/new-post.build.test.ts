// `npm run new`: a valid post, named and dated right, that builds; refusals that say what to do;
// a question only when someone is at a terminal.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, test } from "vitest";
import { settingsFromEnv } from "../../src/model/build.ts";
import { loadContent } from "../../src/content/load.ts";
import { parseMarkdownFile } from "../../src/content/frontmatter.ts";
import { postSchema, postSchemaFor } from "../../src/model/schema.ts";
import { createPost, parseTags, pickAuthor } from "../../src/commands/new-post.ts";
import { uniqueSlug } from "../../src/model/slug.ts";
import { askAuthor } from "../../src/commands/prompt.ts";
import { ToolError } from "../../src/commands/tool-error.ts";
import { build, tempProject, type BuildResult } from "../support/site.ts";
import { commandLine, runScript, type Run } from "../support/cli.ts";
import { cleanEnv } from "../support/env.ts";
import type { Author } from "../../src/model/content.ts";
import { newPostSource } from "../../src/write/new-post-source.ts";

const author = (id: string, name: string): Author => ({ id, name, initials: "", page: `/authors/${id}/` });
const two = { marjan: author("marjan", "Marjan de Vries"), ruben: author("ruben", "Ruben Bakker") };

describe("the pure parts", () => {
  test("slugs never collide", () => {
    const taken = new Set(["welkom", "welkom-2"]);
    expect(uniqueSlug("nieuw", (s) => taken.has(s))).toBe("nieuw");
    expect(uniqueSlug("welkom", (s) => taken.has(s))).toBe("welkom-3");
    expect(uniqueSlug("", () => false)).toBe("bericht");
  });

  test("tags from a comma list", () => {
    expect(parseTags(" leren, Sociale media,,  ")).toEqual(["leren", "Sociale media"]);
    expect(parseTags(undefined)).toEqual([]);
  });

  test("the file is valid front-matter, with optional fields as commented hints", () => {
    const source = newPostSource({
      title: "Leren: een begin",
      date: "2026-11-28",
      author: "marjan",
      tags: ["a: b", "c"],
    });
    const parsed = parseMarkdownFile("x.md", source);
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toEqual({
      title: "Leren: een begin",
      date: "2026-11-28",
      author: "marjan",
      tags: ["a: b", "c"],
    });
    expect(postSchema.parse(parsed.data)).toEqual({
      title: "Leren: een begin",
      date: new Date("2026-11-28T00:00:00Z"),
      author: "marjan",
      tags: ["a: b", "c"],
      draft: false,
      questions: [],
    });
    expect(source).toMatch(/^# description: .+$/m);
    expect(source).toMatch(/^# questions:\n#   - .+$/m);
    expect(source).toMatch(/^# session:\n#   date: 2026-11-28T13:30\n#   end: "16:30"\n#   location: .+$/m);
    expect(source).not.toMatch(/draft/);
    // The session hint, uncommented, is a valid session: it ends after it starts.
    const withSession = parseMarkdownFile("x.md", source.replace(/^# (?=session:|  (?:date|end|location):)/gm, ""));
    expect(withSession.data.session).toEqual({ date: "2026-11-28T13:30", end: "16:30", location: "Doorn" });
    expect(postSchemaFor({ timezone: "Europe/Amsterdam" }).parse(withSession.data).session).toMatchObject({
      start: new Date("2026-11-28T12:30:00Z"),
      end: new Date("2026-11-28T15:30:00Z"),
      endWritten: true,
      allDay: false,
      location: "Doorn",
    });
  });

  test("the author: the one asked for, the only one, HOEDOEDEDA_AUTHOR, or the chosen one — never a guess", async () => {
    await expect(pickAuthor(two, "ruben")).resolves.toBe("ruben");
    await expect(pickAuthor({ marjan: two.marjan }, undefined)).resolves.toBe("marjan");
    await expect(pickAuthor(two, undefined, undefined, { HOEDOEDEDA_AUTHOR: "ruben" })).resolves.toBe("ruben");
    await expect(pickAuthor(two, undefined, async () => "marjan", {})).resolves.toBe("marjan");
    await expect(pickAuthor(two, undefined, undefined, {})).rejects.toThrow(
      "Which author? Add --author with one of: marjan, ruben",
    );
    await expect(pickAuthor(two, "piet")).rejects.toThrow(
      /Author "piet" is not in content\/_data\/authors\.yaml — use one of: marjan, ruben/,
    );
    await expect(pickAuthor({}, undefined)).rejects.toThrow(ToolError);
  });

  test("today is the day in the site's time zone, not the machine's", async () => {
    const root = tempProject();
    // 23:30 UTC on the 28th is already the 29th in Amsterdam.
    const post = await createPost(
      root,
      { title: "Laat op de avond", author: "marjan" },
      undefined,
      new Date("2026-11-28T23:30:00Z"),
    );
    expect(readFileSync(join(root, post.file), "utf8")).toContain("\ndate: 2026-11-29\n");
  });

  test("a bad --date is refused before anything is written", async () => {
    const root = tempProject();
    await expect(createPost(root, { title: "X", author: "marjan", date: "28-11-2026" })).rejects.toThrow(
      /--date "28-11-2026" is not a date — write it as YYYY-MM-DD/,
    );
    expect(existsSync(join(root, "content/posts/x.md"))).toBe(false);
  });
});

describe("asking for the author (only with a terminal)", () => {
  const ask = async (answers: string, end = true) => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = "";
    output.on("data", (chunk) => (shown += String(chunk)));
    const answer = askAuthor(Object.values(two), input, output);
    input.write(answers);
    if (end) input.end();
    return { id: await answer, shown };
  };

  test("a numbered list; a number or an id is the answer", async () => {
    const byNumber = await ask("2\n");
    expect(byNumber.id).toBe("ruben");
    expect(byNumber.shown).toContain("  1) Marjan de Vries (marjan)\n  2) Ruben Bakker (ruben)\n");
    expect((await ask("marjan\n")).id).toBe("marjan");
  });

  test("a wrong answer is asked again; three wrong answers, or no answer at all, give up", async () => {
    const retried = await ask("9\npiet\nruben\n");
    expect(retried.id).toBe("ruben");
    expect(retried.shown).toContain('"piet" is not in the list.');
    expect((await ask("x\ny\nz\nmarjan\n")).id).toBeUndefined();
    expect((await ask("")).id).toBeUndefined();
  });
});

describe("npm run new, in a copy of the example site", () => {
  let root: string;
  let first: Run;
  let second: Run;
  let built: BuildResult;

  beforeAll(() => {
    root = tempProject();
    first = runScript(root, "new", ["Ümlaut café: een test!", "--author", "ruben", "--tags", "Reflectie, nieuw"]);
    second = runScript(root, "new", ["Ümlaut café: een test!"], { HOEDOEDEDA_AUTHOR: "marjan" });
    built = build(root);
  });

  test("writes content/posts/<slug>.md and prints the path and the address", () => {
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("Written: content/posts/umlaut-cafe-een-test.md");
    expect(first.stdout).toContain("https://leergang.example.org/posts/umlaut-cafe-een-test/");
    const source = readFileSync(join(root, "content/posts/umlaut-cafe-een-test.md"), "utf8");
    expect(source).toMatch(
      /^---\ntitle: "Ümlaut café: een test!"\ndate: \d{4}-\d{2}-\d{2}\nauthor: ruben\ntags: \[Reflectie, nieuw\]\n/,
    );
  });

  test("the same title again gets -2, never overwrites", () => {
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("content/posts/umlaut-cafe-een-test-2.md");
    expect(readFileSync(join(root, "content/posts/umlaut-cafe-een-test-2.md"), "utf8")).toContain("\nauthor: marjan\n");
  });

  test("the new posts pass the build's validation and are published (not drafts)", () => {
    expect(loadContent(root, settingsFromEnv({})).problems).toEqual([]);
    expect(built.status).toBe(0);
    expect(existsSync(join(built.out, "posts/umlaut-cafe-een-test/index.html"))).toBe(true);
    expect(readFileSync(join(built.out, "index.html"), "utf8")).toContain("Ümlaut café: een test!");
  });

  test("refuses an empty title and an unknown author, and writes nothing", () => {
    const empty = runScript(root, "new", ["  "], { HOEDOEDEDA_AUTHOR: "marjan" });
    expect(empty.status).toBe(1);
    expect(empty.stderr.trim()).toBe('The title is empty — write it in quotes: npm run new -- "Titel van het bericht"');
    const unknown = runScript(root, "new", ["Iets", "--author", "piet"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Author "piet" is not in content/_data/authors.yaml — use one of: marjan, ruben');
    expect(existsSync(join(root, "content/posts/iets.md"))).toBe(false);
  });

  test("with several authors and no terminal it stops and says how, instead of waiting", async () => {
    const [node, launch] = commandLine(root, "new");
    const child = spawn(node, [...launch, "Wie schrijft?"], {
      cwd: root,
      env: cleanEnv(),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    // Standard input stays open: a command that waited for it would never exit.
    const status = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve(null);
      }, 45_000);
      child.on("exit", (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    expect(status).toBe(1);
    expect(stderr).toContain("Which author? Add --author with one of: marjan, ruben");
  });

  test.skipIf(!existsSync("/usr/bin/script"))("at a terminal it asks with a list", () => {
    const result = spawnSync(
      "script",
      ["-qec", `${process.execPath} scripts/run.mjs new "Via de terminal"`, "/dev/null"],
      { cwd: root, input: "2\n", encoding: "utf8", env: cleanEnv(), timeout: 60_000 },
    );
    expect(result.stdout).toContain("2) Ruben Bakker (ruben)");
    expect(result.status).toBe(0);
    expect(readFileSync(join(root, "content/posts/via-de-terminal.md"), "utf8")).toContain("\nauthor: ruben\n");
  });
});
