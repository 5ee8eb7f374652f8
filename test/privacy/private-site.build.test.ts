// A private site (site.yaml's `private: true`) built the way Netlify builds it, in production, a deploy
// preview and a branch deploy, with SITE_USERS set in Netlify's settings: its door declared on every
// address (.netlify/v1/config.json), its login page built, a log-out link on every page, invisible to
// search engines and link previews, feeds still there — and no password anywhere in what the build writes.
// Without SITE_USERS, or without the door in place, a Netlify build stops before it writes; on the
// facilitator's own machine (`npm run build`, `npm start`) it works, and says so once.
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { nl } from "../../src/i18n/nl.ts";
import { discard, elementsOf, read, siteFiles, visibleText } from "../support/html.ts";
import { netlifyBuild, netlifyRun, type Deploy, type DeployContext } from "../netlify/deploys.ts";
import { DevServer } from "../support/dev-server.ts";
import { parseHeadersFile } from "../support/serve.ts";
import { build, post, tempProject } from "../support/site.ts";
import { htmlProblems } from "./validate.ts";
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
const declarations = (root: string) => JSON.parse(read(root, ".netlify/v1/config.json"));

describe.each(contexts)("%s", (context) => {
  const d = () => deploys[context];

  test("the door is declared on every address, through Netlify's Frameworks API file, and _headers opens nothing", () => {
    expect(declarations(d().root)).toEqual({ edge_functions: [{ function: "gate", path: "/*" }] });
    const rules = parseHeadersFile(read(d().out, "_headers"));
    expect(rules[0]).toEqual({ for: "/*", values: { "X-Robots-Tag": "noindex, nofollow" } });
    // The rest only give the calendar files their type.
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
      if (file !== "door/index.html" && !tags.some((el) => el.attribs.property === "og:title" && el.attribs.content))
        found.push(`${file}: no og:title`);
    }
    expect(found).toEqual([]);
  });

  test("every page but the login page has the log-out link in its footer", () => {
    const missing = htmlFiles(d()).filter(
      (file) => file !== "door/index.html" && !read(d().out, file).includes(`<a href="/uitloggen/">${nl.logOut}</a>`),
    );
    expect(missing).toEqual([]);
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

  test("the passwords are nowhere: no page, feed, script, header file, declaration, cache or line of the build's output", () => {
    const leaks = (dir: string) =>
      siteFiles(dir).filter((file) => passwords.some((p) => readFileSync(join(dir, file), "latin1").includes(p)));
    expect(leaks(d().out)).toEqual([]);
    expect(leaks(join(d().root, ".cache"))).toEqual([]);
    expect(leaks(join(d().root, ".netlify"))).toEqual([]);
    for (const p of passwords) expect(d().stdout + d().stderr).not.toContain(p);
    expect(d().stderr).not.toContain("SITE_USERS");
  });
});

describe("the login page", () => {
  const page = () => read(deploys.production.out, "door/index.html");

  test("stands alone: the site's name, the form, the way to the facilitator — no menu, no post, no feed, no script", () => {
    const text = visibleText(page());
    expect(text).toContain("Leergang Samen Ontwerpen");
    for (const words of [nl.doorTitle, nl.doorName, nl.doorPassword, nl.doorRemember, nl.doorSubmit, nl.doorHelp])
      expect(text).toContain(words);
    const els = elementsOf(page());
    expect(els.filter((el) => el.name === "script")).toEqual([]);
    expect(els.filter((el) => el.name === "a").map((el) => el.attribs.href)).toEqual([]);
    expect(els.filter((el) => el.name === "link").map((el) => `${el.attribs.rel} ${el.attribs.href}`)).toEqual([
      expect.stringMatching(/^icon data:image\/svg\+xml,/),
      expect.stringMatching(/^stylesheet \/assets\/site\.[0-9a-f]{10}\.css$/),
    ]);
    const titles = siteFiles(deploys.production.out)
      .filter((f) => /^posts\/[^/]+\/index\.html$/.test(f))
      .map((f) => /<h1[^>]*>([^<]+)</.exec(read(deploys.production.out, f))?.[1] ?? "");
    for (const title of titles) expect(page()).not.toContain(title);
    // The form goes back to the address it is shown at: no action, no address of its own.
    const form = els.find((el) => el.name === "form")!;
    expect(form.attribs).toEqual({ class: "door-form", method: "post" });
  });

  test("carries each of the gate's marks exactly once", () => {
    for (const mark of [" data-door-refusal hidden", " data-door-name", " data-door-remember"])
      expect(page().split(mark).length - 1, mark).toBe(1);
  });

  test("names the facilitator's contact when site.yaml has one, in the site's language", () => {
    const english = netlifyBuild("production", {
      files: {
        "_data/site.yaml":
          privateFiles["_data/site.yaml"].replace("lang: nl", "lang: en") + "contact: begeleider@example.org\n",
      },
      siteSettings: { SITE_USERS: USERS },
    });
    try {
      const html = read(english.out, "door/index.html");
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('<a href="mailto:begeleider@example.org">begeleider@example.org</a>');
      expect(visibleText(html)).toContain("Log in");
      expect(read(english.out, "index.html")).toContain('<a href="/logout/">Log out</a>');
    } finally {
      discard({ root: english.root });
    }
  });

  test("passes html-validate and the Nu Html Checker, as built and as the gate shows it after a refusal", async () => {
    expect(
      await htmlProblems(deploys.production.out, [
        "door/index.html",
        "index.html",
        "posts/loslaten-en-regie/index.html",
      ]),
    ).toEqual([]);
  });
});

describe("a public site", () => {
  test("has no door: nothing declared, no login page, no log-out link", () => {
    const root = tempProject();
    const built = build(root);
    try {
      expect(built.status, built.stderr).toBe(0);
      expect(() => statSync(join(root, ".netlify/v1/config.json"))).toThrow();
      expect(siteFiles(built.out)).not.toContain("door/index.html");
      expect(read(built.out, "index.html")).not.toContain("/uitloggen/");
    } finally {
      discard(built);
    }
  });
});

describe("on the facilitator's own machine, without SITE_USERS", () => {
  test("npm run build works, says once that this build has no password, and writes no password", () => {
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

const stopped = ["", "1 problem in 1 file.", "Nothing was written. Fix the lines above and build again."];

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
        ...stopped,
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

describe("a Netlify build of a private site whose door is not in place", () => {
  const refused = (change: (root: string) => void) => {
    const root = tempProject({ files: privateFiles, copy: ["netlify", "netlify.toml"] });
    try {
      change(root);
      const failed = netlifyRun("production", { root, siteSettings: { SITE_USERS: USERS } });
      expect(failed.status).toBe(1);
      expect(() => statSync(join(root, "_site"))).toThrow();
      expect(() => statSync(join(root, ".netlify/v1/config.json"))).toThrow();
      return failed.stderr.trim().split("\n");
    } finally {
      discard({ root });
    }
  };
  const gateFile = "netlify/edge-functions/gate/gate.ts";

  test("missing: stops, naming the file and what to do, and writes nothing", () => {
    expect(refused((root) => rmSync(join(root, "netlify/edge-functions"), { recursive: true }))).toEqual([
      expect.stringMatching(
        /^content\/_data\/site\.yaml: private: is true, but the door that keeps everyone else out, netlify\/edge-functions\/gate\/gate\.ts, is missing or has no `export default`, so Netlify would publish the site open — restore it from hoedoededa's repository/,
      ),
      ...stopped,
    ]);
  });

  test("narrowed by an inline config, or looked for in another folder: stops the same way", () => {
    const narrowed = refused((root) =>
      writeFileSync(join(root, gateFile), `${read(root, gateFile)}\nexport const config = { path: "/posts/*" };\n`),
    );
    expect(narrowed[0]).toMatch(/gate\.ts exports its own `config`, which would replace the build's \/\* /);
    const moved = refused((root) =>
      writeFileSync(
        join(root, "netlify.toml"),
        read(root, "netlify.toml").replace("[build]\n", '[build]\n  edge_functions = "elders"\n'),
      ),
    );
    expect(moved[0]).toMatch(/netlify\.toml sets \[build\] edge_functions/);
  });
});
