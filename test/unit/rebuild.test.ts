// What a dev-server rebuild renders: only the pages of posts whose bodies changed, unless something
// that other pages show changed too (then everything, as in every production build).
import { describe, expect, test } from "vitest";
import { buildFromEnv } from "../../src/build.ts";
import type { Content, PostEntry } from "../../src/content/load.ts";
import { siteSchema, type PostData } from "../../src/content/schema.ts";
import { indexPosts } from "../../src/posts.ts";
import { planRender, snapshot } from "../../src/rebuild.ts";

const entry = (slug: string, data: Partial<PostData> = {}, body = `Tekst van ${slug}.`): PostEntry => ({
  slug,
  file: `content/posts/${slug}.md`,
  data: { title: `Over ${slug}`, date: "2026-01-0" + slug.length, author: "marjan", tags: ["leren"], ...data },
  body,
  excerpt: `Tekst van ${slug}.`,
  archived: [],
});

function content(posts: PostEntry[], env: NodeJS.ProcessEnv = {}): Content {
  const site = { ...siteSchema.parse({ title: "Leergang" }), url: "", build: buildFromEnv(env) };
  const authors = { marjan: { id: "marjan", name: "Marjan de Vries", initials: "MdV", page: "/authors/marjan/" } };
  return { site, authors, posts, pages: [], redirects: [], problems: [] };
}

const site = [entry("a"), entry("bb"), entry("ccc", { tags: ["leren", "netwerken"] })];
const before = snapshot(indexPosts(content(site)));
const slugs = (posts: readonly { slug: string }[]) => posts.map((p) => p.slug);

describe("a dev-server rebuild", () => {
  test("after a body edit renders that post's page and no list page", () => {
    const index = indexPosts(content([site[0]!, entry("bb", {}, "Nieuwe tekst van bb."), site[2]!]));
    const plan = planRender(index, before, ["./content/posts/bb.md"]);
    expect(plan.everything).toBe(false);
    expect(slugs(plan.posts)).toEqual(["bb"]);
    expect(plan.posts[0]!.html).toContain("Nieuwe tekst van bb.");
    expect([plan.home, plan.tags, plan.authors]).toEqual([[], [], []]);
  });

  test("after an edit to earlier responses renders that post's page", () => {
    const plan = planRender(indexPosts(content(site)), before, ["content/posts/a.comments.yaml"]);
    expect(slugs(plan.posts)).toEqual(["a"]);
  });

  test.each([
    ["a title", [entry("a", { title: "Een nieuwe titel" }), site[1]!, site[2]!]],
    ["a date (the order changes)", [entry("a", { date: "2026-02-01" }), site[1]!, site[2]!]],
    ["a tag", [entry("a", { tags: ["reflectie"] }), site[1]!, site[2]!]],
    ["a description (the summary)", [{ ...site[0]!, excerpt: "Een andere samenvatting." }, site[1]!, site[2]!]],
    ["a post that became a draft", [entry("a", { draft: true }), site[1]!, site[2]!]],
    ["a new post", [...site, entry("dddd")]],
  ])("after a change to %s renders everything", (_what, posts) => {
    const index = indexPosts(content(posts));
    const plan = planRender(index, before, ["./content/posts/a.md"]);
    expect(plan.everything).toBe(true);
    expect(slugs(plan.posts)).toEqual(slugs(index.posts));
    expect(plan.home).toBe(index.posts);
    expect(plan.tags).toBe(index.tags);
    expect(plan.authors).toBe(index.authors);
  });

  test.each([
    ["a layout", ["./layouts/pages/post.njk"]],
    ["the site settings", ["./content/_data/site.yaml"]],
    ["the stylesheet and a post", ["./layouts/css/site.css", "./content/posts/a.md"]],
    ["a page", ["./content/over.md"]],
  ])("after a change to %s renders everything", (_what, changed) => {
    expect(planRender(indexPosts(content(site)), before, changed).everything).toBe(true);
  });

  test("a build outside the dev server, or its first build, renders everything", () => {
    const index = indexPosts(content(site));
    expect(planRender(index, undefined, undefined).everything).toBe(true);
    expect(planRender(index, before, undefined).everything).toBe(true);
    expect(planRender(index, undefined, ["./content/posts/a.md"]).everything).toBe(true);
  });
});

test("drafts are in the index only when the build shows them", () => {
  const posts = [...site, entry("concept", { draft: true })];
  expect(slugs(indexPosts(content(posts)).posts)).not.toContain("concept");
  expect(slugs(indexPosts(content(posts, { HOEDOEDEDA_DRAFTS: "true" })).posts)).toContain("concept");
  expect(slugs(indexPosts(content(posts, { HOEDOEDEDA_DRAFTS: "true", CONTEXT: "production" })).posts)).not.toContain("concept");
});
