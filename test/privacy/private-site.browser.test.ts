// A private site's production deploy, served the way Netlify serves it: its door (netlify/edge-functions/gate/)
// running in Deno in front of the files, as declared by the build. Without a key every address gives
// nothing of the site — the login page for a page, a Basic-Auth question for feeds and calendars; with a
// name of SITE_USERS (a login, or Basic-Auth as feed readers send it) everything opens, for that browser
// only. In Chromium at 390 px: a deep link asks to log in, a wrong password is refused, the right one lands
// on the deep link, reload stays in, log-out ends it, and a person taken out of SITE_USERS is out at once;
// no CSP violation, and nothing asked of another host, before the login or after it (the group's
// conversation is in the page, never in giscus's widget).
import { mkdirSync } from "node:fs";
import { get } from "node:http";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { nl } from "../../src/i18n/nl.ts";
import { discard } from "../support/html.ts";
import { netlifyBuild, type Deploy } from "../netlify/deploys.ts";
import { launch } from "../support/browser.ts";
import { routeGiscus } from "../support/giscus-standin.ts";
import { serve, type RunningSite } from "../support/serve.ts";
import { repoRoot } from "../support/site.ts";
import { privateFiles, USERS, users } from "./fixture.ts";

const postPath = "/posts/loslaten-en-regie/";
const postTitle = "Loslaten en regie houden";
const screenshots = join(repoRoot, "test-results/screenshots");
let deploy: Deploy;
let site: RunningSite;
let browser: Browser;
let stylesheet: string;

beforeAll(async () => {
  deploy = netlifyBuild("production", { files: privateFiles, siteSettings: { SITE_USERS: USERS } });
  site = await serve(deploy.out, join(repoRoot, "netlify.toml"), {
    edge: { root: deploy.root, env: { SITE_USERS: USERS } },
  });
  browser = await launch();
  stylesheet = /href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec(
    await (await fetch(site.url + "/", { headers: { Accept: "text/html" } })).text(),
  )![1]!;
  mkdirSync(screenshots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  discard({ root: deploy?.root });
});

function basic(user: { username: string; password: string }): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${user.username}:${user.password}`).toString("base64")}` };
}

const pages = () => [
  "/",
  postPath,
  "/tags/",
  "/bijeenkomsten/",
  "/zoeken/",
  "/404.html",
  "/bestaat-niet/",
  "/door/",
  "/feed",
];
const files = () => [
  "/feed.xml",
  "/feed.json",
  "/bijeenkomsten.ics",
  `${postPath}loslaten-en-regie.ics`,
  "/img/marjan.svg",
  "/pagefind/pagefind.js",
];

describe("HTTP, as Netlify answers a private site", () => {
  test("without a key a page gets the login page, a file a Basic-Auth question — nothing of the site, never stored", async () => {
    for (const headers of [
      {},
      basic({ username: "groep", password: "raden" }),
      basic({ username: "onbekend", password: users[0].password }),
    ]) {
      for (const path of pages()) {
        const response = await fetch(site.url + path, {
          headers: { ...headers, Accept: "text/html" },
          redirect: "manual",
        });
        const body = await response.text();
        expect(response.status, path).toBe(401);
        expect(body, path).toContain(nl.doorTitle);
        expect(body, path).not.toMatch(/loslaten|bijeenkomst/i);
        expect(response.headers.get("cache-control"), path).toBe("no-store");
        // The login page's own policy and the site's: both hold.
        expect(response.headers.get("content-security-policy"), path).toMatch(
          /^default-src 'none'; style-src 'self';.*, default-src 'self';.*script-src 'self';/,
        );
      }
      for (const path of files()) {
        const response = await fetch(site.url + path, { headers, redirect: "manual" });
        expect(response.status, path).toBe(401);
        expect(response.headers.get("www-authenticate"), path).toMatch(/^Basic realm="127\.0\.0\.1:\d+"/);
        expect(await response.text(), path).not.toMatch(/Leergang|loslaten/i);
      }
    }
    // robots learn nothing, not even the site's robots.txt: the door answers it.
    const robots = await fetch(site.url + "/robots.txt");
    expect([robots.status, await robots.text()]).toEqual([200, "User-agent: *\nDisallow: /\n"]);
    // The one file that reaches anyone: the login page's stylesheet.
    expect((await fetch(site.url + stylesheet)).status).toBe(200);
  });

  test("each name in SITE_USERS opens every address with Basic-Auth, marked private, noindex, with the site's CSP", async () => {
    for (const user of users) {
      for (const path of [...pages(), ...files(), stylesheet]) {
        const response = await fetch(site.url + path, { headers: basic(user), redirect: "manual" });
        // The site's own answers: a redirect for a guessed feed address, 404 for what is not there; the
        // login page has nothing to offer someone who is in.
        const expected =
          ({ "/feed": 301, "/bestaat-niet/": 404, "/door/": 303 } as Record<string, number>)[path] ?? 200;
        expect(response.status, path).toBe(expected);
        expect(response.headers.get("x-robots-tag"), path).toBe("noindex, nofollow");
        expect(response.headers.get("cache-control"), path).toMatch(/^private\b|^no-store$/);
        if (expected === 200)
          expect(response.headers.get("content-security-policy"), path).toContain("script-src 'self'");
      }
      expect((await fetch(site.url + stylesheet, { headers: basic(user) })).headers.get("cache-control")).toBe(
        "private, max-age=31536000, immutable",
      );
    }
    // Netlify keeps its configuration files to itself.
    for (const path of ["/_headers", "/_redirects", "/./_headers", "/%5Fheaders"]) {
      const response = await fetch(site.url + path, { headers: basic(users[0]) });
      expect(response.status, path).toBe(404);
    }
  });

  test("a feed reader or calendar app with name:password in the address gets the feed and the calendar", async () => {
    const { host } = new URL(site.url);
    const fetchWith = (path: string) =>
      new Promise<{ status: number; type: string; body: string }>((ok, fail) =>
        // Node's client, like curl and most feed readers, sends the address's credentials as Basic-Auth.
        get(`http://${users[1].username}:${encodeURIComponent(users[1].password)}@${host}${path}`, (response) => {
          let body = "";
          response
            .on("data", (chunk) => (body += chunk))
            .on("end", () =>
              ok({ status: response.statusCode!, type: String(response.headers["content-type"]), body }),
            );
        }).on("error", fail),
      );
    const feed = await fetchWith("/feed.xml");
    expect([feed.status, feed.body]).toEqual([200, expect.stringContaining(postTitle)]);
    const calendar = await fetchWith("/bijeenkomsten.ics");
    expect([calendar.status, calendar.type]).toEqual([200, "text/calendar; charset=utf-8"]);
    expect(calendar.body).toContain("BEGIN:VCALENDAR");
  });
});

