// A private site (site.yaml's `private: true`) built the way Netlify builds it, in production, a deploy
// preview and a branch deploy, with SITE_USERS set in Netlify's settings: closed to all but those
// names, invisible to search engines and link previews, feeds still there — and the passwords in
// _site/_headers and nowhere else. Without SITE_USERS a Netlify build stops before it writes; on the
// facilitator's own machine (`npm run build`, `npm start`) it works, and says so once.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { FileSystemConfigLoader, HtmlValidate, type Message } from "html-validate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { nl } from "../../src/i18n/nl.ts";
import { discard, elementsOf, read, siteFiles, visibleText } from "../support/html.ts";
import { netlifyBuild, netlifyRun, type Deploy, type DeployContext } from "../netlify/deploys.ts";
import { DevServer } from "../support/dev-server.ts";
import { parseHeadersFile } from "../support/serve.ts";
import { build, post, repoRoot, tempProject } from "../support/site.ts";
import { passwords, privateFiles, USERS } from "./fixture.ts";

const contexts = ["production", "deploy-preview", "branch-deploy"] as const;
const deploys = {} as Record<DeployContext, Deploy>;
const localNote = "A private site (private: true) built without SITE_USERS: this build has no password";

beforeAll(() => {
  for (const context of contexts)
    deploys[context] = netlifyBuild(context, { files: privateFiles, siteSettings: { SITE_USERS: USERS } });
});
afterAll(() => Object.values(deploys).forEach((d) => discard({ root: d.root })));

const htmlFiles = (d: Deploy) => siteFiles(d.out).filter((f) => f.endsWith(".html"));
const head = (d: Deploy, file: string) =>
  elementsOf(read(d.out, file)).filter((el) => ["meta", "link"].includes(el.name));

describe.each(contexts)("%s", (context) => {
  const d = () => deploys[context];

  test("_headers closes every file to all but the names in SITE_USERS, and keeps robots out", () => {
    const rules = parseHeadersFile(read(d().out, "_headers"));
    expect(rules[0]).toEqual({ for: "/*", values: { "X-Robots-Tag": "noindex, nofollow", "Basic-Auth": USERS } });
    // The rest only give the calendar files their type; none opens anything.
    expect(
      rules.slice(1).every((rule) => rule.for.endsWith(".ics") && Object.keys(rule.values).join() === "Content-Type"),
    ).toBe(true);
  });

  test("every page is noindex, nofollow, with a title but no description, canonical link, og:url or date for link previews", () => {
    const found: string[] = [];
    for (const file of htmlFiles(d())) {
      const tags = head(d(), file);
      const robots = tags.filter((el) => el.attribs.name === "robots").map((el) => el.attribs.content);
      if (robots.join() !== "noindex, nofollow") found.push(`${file}: robots ${robots.join(" | ") || "missing"}`);
      for (const el of tags) {
        const what = el.attribs.name ?? el.attribs.property ?? el.attribs.rel;
        if (
          [
            "description",
            "og:description",
            "og:url",
            "article:published_time",
            "canonical",
            "og:image",
            "twitter:card",
          ].includes(what ?? "")
        )
          found.push(`${file}: ${what}`);
      }
      if (!tags.some((el) => el.attribs.property === "og:title" && el.attribs.content))
        found.push(`${file}: no og:title`);
    }
    expect(found).toEqual([]);
  });

  test("robots.txt disallows everything and names no sitemap; there is none", () => {
    const robots = read(d().out, "robots.txt");
    expect(robots).toMatch(/^User-agent: \*\nDisallow: \/$/m);
    expect(robots).not.toMatch(/Allow: \/$|Sitemap/m);
    expect(siteFiles(d().out)).not.toContain("sitemap.xml");
  });

  test("the feeds are still built, every listed post in them, for the group's feed readers", () => {
    const atom = new XMLParser({ isArray: (name) => name === "entry" }).parse(read(d().out, "feed.xml")).feed;
    const json = JSON.parse(read(d().out, "feed.json"));
    const posts = htmlFiles(d()).filter((f) => /^posts\/[^/]+\/index\.html$/.test(f)).length;
    expect(atom.entry.length).toBe(posts);
    expect(json.items.length).toBe(posts);
  });

  test("the passwords are in _headers and nowhere else: no page, feed, script or line of the build's output", () => {
    const leaks = siteFiles(d().out).filter(
      (file) => file !== "_headers" && passwords.some((p) => readFileSync(join(d().out, file), "latin1").includes(p)),
    );
    expect(leaks).toEqual([]);
    const cache = siteFiles(join(d().root, ".cache")).filter((file) =>
      passwords.some((p) => read(join(d().root, ".cache"), file).includes(p)),
    );
    expect(cache).toEqual([]);
    for (const p of passwords) expect(d().stdout + d().stderr).not.toContain(p);
    expect(d().stderr).not.toContain("SITE_USERS");
  });
});

