// Writing on GitHub, as the facilitator does it: /schrijven/ on the production site, served the way
// Netlify serves it (its CSP included), in Chromium. Typing a title fills in the file name and the
// title line; the form lands on GitHub's new-file page (a local stand-in: github.com is out of reach)
// with a file that passes the schema when saved. Without JavaScript it still works. Previews link
// every post to its file on the previewed branch; production never does.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import type { Browser, BrowserContext, Page } from "playwright";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { settingsFromEnv } from "../../src/model/build.ts";
import { loadContent } from "../../src/content/load.ts";
import { isoDay } from "../../src/model/calendar.ts";
import { discard, elementsOf, read, siteFiles } from "../support/html.ts";
import { launch } from "../support/browser.ts";
import { serve, type RunningSite } from "../support/serve.ts";
import { buildSite, repoRoot, tempProject, type BuildResult } from "../support/site.ts";
import { newPostSource } from "../../src/write/new-post-source.ts";

const REPOSITORY_URL = "https://x-access-token:v1.0123456789abcdef@github.com/leergang/site";
const production = {
  CONTEXT: "production",
  URL: "https://leergang.example.org",
  HEAD: "main",
  BRANCH: "main",
  REPOSITORY_URL,
};
const preview = {
  CONTEXT: "deploy-preview",
  REVIEW_ID: "12",
  HEAD: "nieuw-bericht",
  BRANCH: "nieuw-bericht",
  URL: "https://leergang.example.org",
  DEPLOY_PRIME_URL: "https://deploy-preview-12--leergang.netlify.app",
  HOEDOEDEDA_DRAFTS: "true",
  REPOSITORY_URL,
};

let built: BuildResult;
let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  built = buildSite({ env: production });
  site = await serve(built.out, join(repoRoot, "netlify.toml"));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  discard(built);
});

/** GitHub's new-file page, standing in: records where the form went. */
async function facilitator(options: { javaScriptEnabled?: boolean; colorScheme?: "light" | "dark" } = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  const arrived: URL[] = [];
  await context.route("https://github.com/**", (route) => {
    arrived.push(new URL(route.request().url()));
    return route.fulfill({
      contentType: "text/html",
      body: '<!doctype html><html lang="en"><title>New file</title><h1>New file</h1></html>',
    });
  });
  const page = await context.newPage();
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused/i.test(message.text())) refused.push(message.text());
  });
  return { context, page, arrived, refused };
}