/** Chromium on a phone, watching for CSP violations, console errors and every request. */
async function phone(colorScheme: "light" | "dark" = "light", width = 390) {
  const context = await browser.newContext({ colorScheme, viewport: { width, height: 844 } });
  const requests: URL[] = [];
  context.on("request", (request) => requests.push(new URL(request.url())));
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    // Chromium reports the login page's own status (401: the address needs a key) as a failed load.
    if (message.text() === "Failed to load resource: the server responded with a status of 401 (Unauthorized)") return;
    if (message.type() === "error" || message.type() === "warning")
      problems.push(`console ${message.type()}: ${message.text()}`);
  });
  // Playwright's init scripts are not subject to the page's CSP: they can listen for violations.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return { context, page, requests, problems };
}

async function logIn(page: Page, user: { username: string; password: string }, remember = false) {
  await page.getByLabel(nl.doorName).fill(user.username);
  await page.getByLabel(nl.doorPassword).fill(user.password);
  if (remember) await page.getByLabel(nl.doorRemember).check();
  await page.getByRole("button", { name: nl.doorSubmit }).click();
  await page.waitForLoadState("networkidle");
}

const axe = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );

describe("a participant on a phone, in Chromium", () => {
  test("a deep link asks to log in, a wrong password is refused, the right one lands there, reload stays in, log-out ends it", async () => {
    const { context, page, requests, problems } = await phone();
    const own = new URL(site.url).host;

    const first = await page.goto(site.url + postPath);
    expect(first?.status()).toBe(401);
    await page.waitForLoadState("networkidle");
    expect(await page.title()).toBe(`${nl.doorTitle} — Leergang Samen Ontwerpen`);
    await expect(page.locator("#door-refusal").isVisible()).resolves.toBe(false);
    // Before the login: the login page and its stylesheet, from this site, and nothing else.
    expect(requests.map((url) => `${url.host === own ? "" : url.host}${url.pathname}`)).toEqual([postPath, stylesheet]);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector(".door-form")!).borderRadius)).not.toBe(
      "0px",
    );

    await logIn(page, { username: users[0].username, password: "Zeer-Geheim-Wachtwoord-2025" });
    expect(new URL(page.url()).pathname).toBe(postPath);
    await expect(page.locator("#door-refusal").textContent()).resolves.toBe(nl.doorRefusal);
    await expect(page.locator("#door-refusal").isVisible()).resolves.toBe(true);
    await expect(page.getByLabel(nl.doorName).inputValue()).resolves.toBe(users[0].username);
    await expect(page.getByLabel(nl.doorPassword).inputValue()).resolves.toBe("");
    expect(await axe(page)).toEqual([]);

    await logIn(page, users[0], true);
    expect(new URL(page.url()).pathname).toBe(postPath);
    await expect(page.locator("h1").first().textContent()).resolves.toBe(postTitle);
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: "__Host-door", httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
    expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000 + 29 * 86400);

    await page.reload();
    await expect(page.locator("h1").first().textContent()).resolves.toBe(postTitle);
    // Another tab, as a phone reopens the site: still in.
    const again = await context.newPage();
    expect((await again.goto(site.url + "/"))?.status()).toBe(200);
    await again.close();

    await page.getByRole("link", { name: nl.logOut }).click();
    await page.waitForLoadState("networkidle");
    expect(new URL(page.url()).pathname).toBe("/");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(nl.doorTitle);
    expect(await context.cookies()).toEqual([]);
    expect((await page.goto(site.url + postPath))?.status()).toBe(401);

    expect(problems).toEqual([]);
    await context.close();
  });

  test("a person taken out of SITE_USERS is out at once: their cookie opens nothing after the next deploy", async () => {
    const { context, page, problems } = await phone();
    try {
      await page.goto(site.url + postPath);
      await logIn(page, users[1], true);
      await expect(page.locator("h1").first().textContent()).resolves.toBe(postTitle);
      site.redeploy({ SITE_USERS: `${users[0].username}:${users[0].password}` });
      expect((await page.reload())?.status()).toBe(401);
      expect(await page.content()).not.toContain(postTitle);
      // The browser's own requests, with its cookie: nothing opens.
      for (const path of ["/", "/feed.xml", stylesheet.replace("site.", "widget."), "/img/marjan.svg"]) {
        const response = await context.request.get(site.url + path, { maxRedirects: 0 });
        expect(response.status(), path).toBe(401);
      }
      expect(problems).toEqual([]);
    } finally {
      site.redeploy({ SITE_USERS: USERS });
      await context.close();
    }
  });

  test("the search works for a person inside: Pagefind's index and worker come through the door with the cookie", async () => {
    const { context, page, problems } = await phone();
    await page.goto(site.url + "/zoeken/");
    await logIn(page, users[0]);
    const box = page.getByRole("searchbox", { name: nl.searchLabel });
    await box.fill("regie");
    await box.press("Enter");
    await expect
      .poll(() => page.getByRole("status").textContent(), { timeout: 20_000 })
      .toContain("gevonden voor “regie”");
    expect(await page.locator(".search-result__title a").allTextContents()).toContain(postTitle);
    expect(problems).toEqual([]);
    await context.close();
  });

  test("a calendar or feed opened in the browser asks with the browser's own Basic-Auth box, and opens with a name of SITE_USERS", async () => {
    const context = await browser.newContext({ httpCredentials: users[0] });
    const page = await context.newPage();
    const response = await page.goto(site.url + "/feed.xml");
    expect(response?.status()).toBe(200);
    expect(await response?.text()).toContain(postTitle);
    await context.close();
  });
});

