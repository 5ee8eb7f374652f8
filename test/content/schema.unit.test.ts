// Every bad-input case of the content contract, each reported as `file: field: what — fix`.
// All cases live in one temporary project and are loaded in one pass, the way the build sees them.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { settingsFromEnv } from "../../src/model/build.ts";
import { loadContent } from "../../src/content/load.ts";
import { formatProblem, type Problem } from "../../src/model/problems.ts";
import { repoRoot, tempProject } from "../support/site.ts";
import { discard } from "../support/html.ts";
import type { Content } from "../../src/model/content.ts";

const fm = (yaml: string, body = "Tekst van het bericht.") => `---\n${yaml}\n---\n\n${body}\n`;
const valid = "title: Een bericht\ndate: 2012-04-11\nauthor: marjan";
const without = (key: string) =>
  valid
    .split("\n")
    .filter((line) => !line.startsWith(`${key}:`))
    .join("\n");

interface Case {
  name: string;
  /** File name under content/posts/. */
  file: string;
  source: string;
  field: string;
  /** What the message must say besides naming file and field. */
  says: RegExp;
}

const cases: Case[] = [
  {
    name: "missing title",
    file: "no-title.md",
    source: fm(without("title")),
    field: "title",
    says: /is missing — add a line like `title: /,
  },
  {
    name: "empty title",
    file: "empty-title.md",
    source: fm(`title: "  "\n${without("title")}`),
    field: "title",
    says: /is empty — write it like `title: /,
  },
  {
    name: "title that is a number",
    file: "number-title.md",
    source: fm(`title: 2012\n${without("title")}`),
    field: "title",
    says: /must be text, not the number 2012 — .*quotes/,
  },
  {
    name: "title that is a list",
    file: "list-title.md",
    source: fm(`title: [Leren, netwerken]\n${without("title")}`),
    field: "title",
    says: /must be text, not a list — /,
  },
  {
    name: "missing date",
    file: "no-date.md",
    source: fm(without("date")),
    field: "date",
    says: /is missing — add a line like `date: \d{4}-\d{2}-\d{2}`/,
  },
  {
    name: "impossible date",
    file: "impossible-date.md",
    source: fm(`${without("date")}\ndate: 2012-02-30`),
    field: "date",
    says: /"2012-02-30" is not a day on the calendar — check the month and day/,
  },
  {
    name: "date that is not a date",
    file: "word-date.md",
    source: fm(`${without("date")}\ndate: gisteren`),
    field: "date",
    says: /"gisteren" is not a date — write it as `\d{4}-\d{2}-\d{2}`/,
  },
  {
    name: "date that is a number",
    file: "number-date.md",
    source: fm(`${without("date")}\ndate: 20120411`),
    field: "date",
    says: /must be a date, not the number 20120411 — write it like `date: /,
  },
  {
    name: "day-first date says which form to use",
    file: "day-first.md",
    source: fm(`${without("date")}\ndate: 11-04-2012`),
    field: "date",
    says: /"11-04-2012" puts the day first — write the year first: `date: 2012-04-11`/,
  },
  {
    name: "unknown author lists the known ids",
    file: "unknown-author.md",
    source: fm(`${without("author")}\nauthor: piet`),
    field: "author",
    says: /"piet" is not in content\/_data\/authors\.yaml — use one of: marjan, ruben/,
  },
  {
    name: "tags as one text instead of a list",
    file: "tags-text.md",
    source: fm(`${valid}\ntags: leren, netwerken`),
    field: "tags",
    says: /must be a list, not "leren, netwerken" — write `tags: \[/,
  },
  {
    name: "unknown key suggests the nearest (Dutch habit)",
    file: "titel.md",
    source: fm(`titel: Een bericht\n${without("title")}`),
    field: "titel",
    says: /is not a known field — did you mean `title`\?/,
  },
  {
    name: "unknown key suggests the nearest (typo)",
    file: "typo.md",
    source: fm(`${valid}\ndescripton: Samenvatting`),
    field: "descripton",
    says: /is not a known field — did you mean `description`\?/,
  },
  {
    name: "unknown key far from any lists the valid ones",
    file: "far-key.md",
    source: fm(`${valid}\nxyzzy: 1`),
    field: "xyzzy",
    says: /is not a known field — use one of: title, date, author, tags/,
  },
  {
    name: "duplicate key",
    file: "duplicate.md",
    source: fm(`${valid}\ntitle: Nog een titel`),
    field: "title",
    says: /appears twice \(line 5\) — keep one of the two lines/,
  },
  {
    name: "YAML syntax error names the line",
    file: "syntax.md",
    source: fm(`title: Leren: een begin\n${without("title")}`),
    field: "front-matter",
    says: /\(line 2\) — .*a value with a colon needs quotes/,
  },
  {
    name: "unclosed quote names the line",
    file: "quote.md",
    source: fm(`${valid}\ndescription: "niet gesloten\ntags: [a]`),
    field: "front-matter",
    says: /quote \(line \d\) — close the quote/,
  },
  {
    name: "tabs",
    file: "tabs.md",
    source: fm(`${valid}\nsession:\n\tdate: 2012-04-12`),
    field: "front-matter",
    says: /Tabs .*\(line 6\) — indent with spaces, not tabs/,
  },
  {
    name: "unclosed front-matter",
    file: "unclosed.md",
    source: `---\n${valid}\n\nTekst zonder afsluitende streepjes.\n`,
    field: "front-matter",
    says: /is not closed — add a line with three dashes `---`/,
  },
  {
    name: "no front-matter at all",
    file: "no-front-matter.md",
    source: "Alleen tekst.\n",
    field: "front-matter",
    says: /is missing — start the file with a line `---`/,
  },
  {
    name: "draft that is not a boolean",
    file: "draft-yes.md",
    source: fm(`${valid}\ndraft: ja`),
    field: "draft",
    says: /must be true or false, not "ja" — write `draft: true` or `draft: false`/,
  },
  {
    name: "draft as quoted text",
    file: "draft-text.md",
    source: fm(`${valid}\ndraft: "true"`),
    field: "draft",
    says: /must be true or false, not "true" — /,
  },
  {
    name: "comments that is not a boolean",
    file: "comments-no.md",
    source: fm(`${valid}\ncomments: nee`),
    field: "comments",
    says: /must be true or false, not "nee" — write `comments: true` or `comments: false`/,
  },
  {
    name: "questions not a list",
    file: "questions-text.md",
    source: fm(`${valid}\nquestions: Wat neem je mee?`),
    field: "questions",
    says: /must be a list, not "Wat neem je mee\?" — write `questions: \[/,
  },
  {
    name: "session without a date",
    file: "session-no-date.md",
    source: fm(`${valid}\nsession:\n  location: Doorn`),
    field: "session.date",
    says: /is missing — add a line like `date: /,
  },
  {
    name: "session with a day-first date",
    file: "session-day-first.md",
    source: fm(`${valid}\nsession:\n  date: 12-04-2012\n  location: Doorn`),
    field: "session.date",
    says: /"12-04-2012" puts the day first — write the year first: `date: 2012-04-12`/,
  },
  {
    name: "session with an impossible date",
    file: "session-impossible.md",
    source: fm(`${valid}\nsession:\n  date: 2012-13-01`),
    field: "session.date",
    says: /is not a day on the calendar — /,
  },
  {
    name: "session that is text, not a group",
    file: "session-text.md",
    source: fm(`${valid}\nsession: Doorn`),
    field: "session",
    says: /must be a group with a date — write `session:`/,
  },
  {
    name: "session that ends before it starts",
    file: "session-end-before.md",
    source: fm(`${valid}\nsession:\n  date: 2012-04-12T13:30\n  end: "12:00"`),
    field: "session.end",
    says: /^.*: 12:00 is not after the start \(13:30\) — the end must come after `session.date`/,
  },
  {
    name: "session end written as 15.45 (a number in YAML)",
    file: "session-end-number.md",
    source: fm(`${valid}\nsession:\n  date: 2012-04-12T13:30\n  end: 15.45`),
    field: "session.end",
    says: /must be a time, not the number 15\.45 — write the time with a colon: `end: 15:45`/,
  },
  {
    name: "session end time without a start time",
    file: "session-end-no-start.md",
    source: fm(`${valid}\nsession:\n  date: 2012-04-12\n  end: "15:45"`),
    field: "session.end",
    says: /is a time, but `session.date` has none — add the start time to the date/,
  },
  {
    name: "session end that is no time",
    file: "session-end-word.md",
    source: fm(`${valid}\nsession:\n  date: 2012-04-12T13:30\n  end: halfvier`),
    field: "session.end",
    says: /"halfvier" is not a time — write it like `end: 15:45`/,
  },
  {
    name: "empty session title",
    file: "session-title-empty.md",
    source: fm(`${valid}\nsession:\n  date: 2012-04-12\n  title: ""`),
    field: "session.title",
    says: /is empty — write it like `title: /,
  },
  {
    name: "Dutch key for the end suggests `end`",
    file: "session-einde.md",
    source: fm(`${valid}\nsession:\n  date: 2012-04-12T13:30\n  einde: "15:45"`),
    field: "session.einde",
    says: /is not a known field — did you mean `end`\?/,
  },
];

/** One file with several problems: all of them must be reported, not just the first. */
const manyProblems = fm("titel: Dubbel fout\ndate: 31-12-2012\nauthor: niemand\ndraft: misschien");

let content: Content;
const roots: string[] = [];
/** A temporary copy of the example content with `files` written over it, removed after the tests. */
const project = (files: Record<string, string>) => {
  roots.push(tempProject({ files }));
  return roots[roots.length - 1]!;
};
afterAll(() => roots.forEach((root) => discard({ root })));
const problemsOf = (file: string): Problem[] => content.problems.filter((p) => p.file === `content/posts/${file}`);

beforeAll(() => {
  const files: Record<string, string> = Object.fromEntries(cases.map((c) => [`posts/${c.file}`, c.source]));
  files["posts/many-problems.md"] = manyProblems;
  content = loadContent(project(files), settingsFromEnv({}));
});

describe("each bad input is reported as `file: field: what — fix`", () => {
  test.each(cases)("$name", ({ file, field, says }) => {
    const lines = problemsOf(file).map(formatProblem);
    const line = lines.find((l) => l.startsWith(`content/posts/${file}: ${field}: `));
    expect(line, `no problem for field "${field}" among:\n${lines.join("\n")}`).toBeDefined();
    expect(line).toContain(" — ");
    expect(line).toMatch(says);
  });
});

test("a tab-indented field is reported once, as a tab, without phantom duplicate keys", () => {
  expect(problemsOf("tabs.md").map(formatProblem)).toEqual([
    expect.stringMatching(/: front-matter: Tabs .*\(line 6\)/),
  ]);
});

test("every problem in every file is reported in one run", () => {
  const reported = new Set(content.problems.map((p) => p.file));
  for (const c of cases) expect(reported, c.file).toContain(`content/posts/${c.file}`);
  // A file with four mistakes gets four lines, each naming its field.
  expect(
    problemsOf("many-problems.md")
      .map((p) => p.field)
      .sort(),
  ).toEqual(["author", "date", "draft", "title", "titel"].sort());
  // The valid example posts are still loaded next to the broken ones.
  expect(content.posts.map((p) => p.slug)).toContain("welkom-in-de-leergang");
  expect(content.posts.map((p) => p.slug)).not.toContain("no-title");
});

test("the example content has no problems", () => {
  const example = loadContent(repoRoot, settingsFromEnv({}));
  expect(example.problems.map(formatProblem)).toEqual([]);
  expect(example.posts.length).toBeGreaterThanOrEqual(4);
});

describe("data files", () => {
  let data: Content;
  beforeAll(() => {
    data = loadContent(
      project({
        "_data/site.yaml": "title: Leergang\nlang: fr\ntimezone: Europe/Amsterdm\n",
        "_data/authors.yaml":
          "marjan:\n  naam: Marjan de Vries\nruben:\n  name: Ruben Bakker\nruben:\n  name: Ruben B.\n",
      }),
      settingsFromEnv({}),
    );
  });
  const lines = () => data.problems.map(formatProblem);

  test("site.yaml: a language we have no dictionary for", () => {
    expect(lines()).toContainEqual(
      expect.stringMatching(/^content\/_data\/site\.yaml: lang: must be one of nl, en — /),
    );
  });
  test("site.yaml: a misspelt time zone", () => {
    expect(lines()).toContainEqual(
      expect.stringMatching(/^content\/_data\/site\.yaml: timezone: is not a time zone — .*Europe\/Amsterdam/),
    );
  });
  test("site.yaml: a contact that is not an e-mail address", () => {
    const result = loadContent(
      project({ "_data/site.yaml": 'title: Leergang\ncontact: Marjan de Vries\nprivacyNote: ""\n' }),
      settingsFromEnv({}),
    );
    const found = result.problems.map(formatProblem);
    expect(found).toContainEqual(
      "content/_data/site.yaml: contact: is not an e-mail address — write it like `contact: marjan@example.org`",
    );
    expect(found).toContainEqual(
      expect.stringMatching(/^content\/_data\/site\.yaml: privacyNote: is empty — write it like `privacyNote: /),
    );
    const fine = loadContent(
      project({ "_data/site.yaml": "title: Leergang\ncontact: marjan@example.org\n" }),
      settingsFromEnv({}),
    );
    expect(fine.problems).toEqual([]);
    expect(fine.site.contact).toBe("marjan@example.org");
  });
  test("authors.yaml: a duplicate author id names the id and the line", () => {
    expect(lines()).toContainEqual(
      "content/_data/authors.yaml: ruben: appears twice (line 5) — keep one of the two lines",
    );
  });
});

