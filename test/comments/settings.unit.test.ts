// Fast checks of the comment settings: which discussion a post maps to, which category a build
// writes to, what the section shows in each kind of build, how giscus's messages are read.
import { describe, expect, test } from "vitest";
import { discussionFor, discussionOnGitHub, giscusHash, hashesIn } from "../../src/comments/discussion.ts";
import { crossChecks } from "../../src/commands/check/cross.ts";
import { commentsSetup, overriddenComments, setupWarning } from "../../src/comments/settings.ts";
import { responsesSection } from "../../src/comments/section.ts";
import { headingFor, readGiscusMessage } from "../../src/client/giscus-messages.ts";
import { content, entry, index, postData, siteFor } from "../support/model.ts";
import { repoRoot } from "../support/site.ts";

const giscus = { repo: "org/reacties", repoId: "R_1", category: "Reacties", categoryId: "DIC_1" };

const site = (settings: Record<string, unknown>, env: Record<string, string> = {}) =>
  siteFor({ url: "https://leergang.example.org", ...settings }, env);

const post = { slug: "welkom", url: "/posts/welkom/", title: "Welkom", comments: true, draft: false };

describe("the discussion of a post", () => {
  test("is found by the term posts/<slug>/, the title giscus's pathname mapping would give", () => {
    expect(discussionFor("welkom")).toEqual({ mapping: "specific", term: "posts/welkom/" });
  });

  test("front-matter `discussion:` overrides it: a number maps to that discussion, a string is the term", () => {
    expect(discussionFor("welkom", 42)).toEqual({ mapping: "number", number: 42 });
    // The schema trims what the front-matter wrote.
    const { discussion } = postData({
      title: "Welkom",
      date: "2026-11-26",
      author: "marjan",
      discussion: " 2012/04/leren-in-netwerken ",
    });
    expect(discussionFor("welkom", discussion)).toEqual({ mapping: "specific", term: "2012/04/leren-in-netwerken" });
  });

  test("the strict hash is giscus's: SHA-1 of the term as hex, found in `<!-- sha1: … -->`", async () => {
    // giscus computes it with WebCrypto (lib/utils.ts digestMessage); so does this test.
    const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode("posts/welkom/"));
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
    expect(giscusHash("posts/welkom/")).toBe(hex);
    expect(hashesIn(`Een bericht\n\nhttps://x/posts/welkom/\n\n<!-- sha1: ${hex} -->`)).toEqual([hex]);
    expect(hashesIn("sha1: " + hex)).toEqual([]);
  });

  test("readers without the widget are sent to the discussion on GitHub", () => {
    expect(discussionOnGitHub("org/reacties", { mapping: "number", number: 42 })).toBe(
      "https://github.com/org/reacties/discussions/42",
    );
    const search = new URL(discussionOnGitHub("org/reacties", { mapping: "specific", term: "posts/welkom/" }));
    expect(search.pathname).toBe("/org/reacties/discussions");
    expect(search.searchParams.get("discussions_q")).toBe('in:title "posts/welkom/"');
  });
});

describe("the category a build writes to", () => {
  test("production uses the live category, with reactions on and the box at the bottom by default", () => {
    expect(commentsSetup(site({ giscus }))).toMatchObject({
      status: "ready",
      categoryId: "DIC_1",
      reactions: true,
      inputPosition: "bottom",
      previewCategory: false,
    });
  });

  test("previews use the preview category when it is set, and none otherwise", () => {
    const preview = { ...giscus, previewCategory: "Voorbeeld", previewCategoryId: "DIC_P" };
    for (const CONTEXT of ["deploy-preview", "branch-deploy"]) {
      expect(commentsSetup(site({ giscus: preview }, { CONTEXT }))).toMatchObject({
        status: "ready",
        category: "Voorbeeld",
        categoryId: "DIC_P",
        previewCategory: true,
      });
      expect(commentsSetup(site({ giscus }, { CONTEXT }))).toEqual({ status: "preview-off" });
      expect(commentsSetup(site({ giscus: { ...giscus, previewCategory: "Voorbeeld" } }, { CONTEXT }))).toEqual({
        status: "preview-off",
      });
    }
    expect(commentsSetup(site({ giscus: preview }, { CONTEXT: "production" }))).toMatchObject({ categoryId: "DIC_1" });
  });

  test("empty settings are reported by field", () => {
    expect(commentsSetup(site({}))).toEqual({
      status: "missing",
      fields: ["repo", "repoId", "category", "categoryId"],
    });
    expect(commentsSetup(site({ giscus: { ...giscus, repoId: " ", categoryId: "" } }))).toEqual({
      status: "missing",
      fields: ["repoId", "categoryId"],
    });
  });

  test("a production build without settings warns, in one line that says how to fix it; development does not", () => {
    const warning = setupWarning(site({ giscus: { ...giscus, categoryId: "" } }));
    expect(warning).toContain("categoryId is empty");
    expect(warning).toContain("https://giscus.app");
    expect(warning).not.toContain("\n");
    expect(setupWarning(site({}, { HOEDOEDEDA_ENV: "development" }))).toBeUndefined();
    expect(setupWarning(site({ giscus }))).toBeUndefined();
  });
});

