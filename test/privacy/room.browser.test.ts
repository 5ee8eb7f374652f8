// A private cohort's conversation on its post pages: the build reads the group's private repository
// (the GitHub stand-in, which validates every query against GitHub's schema and pages as GitHub does)
// and writes the conversation into the page — every comment and reply GitHub shows, nested, with
// names, dates and reactions; hidden and deleted ones left out — with the way to the group's room on
// GitHub and how fresh it is. Read in Chromium at 320 px: 130 comments, 105 replies on one of them;
// axe clean, nothing sideways, no request to any other host. No widget, no giscus, anywhere.
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser } from "playwright";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { discussionMarker } from "../../src/comments/discussion.ts";
import { nl } from "../../src/i18n/nl.ts";
import { launch } from "../support/browser.ts";
import { testNowInstant } from "../support/env.ts";
import { startGitHubStandIn, type CommentSeed, type GitHubStandIn } from "../support/github-standin.ts";
import { discard, elementsOf, read, visibleText } from "../support/html.ts";
import { serve, type RunningSite } from "../support/serve.ts";
import {
  build,
  buildSite,
  repoRoot,
  siteYamlWithComments,
  tempProject,
  type BuildOptions,
  type BuildResult,
} from "../support/site.ts";
import { USERS, users } from "./fixture.ts";

const basic = (user: { username: string; password: string }) =>
  `Basic ${Buffer.from(`${user.username}:${user.password}`).toString("base64")}`;

const TOKEN = "github_pat_roomReader0123456789";
const REPO = "org/groep";
const PUBLIC_REPO = "org/openbaar";
const TOKEN_READER = { [TOKEN]: { login: "marjan", read: [REPO, PUBLIC_REPO] } };
const screenshots = join(repoRoot, "test-results/screenshots");

/** 130 comments; the first has 105 replies; one hidden (with a reply that stays), one deleted; reactions on a few. */
function conversation(): CommentSeed[] {
  return Array.from({ length: 130 }, (_, i): CommentSeed => ({
    author: i === 7 ? null : `deelnemer-${i + 1}`,
    body:
      i === 3
        ? "Verborgen reactie"
        : `Reactie ${i + 1}: wat ik meeneem uit de bijeenkomst.${i === 0 ? "\nEen tweede regel." : ""}`,
    createdAt: new Date(Date.UTC(2026, 10, 20, 8, i)).toISOString().replace(/\.\d+Z$/, "Z"),
    ...(i === 3 ? { isMinimized: true, minimizedReason: "off-topic" } : {}),
    ...(i === 5 ? { body: "", deletedAt: "2026-11-21T10:00:00Z" } : {}),
    ...(i === 0 ? { reactions: { THUMBS_UP: 4, HEART: 2 } } : {}),
    replies:
      i === 0
        ? Array.from({ length: 105 }, (_, j) => ({
            author: `deelnemer-${(j % 9) + 2}`,
            body: `Antwoord ${j + 1} op de eerste reactie`,
            createdAt: new Date(Date.UTC(2026, 10, 21, 9, j)).toISOString().replace(/\.\d+Z$/, "Z"),
            ...(j === 0 ? { reactions: { EYES: 1 } } : {}),
          }))
        : i === 3
          ? [{ author: "deelnemer-2", body: "Antwoord op een verborgen reactie", createdAt: "2026-11-22T09:00:00Z" }]
          : [],
  }));
}

/** The example, private, its conversation in `repo`; `build` returns a failed build, `buildSite` throws on it. */
const privateRoomOptions = (repo: string): BuildOptions => ({
  files: {
    "_data/site.yaml": siteYamlWithComments()
      .replace("org/reacties", repo)
      .replace(/\ngiscus:/, "\nprivate: true\ncontact: marjan@example.org\ngiscus:"),
  },
  env: { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: github.url },
});

let github: GitHubStandIn;
let built: BuildResult;
let site: RunningSite;
let browser: Browser;
const postPath = "/posts/loslaten-en-regie/";

beforeAll(async () => {
  github = await startGitHubStandIn({
    tokens: TOKEN_READER,
    repositories: [
      {
        repo: PUBLIC_REPO,
        isPrivate: false,
        ownerType: "Organization",
        categories: [{ id: "DIC_kwDOtest", name: "Reacties" }],
      },
      {
        repo: REPO,
        isPrivate: true,
        ownerType: "Organization",
        categories: [{ id: "DIC_kwDOtest", name: "Reacties" }],
        discussions: [
          {
            number: 12,
            title: "posts/loslaten-en-regie/",
            body: `Het bericht.\n\n${discussionMarker("posts/loslaten-en-regie/")}`,
            category: "Reacties",
            comments: conversation(),
          },
        ],
      },
    ],
  });
  built = buildSite(privateRoomOptions(REPO));
  // The door in front, in this process: the room's test is about the page behind it (test/gate/ is about the door).
  site = await serve(built.out, join(repoRoot, "netlify.toml"), {
    edge: { root: built.root, env: { SITE_USERS: USERS }, runtime: "node" },
  });
  browser = await launch();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  github?.close();
  discard(built);
});

const page = () => read(built.out, `${postPath.slice(1)}index.html`);