describe.each(["light", "dark"] as const)("the login page (%s)", (colorScheme) => {
  test("axe finds nothing, refused or not; screenshots at 390 and 1280 px", async () => {
    for (const width of [390, 1280]) {
      const { context, page, problems } = await phone(colorScheme, width);
      await page.goto(site.url + postPath);
      await page.waitForLoadState("networkidle");
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: join(screenshots, `door-${width}-${colorScheme}.png`), fullPage: true });
      await logIn(page, { username: "groep", password: "fout" });
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: join(screenshots, `door-refused-${width}-${colorScheme}.png`), fullPage: true });
      expect(problems).toEqual([]);
      await context.close();
    }
  });
});

describe.each(["light", "dark"] as const)("the post page in Chromium, logged in (%s)", (colorScheme) => {
  test("the group's room, not the widget: no CSP violation, nothing asked of another host — not even at the comments — axe clean", async () => {
    const { context, page, requests, problems } = await phone(colorScheme);
    const giscus = await routeGiscus(context as BrowserContext);
    await page.goto(site.url + postPath);
    await logIn(page, users[1]);
    await page.locator("#reacties").scrollIntoViewIfNeeded();
    await page.waitForLoadState("networkidle");
    const own = new URL(site.url).host;
    expect(requests.filter((url) => url.host !== own).map(String)).toEqual([]);
    expect(requests.some((url) => /\/assets\/widget(-loader)?\./.test(url.pathname))).toBe(false);
    expect(giscus.widgets).toEqual([]);
    const room = page.locator("#reacties");
    expect(await room.getAttribute("class")).toContain("responses--room");
    await expect(room.getByRole("link", { name: nl.roomRespond }).getAttribute("href")).resolves.toMatch(
      /^https:\/\/github\.com\/leergang\/reacties\/discussions/,
    );
    await expect(room.locator(".responses__privacy").textContent()).resolves.toContain(nl.privacyNoteRoom);
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
