// A private site's rules, each in its one place: what SITE_USERS may look like (and that nothing but the
// door ever reads it), when a build must stop for want of it or of the door, what _headers says in each
// context (no password, ever), where the door is declared, what a page's head tells search engines and
// link previews, and the public discussion's notice and body. The door itself: test/gate/.
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { responsesSection } from "../../src/comments/section.ts";
import { newDiscussion } from "../../src/comments/discussion.ts";
import { contextHeaders } from "../../src/netlify/headers.ts";
import { edgeDeclarations } from "../../src/netlify/edge.ts";
import { accessNote, accessProblems, siteAccess, type GateFile } from "../../src/model/access.ts";
import { pageDescription, pageMeta, robotsOf } from "../../src/privacy/meta.ts";
import { SiteUsers } from "../../src/model/site-users.ts";
import { routes } from "../../src/build/routes.ts";
import { parseHeadersFile } from "../support/serve.ts";
import { postData, siteFor } from "../support/model.ts";

const USERS = "groep:Lang-Geheim-2026 marjan:Ander.Wachtwoord!";
const netlify = (context: "production" | "deploy-preview" | "branch-deploy", users?: string) => ({
  CONTEXT: context,
  ...(users ? { SITE_USERS: users } : {}),
});
/** The door as this repository has it. */
const inPlace: GateFile = { handler: true, inlineConfig: false, movedFolder: false };
const giscus = { repo: "org/reacties", repoId: "R_kgDOtest", category: "Reacties", categoryId: "DIC_kwDOtest" };

describe("SITE_USERS", () => {
  test("is name:password pairs separated by spaces, extra whitespace dropped", () => {
    const users = SiteUsers.from(`  groep:Lang-Geheim-2026 \n\t marjan:Ander.Wachtwoord!  `)!;
    expect(users.problems).toEqual([]);
    expect(users.count).toBe(2);
    expect(users.people()).toEqual([
      { name: "groep", password: "Lang-Geheim-2026" },
      { name: "marjan", password: "Ander.Wachtwoord!" },
    ]);
    expect(Object.isFrozen(users.people()) && Object.isFrozen(users.people()[0])).toBe(true);
    expect(SiteUsers.from(undefined)).toBeUndefined();
    expect(SiteUsers.from("   ")).toBeUndefined();
  });

  test("turned into text anywhere (a template, JSON, a log line) says how many names, never a password", () => {
    const users = SiteUsers.from(USERS)!;
    const shown = [
      String(users),
      `${users}`,
      JSON.stringify({ users }),
      inspect({ users }),
      inspect(users, { showHidden: true }),
    ];
    for (const text of shown) {
      expect(text).toContain("[SITE_USERS: 2 names]");
      expect(text).not.toMatch(/Geheim|Wachtwoord|groep|marjan/);
    }
    expect(Object.keys(users)).toEqual(["count", "problems"]);
  });

  test("every mistake is named by its place, all at once, and no message quotes any part of the value", () => {
    const value = `alleenwachtwoord marjan: :zonder-naam a:b:c jé:x piet:een piet:twee`;
    const users = SiteUsers.from(value)!;
    expect(users.problems).toEqual([
      'entry 1 of 7 has no ":" (name:password)',
      'entry 2 of 7 has no password after the ":"',
      'entry 3 of 7 has no name before the ":"',
      'entry 4 of 7 has more than one ":" (a name or password may not contain one)',
      expect.stringMatching(/^entry 5 of 7 has a letter with an accent/),
      "entry 7 of 7 has the same name as entry 6 (give every person their own name)",
    ]);
    for (const part of ["alleenwachtwoord", "zonder-naam", "jé", "een", "twee"])
      expect(users.problems.join(" ")).not.toContain(part);
    expect(() => users.people()).toThrow(/problems/);
    expect(SiteUsers.from("geheim-zonder-naam")!.problems).toEqual(['the value has no ":" (name:password)']);
    expect(SiteUsers.from(`"groep:geheim"`)!.problems).toEqual([expect.stringMatching(/quote/)]);
  });
});

