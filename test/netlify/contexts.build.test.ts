// Production, deploy previews and branch deploys, each built with netlify.toml's command and
// environment the way Netlify builds them: what differs between them, and what must not.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, test } from "vitest";
import { elementsOf, facilitatorPages, read, siteFiles, visibleText } from "../support/html.ts";
import { parseHeadersFile } from "../support/serve.ts";
import {
  branch,
  branchUrl,
  netlifyBuild,
  previewUrl,
  productionUrl,
  reviewId,
  siteWithComments,
  type Deploy,
  type DeployContext,
} from "./deploys.ts";

/** The rules of a deploy's _headers that differ per context: the calendar files' type is the same in every one. */
const contextRules = (deploy: { out: string }) =>
  parseHeadersFile(read(deploy.out, "_headers")).filter((rule) => !rule.for.endsWith(".ics"));

const draft = { slug: "terugblik-eerste-jaar", title: "Terugblik op het eerste halfjaar" };
const deploys = {} as Record<DeployContext, Deploy>;

beforeAll(() => {
  // As if the site's Netlify settings set HOEDOEDEDA_DRAFTS for every context by mistake.
  const siteSettings = { HOEDOEDEDA_DRAFTS: "true" };
  // Comments on, without a preview category: previews must then leave the live discussions alone.
  const files = { "_data/site.yaml": siteWithComments({ previewCategory: false }) };
  for (const context of ["production", "deploy-preview", "branch-deploy"] as const)
    deploys[context] = netlifyBuild(context, { siteSettings, files });
});

const htmlFiles = (d: Deploy) => siteFiles(d.out).filter((f) => f.endsWith(".html"));
const page = (d: Deploy, file: string) => elementsOf(read(d.out, file));
const attr = (
  els: ReturnType<typeof elementsOf>,
  name: string,
  match: (a: Record<string, string>) => boolean,
  key: string,
) => els.find((el) => el.name === name && match(el.attribs))?.attribs[key];
const robots = (d: Deploy, file: string) => attr(page(d, file), "meta", (a) => a.name === "robots", "content");
const previewBar = (d: Deploy, file: string) => page(d, file).find((el) => el.attribs.class === "preview-bar");
const commentsOf = (d: Deploy, slug: string) =>
  page(d, `posts/${slug}/index.html`).find((el) => el.attribs.id === "reacties");
const previewOffNotice = "Reacties zijn uit in deze voorbeeldweergave";

/** Every absolute URL the site publishes about itself: canonical, og:url, feeds, sitemap. */
function ownUrls(d: Deploy): string[] {
  const urls: string[] = [];
  for (const file of htmlFiles(d)) {
    const els = page(d, file);
    urls.push(
      attr(els, "link", (a) => a.rel === "canonical", "href")!,
      attr(els, "meta", (a) => a.property === "og:url", "content")!,
    );
  }
  const xml = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    isArray: (name) => ["entry", "url", "link"].includes(name),
  });
  const atom = xml.parse(read(d.out, "feed.xml")).feed;
  urls.push(atom.id, ...atom.link.map((l: { href: string }) => l.href));
  for (const entry of atom.entry) urls.push(entry.id, ...entry.link.map((l: { href: string }) => l.href));
  const json = JSON.parse(read(d.out, "feed.json"));
  urls.push(
    json.home_page_url,
    json.feed_url,
    ...json.items.flatMap((item: { id: string; url: string }) => [item.id, item.url]),
  );
  urls.push(...xml.parse(read(d.out, "sitemap.xml")).urlset.url.map((u: { loc: string }) => u.loc));
  return urls;
}

describe("production", () => {
  const d = () => deploys.production;

  test("has no draft, no link to one and no trace of its title", () => {
    expect(existsSync(join(d().out, "posts", draft.slug))).toBe(false);
    const mentions = siteFiles(d().out).filter((file) => {
      const text = read(d().out, file);
      return text.includes(draft.slug) || text.includes(draft.title);
    });
    expect(mentions).toEqual([]);
    expect(read(d().out, "index.html")).not.toContain('class="badge"');
  });

  test("lets search engines in: no noindex but on the facilitator's page, robots.txt allows and names the sitemap", () => {
    // Only the facilitator's page (/schrijven/) asks them to stay away, in every context.
    expect(htmlFiles(d()).filter((file) => robots(d(), file) !== undefined)).toEqual(
      htmlFiles(d()).filter((file) => facilitatorPages.has(file)),
    );
    expect(htmlFiles(d()).filter((file) => facilitatorPages.has(file))).toEqual(["schrijven/index.html"]);
    expect(contextRules(d())).toEqual([]);
    const robotsTxt = read(d().out, "robots.txt");
    expect(robotsTxt).toMatch(/^Allow: \/$/m);
    expect(robotsTxt).not.toMatch(/Disallow/);
    expect(robotsTxt).toContain(`Sitemap: ${productionUrl}/sitemap.xml`);
  });

  test("puts only fingerprinted files under /assets/, which netlify.toml caches for a year", () => {
    const assets = siteFiles(d().out).filter((file) => file.startsWith("assets/"));
    expect(assets.length).toBeGreaterThan(0);
    // Link-preview cards are named by a hash of what they show (src/cards/content.ts), like the stylesheet.
    expect(
      assets.filter(
        (file) => !/^assets\/([\w-]+\.[0-9a-f]{8,}\.(css|js)(\.map)?|cards\/[a-z0-9-]+\.[0-9a-f]{16}\.png)$/.test(file),
      ),
    ).toEqual([]);
  });

  test("shows the comments widget on the live discussion category", () => {
    const comments = commentsOf(d(), "loslaten-en-regie");
    expect(comments?.attribs["data-category-id"]).toBe("DIC_kwDOTEST_live");
    expect(siteFiles(d().out).filter((file) => read(d().out, file).includes(previewOffNotice))).toEqual([]);
  });

  test("has no preview bar", () => {
    expect(htmlFiles(d()).filter((file) => previewBar(d(), file))).toEqual([]);
  });

  test("publishes absolute URLs on Netlify's production URL, never a deploy's own address", () => {
    const urls = ownUrls(d());
    expect(urls.length).toBeGreaterThan(20);
    expect(urls.filter((url) => !url.startsWith(`${productionUrl}/`))).toEqual([]);
    expect(siteFiles(d().out).filter((file) => read(d().out, file).includes("netlify.app"))).toEqual([]);
    expect(
      attr(page(d(), "posts/welkom-in-de-leergang/index.html"), "link", (a) => a.rel === "canonical", "href"),
    ).toBe(`${productionUrl}/posts/welkom-in-de-leergang/`);
  });
});

