// `npm start` and search: the dev server writes the index once, after its first build; a save does
// not index again (it would cost every save a second or more at thousands of posts); the search
// page's first request after a save does. The link-preview card of a saved post follows its save.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { DevServer } from "../support/dev-server.ts";
import { post } from "../support/site.ts";
import { discard } from "../support/html.ts";

const server = new DevServer({
  "posts/zoekproef.md": post({ title: "Zoekproef", date: "2026-11-30", author: "marjan" }, "Een gewone tekst."),
});
const entry = () => join(server.root, "_site/pagefind/pagefind-entry.json");
const onDisk = () => ({ text: readFileSync(entry(), "utf8"), mtime: statSync(entry()).mtimeMs });

beforeAll(async () => {
  await server.start();
  await server.connect();
});
afterAll(async () => {
  await server.stop();
  discard(server);
});

test("the first build writes the index", async () => {
  await server.waitFor("the search index", () => (existsSync(entry()) ? true : undefined));
  expect(JSON.parse(onDisk().text).languages.nl.page_count).toBe(5);
});

test("a save does not index again; the search page's next request does, once", async () => {
  const before = onDisk();
  expect(
    await server.save(
      "posts/zoekproef.md",
      post(
        { title: "Zoekproef met een nieuwe titel", date: "2026-11-30", author: "marjan" },
        "Een zeldzaamwoord erbij.",
      ),
    ),
  ).toBe("reload");
  expect(await server.page("/posts/zoekproef/")).toContain("zeldzaamwoord");
  expect(onDisk()).toEqual(before);

  const asked = JSON.parse(await server.page(`/pagefind/pagefind-entry.json?ts=${Date.now()}`));
  const after = onDisk();
  expect(after.text).not.toBe(before.text);
  expect(asked).toEqual(JSON.parse(after.text));
  // Asked again with nothing saved: the index stays as it is.
  await server.page(`/pagefind/pagefind-entry.json?ts=${Date.now()}`);
  expect(onDisk()).toEqual(after);
});

test("the saved post's new card is drawn after its save", async () => {
  const cards = () => readdirSync(join(server.root, "_site/assets/cards")).filter((f) => f.startsWith("zoekproef."));
  const page = await server.page("/posts/zoekproef/");
  const named = /\/assets\/cards\/(zoekproef\.[0-9a-f]{16}\.png)/.exec(page)![1]!;
  await server.waitFor("the new card", () => (cards().includes(named) ? true : undefined));
  expect(cards()).toEqual([named]);
});