describe("who may open the site", () => {
  test("a public site: anyone, in every context; a SITE_USERS without private: true is pointed out", () => {
    for (const env of [{}, netlify("production"), netlify("deploy-preview")]) {
      expect(siteAccess(siteFor({}, env))).toEqual({ kind: "public" });
      expect(accessProblems(siteFor({}, env))).toEqual([]);
      expect(accessNote(siteFor({}, env))).toBeUndefined();
    }
    expect(accessNote(siteFor({}, netlify("production", USERS)))).toMatch(
      /SITE_USERS is set, but content\/_data\/site\.yaml does not say private: true/,
    );
  });

  test("a private site on Netlify, in production, deploy previews and branch deploys: behind the door, for SITE_USERS", () => {
    for (const context of ["production", "deploy-preview", "branch-deploy"] as const) {
      const access = siteAccess(siteFor({ private: true }, netlify(context, USERS)));
      expect(access.kind).toBe("door");
      expect(accessProblems(siteFor({ private: true }, netlify(context, USERS)), inPlace)).toEqual([]);
    }
  });

  test("a private site Netlify would publish without its door in place is refused, naming the file and the fix", () => {
    const site = siteFor({ private: true }, netlify("production", USERS));
    const refused = (found: GateFile) => accessProblems(site, found).map((p) => `${p.file}: ${p.field}: ${p.message}`);
    expect(refused({ ...inPlace, handler: false })).toEqual([
      expect.stringMatching(
        /^content\/_data\/site\.yaml: private: is true, but the door that keeps everyone else out, netlify\/edge-functions\/gate\/gate\.ts, is missing or has no `export default`, so Netlify would publish the site open — restore it/,
      ),
    ]);
    expect(refused({ ...inPlace, inlineConfig: true })).toEqual([
      expect.stringMatching(
        /exports its own `config`, which would replace the build's \/\* and leave addresses open — remove that export/,
      ),
    ]);
    expect(refused({ ...inPlace, movedFolder: true })).toEqual([
      expect.stringMatching(/netlify\.toml sets \[build\] edge_functions, .* — remove that line$/),
    ]);
    // Without SITE_USERS as well: both problems at once.
    expect(
      accessProblems(siteFor({ private: true }, netlify("production")), { ...inPlace, handler: false }),
    ).toHaveLength(2);
    // On the facilitator's machine the door is not needed, and a public site never has one.
    expect(accessProblems(siteFor({ private: true }), { ...inPlace, handler: false })).toEqual([]);
    expect(accessProblems(siteFor({}, netlify("production")), { ...inPlace, handler: false })).toEqual([]);
  });

  test("a private site on Netlify without SITE_USERS is refused with one problem that names SITE_USERS and where to set it", () => {
    for (const context of ["production", "deploy-preview", "branch-deploy"] as const) {
      // Also when the mode is overridden: what Netlify builds is published.
      expect(siteAccess(siteFor({ private: true }, { ...netlify(context), HOEDOEDEDA_ENV: "development" }))).toEqual({
        kind: "refused",
      });
      const problems = accessProblems(siteFor({ private: true }, netlify(context)));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ file: "content/_data/site.yaml", field: "private" });
      expect(problems[0]!.message).toMatch(
        /^is true, but SITE_USERS is not set, so this Netlify build would publish the site without a password — set it in Netlify: Site configuration → Environment variables/,
      );
    }
  });

  test("a private site with a SITE_USERS Netlify cannot use is refused everywhere, locally too: one problem listing every mistake", () => {
    for (const env of [{ SITE_USERS: "geheim marjan:" }, netlify("production", "geheim marjan:")]) {
      const problems = accessProblems(siteFor({ private: true }, env));
      expect(problems).toHaveLength(1);
      expect(problems[0]!.message).toMatch(
        /^is true, and SITE_USERS cannot be used: entry 1 of 2 has no ":" \(name:password\); entry 2 of 2 has no password after the ":" — correct it in Netlify/,
      );
      expect(problems[0]!.message).not.toContain("geheim");
    }
  });

  test("on the facilitator's machine (npm run build, npm start) a private site builds without SITE_USERS, and says what that means", () => {
    for (const env of [
      {},
      { ELEVENTY_RUN_MODE: "serve" },
      { HOEDOEDEDA_ENV: "development" },
      { CONTEXT: "dev" },
    ] as Record<string, string>[]) {
      const site = siteFor({ private: true }, env);
      expect(siteAccess(site)).toEqual({ kind: "local" });
      expect(accessProblems(site)).toEqual([]);
      expect(accessNote(site)).toMatch(
        /^A private site \(private: true\) built without SITE_USERS: this build has no password, which is fine on your own machine\. On Netlify, set SITE_USERS/,
      );
    }
  });
});