describe("the build writes the group's conversation into the post page", () => {
  test("every comment and reply GitHub shows, nested: the hidden and the deleted left out, a reply to the hidden one kept", () => {
    const html = page();
    const responses = elementsOf(html).filter(
      (e) => e.name === "li" && (e.attribs.class ?? "").split(" ").includes("earlier-response"),
    );
    // 130 comments less the hidden and the deleted one, 105 replies, and the reply to the hidden comment.
    expect(responses).toHaveLength(128 + 105 + 1);
    expect(visibleText(html)).not.toContain("Verborgen reactie");
    expect(visibleText(html)).toContain("Antwoord op een verborgen reactie");
    expect(visibleText(html)).toContain(`234 reacties in de groep`);
    // A deleted account is GitHub's "ghost".
    expect(html).toContain('href="https://github.com/ghost"');
  });

  test("names link to GitHub, dates in Dutch, GitHub's line breaks, reactions with words for screen readers", () => {
    const html = page();
    expect(html).toContain('href="https://github.com/deelnemer-1" rel="nofollow ugc">deelnemer-1</a>');
    expect(html).toMatch(/<time datetime="2026-11-20T09:00:00\+01:00">20 november 2026<\/time>/);
    expect(html).toContain("wat ik meeneem uit de bijeenkomst.<br>");
    expect(visibleText(html)).toContain("4 keer duim omhoog");
    expect(visibleText(html)).toContain("2 keer hartje");
    expect(html).toContain('<span aria-hidden="true">👍 4</span>');
  });

  test("the way to the group's room, how fresh the page is, who reads along — and no widget, no giscus", () => {
    const html = page();
    expect(html).toContain(`<a class="button" href="https://github.com/${REPO}/discussions/12">${nl.roomRespond}</a>`);
    expect(visibleText(html)).toContain(nl.roomFreshness("1 dec 2026, 09:00"));
    expect(visibleText(html)).toContain(nl.privacyNoteRoom);
    expect(html).not.toMatch(/giscus|data-widget|widget-loader/);
  });

  test("the list pages count what the page shows; a post without a discussion says how to open it", () => {
    const home = read(built.out, "index.html");
    expect(visibleText(home)).toContain("234 reacties");
    const other = read(built.out, "posts/welkom-in-de-leergang/index.html");
    expect(visibleText(other)).toContain(nl.roomNotStarted);
    const start = elementsOf(other).find(
      (e) => e.name === "a" && (e.attribs.href ?? "").includes("/discussions/new?"),
    )!;
    const url = new URL(start.attribs.href!);
    expect(`${url.origin}${url.pathname}`).toBe(`https://github.com/${REPO}/discussions/new`);
    expect(url.searchParams.get("category")).toBe("reacties");
    expect(url.searchParams.get("title")).toBe("posts/welkom-in-de-leergang/");
    expect(url.searchParams.get("body")).toContain(discussionMarker("posts/welkom-in-de-leergang/"));
  });

  test("the guide is the room's: the invitation, the group's room, Watch for e-mail", () => {
    const guide = visibleText(read(built.out, "hoe-reageer-ik/index.html"));
    expect(guide).toContain(nl.guideRoomIntro);
    for (const section of nl.guideRoomSections) expect(guide).toContain(section.title);
    expect(guide).not.toContain("giscus");
  });
});

test("a private site whose room is public stops the build: its pages would say only the group reads what anyone can", () => {
  const options = privateRoomOptions(PUBLIC_REPO);
  const refused = build(tempProject(options), options);
  try {
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      `content/_data/site.yaml: giscus.repo: ${PUBLIC_REPO} is public, and this site is private (private: true): anyone can read its discussions on GitHub`,
    );
    expect(refused.stderr).toContain("Nothing was written.");
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(refused.out)).toEqual([]);
  } finally {
    discard(refused);
  }
});

describe.each(["light", "dark"] as const)("in Chromium at 320 px (%s)", (colorScheme) => {
  test("the long conversation reads on a small phone: nothing sideways, axe clean, no request elsewhere", async () => {
    // In, as a member whose feed reader would send the same: Basic-Auth with a name of SITE_USERS.
    const context = await browser.newContext({
      viewport: { width: 320, height: 640 },
      colorScheme,
      extraHTTPHeaders: { Authorization: basic(users[0]) },
    });
    await context.clock.install({ time: testNowInstant });
    const tab = await context.newPage();
    const elsewhere: string[] = [];
    const problems: string[] = [];
    tab.on("request", (request) => !request.url().startsWith(site.url) && elsewhere.push(request.url()));
    tab.on("pageerror", (error) => problems.push(error.message));
    tab.on("console", (message) => /Content Security Policy/i.test(message.text()) && problems.push(message.text()));
    await tab.goto(site.url + postPath);
    await tab.locator("#reacties").scrollIntoViewIfNeeded();
    await tab.waitForLoadState("networkidle");
    expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const axe = await new AxeBuilder({ page: tab }).include("#reacties").analyze();
    expect(
      axe.violations.map(
        (v) =>
          `${v.id}: ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join(", ")}`,
      ),
    ).toEqual([]);
    await tab.locator("#reacties").screenshot({ path: join(screenshots, `room-320-${colorScheme}.png`) });
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