describe("deploy preview", () => {
  const d = () => deploys["deploy-preview"];

  test("shows the draft with its banner, and lists it on the home page", () => {
    const html = read(d().out, `posts/${draft.slug}/index.html`);
    expect(visibleText(html)).toContain("Concept Dit is een concept");
    expect(visibleText(read(d().out, "index.html"))).toContain(`${draft.title} Concept`);
  });

  test("names the pull request on every page and links to the live site", () => {
    for (const file of htmlFiles(d())) {
      const bar = previewBar(d(), file);
      expect(bar, file).toBeDefined();
      expect(visibleText(read(d().out, file))).toContain(
        `Voorbeeldweergave van pull request #${reviewId} Naar de openbare site`,
      );
      expect(elementsOf(read(d().out, file)).find((el) => el.attribs.class === "preview-bar__live")?.attribs.href).toBe(
        `${productionUrl}/`,
      );
    }
  });

  test("is noindex everywhere: meta robots on every page, X-Robots-Tag for every file, robots.txt", () => {
    expect(htmlFiles(d()).filter((file) => robots(d(), file) !== "noindex")).toEqual([]);
    expect(contextRules(d())).toEqual([{ for: "/*", values: { "X-Robots-Tag": "noindex" } }]);
    const robotsTxt = read(d().out, "robots.txt");
    expect(robotsTxt).toMatch(/^Disallow: \/$/m);
    expect(robotsTxt).not.toMatch(/Sitemap|Allow: \/$/m);
  });

  test("publishes absolute URLs on the preview's own address; the live site only where the reader is sent there", () => {
    expect(ownUrls(d()).filter((url) => !url.startsWith(`${previewUrl}/`))).toEqual([]);
    const live: string[] = [];
    for (const file of siteFiles(d().out)) {
      if (!file.endsWith(".html")) {
        if (read(d().out, file).includes(productionUrl)) live.push(file);
        continue;
      }
      const els = page(d(), file);
      for (const el of els) {
        if (!Object.values(el.attribs).some((v) => v.includes(productionUrl))) continue;
        const parentClass =
          el.parent && "attribs" in el.parent ? (el.parent as { attribs: Record<string, string> }).attribs.class : "";
        if (el.attribs.class === "preview-bar__live" || parentClass === "responses__notice") continue;
        live.push(`${file}: <${el.name} class="${el.attribs.class ?? ""}">`);
      }
    }
    expect(live).toEqual([]);
  });

  test("keeps comments out of the live discussions: a notice links to the post on the live site", () => {
    for (const slug of ["loslaten-en-regie", "welkom-in-de-leergang"]) {
      const html = read(d().out, `posts/${slug}/index.html`);
      expect(visibleText(html), slug).toContain(previewOffNotice);
      expect(html).not.toContain("data-category-id");
      expect(html).not.toContain("DIC_kwDOTEST_live");
      const link = elementsOf(html).find(
        (el) =>
          el.name === "a" &&
          (el.parent as { attribs?: Record<string, string> })?.attribs?.class === "responses__notice",
      );
      expect(link?.attribs.href, slug).toBe(`${productionUrl}/posts/${slug}/`);
    }
    // A draft is not live yet: its notice sends the reader to the live home page instead.
    expect(read(d().out, `posts/${draft.slug}/index.html`)).toContain(`href="${productionUrl}/"`);
  });
});

describe("branch deploy", () => {
  const d = () => deploys["branch-deploy"];

  test("names the branch (there is no pull request) and is noindex like a preview", () => {
    const text = visibleText(read(d().out, "index.html"));
    expect(text).toContain(`Voorbeeldweergave van branch “${branch}” Naar de openbare site`);
    expect(text).not.toContain("pull request");
    expect(htmlFiles(d()).filter((file) => robots(d(), file) !== "noindex")).toEqual([]);
    expect(contextRules(d())).toEqual([{ for: "/*", values: { "X-Robots-Tag": "noindex" } }]);
    expect(read(d().out, "robots.txt")).toMatch(/^Disallow: \/$/m);
    expect(visibleText(read(d().out, "posts/loslaten-en-regie/index.html"))).toContain(previewOffNotice);
  });

  test("shows drafts and uses the branch's own address", () => {
    expect(existsSync(join(d().out, "posts", draft.slug, "index.html"))).toBe(true);
    expect(ownUrls(d()).filter((url) => !url.startsWith(`${branchUrl}/`))).toEqual([]);
  });
});
