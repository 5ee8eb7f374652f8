// The home page lists the newest posts, twenty at a time; older ones continue on /page/2/, /page/3/, …
import { afterAll, beforeAll, expect, test } from "vitest";
import { HOME_PAGE_SIZE } from "../../src/build/routes.ts";
import { buildSite, post, type BuildResult } from "../support/site.ts";
import { discard, elementsOf, read, visibleText } from "../support/html.ts";

// 45 posts a day apart, all newer than the example site's five: stap-45 is the newest.
const day = (i: number) => new Date(Date.UTC(2030, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
const many = Object.fromEntries(
  Array.from({ length: 45 }, (_, i) => [
    `posts/stap-${i + 1}.md`,
    post({ title: `Stap ${i + 1}`, date: day(i), author: "marjan" }),
  ]),
);
const newestFirst = Array.from({ length: 45 }, (_, i) => `stap-${45 - i}`);

let built: BuildResult;
beforeAll(() => {
  built = buildSite({ files: many });
});
afterAll(() => discard(built));

const listed = (file: string) =>
  [...read(built.out, file).matchAll(/<h2 class="summary__title"><a href="\/posts\/([^/]+)\/">/g)].map((m) => m[1]);
const link = (page: string, rel: string) =>
  elementsOf(page).find((e) => e.name === "a" && e.attribs.rel === rel)?.attribs.href;

test("page 2 holds the next twenty posts, newest first, titled and linked both ways", () => {
  expect(HOME_PAGE_SIZE).toBe(20);
  expect(listed("index.html")).toEqual(newestFirst.slice(0, 20));
  expect(listed("page/2/index.html")).toEqual(newestFirst.slice(20, 40));
  const second = read(built.out, "page/2/index.html");
  expect(second).toContain("<title>Pagina 2 van 3 — Leergang Samen Ontwerpen</title>");
  expect(visibleText(second)).toMatch(/Pagina 2 van 3 Nieuwste berichten Stap 25/);
  expect(link(second, "prev")).toBe("/");
  expect(link(second, "next")).toBe("/page/3/");
  expect(second).toContain('<link rel="canonical" href="https://leergang.example.org/page/2/">');
});

test("the last page holds what is left: the five oldest steps, then the example's own posts, and no next page", () => {
  const third = read(built.out, "page/3/index.html");
  expect(listed("page/3/index.html").slice(0, 5)).toEqual(newestFirst.slice(40));
  // The example has four published posts (and a draft, which a production build leaves out).
  expect(listed("page/3/index.html")).toHaveLength(45 + 4 - 40);
  expect(link(third, "prev")).toBe("/page/2/");
  expect(link(third, "next")).toBeUndefined();
});
