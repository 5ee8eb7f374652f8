// Every built HTML page passes html-validate with the project's rules (.htmlvalidate.mjs). The
// fixture shows every kind of markup: the example with drafts shown, plus enough posts for a
// second home page (pagination).
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { FileSystemConfigLoader, HtmlValidate, type Message } from "html-validate";
import { buildSite, post, repoRoot, type BuildResult } from "../support/site.ts";
import { discard, read, siteFiles } from "../support/html.ts";

const extraPosts = Object.fromEntries(
  Array.from({ length: 21 }, (_, i) => [
    `posts/extra-${i + 1}.md`,
    post({
      title: `Extra bericht ${i + 1}`,
      date: `2025-01-${String(i + 1).padStart(2, "0")}`,
      author: i % 2 ? "marjan" : "ruben",
      tags: ["extra"],
    }),
  ]),
);

let built: BuildResult;
let pages: string[];
// Configuration is looked up from the page's path as if it were in the repository's _site/.
const validator = new HtmlValidate(new FileSystemConfigLoader());

beforeAll(() => {
  built = buildSite({ files: extraPosts, env: { HOEDOEDEDA_DRAFTS: "true" } });
  // One of the extra posts stands for all of them.
  pages = siteFiles(built.out).filter((f) => f.endsWith(".html") && !/^posts\/extra-(?!1\/)/.test(f));
});
afterAll(() => discard(built));

test("the fixture has every kind of page, a draft and a second home page", () => {
  for (const file of [
    "index.html",
    "page/2/index.html",
    "posts/terugblik-eerste-jaar/index.html",
    "tags/index.html",
    "over/index.html",
    "404.html",
  ]) {
    expect(pages).toContain(file);
  }
});

test("html-validate reports no errors on any page", async () => {
  const errors: string[] = [];
  for (const file of pages) {
    const report = await validator.validateString(read(built.out, file), join(repoRoot, "_site", file));
    for (const result of report.results) {
      for (const m of result.messages as Message[])
        if (m.severity === 2) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  expect(errors).toEqual([]);
});

test("the rules are really applied: a page without lang is an error", async () => {
  const broken = read(built.out, "index.html").replace(/<html lang="nl">/, "<html>");
  const report = await validator.validateString(broken, join(repoRoot, "_site", "index.html"));
  expect(report.valid).toBe(false);
});
