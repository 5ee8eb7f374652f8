// Bad content stops the build before anything is written: every problem listed once, as
// `file: field: what — fix`, exit code 1, no stack trace.
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { build, post, tempProject, type BuildResult } from "../support/site.ts";
import { discard } from "../support/html.ts";

const broken = {
  "posts/geen-titel.md": post({ date: "2012-04-11", author: "marjan" }),
  "posts/dag-eerst.md": post({ title: "Dag eerst", date: "11-04-2012", author: "marjan" }),
  "posts/onbekende-auteur.md": post({ title: "Wie?", date: "2012-04-11", author: "piet" }),
  "posts/titel.md": "---\ntitel: Tikfout\ndate: 2012-04-11\nauthor: marjan\n---\n\nTekst.\n",
  "posts/tabs.md": "---\ntitle: Tabs\ndate: 2012-04-11\nauthor: marjan\nsession:\n\tdate: 2012-04-12\n---\n\nTekst.\n",
  "posts/niet-gesloten.md": "---\ntitle: Open\ndate: 2012-04-11\nauthor: marjan\n\nTekst.\n",
};
const expected = [
  /^content\/posts\/geen-titel\.md: title: is missing — /m,
  /^content\/posts\/dag-eerst\.md: date: "11-04-2012" puts the day first — write the year first: `date: 2012-04-11`/m,
  /^content\/posts\/onbekende-auteur\.md: author: "piet" is not in content\/_data\/authors\.yaml — use one of: marjan, ruben/m,
  /^content\/posts\/titel\.md: titel: is not a known field — did you mean `title`\?/m,
  /^content\/posts\/titel\.md: title: is missing — /m,
  /^content\/posts\/tabs\.md: front-matter: Tabs .*\(line 6\) — indent with spaces/m,
  /^content\/posts\/niet-gesloten\.md: front-matter: is not closed — /m,
];

let result: BuildResult;
let output: string;

beforeAll(() => {
  result = build(tempProject({ files: broken }));
  output = `${result.stderr}\n${result.stdout}`;
});
afterAll(() => discard(result));

test("the build exits non-zero", () => {
  expect(result.status).not.toBe(0);
});

test("every problem in every file is listed, once", () => {
  for (const line of expected) {
    expect(output).toMatch(line);
    expect(output.match(new RegExp(line.source, "gm")), line.source).toHaveLength(1);
  }
  const problemLines = output.split("\n").filter((l) => /^content\/\S+: [\w.-]+: /.test(l));
  expect(problemLines).toHaveLength(expected.length);
  expect(output).toMatch(new RegExp(`${expected.length} problems in ${Object.keys(broken).length} files`));
});

test("no stack trace and no Eleventy error dump", () => {
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toMatch(/\.(ts|js|cjs|mjs):\d+:\d+/);
  expect(output).not.toMatch(/Problem writing Eleventy templates|TemplateContentRenderError|\(more in DEBUG output\)/);
});

test("nothing is written to the output folder", () => {
  expect(readdirSync(result.out)).toEqual([]);
});
