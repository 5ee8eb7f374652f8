// A private site's production deploy, served the way Netlify serves it (netlify.toml's headers plus
// the generated _site/_headers, whose Basic-Auth rule the test server enforces as Netlify does):
// without a name and password every address answers 401; with one of SITE_USERS the post page opens
// in Chromium with no CSP violation, asks no other host for anything until the reader comes near
// the comments, says that the discussion is public, and passes axe in light and dark.
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser } from "playwright";
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
let deploy: Deploy;
let site: RunningSite;
let browser: Browser;
let stylesheet: string;

beforeAll(async () => {
  deploy = netlifyBuild("production", { files: privateFiles, siteSettings: { SITE_USERS: USERS } });
  site = await serve(deploy.out, join(repoRoot, "netlify.toml"));
  browser = await launch();
  stylesheet = /href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec(
    await (await fetch(site.url + "/", { headers: basic(users[0]) })).text(),
  )![1]!;
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  discard({ root: deploy?.root });
});

function basic(user: { username: string; password: string }): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${user.username}:${user.password}`).toString("base64")}` };
}

describe("HTTP, as Netlify answers a private site", () => {
  const paths = () => [
    "/",
    postPath,
    "/feed.xml",
    "/feed.json",
    "/robots.txt",
    "/img/marjan.svg",
    stylesheet,
    "/feed",
    "/bestaat-niet/",
  ];

  test("without a name and password, or with a wrong one, every address answers 401 and asks for them, showing nothing of the site", async () => {
    for (const headers of [
      {},
      basic({ username: "groep", password: "raden" }),
      basic({ username: "onbekend", password: users[0].password }),
    ]) {
      for (const path of paths()) {
        const response = await fetch(site.url + path, { headers, redirect: "manual" });
        expect(response.status, path).toBe(401);
        expect(response.headers.get("www-authenticate"), path).toMatch(/^Basic realm="[^"]+"/);
        expect(await response.text(), path).not.toMatch(/Leergang|loslaten/i);
      }
    }
  });

  test("each name in SITE_USERS opens every address, which carries noindex, nofollow and never the rule itself", async () => {
    for (const user of users) {
      for (const path of paths()) {
        const response = await fetch(site.url + path, { headers: basic(user), redirect: "manual" });
        expect(response.status, path).toBe(path === "/feed" ? 301 : path === "/bestaat-niet/" ? 404 : 200);
        expect(response.headers.get("x-robots-tag"), path).toBe("noindex, nofollow");
        expect(response.headers.get("basic-auth"), path).toBeNull();
        expect(response.headers.get("content-security-policy"), path).toContain("script-src 'self';");
      }
    }
    // Netlify keeps its configuration files to itself: the passwords are not a download away.
    for (const path of ["/_headers", "/_redirects", "/./_headers", "/%5Fheaders"]) {
      const response = await fetch(site.url + path, { headers: basic(users[0]) });
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain(users[1].password);
    }
  });
});

describe.each(["light", "dark"] as const)(
  "the post page in Chromium, signed in with a name of SITE_USERS (%s)",
  (colorScheme) => {
    test("no CSP violation, nothing asked of another host before the comments, the public-discussion notice above the widget, axe clean", async () => {
      const context = await browser.newContext({
        colorScheme,
        viewport: { width: 390, height: 844 },
        httpCredentials: users[1],
      });
      const giscus = await routeGiscus(context);
      const requests: URL[] = [];
      context.on("request", (request) => requests.push(new URL(request.url())));
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error" || message.type() === "warning")
          problems.push(`console ${message.type()}: ${message.text()}`);
      });
      // Playwright's init scripts are not subject to the page's CSP: they can listen for violations.
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) =>
          console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
        );
      });

      const response = await page.goto(site.url + postPath);
      expect(response?.status()).toBe(200);
      await page.waitForLoadState("networkidle");
      const own = new URL(site.url).host;
      expect(requests.filter((url) => url.host !== own).map(String)).toEqual([]);
      expect(requests.some((url) => url.pathname.startsWith("/assets/widget."))).toBe(false);

      const notice = page.locator(".responses__public");
      await expect(notice.textContent()).resolves.toBe(nl.responsesPublicNotice);
      const widgetTop = await page.locator(".responses__widget").evaluate((el) => el.getBoundingClientRect().top);
      expect(await notice.evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThanOrEqual(widgetTop);

      // Now the reader comes to the comments: only then the widget, and only giscus.app beside the site.
      await page.locator("#reacties").scrollIntoViewIfNeeded();
      await expect(
        page.frameLocator('iframe[src^="https://giscus.app/"]').locator("p").textContent({ timeout: 15_000 }),
      ).resolves.toBe("giscus stand-in");
      await expect.poll(() => giscus.posted).toBe(true);
      expect([...new Set(requests.filter((url) => url.host !== own).map((url) => url.host))]).toEqual(["giscus.app"]);
      // The widget tells giscus the page's address and description; a private site has no description to give.
      expect(giscus.widgets[0]!.searchParams.get("description") ?? "").toBe("");

      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      await page.waitForTimeout(300);
      expect(problems).toEqual([]);
      await context.close();
    });
  },
);