describe("the responses section of a private site", () => {
  test("says, above the widget and its sign-in, that the discussion on GitHub is public all the same", () => {
    const html = read(deploys.production.out, "posts/loslaten-en-regie/index.html");
    const els = elementsOf(html);
    const notice = els.findIndex((el) => el.attribs.class === "responses__public");
    const widget = els.findIndex((el) => el.attribs.class === "responses__widget");
    expect(notice).toBeGreaterThan(-1);
    expect(notice).toBeLessThan(widget);
    expect(visibleText(html)).toContain(nl.responsesPublicNotice);
    // The preview writes to its own category, and says the same.
    expect(visibleText(read(deploys["deploy-preview"].out, "posts/loslaten-en-regie/index.html"))).toContain(
      nl.responsesPublicNotice,
    );
  });

  test("pages with the notice pass html-validate", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const errors: string[] = [];
    for (const file of ["index.html", "posts/loslaten-en-regie/index.html", "404.html"]) {
      const report = await validator.validateString(read(deploys.production.out, file), join(repoRoot, "_site", file));
      for (const result of report.results)
        for (const m of result.messages as Message[])
          if (m.severity === 2) errors.push(`${file}:${m.line}: ${m.ruleId}: ${m.message}`);
    }
    expect(errors).toEqual([]);
  });
});

describe("on the facilitator's own machine, without SITE_USERS", () => {
  test("npm run build works, says once that this build has no password, and writes no Basic-Auth", () => {
    const built = build(tempProject({ files: privateFiles }));
    try {
      expect(built.status, built.stderr).toBe(0);
      expect(built.stderr.split(localNote).length - 1).toBe(1);
      const rules = parseHeadersFile(read(built.out, "_headers"));
      expect(rules[0]).toEqual({ for: "/*", values: { "X-Robots-Tag": "noindex, nofollow" } });
      expect(rules.some((rule) => "Basic-Auth" in rule.values)).toBe(false);
    } finally {
      discard(built);
    }
  });

  test("npm start works, and says so once, however often it rebuilds", async () => {
    const dev = new DevServer(privateFiles);
    try {
      await dev.start();
      await dev.connect();
      expect(await dev.page("/posts/loslaten-en-regie/")).toContain('content="noindex, nofollow"');
      expect(await dev.save("posts/nieuw.md", post({ title: "Nieuw", date: "2026-01-05", author: "marjan" }))).toBe(
        "reload",
      );
      expect(
        await dev.save("posts/nieuw.md", post({ title: "Nieuw, bewerkt", date: "2026-01-05", author: "marjan" })),
      ).toBe("reload");
      expect(dev.output.split(localNote).length - 1).toBe(1);
    } finally {
      await dev.stop();
      discard({ root: dev.root });
    }
  });
});

/** Every file under `dir` with its bytes and modification time: what "as it was" means. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    siteFiles(dir).map((file) => [
      file,
      `${statSync(join(dir, file)).mtimeMs} ${readFileSync(join(dir, file), "base64")}`,
    ]),
  );
}

describe("a Netlify build of a private site without SITE_USERS", () => {
  test.each(contexts)(
    "%s: stops with one message naming SITE_USERS and where to set it, and leaves _site as it was",
    (context) => {
      // The project the production deploy was built in: its _site is the last good deploy.
      const { root, out } = deploys.production;
      const before = snapshot(out);
      expect(Object.keys(before).length).toBeGreaterThan(20);
      const failed = netlifyRun(context, { root, siteSettings: {} });
      expect(failed.status).toBe(1);
      expect(failed.stderr.trim().split("\n")).toEqual([
        expect.stringMatching(
          /^content\/_data\/site\.yaml: private: is true, but SITE_USERS is not set, so this Netlify build would publish the site without a password — set it in Netlify: Site configuration → Environment variables → Add a variable, key SITE_USERS/,
        ),
        "",
        "1 problem in 1 file.",
        "Nothing was written. Fix the lines above and build again.",
      ]);
      expect(failed.stdout).not.toMatch(/Wrote|Copied/);
      expect(snapshot(out)).toEqual(before);
    },
  );

  test("with a SITE_USERS Netlify cannot use, stops the same way and names what is wrong without repeating any of it", () => {
    const { root, out } = deploys.production;
    const before = snapshot(out);
    // A space where the colon should be, and a second person without a password.
    const typed = `team ${passwords[0]} kees:`;
    const failed = netlifyRun("production", { root, siteSettings: { SITE_USERS: typed } });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(
      'SITE_USERS cannot be used: entry 1 of 3 has no ":" (name:password); entry 2 of 3 has no ":" (name:password); entry 3 of 3 has no password after the ":"',
    );
    for (const part of [passwords[0]!, "team", "kees"]) expect(failed.stdout + failed.stderr).not.toContain(part);
    expect(snapshot(out)).toEqual(before);
  });
});
