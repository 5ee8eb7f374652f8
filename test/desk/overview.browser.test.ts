// `npm run overview` against the GitHub stand-in: the figures per post and per participant (--json),
// who has not yet responded to the latest post, the terminal table, and the standalone HTML page —
// axe-clean in light and dark, valid HTML — which is never written into the site or the project.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Overview } from "../../src/commands/desk/overview.ts";
import { launch } from "../support/browser.ts";
import { startGitHubStandIn, type GitHubStandIn } from "../support/github-standin.ts";
import { repoRoot, tempProject } from "../support/site.ts";
import { isPlainMessage, runCommand } from "../github/run.ts";
import { deskFiles, deskScenario, FACILITATOR, TOKEN } from "./scenario.ts";

let github: GitHubStandIn;
let root: string;
let outside: string;
beforeAll(async () => {
  github = await startGitHubStandIn(deskScenario());
  root = tempProject({ files: deskFiles });
  outside = mkdtempSync(join(tmpdir(), "hoedoededa-overview-"));
});
afterAll(() => {
  github?.close();
  rmSync(outside, { recursive: true, force: true });
});

const overview = (...args: string[]) =>
  runCommand(root, "overview", args, { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: github.url });

describe("npm run overview", () => {
  test("--json: per post newest first, per participant, and who has not responded to the latest post", () => {
    const run = overview("--json");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const figures = JSON.parse(run.stdout) as Overview;
    expect(figures).toMatchObject({ repo: "org/reacties", category: "Reacties", facilitators: [FACILITATOR] });
    expect(
      figures.posts.map(
        ({ slug, open, discussion, responses, participants, facilitatorReplies, unanswered, lastActivity }) => ({
          slug,
          open,
          discussion: discussion?.number ?? null,
          responses,
          participants,
          facilitatorReplies,
          unanswered,
          lastActivity,
        }),
      ),
    ).toEqual([
      // 118 comments and 153 replies GitHub shows (2 hidden and 1 deleted left out); marjandevries wrote every
      // third of the 150 replies and one more; 115 comments nobody answered (the two replies whose comment is gone are not among them).
      {
        slug: "loslaten-en-regie",
        open: true,
        discussion: 3,
        responses: 271,
        participants: 4,
        facilitatorReplies: 51,
        unanswered: 115,
        lastActivity: "2026-11-21T15:43:00+01:00",
      },
      {
        slug: "ontwerpen-voor-leren",
        open: false,
        discussion: null,
        responses: 0,
        participants: 0,
        facilitatorReplies: 0,
        unanswered: 0,
        lastActivity: null,
      },
      // Pieter's question is the one nobody answered; the facilitator thanked Yara.
      {
        slug: "leren-in-netwerken",
        open: true,
        discussion: 2,
        responses: 7,
        participants: 4,
        facilitatorReplies: 1,
        unanswered: 1,
        lastActivity: "2026-10-05T10:20:00+02:00",
      },
      // The response imported from the old blog has no GitHub account: not in these figures.
      {
        slug: "welkom-in-de-leergang",
        open: true,
        discussion: 1,
        responses: 3,
        participants: 2,
        facilitatorReplies: 1,
        unanswered: 1,
        lastActivity: "2026-09-05T10:00:00+02:00",
      },
    ]);
    expect(
      figures.participants.map((p) => [p.login, p.responses, p.posts.map((post) => `${post.slug} ${post.responses}`)]),
    ).toEqual([
      ["yara", 83, ["loslaten-en-regie 81", "leren-in-netwerken 2"]],
      ["joost", 78, ["loslaten-en-regie 78"]],
      ["sanne", 33, ["loslaten-en-regie 30", "leren-in-netwerken 2", "welkom-in-de-leergang 1"]],
      ["pieter", 32, ["loslaten-en-regie 30", "leren-in-netwerken 1", "welkom-in-de-leergang 1"]],
      ["femke", 1, ["leren-in-netwerken 1"]],
    ]);
    expect(figures.latest).toEqual({ slug: "loslaten-en-regie", title: "Loslaten en regie houden" });
    expect(figures.notYetOnLatest).toEqual(["femke"]);
  });

  test("in the terminal: two tables and the names still missing", () => {
    const run = overview();
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe('Participation in org/reacties, category "Reacties" — facilitators: marjandevries');
    expect(lines.slice(2, 7)).toEqual([
      "post (newest first)                    date        responses  participants  by facilitators  unanswered  last activity",
      "Loslaten en regie houden               2026-11-20        271             4               51         115  2026-11-21 15:43",
      "Ontwerpen voor leren, deel 1 (closed)  2026-10-22          0                                             no discussion yet",
      "Leren in netwerken                     2026-10-01          7             4                1           1  2026-10-05 10:20",
      "Welkom in de leergang                  2026-09-03          3             2                1           1  2026-09-05 10:00",
    ]);
    expect(lines).toContain("femke                1      1  leren-in-netwerken 1");
    expect(lines.at(-2)).toBe('Responded to earlier posts, not yet to the latest ("Loslaten en regie houden"): femke');
  });

  test("--html FILE: one standalone page, valid, axe-clean in light and dark", async () => {
    const file = join(outside, "deelname.html");
    const run = overview("--html", file);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(`Written: ${file}\nIt names participants: keep it to yourself.\n`);
    const html = readFileSync(file, "utf8");
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/);
    // Standalone: no script, nothing fetched from anywhere.
    expect(html).not.toMatch(/<script|<link|src=/);
    const report = await new HtmlValidate(new FileSystemConfigLoader()).validateString(
      html,
      join(repoRoot, "overview.html"),
    );
    expect(
      report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`)),
    ).toEqual([]);
    const browser = await launch();
    try {
      for (const colorScheme of ["light", "dark"] as const) {
        const context = await browser.newContext({ colorScheme, viewport: { width: 390, height: 844 } });
        const page = await context.newPage();
        const requests: string[] = [];
        page.on("request", (request) => requests.push(request.url()));
        await page.goto(`file://${file}`);
        expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Deelname aan de gesprekken");
        expect(
          await page
            .getByRole("table", { name: "Reacties per bericht, nieuwste bericht eerst" })
            .getByRole("row")
            .count(),
        ).toBe(5);
        expect(
          await page
            .getByRole("region", { name: "Reacties per deelnemer, meeste eerst" })
            .getByRole("link", { name: "femke" })
            .getAttribute("href"),
        ).toBe("https://github.com/femke");
        const results = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
        expect(
          results.violations.map(
            (v) => `${colorScheme}: ${v.id} ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
          ),
        ).toEqual([]);
        expect(requests).toEqual([`file://${file}`]);
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });

  test("--html never into the site or the project, where git could publish the names; .cache/ is fine", () => {
    for (const place of ["_site/deelname.html", "content/deelname.html", "deelname.html"]) {
      const run = overview("--html", place);
      expect([run.status, isPlainMessage(run.stderr)], place).toEqual([1, true]);
      expect(run.stderr).toContain(
        "the overview names participants. Write it outside the project, e.g. --html ../deelname.html",
      );
      expect(existsSync(join(root, place)), place).toBe(false);
    }
    expect(overview("--html", "_site/x.html").stderr).toMatch(
      /^_site\/x\.html would go into the site, which is published;/,
    );
    const cached = overview("--html", ".cache/deelname.html");
    expect(cached.status).toBe(0);
    expect(existsSync(join(root, ".cache/deelname.html"))).toBe(true);
    // Refused before GitHub is asked.
    expect(overview("--json", "--html", join(outside, "x.html")).stderr).toContain(
      "Either --json or --html, not both.",
    );
  });
});