/** What GitHub received, saved the way GitHub saves it, checked the way the build checks posts. */
function saved(url: URL) {
  const filename = url.searchParams.get("filename")!;
  const value = url.searchParams.get("value")!;
  const root = tempProject({ files: { [`posts/${filename}`]: value } });
  try {
    const model = loadContent(root, settingsFromEnv({}));
    return {
      filename,
      value,
      problems: model.problems,
      post: model.posts.find((p) => p.file === `content/posts/${filename}`),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Sends the form and waits until the browser is at GitHub. */
async function submit(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Verder op GitHub" }).click();
  await page.waitForURL("https://github.com/**");
}
const today = () => isoDay(new Date(), "Europe/Amsterdam");

describe("/schrijven/ in a browser", () => {
  test("a title fills in the file name and the title line; GitHub's editor gets a file that passes the schema", async () => {
    const { context, page, arrived, refused } = await facilitator();
    await page.goto(`${site.url}/schrijven/`);
    // A name the site has: the file name moves on to -2, so GitHub does not refuse it.
    await page.getByLabel("Titel", { exact: true }).fill("Welkom in de leergang: deel 2?");
    await page.getByLabel("Wie schrijft het?").selectOption("ruben");
    expect(await page.getByLabel("Bestandsnaam").inputValue()).toBe("welkom-in-de-leergang-deel-2.md");
    await page.getByLabel("Titel", { exact: true }).fill("Welkom in de leergang");
    expect(await page.getByLabel("Bestandsnaam").inputValue()).toBe("welkom-in-de-leergang-2.md");
    await submit(page);
    expect(arrived).toHaveLength(1);
    const url = arrived[0]!;
    expect(`${url.origin}${url.pathname}`).toBe("https://github.com/leergang/site/new/main/content/posts");
    expect([...url.searchParams.keys()]).toEqual(["filename", "value"]);
    const file = saved(url);
    expect(file.filename).toBe("welkom-in-de-leergang-2.md");
    expect(file.problems).toEqual([]);
    expect(file.post?.data).toMatchObject({
      title: "Welkom in de leergang",
      author: "ruben",
      tags: [],
      draft: false,
      questions: [],
    });
    expect(isoDay(file.post!.data.date, "Europe/Amsterdam")).toBe(today());
    // The very text npm run new writes (a form sends its line breaks as CRLF; the build reads both).
    expect(file.value.replace(/\r\n/g, "\n")).toBe(
      newPostSource({ title: "Welkom in de leergang", date: today(), author: "ruben", tags: [] }, "nl"),
    );
    expect(refused).toEqual([]);
    await context.close();
  });

  test("without JavaScript: no title field, a default name, and still a valid file at GitHub", async () => {
    const { context, page, arrived, refused } = await facilitator({ javaScriptEnabled: false });
    await page.goto(`${site.url}/schrijven/`);
    expect(await page.getByLabel("Titel", { exact: true }).isVisible()).toBe(false);
    expect(await page.getByLabel("Bestandsnaam").inputValue()).toBe("nieuw-bericht.md");
    await submit(page);
    expect(arrived).toHaveLength(1);
    const file = saved(arrived[0]!);
    expect([file.filename, file.problems, file.post?.data.title]).toEqual([
      "nieuw-bericht.md",
      [],
      "Titel van het bericht",
    ]);
    expect(refused).toEqual([]);
    await context.close();
  });

  test("the CSP's form-action is what lets the form through: without GitHub in it, the browser refuses", async () => {
    const toml = readFileSync(join(repoRoot, "netlify.toml"), "utf8");
    expect(toml).toContain("form-action 'self' https://github.com;");
    const dir = mkdtempSync(join(tmpdir(), "hoedoededa-toml-"));
    writeFileSync(
      join(dir, "netlify.toml"),
      toml.replace("form-action 'self' https://github.com;", "form-action 'self';"),
    );
    const strict = await serve(built.out, join(dir, "netlify.toml"));
    const { context, page, arrived } = await facilitator();
    await page.goto(`${strict.url}/schrijven/`);
    const violation = page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener(
            "securitypolicyviolation",
            (event) => resolve(`${event.effectiveDirective} ${event.blockedURI}`),
            { once: true },
          );
        }),
    );
    await page.getByRole("button", { name: "Verder op GitHub" }).click({ noWaitAfter: true });
    expect(await violation).toMatch(/^form-action https:\/\/github\.com\//);
    expect(page.url()).toBe(`${strict.url}/schrijven/`);
    expect(arrived).toEqual([]);
    await context.close();
    await strict.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test.each(["light", "dark"] as const)("axe finds nothing in %s", async (colorScheme) => {
    const { context, page } = await facilitator({ colorScheme });
    await page.goto(`${site.url}/schrijven/`);
    const results = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    ).toEqual([]);
    await context.close();
  });
});

describe("/schrijven/ in the built site", () => {
  test("valid HTML, noindex, and in no menu, sitemap or feed; the access token in REPOSITORY_URL nowhere", async () => {
    const html = read(built.out, "schrijven/index.html");
    const report = await new HtmlValidate(new FileSystemConfigLoader()).validateString(
      html,
      join(repoRoot, "_site/schrijven/index.html"),
    );
    expect(
      report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`)),
    ).toEqual([]);
    expect(elementsOf(html).find((el) => el.name === "meta" && el.attribs.name === "robots")?.attribs.content).toBe(
      "noindex",
    );
    const others = siteFiles(built.out).filter((f) => f !== "schrijven/index.html" && /\.(html|xml|json|txt)$/.test(f));
    expect(others.filter((f) => read(built.out, f).includes("/schrijven/"))).toEqual([]);
    expect(siteFiles(built.out).filter((f) => read(built.out, f).includes("0123456789abcdef"))).toEqual([]);
  });

  test("an English site has it at /write/, and without a known repository it says how to name it", () => {
    const english = buildSite({
      env: {},
      files: { "_data/site.yaml": "title: Cohort\nlang: en\nurl: https://cohort.example.org\n" },
    });
    try {
      expect(siteFiles(english.out).filter((f) => /^(write|schrijven)\//.test(f))).toEqual(["write/index.html"]);
      const html = read(english.out, "write/index.html");
      expect(html).toContain("<h1>Write a new post</h1>");
      expect(html).toContain("<code>repository: organisatie/leergang</code>");
      expect(html).not.toContain("<form");
    } finally {
      discard(english);
    }
  });
});

describe("edit links", () => {
  test("every post of a deploy preview links its own file on the previewed branch; production has none", async () => {
    const previewed = buildSite({ env: preview });
    const served = await serve(previewed.out, join(repoRoot, "netlify.toml"));
    try {
      const posts = loadContent(repoRoot, settingsFromEnv({})).posts;
      for (const post of posts) {
        const elements = elementsOf(read(previewed.out, `posts/${post.slug}/index.html`));
        const link = elements.find(
          (el) =>
            el.name === "a" &&
            el.parent &&
            "attribs" in el.parent &&
            (el.parent.attribs as Record<string, string>).class === "edit-link",
        );
        expect(link?.attribs.href, post.slug).toBe(
          `https://github.com/leergang/site/edit/nieuw-bericht/content/posts/${post.slug}.md`,
        );
      }
      // The link, as a reader of the preview meets it: found by its name, and nothing for axe to find.
      for (const colorScheme of ["light", "dark"] as const) {
        const { context, page } = await facilitator({ colorScheme });
        await page.goto(`${served.url}/posts/${posts[0]!.slug}/`);
        expect(await page.getByRole("link", { name: "Bewerk dit bericht op GitHub" }).count()).toBe(1);
        const results = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
        expect(results.violations.map((v) => `${colorScheme}: ${v.id} ${v.help}`)).toEqual([]);
        await context.close();
      }
    } finally {
      await served.close();
      discard(previewed);
    }
    const everywhere = siteFiles(built.out).filter(
      (f) => /github\.com\/[^"]*\/edit\//.test(read(built.out, f)) || read(built.out, f).includes("edit-link"),
    );
    // The stylesheet names the class; no page uses it.
    expect(everywhere.filter((f) => !f.endsWith(".css"))).toEqual([]);
  });
});