describe("the section under a post", () => {
  test("carries the widget's settings as data attributes, strict and with metadata", () => {
    const section = responsesSection(post, site({ giscus, lang: "nl" }));
    expect(section).toMatchObject({
      kind: "widget",
      onGitHub: expect.stringContaining("https://github.com/org/reacties/discussions?"),
      data: {
        repo: "org/reacties",
        "repo-id": "R_1",
        category: "Reacties",
        "category-id": "DIC_1",
        mapping: "specific",
        term: "posts/welkom/",
        strict: "1",
        "emit-metadata": "1",
        "reactions-enabled": "1",
        "input-position": "bottom",
        lang: "nl",
        "heading-none": "Nog geen reacties — begin het gesprek",
        "heading-one": "1 reactie op “Welkom”",
        "heading-many": "{n} reacties op “Welkom”",
      },
    });
  });

  test("follows site.yaml: English, reactions off, box on top, a discussion number", () => {
    const section = responsesSection(
      { ...post, discussion: 42 },
      site({ giscus: { ...giscus, reactions: false, inputPosition: "top" }, lang: "en" }),
    );
    expect(section).toMatchObject({
      kind: "widget",
      onGitHub: "https://github.com/org/reacties/discussions/42",
      data: {
        mapping: "number",
        term: "42",
        "reactions-enabled": "0",
        "input-position": "top",
        lang: "en",
        "heading-many": "{n} responses to “Welkom”",
      },
    });
  });

  test("is absent for `comments: false`, and in production without settings", () => {
    expect(responsesSection({ ...post, comments: false }, site({ giscus }))).toEqual({ kind: "none" });
    expect(responsesSection(post, site({}))).toEqual({ kind: "none" });
  });

  test("explains the setup in development, with the fields still empty", () => {
    const section = responsesSection(
      post,
      site({ giscus: { ...giscus, repoId: "", categoryId: "" } }, { HOEDOEDEDA_ENV: "development" }),
    );
    expect(section).toEqual({
      kind: "setup",
      missing: ["repoId", "categoryId"],
      example: "giscus:\n  repoId: R_kgDO…\n  categoryId: DIC_kwDO…",
    });
  });

  test("in a preview without a preview category, points to the live post (or the live site for a draft)", () => {
    const env = {
      CONTEXT: "deploy-preview",
      REVIEW_ID: "7",
      URL: "https://leergang.netlify.app",
      DEPLOY_PRIME_URL: "https://deploy-preview-7--leergang.netlify.app",
    };
    expect(responsesSection(post, site({ giscus }, env))).toEqual({
      kind: "preview-off",
      liveUrl: "https://leergang.netlify.app/posts/welkom/",
    });
    expect(responsesSection({ ...post, draft: true }, site({ giscus }, env))).toEqual({
      kind: "preview-off",
      liveUrl: "https://leergang.netlify.app/",
    });
    // Without Netlify's URL the site's own address is the best guess.
    expect(responsesSection(post, site({ giscus }, { CONTEXT: "branch-deploy" }))).toEqual({
      kind: "preview-off",
      liveUrl: "https://leergang.example.org/posts/welkom/",
    });
  });
});

