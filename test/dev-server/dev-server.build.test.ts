// `npm start` (Eleventy --serve): bad content is reported like the build reports it and the server
// keeps running; a fix recovers without a restart; a save renders only the pages that show what it
// changed; a layout edit shows at once. Every rebuild is awaited on Eleventy's live-reload socket,
// the signal a browser tab gets (test/support/dev-server.ts).
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { DevServer } from "../support/dev-server.ts";
import { post } from "../support/site.ts";
import { discard } from "../support/html.ts";

const broken = post({ title: "Kapot bericht", date: "11-04-2012", author: "marjan" });
const fixed = (title: string, body?: string) => post({ title, date: "2012-04-11", author: "marjan" }, body);
const problem =
  'content/posts/kapot.md: date: "11-04-2012" puts the day first — write the year first: `date: 2012-04-11`';

// Two servers side by side: one started on good content (with its own copy of the layouts, to edit
// them), one started on a broken post.
const healthy = new DevServer({ "posts/kapot.md": fixed("Heel bericht") }, ["layouts"]);
const startedBroken = new DevServer({ "posts/kapot.md": broken });

beforeAll(async () => {
  await Promise.all([healthy.start(), startedBroken.start()]);
  await healthy.connect();
});

afterAll(async () => {
  await Promise.all([healthy.stop(), startedBroken.stop()]);
  discard(healthy);
  discard(startedBroken);
});

test("breaking a post while it runs: the build fails, the problem is listed like the build does, the site stays up", async () => {
  expect(await healthy.page("/posts/kapot/")).toContain("Heel bericht");
  expect(await healthy.save("posts/kapot.md", broken)).toBe("error");
  expect(healthy.output).toContain(problem);
  expect(healthy.output).toContain("1 problem in 1 file.");
  expect(healthy.output).not.toMatch(/^\s+at /m);
  expect(await healthy.page("/posts/kapot/")).toContain("Heel bericht");
  expect(healthy.running).toBe(true);
});

test("fixing it recovers without a restart", async () => {
  expect(await healthy.save("posts/kapot.md", fixed("Hersteld bericht"))).toBe("reload");
  const page = await healthy.page("/posts/kapot/");
  expect(page).toContain("Hersteld bericht");
  expect(page).toContain('<time datetime="2012-04-11">11 april 2012</time>');
  expect(await healthy.page("/")).toContain("Hersteld bericht");
});

// While writing, the facilitator saves again and again: only that post's page is rendered anew
// (src/build/dev-server/render-plan.ts), unless the save changed what other pages show of the post.
test("a body edit renders only that post's page; a title edit also its neighbour and the lists, not other posts", async () => {
  const written = (path: string) => statSync(join(healthy.root, "_site", path)).mtimeMs;
  // (The feeds carry whole posts, so they are written again.)
  const others = ["index.html", "posts/welkom-in-de-leergang/index.html", "authors/marjan/index.html"];
  const before = others.map(written);
  // A paragraph added below the first one: the summary on list pages (the first paragraph) stays.
  expect(
    await healthy.save("posts/kapot.md", fixed("Hersteld bericht", "Tekst van het bericht.\n\nEen nieuwe alinea.")),
  ).toBe("reload");
  expect(await healthy.page("/posts/kapot/"), healthy.output).toContain("Een nieuwe alinea.");
  expect(others.map(written), healthy.output).toEqual(before);

  const farAway = written("posts/loslaten-en-regie/index.html");
  expect(
    await healthy.save("posts/kapot.md", fixed("Een nieuwe titel", "Tekst van het bericht.\n\nEen nieuwe alinea.")),
  ).toBe("reload");
  for (const path of ["/", "/posts/welkom-in-de-leergang/", "/authors/marjan/"])
    expect(await healthy.page(path), path).toContain("Een nieuwe titel");
  expect(await healthy.page("/posts/kapot/")).toContain("Een nieuwe alinea.");
  expect(written("posts/loslaten-en-regie/index.html"), healthy.output).toBe(farAway);
});

test("a layout edit shows at once, the machine files' layouts (robots.txt, feed, sitemap) included", async () => {
  const robots = join(healthy.root, "layouts/pages/robots.txt.njk");
  expect(
    await healthy.save("layouts/pages/robots.txt.njk", `# Bewerkt tijdens npm start\n${readFileSync(robots, "utf8")}`, {
      project: true,
    }),
  ).toBe("reload");
  expect(await healthy.page("/robots.txt"), healthy.output).toMatch(/^# Bewerkt tijdens npm start\n/);

  const feed = join(healthy.root, "layouts/pages/feed.xml.njk");
  expect(
    await healthy.save(
      "layouts/pages/feed.xml.njk",
      readFileSync(feed, "utf8").replace(
        "<title>{{ site.title }}</title>",
        "<title>{{ site.title }} (bewerkt)</title>",
      ),
      { project: true },
    ),
  ).toBe("reload");
  expect(await healthy.page("/feed.xml")).toContain("<title>Leergang Samen Ontwerpen (bewerkt)</title>");

  const layout = join(healthy.root, "layouts/pages/post.njk");
  expect(
    await healthy.save(
      "layouts/pages/post.njk",
      readFileSync(layout, "utf8").replace('<h1 class="post__title">', '<h1 class="post__title" data-bewerkt="ja">'),
      { project: true },
    ),
  ).toBe("reload");
  expect(await healthy.page("/posts/kapot/")).toContain('data-bewerkt="ja"');
});

test("started on a broken post, it lists the problem and waits; fixing it brings the site up without a restart", async () => {
  await startedBroken.waitFor("the problem report and the wait", () =>
    startedBroken.output.includes("Waiting for a fix") ? true : undefined,
  );
  expect(startedBroken.output).toContain(problem);
  expect(startedBroken.output).toContain("1 problem in 1 file.");
  expect(startedBroken.output).not.toMatch(/^\s+at /m);
  expect(startedBroken.running, startedBroken.output).toBe(true);
  startedBroken.write("posts/kapot.md", fixed("Hersteld bericht"));
  await startedBroken.connect();
  expect(await startedBroken.page("/posts/kapot/")).toContain("Hersteld bericht");
  expect(startedBroken.running).toBe(true);
});
