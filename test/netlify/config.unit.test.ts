// netlify.toml and the code that reads Netlify's variables, without building: fast checks that
// the deploy configuration says what the issue asks and stays in step with the code.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { settingsFromEnv } from "../../src/model/build.ts";
import { avatarHosts } from "../../src/model/schema.ts";
import { messages } from "../../src/i18n/index.ts";
import { formOrigin } from "../../src/write/github-editor.ts";
import { embedHosts } from "../../src/markdown/render.ts";
import { siteFor } from "../support/model.ts";
import { contextHeaders } from "../../src/netlify/headers.ts";
import { previewBar } from "../../src/netlify/preview.ts";
import { pathMatches } from "../support/edge-chain.ts";
import { parseHeadersFile } from "../support/serve.ts";
import { repoRoot } from "../support/site.ts";
import { netlifyToml } from "./deploys.ts";

const toml = netlifyToml();
const rootHeaders = toml.headers.find((h) => h.for === "/*")!.values;

/** `default-src 'self'; img-src 'self' data:` → { "default-src": ["'self'"], "img-src": ["'self'", "data:"] } */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = "", ...sources] = d.split(/\s+/);
        return [name, sources];
      }),
  );
}
const csp = directives(rootHeaders["Content-Security-Policy"]!);

describe("netlify.toml: build", () => {
  test("runs the project's own build through npm and publishes Eleventy's output folder", () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
    expect(toml.build.command).toBe("npm run build");
    expect(pkg.scripts.build).toContain("eleventy");
    expect(toml.build.publish).toBe("_site");
    expect(readFileSync(join(repoRoot, ".eleventy.ts"), "utf8")).toContain('output: "_site"');
  });

  test("pins a Node version that satisfies package.json's engines", () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
    const pinned = toml.build.environment.NODE_VERSION!.split(".").map(Number);
    const [major = 0, minor = 0] = (pkg.engines.node as string)
      .replace(/^>=\s*/, "")
      .split(".")
      .map(Number);
    expect(pinned).toHaveLength(3);
    expect(pinned[0]! > major || (pinned[0] === major && pinned[1]! >= minor)).toBe(true);
  });

  test("shows drafts in deploy previews and branch deploys, never in production", () => {
    expect(toml.context.production?.environment?.HOEDOEDEDA_DRAFTS).toBe("false");
    expect(toml.context["deploy-preview"]?.environment?.HOEDOEDEDA_DRAFTS).toBe("true");
    expect(toml.context["branch-deploy"]?.environment?.HOEDOEDEDA_DRAFTS).toBe("true");
  });
});

