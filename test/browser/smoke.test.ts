import { afterAll, beforeAll, expect, test } from "vitest";
import type { Browser } from "playwright";
import { launch } from "../support/browser.ts";
import { serve, type RunningSite } from "../support/serve.ts";
import { buildSite, repoRoot } from "../support/site.ts";
import { join } from "node:path";

let browser: Browser;
let site: RunningSite;

beforeAll(async () => {
  const built = buildSite();
  site = await serve(built.out, join(repoRoot, "netlify.toml"));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

test("the home page opens in Chromium", async () => {
  const page = await browser.newPage();
  const response = await page.goto(site.url + "/");
  expect(response?.status()).toBe(200);
  await expect(page.locator("h1").first().textContent()).resolves.toContain("Leergang");
});
