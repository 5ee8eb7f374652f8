// What a dev-server rebuild renders: the pages of the posts saved, of the posts beside them when
// what they link changed, and the list pages when what they show changed; anything but a post
// renders everything, as every production build does.
import { describe, expect, test } from "vitest";
import { planRender, snapshot } from "../../src/build/dev-server/render-plan.ts";
import { content, entry, index as indexPosts } from "../support/model.ts";

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

  // Newest first the example is ccc, bb, a: bb's page links both others.
  test.each([
    ["a title", [entry("a", { title: "Een nieuwe titel" }), site[1]!, site[2]!], ["bb", "a"]],
    ["a tag", [entry("a", { tags: ["reflectie"] }), site[1]!, site[2]!], ["bb", "a"]],
    [
      "a description (the summary)",
      [{ ...site[0]!, excerpt: "Een andere samenvatting." }, site[1]!, site[2]!],
      ["bb", "a"],
    ],
    [
      "a date that moves the post (every neighbour changes)",
      [entry("a", { date: "2026-02-01" }), site[1]!, site[2]!],
      ["a", "ccc", "bb"],
    ],
    ["a post that became a draft (it leaves the lists)", [entry("a", { draft: true }), site[1]!, site[2]!], ["bb"]],
    [
      "a session (the home page shows the next one)",
      [entry("a", { session: { date: "2026-12-03T13:30", location: "Doorn" } }), site[1]!, site[2]!],
      ["bb", "a"],
    ],
    ["a new post", [...site, entry("dddd")], ["dddd", "ccc"], "dddd"],
  ])(
    "after a change to %s renders the lists, that post and the posts beside it",
    (_what, posts, rendered, saved = "a") => {
      const index = indexPosts(content(posts));
      const plan = planRender(index, before, [`./content/posts/${saved}.md`]);
      expect(slugs(plan.posts)).toEqual(rendered);
      expect(plan.home).toBe(index.posts);
      expect(plan.tags).toBe(index.tags);
      expect(plan.authors).toBe(index.authors);
    },
  );

  test("a tag's spelling decided by most posts changes on every post that has it", () => {
    // Two of three posts write "Leren": every post with the tag shows the new spelling.
    const index = indexPosts(content([entry("a", { tags: ["Leren"] }), entry("bb", { tags: ["Leren"] }), site[2]!]));
    const plan = planRender(index, before, ["./content/posts/a.md", "./content/posts/bb.md"]);
    expect(slugs(plan.posts)).toEqual(["ccc", "bb", "a"]);
    expect(plan.posts.every((post) => post.tags[0]!.label === "Leren")).toBe(true);
  });

  test.each([
    ["a layout", ["./layouts/pages/post.njk"]],
    ["the site settings", ["./content/_data/site.yaml"]],
    ["the stylesheet and a post", ["./layouts/css/site.css", "./content/posts/a.md"]],
    ["a page", ["./content/over.md"]],
  ])("after a change to %s renders everything", (_what, changed) => {
    const index = indexPosts(content(site));
    const plan = planRender(index, before, changed);
    expect(plan.everything).toBe(true);
    expect(plan.posts).toBe(index.posts);
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
  expect(slugs(indexPosts(content(posts, { HOEDOEDEDA_DRAFTS: "true", CONTEXT: "production" })).posts)).not.toContain(
    "concept",
  );
});

test("whatever a summary shows is compared: a changed response count re-renders the lists and the neighbours", () => {
  // A save of an earlier-responses file changes the count the list pages show.
  const earlier = [{ author: "Sanne", date: "2026-01-02", text: "Mooi." }];
  const index = indexPosts(content([entry("a", {}, "Tekst van a.", earlier), site[1]!, site[2]!]));
  const plan = planRender(index, before, ["content/posts/a.comments.yaml"]);
  expect(slugs(plan.posts)).toEqual(["bb", "a"]);
  expect(plan.home).toBe(index.posts);
  // The snapshot is each summary as the layouts get it, so a field added to it is compared too.
  expect(JSON.parse(snapshot(index).listings.get("a")!)).toEqual(index.posts.find((p) => p.slug === "a")!.summary);
});
