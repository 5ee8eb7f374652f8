// `npm run responses -- <slug>` against the GitHub stand-in: the whole conversation as Markdown —
// author and date for each response, replies indented under their comment (a nested list that any
// Markdown reader nests), hidden and deleted ones left out and said so, earlier responses included.
import MarkdownIt from "markdown-it";
import { DomUtils, parseDocument } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startGitHubStandIn, type GitHubStandIn } from "../support/github-standin.ts";
import { tempProject } from "../support/site.ts";
import { isPlainMessage, runCommand } from "../github/run.ts";
import { deskFiles, deskScenario, TOKEN } from "./scenario.ts";

let github: GitHubStandIn;
let root: string;
beforeAll(async () => {
  github = await startGitHubStandIn(deskScenario());
  root = tempProject({ files: deskFiles });
});
afterAll(() => github?.close());

const responses = (slug: string) =>
  runCommand(root, "responses", [slug], { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: github.url });

describe("npm run responses", () => {
  test("a small conversation, with the response imported from the old blog first", () => {
    const run = responses("welkom-in-de-leergang");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        "# Welkom in de leergang",
        "",
        "Marjan de Vries · 3 september 2026",
        "https://leergang.example.org/posts/welkom-in-de-leergang/ · https://github.com/org/reacties/discussions/1",
        "",
        "## Het gesprek",
        "",
        "4 reacties · 3 deelnemers.",
        "",
        "- **Els van Dijk** · donderdag 3 september 2026, 20:15",
        "",
        "  Wat een mooie start.",
        "",
        "- **sanne** · vrijdag 4 september 2026, 10:00",
        "",
        "  Fijn om te beginnen.",
        "",
        "  - **marjandevries** · vrijdag 4 september 2026, 10:30",
        "",
        "    Welkom, Sanne!",
        "",
        "- **pieter** · zaterdag 5 september 2026, 10:00",
        "",
        "  Ik ben benieuwd.",
        "  Tot donderdag.",
        "",
      ].join("\n"),
    );
  });

  test("the big one whole: 150 replies nested under their comment, hidden and deleted ones left out and counted", () => {
    const run = responses("loslaten-en-regie");
    expect(run.status).toBe(0);
    const text = run.stdout;
    expect(text).toContain(
      "**Vragen om op te reageren**\n\n1. Waar in jouw organisatie is leren het meest 'georganiseerd', en wat levert dat op?\n",
    );
    expect(text).toContain("## Het gesprek\n\n271 reacties · 4 deelnemers.\nWeggelaten: 2 verborgen, 1 verwijderd.\n");
    expect(text).not.toMatch(/Koop nu|Klik hier/);
    expect(text).toContain("- **ghost** · ");
    // Read back as Markdown: 118 comments and 2 replies whose comment is gone stand at the top; 151 replies are nested.
    const html = new MarkdownIt().render(text);
    const document = parseDocument(html);
    const top = DomUtils.findOne((el) => el.name === "ul", document.children)!;
    const items = top.children.filter((c) => "name" in c && c.name === "li");
    expect(items).toHaveLength(271 - 151);
    const nested = DomUtils.findAll(
      (el) =>
        el.name === "li" &&
        el.parent?.parent !== null &&
        (el.parent as { parent?: { name?: string } }).parent?.name === "li",
      document.children,
    );
    expect(nested).toHaveLength(151);
    expect(DomUtils.textContent(items[0]!)).toContain("Loslaten begint bij vertrouwen.");
    // findAll counts the item itself too.
    expect(DomUtils.findAll((el) => el.name === "li", [items[0]!]).length - 1).toBe(150);
  });

  test("a post without a discussion yet, and a name that is no post", () => {
    const quiet = responses("ontwerpen-voor-leren");
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).toContain("## Het gesprek\n\nNog geen reacties.\n");
    const wrong = responses("loslaten");
    expect(wrong.status).toBe(1);
    expect(wrong.stderr.trim()).toBe("There is no post content/posts/loslaten.md — did you mean loslaten-en-regie?");
    expect(isPlainMessage(wrong.stderr)).toBe(true);
  });
});