test("site.yaml that is a list, not settings, says what the file should look like", () => {
  const result = loadContent(project({ "_data/site.yaml": "- title: Leergang\n- lang: nl\n" }), settingsFromEnv({}));
  expect(result.problems.map(formatProblem)).toEqual([
    'content/_data/site.yaml: site: must be settings, one per line, like `title: Leergang Samen Leren` — see docs/berichten-schrijven.md, "Site-instellingen en auteurs"',
  ]);
});

describe("authors.yaml field errors", () => {
  test("an author without a name, with a Dutch key, suggests `name`", () => {
    const result = loadContent(
      project({ "_data/authors.yaml": "marjan:\n  naam: Marjan de Vries\nruben:\n  name: Ruben Bakker\n" }),
      settingsFromEnv({}),
    );
    const lines = result.problems.map(formatProblem);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^content\/_data\/authors\.yaml: marjan\.naam: is not a known field — did you mean `name`\?/,
      ),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^content\/_data\/authors\.yaml: marjan\.name: is missing — /));
    // Posts by marjan now point at an unknown author, and say so.
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^content\/posts\/welkom-in-de-leergang\.md: author: "marjan" is not in .* use one of: ruben/,
      ),
    );
  });

  test("an id that is no usable address is refused with the slug to use, and its entry is not read", () => {
    const result = loadContent(
      project({ "_data/authors.yaml": "Marjan de Vries:\n  name: Marjan de Vries\nruben:\n  name: Ruben Bakker\n" }),
      settingsFromEnv({}),
    );
    expect(result.problems.map(formatProblem)).toContainEqual(
      "content/_data/authors.yaml: Marjan de Vries: is not a usable author id — use lowercase letters, digits and hyphens, e.g. `marjan-de-vries`",
    );
    expect(Object.keys(result.authors)).toEqual(["ruben"]);
  });

  test("an avatar the security policy would block is refused; the site's own and GitHub's are fine", () => {
    const authors = [
      "marjan:\n  name: Marjan de Vries\n  avatar: https://example.org/marjan.jpg",
      "ruben:\n  name: Ruben Bakker\n  avatar: //cdn.example.org/ruben.png",
      "sanne:\n  name: Sanne\n  avatar: /img/sanne.jpg",
      "tom:\n  name: Tom\n  avatar: https://avatars.githubusercontent.com/u/1?v=4",
      "ilse:\n  name: Ilse\n  avatar: http://avatars.githubusercontent.com/u/2",
    ].join("\n");
    const result = loadContent(project({ "_data/authors.yaml": `${authors}\n` }), settingsFromEnv({}));
    const refused = result.problems.filter((p) => p.field.endsWith(".avatar")).map((p) => p.field);
    expect(refused).toEqual(["marjan.avatar", "ruben.avatar", "ilse.avatar"]);
    expect(formatProblem(result.problems.find((p) => p.field === "marjan.avatar")!)).toMatch(
      /security policy blocks — put the picture in content\/img\/ and write `avatar: \/img\/marjan\.jpg`/,
    );
  });
});