describe("netlify.toml: security headers", () => {
  test("the CSP allows scripts and styles only from our origin, without inline code or eval", () => {
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(csp["script-src"]).toEqual(["'self'"]);
    expect(csp["style-src"]).toEqual(["'self'"]);
    expect(rootHeaders["Content-Security-Policy"]).not.toMatch(/unsafe|\*|http:/);
  });

  test("frames: the giscus widget and exactly the players posts may embed (src/markdown/render.ts embedHosts)", () => {
    expect(csp["frame-src"]?.slice().sort()).toEqual(
      ["https://giscus.app", ...embedHosts.map((host) => `https://${host}`)].sort(),
    );
  });

  test("the CSP closes what a blog does not need", () => {
    // Author pictures from other hosts are refused by the schema (src/model/schema.ts avatarHosts).
    expect(csp["img-src"]).toEqual(["'self'", "data:", ...avatarHosts.map((host) => `https://${host}`)]);
    expect(csp["connect-src"]).toEqual(["'self'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'self'"]);
    // Forms: ours, and GitHub's new-file page, where /schrijven/ sends a new post.
    expect(csp["form-action"]).toEqual(["'self'", formOrigin]);
    expect(csp["object-src"]).toEqual(["'none'"]);
  });

  test("no sniffing, a careful referrer, and the powerful browser features switched off", () => {
    expect(rootHeaders["X-Content-Type-Options"]).toBe("nosniff");
    expect(rootHeaders["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    const denied = rootHeaders["Permissions-Policy"]!.split(",").map((p) => p.trim());
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"])
      expect(denied).toContain(`${feature}=()`);
    expect(denied.every((p) => /^[a-z-]+=\(\)$/.test(p))).toBe(true);
  });

  test("fingerprinted assets are cached for a year; no rule gives HTML a long cache", () => {
    expect(toml.headers.find((h) => h.for === "/assets/*")?.values["Cache-Control"]).toBe(
      "public, max-age=31536000, immutable",
    );
    const longCache = toml.headers.filter((h) => /max-age=[1-9]/.test(h.values["Cache-Control"] ?? ""));
    for (const path of ["/", "/posts/welkom/", "/404.html", "/feed.xml"])
      expect(
        longCache.filter((h) => pathMatches(h.for, path)),
        path,
      ).toEqual([]);
  });

  test("no header is set twice for one path, by netlify.toml or the generated _headers of any context", () => {
    const paths = [
      "/",
      "/posts/welkom/",
      "/assets/site.0123456789.css",
      "/feed.xml",
      "/img/marjan.svg",
      "/bijeenkomsten.ics",
      "/posts/welkom/welkom.ics",
    ];
    for (const context of ["production", "deploy-preview", "branch-deploy"] as const) {
      const calendars = ["/bijeenkomsten.ics", "/posts/welkom/welkom.ics"];
      const rules = [
        ...toml.headers,
        ...parseHeadersFile(contextHeaders(siteFor({}, { CONTEXT: context }), calendars)),
      ];
      for (const path of paths) {
        const names = rules
          .filter((r) => pathMatches(r.for, path))
          .flatMap((r) => Object.keys(r.values).map((n) => n.toLowerCase()));
        expect(
          names.filter((n, i) => names.indexOf(n) !== i),
          `${context} ${path}`,
        ).toEqual([]);
      }
    }
  });
});

describe("netlify.toml: redirects", () => {
  test("common feed addresses lead to /feed.xml, permanently", () => {
    const feedRedirects = toml.redirects.filter((r) => r.to === "/feed.xml");
    expect(feedRedirects.map((r) => r.from)).toEqual(
      expect.arrayContaining(["/feed", "/feed/*", "/rss", "/rss.xml", "/atom.xml"]),
    );
    expect(feedRedirects.every((r) => r.status === 301 && !r.force)).toBe(true);
  });
});

describe("build settings from Netlify's variables (src/model/build.ts)", () => {
  test("Netlify's production context never shows drafts, whatever HOEDOEDEDA_DRAFTS says", () => {
    expect(settingsFromEnv({ CONTEXT: "production", HOEDOEDEDA_DRAFTS: "true" }).showDrafts).toBe(false);
    expect(settingsFromEnv({ CONTEXT: "deploy-preview", HOEDOEDEDA_DRAFTS: "true" }).showDrafts).toBe(true);
    // A local build may still show drafts on request.
    expect(settingsFromEnv({ HOEDOEDEDA_DRAFTS: "true" }).showDrafts).toBe(true);
  });

  test("a deploy preview knows its pull request, a branch deploy its branch", () => {
    // HEAD is the branch the deploy was built from; BRANCH stands in when Netlify gives no HEAD.
    const preview = settingsFromEnv({
      CONTEXT: "deploy-preview",
      REVIEW_ID: "7",
      HEAD: "nieuw-bericht",
      BRANCH: "pull/7/head",
      URL: "https://a.nl/",
      DEPLOY_PRIME_URL: "https://p--a.netlify.app",
    });
    expect(preview).toMatchObject({
      context: "deploy-preview",
      reviewId: 7,
      branch: "nieuw-bericht",
      preview: true,
      url: "https://p--a.netlify.app",
      productionUrl: "https://a.nl",
    });
    const branchDeploy = settingsFromEnv({
      CONTEXT: "branch-deploy",
      BRANCH: "opzet",
      URL: "https://a.nl",
      DEPLOY_PRIME_URL: "https://opzet--a.netlify.app",
    });
    expect(branchDeploy).toMatchObject({
      context: "branch-deploy",
      branch: "opzet",
      preview: true,
      url: "https://opzet--a.netlify.app",
    });
    expect(branchDeploy.reviewId).toBeUndefined();
    const production = settingsFromEnv({
      CONTEXT: "production",
      HEAD: "main",
      URL: "https://a.nl",
      DEPLOY_PRIME_URL: "https://main--a.netlify.app",
    });
    expect(production).toMatchObject({ preview: false, url: "https://a.nl" });
    // Production has no branch to edit on: readers are never sent to a branch.
    expect(production.branch).toBeUndefined();
  });
});

describe("the preview bar (src/netlify/preview.ts)", () => {
  const nl = messages("nl");
  const en = messages("en");

  test("names the pull request, in the site's language, with the way to the live site", () => {
    const build = settingsFromEnv({ CONTEXT: "deploy-preview", REVIEW_ID: "12", URL: "https://a.nl" });
    expect(previewBar(build, nl)).toEqual({
      label: "Voorbeeldweergave van pull request #12",
      liveUrl: "https://a.nl/",
      liveLabel: "Naar de openbare site",
    });
    expect(previewBar(build, en)).toEqual({
      label: "Preview of pull request #12",
      liveUrl: "https://a.nl/",
      liveLabel: "Go to the live site",
    });
  });

  test("names the branch of a branch deploy, and still says 'preview' when Netlify gives neither", () => {
    expect(previewBar(settingsFromEnv({ CONTEXT: "branch-deploy", BRANCH: "opzet" }), en)?.label).toBe(
      "Preview of branch “opzet”",
    );
    expect(previewBar(settingsFromEnv({ CONTEXT: "deploy-preview" }), nl)).toEqual({
      label: "Voorbeeldweergave",
      liveLabel: "Naar de openbare site",
    });
  });

  test("is absent in production and in local builds", () => {
    expect(previewBar(settingsFromEnv({ CONTEXT: "production", URL: "https://a.nl" }), nl)).toBeUndefined();
    expect(previewBar(settingsFromEnv({}), nl)).toBeUndefined();
    expect(previewBar(settingsFromEnv({ ELEVENTY_RUN_MODE: "serve" }), nl)).toBeUndefined();
  });
});

describe("netlify.toml: the search page's policy (issue 18)", () => {
  /** The CSP a path is served with: Netlify applies the last matching rule that sets it. */
  const policyFor = (path: string) =>
    toml.headers.filter((h) => pathMatches(h.for, path) && h.values["Content-Security-Policy"]).at(-1)!.values[
      "Content-Security-Policy"
    ]!;
  const strict = rootHeaders["Content-Security-Policy"]!;

  test("the search page and Pagefind's files add only WebAssembly and a same-origin worker to the strict policy", () => {
    for (const path of [
      "/zoeken/",
      "/zoeken/?q=netwerk",
      "/search/",
      "/pagefind/pagefind.js",
      "/pagefind/pagefind-worker.js",
      "/pagefind/wasm.nl.pagefind",
    ]) {
      const policy = directives(policyFor(path.split("?")[0]!));
      expect(policy["script-src"], path).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(policy["worker-src"], path).toEqual(["'self'"]);
      const rest = (p: Record<string, string[]>) =>
        Object.fromEntries(Object.entries(p).filter(([name]) => name !== "script-src" && name !== "worker-src"));
      expect(rest(policy), path).toEqual(rest(csp));
      expect(policyFor(path.split("?")[0]!), path).not.toMatch(/'unsafe-(inline|eval)'|\*|http:/);
    }
  });

  test("every other page keeps the strict policy", () => {
    for (const path of [
      "/",
      "/posts/welkom/",
      "/tags/reflectie/",
      "/series/de-23-stappen/",
      "/over/",
      "/zoekenenvinden/",
      "/assets/search.0123456789.js",
      "/feed.xml",
      "/404.html",
    ]) {
      expect(policyFor(path), path).toBe(strict);
    }
  });

  test("the rules for the search page come after the one for every page, so theirs is the policy Netlify sends", () => {
    const order = toml.headers.map((h) => h.for);
    for (const path of ["/zoeken/*", "/search/*", "/pagefind/*"])
      expect(order.indexOf(path)).toBeGreaterThan(order.indexOf("/*"));
  });
});

describe("netlify.toml: the build plugin that keeps the cards and the search index", () => {
  test("is ours, in the repository, and keeps only .cache/cards/ and .cache/search/ (the counts' cache must not outlive a build)", async () => {
    const plugins = (toml as unknown as { plugins: { package: string }[] }).plugins;
    expect(plugins.map((p) => p.package)).toEqual(["./netlify/plugins/keep-cache"]);
    const plugin = await import("../../netlify/plugins/keep-cache/index.js");
    const calls: string[] = [];
    const utils = {
      cache: {
        restore: async (paths: string[]) => (calls.push(`restore ${paths.join(" ")}`), true),
        save: async (paths: string[]) => (calls.push(`save ${paths.join(" ")}`), true),
      },
    };
    await plugin.onPreBuild({ utils });
    await plugin.onPostBuild({ utils });
    const { CARD_CACHE } = await import("../../src/cards/write.ts");
    const { SEARCH_CACHE } = await import("../../src/search/index.ts");
    expect(calls).toEqual([`restore ${CARD_CACHE} ${SEARCH_CACHE}`, `save ${CARD_CACHE} ${SEARCH_CACHE}`]);
    expect(readFileSync(join(repoRoot, "netlify/plugins/keep-cache/manifest.yml"), "utf8")).toMatch(/^name: \S+/m);
  });

  test("exports nothing but Netlify's event handlers, which its loader requires of every export", async () => {
    // @netlify/build, lib/plugins/child/validate.js: any other export stops the build with
    // "Invalid event '…'" (EVENTS and DEV_EVENTS of @netlify/config). test/netlify/netlify-cli.build.test.ts
    // runs the real loader where a netlify-cli is installed.
    const events = ["onPreBuild", "onBuild", "onPostBuild", "onSuccess", "onError", "onEnd", "onPreDev", "onDev"];
    const plugin: Record<string, unknown> = await import("../../netlify/plugins/keep-cache/index.js");
    for (const [name, value] of Object.entries(plugin)) {
      expect(events, `export ${name}`).toContain(name);
      expect(typeof value, `export ${name}`).toBe("function");
    }
  });
});
