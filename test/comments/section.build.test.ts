// The comments section in built sites where the widget cannot be used: not set up (development
// explains, production leaves it out with one warning) and a deploy preview without a preview
// category (a notice pointing to the live post).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { buildSite, repoRoot, type BuildResult } from "../support/site.ts";

const page = (built: BuildResult, path: string) => readFileSync(join(built.out, path, "index.html"), "utf8");
async function htmlErrors(built: BuildResult, path: string): Promise<string[]> {
  const file = join(path, "index.html");
  const report = await new HtmlValidate(new FileSystemConfigLoader()).validateString(
    page(built, path),
    join(repoRoot, "_site", file),
  );
  return report.results.flatMap((r) =>
    r.messages.filter((m) => m.severity === 2).map((m) => `${file}:${m.line} ${m.ruleId}: ${m.message}`),
  );
}
const warnings = (built: BuildResult) =>
  built.stderr.split("\n").filter((line) => line.includes("[hoedoededa]") && /comment|giscus|response/i.test(line));

describe("comments not set up (the example site's empty giscus settings)", () => {
  let production: BuildResult;
  let development: BuildResult;
  beforeAll(() => {
    production = buildSite();
    development = buildSite({ env: { HOEDOEDEDA_ENV: "development" } });
  });

  test("a production build leaves the section out and prints one warning that says how to fix it", () => {
    const html = page(production, "posts/welkom-in-de-leergang");
    expect(html).not.toContain('class="responses');
    expect(html).not.toContain("widget-loader");
    expect(page(production, "")).not.toContain("summary__responses");
    expect(warnings(production)).toEqual([
      expect.stringMatching(
        /Comments are left out: giscus is not set up in content\/_data\/site\.yaml.*https:\/\/giscus\.app/,
      ),
    ]);
  });

  test("development explains what to put in site.yaml and where the ids come from, without loading anything", async () => {
    const html = page(development, "posts/welkom-in-de-leergang");
    const section = html.slice(
      html.indexOf('<section class="responses'),
      html.indexOf("</section>", html.indexOf('<section class="responses')),
    );
    expect(section).toContain("De reacties zijn nog niet ingesteld");
    expect(section).toMatch(
      /<pre class="responses__example"><code>giscus:\n {2}repo: organisatie\/leergang-reacties\n {2}repoId: R_kgDO…\n {2}category: Reacties\n {2}categoryId: DIC_kwDO…<\/code><\/pre>/,
    );
    expect(section).toContain("https://giscus.app");
    expect(html).not.toContain("widget-loader");
    expect(warnings(development)).toEqual([]);
    expect(await htmlErrors(development, "posts/welkom-in-de-leergang")).toEqual([]);
  });
});

describe("a deploy preview without a preview category", () => {
  let preview: BuildResult;
  beforeAll(() => {
    const siteYaml = readFileSync(join(import.meta.dirname, "../../content/_data/site.yaml"), "utf8").replace(
      /giscus:[\s\S]*$/,
      "giscus:\n  repo: org/reacties\n  repoId: R_1\n  category: Reacties\n  categoryId: DIC_1\n",
    );
    preview = buildSite({
      files: { "_data/site.yaml": siteYaml },
      env: {
        CONTEXT: "deploy-preview",
        REVIEW_ID: "12",
        URL: "https://leergang.netlify.app",
        DEPLOY_PRIME_URL: "https://deploy-preview-12--leergang.netlify.app",
        GITHUB_TOKEN: "ghp_unused",
      },
    });
  });

  test("shows a notice with a link to the live post instead of the widget", async () => {
    const html = page(preview, "posts/welkom-in-de-leergang");
    expect(html).toContain("Reacties zijn uit in deze voorbeeldweergave");
    expect(html).toContain('href="https://leergang.netlify.app/posts/welkom-in-de-leergang/"');
    expect(html).not.toContain("data-widget");
    expect(html).not.toContain("widget-loader");
    expect(await htmlErrors(preview, "posts/welkom-in-de-leergang")).toEqual([]);
  });

  test("asks GitHub for no counts and warns about nothing", () => {
    expect(page(preview, "")).not.toContain("summary__responses");
    expect(warnings(preview)).toEqual([]);
  });
});