describe("giscus's messages", () => {
  test("metadata: the count is comments + replies", () => {
    const message = {
      giscus: {
        discussion: {
          id: "D_1",
          url: "https://github.com/org/reacties/discussions/3",
          locked: false,
          reactionCount: 2,
          totalCommentCount: 10,
          totalReplyCount: 1,
        },
        viewer: null,
      },
    };
    expect(readGiscusMessage(message)).toEqual({ kind: "metadata", responses: 11 });
  });

  test("errors, with 'Discussion not found' meaning nobody has responded yet", () => {
    expect(readGiscusMessage({ giscus: { error: "Discussion not found" } })).toEqual({
      kind: "error",
      error: "Discussion not found",
      notFound: true,
    });
    expect(readGiscusMessage({ giscus: { error: "giscus is not installed on this repository" } })).toMatchObject({
      notFound: false,
    });
    expect(readGiscusMessage({ giscus: { resizeHeight: 420 } })).toEqual({ kind: "alive" });
  });

  test.each([
    ["text", "giscus"],
    ["null", null],
    ["no giscus key", { discussion: { totalCommentCount: 1, totalReplyCount: 0 } }],
    ["giscus not an object", { giscus: "hi" }],
    ["count as text", { giscus: { discussion: { totalCommentCount: "10", totalReplyCount: 1 } } }],
    ["negative count", { giscus: { discussion: { totalCommentCount: -1, totalReplyCount: 1 } } }],
    ["fractional count", { giscus: { discussion: { totalCommentCount: 1.5, totalReplyCount: 0 } } }],
    ["missing replies", { giscus: { discussion: { totalCommentCount: 3 } } }],
    ["discussion null", { giscus: { discussion: null } }],
    ["error not text", { giscus: { error: { message: "x" } } }],
    ["height not a number", { giscus: { resizeHeight: "100px" } }],
    ["unknown message", { giscus: { hello: true } }],
  ])("ignores a malformed message: %s", (_, data) => {
    expect(readGiscusMessage(data)).toBeUndefined();
  });

  test("the heading: none, one, many", () => {
    const headings = {
      none: "Nog geen reacties — begin het gesprek",
      one: "1 reactie op “X”",
      many: "{n} reacties op “X”",
    };
    expect(headingFor(0, headings)).toBe(headings.none);
    expect(headingFor(1, headings)).toBe("1 reactie op “X”");
    expect(headingFor(11, headings)).toBe("11 reacties op “X”");
  });
});

describe("the count on list pages", () => {
  const counts = (live: Map<string, number>, posts = [entry("a"), entry("bb")]) =>
    Object.fromEntries(index(content(posts), live).posts.map((post) => [post.slug, post.summary.responseCount]));

  test("is the live count when there is one, and nothing (not 0) when GitHub was not asked", () => {
    expect(
      counts(
        new Map([
          ["a", 11],
          ["bb", 0],
        ]),
      ),
    ).toEqual({ a: 11, bb: 0 });
    expect(counts(new Map())).toEqual({ a: undefined, bb: undefined });
  });

  test("adds the earlier responses, which are known without GitHub", () => {
    const earlier = [
      { author: "Sanne", date: "2012-04-11", text: "Mooi." },
      { author: "Piet", date: "2012-04-12", text: "Ja." },
    ];
    const posts = [entry("a", {}, "Tekst.", earlier), entry("bb")];
    expect(counts(new Map(), posts)).toEqual({ a: 2, bb: undefined });
    expect(
      counts(
        new Map([
          ["a", 3],
          ["bb", 1],
        ]),
        posts,
      ),
    ).toEqual({ a: 5, bb: 1 });
  });
});

describe("the responses section's switch", () => {
  test("is on unless the post or the whole site says `comments: false`; a post cannot switch on what the site switched off", () => {
    const on = (post: Record<string, unknown>, settings: Record<string, unknown> = {}) =>
      index(content([entry("a", post)], {}, settings)).posts[0]!.comments;
    expect(on({})).toBe(true);
    expect(on({ comments: false })).toBe(false);
    expect(on({}, { comments: false })).toBe(false);
    expect(on({ comments: true }, { comments: false })).toBe(false);
  });

  test("a site with comments off shows no section and asks GitHub nothing", () => {
    expect(commentsSetup(site({ giscus, comments: false }))).toEqual({ status: "off" });
    expect(responsesSection(post, site({ giscus, comments: false }))).toEqual({ kind: "none" });
  });

  test("a post that tries to switch back on what the site switched off gets a warning naming its file, in the build's rule and in npm run check", () => {
    const posts = [
      entry("aan", { comments: true }),
      entry("uit", { comments: false }),
      entry("stil"),
      entry("concept", { comments: true, draft: true }),
    ];
    const warned = overriddenComments(posts, { comments: false });
    expect(warned.map((w) => `${w.file}: ${w.field}`)).toEqual([
      "content/posts/aan.md: comments",
      "content/posts/concept.md: comments",
    ]);
    expect(warned[0]!.message).toBe(
      "is true, but content/_data/site.yaml switches the responses off for the whole site (comments: false), so this post has none — remove the line here, or remove comments: false from site.yaml to switch them on again",
    );
    expect(overriddenComments(posts, {})).toEqual([]);
    expect(overriddenComments(posts, { comments: true })).toEqual([]);
    const check = crossChecks(content(posts, {}, { comments: false }), repoRoot).filter((f) => f.field === "comments");
    expect(check).toEqual(warned.map((w) => ({ level: "warning", ...w })));
  });
});
