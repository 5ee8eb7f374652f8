// "Hoe reageer ik?" in real builds: the page, its links from the questions and every responses
// section, the privacy line directly above the widget (site.yaml may replace it), the contact for
// anyone without GitHub — and none of it where the site shows no responses.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { en } from "../../src/i18n/en.ts";
import { nl } from "../../src/i18n/nl.ts";
import { buildSite, repoRoot, siteYamlWithComments, type BuildResult } from "../support/site.ts";
import { discard, read, siteFiles, visibleText } from "../support/html.ts";

const results: BuildResult[] = [];
const keep = (result: BuildResult) => (results.push(result), result);
afterAll(() => results.forEach(discard));

const withComments = (extra = "") => siteYamlWithComments().replace(/\ngiscus:/, `\n${extra}giscus:`);
const guideLinks = (html: string, url = "/hoe-reageer-ik/") => html.split(`<a href="${url}">`).length - 1;
/** As Nunjucks writes text into HTML. */
const escaped = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
const section = (html: string) =>
  html.slice(
    html.indexOf('<section class="responses'),
    html.indexOf("</section>", html.indexOf('<section class="responses')),
  );

describe("a site with comments set up and a contact", () => {
  let site: BuildResult;
  beforeAll(
    () => (site = keep(buildSite({ files: { "_data/site.yaml": withComments("contact: marjan@example.org\n") } }))),
  );

  test("the guide covers what someone new to GitHub needs, in order, and names the contact", () => {
    const page = read(site.out, "hoe-reageer-ik/index.html");
    const text = visibleText(page);
    expect(page).toContain(`<title>${nl.guideTitle} — Leergang Samen Ontwerpen</title>`);
    let at = text.indexOf(nl.guideIntro);
    expect(at).toBeGreaterThan(0);
    for (const { title, steps } of nl.guideSections) {
      const next = text.indexOf(title, at);
      expect(next, title).toBeGreaterThan(at);
      for (const step of steps) expect(text).toContain(step);
      at = next;
    }
    expect(page).toContain('<a href="https://github.com/signup">');
    expect(text).toContain(`${nl.guideWithoutGitHub} ${nl.contactIntro} marjan@example.org.`);
    expect(page).toContain('<a href="mailto:marjan@example.org">');
    expect(read(site.out, "sitemap.xml")).toContain("<loc>https://leergang.example.org/hoe-reageer-ik/</loc>");
  });

  test("a post with questions links it from the questions and from its responses section", () => {
    const html = read(site.out, "posts/loslaten-en-regie/index.html");
    const questions = html.slice(
      html.indexOf('<section class="questions"'),
      html.indexOf("</section>", html.indexOf('<section class="questions"')),
    );
    expect(guideLinks(questions)).toBe(1);
    expect(guideLinks(section(html))).toBe(1);
  });

  test("the privacy line and the contact sit above the widget, the privacy line directly", () => {
    const html = section(read(site.out, "posts/welkom-in-de-leergang/index.html"));
    expect(html).toMatch(
      /<p class="responses__contact">[^<]*<a href="mailto:marjan@example\.org">marjan@example\.org<\/a>\.<\/p>\s*<p class="responses__privacy">/,
    );
    const privacy = `<p class="responses__privacy">${escaped(nl.privacyNote)} <a href="/hoe-reageer-ik/">${escaped(nl.guideLink)}</a></p>`;
    expect(html).toContain(privacy);
    expect(html.slice(html.indexOf(privacy) + privacy.length).trimStart()).toMatch(/^<div class="responses__widget">/);
  });

  test("a post whose responses are off links no guide, not even from its questions", () => {
    const off = keep(
      buildSite({
        files: {
          "_data/site.yaml": withComments(),
          "posts/geen-reacties.md":
            "---\ntitle: Geen reacties\ndate: 2026-11-21\nauthor: marjan\ncomments: false\nquestions: [Wat vind je?]\n---\n\nTekst.\n",
        },
      }),
    );
    const html = read(off.out, "posts/geen-reacties/index.html");
    expect(html).toContain('class="questions"');
    expect(guideLinks(html)).toBe(0);
    expect(html).not.toContain("responses__privacy");
  });
});

test("site.yaml's privacyNote replaces the dictionary's line above the widget", () => {
  const note = "Schrijf alleen over je eigen werk; deze reacties zijn openbaar.";
  const site = keep(buildSite({ files: { "_data/site.yaml": withComments(`privacyNote: "${note}"\n`) } }));
  const html = section(read(site.out, "posts/loslaten-en-regie/index.html"));
  expect(html).toContain(`<p class="responses__privacy">${note} <a href="/hoe-reageer-ik/">`);
  expect(html).not.toContain(nl.privacyNote);
});

test("an English site has /how-to-respond/, linked from its posts", () => {
  const siteYaml = withComments().replace(/^lang: nl$/m, "lang: en");
  const site = keep(buildSite({ files: { "_data/site.yaml": siteYaml } }));
  expect(visibleText(read(site.out, "how-to-respond/index.html"))).toContain(en.guideSections[0]!.paragraphs[0]!);
  expect(guideLinks(read(site.out, "posts/loslaten-en-regie/index.html"), "/how-to-respond/")).toBe(2);
  expect(siteFiles(site.out).some((f) => f.startsWith("hoe-reageer-ik"))).toBe(false);
});

describe("no responses, no guide", () => {
  test("comments: false in site.yaml: no guide page and no link to it on any page", () => {
    const siteYaml = withComments("comments: false\ncontact: marjan@example.org\n");
    const site = keep(buildSite({ files: { "_data/site.yaml": siteYaml } }));
    expect(siteFiles(site.out).some((f) => f.startsWith("hoe-reageer-ik"))).toBe(false);
    for (const file of siteFiles(site.out).filter((f) => f.endsWith(".html"))) {
      const html = read(site.out, file);
      expect(guideLinks(html), file).toBe(0);
      expect(html, file).not.toContain("mailto:");
    }
  });

  test("comments not set up: production has no guide; the dev server, which explains the setup, links it", () => {
    const production = keep(buildSite());
    expect(siteFiles(production.out).some((f) => f.startsWith("hoe-reageer-ik"))).toBe(false);
    expect(guideLinks(read(production.out, "posts/loslaten-en-regie/index.html"))).toBe(0);
    const development = keep(buildSite({ env: { HOEDOEDEDA_ENV: "development" } }));
    const html = read(development.out, "posts/loslaten-en-regie/index.html");
    expect(section(html)).toContain(`<p class="responses__guide"><a href="/hoe-reageer-ik/">${nl.guideLink}</a></p>`);
    expect(siteFiles(development.out)).toContain("hoe-reageer-ik/index.html");
  });

  test("a deploy preview without a preview category points to the live post, and to the guide", () => {
    const site = keep(
      buildSite({
        files: {
          "_data/site.yaml": readFileSync(join(repoRoot, "content/_data/site.yaml"), "utf8").replace(
            /\ngiscus:[\s\S]*$/,
            "\ngiscus:\n  repo: org/reacties\n  repoId: R_1\n  category: Reacties\n  categoryId: DIC_1\n",
          ),
        },
        env: { CONTEXT: "deploy-preview", REVIEW_ID: "3", HOEDOEDEDA_DRAFTS: "true" },
      }),
    );
    const html = section(read(site.out, "posts/loslaten-en-regie/index.html"));
    expect(html).toContain(nl.responsesPreviewOff);
    expect(guideLinks(html)).toBe(1);
  });
});