describe("_headers", () => {
  test("of a private site: noindex, nofollow for every file, in every Netlify context — and never a password", () => {
    for (const context of ["production", "deploy-preview", "branch-deploy"] as const) {
      const text = contextHeaders(siteFor({ private: true }, netlify(context, USERS)));
      expect(text).toBe(
        `# Written by the build (src/netlify/headers.ts) for the ${context} context.\n` +
          `# A private site: its door (netlify/edge-functions/gate/) lets in the 2 names in SITE_USERS (docs/privacy.md, "Privacy").\n` +
          `/*\n  X-Robots-Tag: noindex, nofollow\n`,
      );
      expect(parseHeadersFile(text)).toEqual([{ for: "/*", values: { "X-Robots-Tag": "noindex, nofollow" } }]);
      for (const part of ["Basic-Auth", "Lang-Geheim-2026", "Ander.Wachtwoord!", "groep", "marjan"])
        expect(text).not.toContain(part);
    }
  });

  test("of a private site built locally without SITE_USERS: noindex, nofollow, no password, and a line saying so", () => {
    const text = contextHeaders(siteFor({ private: true }));
    expect(parseHeadersFile(text)).toEqual([{ for: "/*", values: { "X-Robots-Tag": "noindex, nofollow" } }]);
    expect(text).toMatch(/^# A private site built without SITE_USERS, so without a password/m);
  });

  test("of a public site: as before — nothing in production, noindex in previews", () => {
    expect(parseHeadersFile(contextHeaders(siteFor({}, netlify("production"))))).toEqual([]);
    expect(parseHeadersFile(contextHeaders(siteFor({}, netlify("deploy-preview"))))).toEqual([
      { for: "/*", values: { "X-Robots-Tag": "noindex" } },
    ]);
  });
});

describe("where the door is declared", () => {
  test("a private site: the gate on every address; a public site: nothing, so the gate never runs", () => {
    expect(edgeDeclarations({ private: true })).toEqual([{ function: "gate", path: "/*" }]);
    expect(edgeDeclarations({ private: false })).toEqual([]);
    expect(edgeDeclarations({})).toEqual([]);
  });
});

describe("what a page tells search engines and link previews", () => {
  test("robots: noindex, nofollow on a private site; noindex in previews and for drafts; nothing on the public site", () => {
    expect(robotsOf(siteFor({ private: true }))).toBe("noindex, nofollow");
    expect(robotsOf(siteFor({ private: true }, netlify("deploy-preview")), true)).toBe("noindex, nofollow");
    expect(robotsOf(siteFor({}, netlify("deploy-preview")))).toBe("noindex");
    expect(robotsOf(siteFor({}), true)).toBe("noindex");
    expect(robotsOf(siteFor({}))).toBeUndefined();
  });

  test("description: the page's own, else the site's; none at all on a private site", () => {
    const site = siteFor({ description: "Over de leergang" });
    expect(pageDescription(site, "Een bericht over regie.")).toBe("Een bericht over regie.");
    expect(pageDescription(site, "  ")).toBe("Over de leergang");
    expect(pageDescription(siteFor({}), undefined)).toBeUndefined();
    expect(
      pageDescription(siteFor({ description: "Over de leergang", private: true }), "Een bericht over regie."),
    ).toBeUndefined();
  });

  test("a private site's pages name no address of their own (canonical, og:url) and have no sitemap", () => {
    expect(pageMeta(siteFor({ private: true, description: "Over" }), "Tekst", false)).toEqual({
      robots: "noindex, nofollow",
      shareAddress: false,
    });
    expect(pageMeta(siteFor({ description: "Over" }), "Tekst", true)).toEqual({
      robots: "noindex",
      description: "Tekst",
      shareAddress: true,
    });
    const sitemap = routes.find((route) => route.at === "/sitemap.xml")!.permalink as (data: unknown) => string | false;
    expect(sitemap({ site: siteFor({ private: true }) })).toBe(false);
    expect(sitemap({ site: siteFor({}, netlify("deploy-preview")) })).toBe("/sitemap.xml");
  });
});

describe("the discussion of a private site's post, which is public", () => {
  const post = { slug: "regie", url: "/posts/regie/", title: "Regie", comments: true, draft: false };

  test("a private site's responses section is the group's room, never the widget, in production and in previews", () => {
    for (const context of ["production", "deploy-preview"] as const) {
      const shown = responsesSection(
        post,
        siteFor({ private: true, giscus, url: "https://leergang.example.org" }, netlify(context, USERS)),
      );
      expect(shown.kind, context).toBe("room");
      expect(JSON.stringify(shown)).not.toContain("giscus.app");
    }
    expect(responsesSection(post, siteFor({ giscus }, netlify("production"))).kind).toBe("widget");
  });

  test("npm run discussions opens it with the title and the link only: no description, questions or place", () => {
    const data = postData({
      title: "Regie",
      date: "2026-11-26",
      author: "marjan",
      description: "Over een lastige casus",
      questions: ["Wat deed jij?"],
      session: { date: "2026-12-03", location: "Doorn" },
    });
    const { body } = newDiscussion(
      { slug: "regie", data },
      siteFor({ private: true, url: "https://leergang.example.org" }),
    );
    expect(body.split("\n\n")).toEqual([
      "# [Regie](https://leergang.example.org/posts/regie/)",
      "Het bericht staat op de afgeschermde site van de leergang, met de vragen en de bijeenkomst.",
      expect.stringMatching(/^<!-- sha1: [0-9a-f]{40} -->$/),
    ]);
  });
});
