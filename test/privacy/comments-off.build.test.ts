// site.yaml's `comments: false`, built with a token and the GitHub stand-in at hand: no responses
// section on any page, no widget, no live counts, not one request to GitHub; a post whose own
// `comments: true` tries to switch them back on gets a warning naming its file, in the build's
// output and in `npm run check`. Earlier responses stay readable, and list pages link to them.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { discard, elementsOf, read, siteFiles } from "../support/html.ts";
import { siteWithComments } from "../netlify/deploys.ts";
import { startGitHubStandIn, type GitHubStandIn } from "../support/github-standin.ts";
import { build, post, tempProject, type BuildResult } from "../support/site.ts";
import { runScript, type Run } from "../support/cli.ts";

const TOKEN = "ghp_commentsOffStandIn0123456789";
const warning =
  "content/posts/toch-aan.md: comments: warning: is true, but content/_data/site.yaml switches the responses off for the whole site (comments: false), so this post has none — remove the line here, or remove comments: false from site.yaml to switch them on again";
const files = {
  "_data/site.yaml": `${siteWithComments({ previewCategory: false })}comments: false\n`,
  "posts/toch-aan.md": post({
    title: "Toch aan?",
    date: "2026-01-10",
    author: "marjan",
    tags: ["reflectie"],
    comments: true,
  }),
  "posts/toch-aan.comments.yaml": "- author: Sanne\n  date: 2012-04-11T10:00\n  text: Een reactie van het oude blog.\n",
};

let github: GitHubStandIn;
let built: BuildResult;
let check: Run;

beforeAll(async () => {
  github = await startGitHubStandIn({
    tokens: { [TOKEN]: {} },
    repositories: [
      { id: "R_kgDOTEST01", repo: "leergang/reacties", categories: [{ id: "DIC_kwDOTEST_live", name: "Reacties" }] },
    ],
  });
  const root = tempProject({ files });
  built = build(root, { env: { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: github.url } });
  check = runScript(root, "check");
});
afterAll(() => {
  github?.close();
  discard(built);
});

describe("comments: false in site.yaml", () => {
  test("the build succeeds and asks GitHub nothing, though a token is set — which the same site with comments on does", async () => {
    expect(built.status, built.stderr).toBe(0);
    expect(await github.requests()).toEqual([]);
    const on = build(
      tempProject({ files: { ...files, "_data/site.yaml": siteWithComments({ previewCategory: false }) } }),
      { env: { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: github.url } },
    );
    discard(on);
    expect(on.status, on.stderr).toBe(0);
    expect((await github.requests()).length).toBeGreaterThan(0);
  });

  test("no page has a responses section, a widget or a live count", () => {
    const found: string[] = [];
    for (const file of siteFiles(built.out).filter((f) => f.endsWith(".html"))) {
      for (const el of elementsOf(read(built.out, file))) {
        if (el.attribs.id === "reacties" || "data-widget" in el.attribs || /widget-loader/.test(el.attribs.src ?? ""))
          found.push(`${file}: <${el.name} ${JSON.stringify(el.attribs)}>`);
      }
    }
    expect(found).toEqual([]);
  });

  test("earlier responses stay on the post, and the home page's count links to them", () => {
    expect(read(built.out, "posts/toch-aan/index.html")).toContain('id="eerdere-reacties"');
    const home = elementsOf(read(built.out, "index.html"));
    const counts = home.filter(
      (el) =>
        el.name === "a" && (el.parent as { attribs?: Record<string, string> })?.attribs?.class === "summary__responses",
    );
    expect(counts.map((el) => el.attribs.href)).toEqual(["/posts/toch-aan/#eerdere-reacties"]);
  });

  test("a post's comments: true is warned about once, naming its file, in the build's output and in npm run check", () => {
    const lines = built.stderr.split("\n").filter((line) => line.includes("[hoedoededa]"));
    expect(lines).toEqual([`[hoedoededa] ${warning}`]);
    expect(check.status).toBe(0);
    expect(check.stdout.split("\n")).toContain(warning);
  });
});
