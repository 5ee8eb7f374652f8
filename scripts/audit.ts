// npm run audit: Lighthouse on the home page and a post page of this site, built for production and
// served the way Netlify serves it (headers and CSP from netlify.toml). Prints the four category
// scores and, for any under 100, the audits that failed. HTML reports go to test-results/lighthouse/.
//
//   npm run audit                      the richest post (session, questions, comments)
//   npm run audit -- --post <slug>     another post
//   npm run audit -- --runs 5          more runs per page (default 3; the median run is shown)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { settingsFromEnv } from "../src/model/build.ts";
import { commentsOn, commentsSetup } from "../src/comments/settings.ts";
import { loadContent } from "../src/content/load.ts";
import { isPublished } from "../src/content/visibility.ts";
import { serve } from "../test/support/serve.ts";
import { build, repoRoot, tempProject } from "../test/support/site.ts";
import { auditPage, formatPageAudit, startChromium, type PageAudit } from "./lib/lighthouse.ts";
import { contentPaths } from "../src/model/paths.ts";
import type { PostEntry, Site } from "../src/model/content.ts";

/** Stand-in giscus settings: used only when site.yaml has none, so the post page is audited with its comments section. */
const placeholderGiscus = {
  repo: "voorbeeld/reacties",
  repoId: "R_placeholder",
  category: "Reacties",
  categoryId: "DIC_placeholder",
};

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** A free port, so the build's SITE_URL can name the address the site is then served at. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
      .once("error", reject)
      .listen(0, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      });
  });
}

/** The post that shows the most of what a post page can hold. */
function choosePost(posts: PostEntry[], site: Site, slug: string | undefined): PostEntry {
  const published = posts.filter((p) => isPublished(p.data));
  const chosen = slug
    ? published.find((p) => p.slug === slug)
    : (published.find((p) => p.data.session && p.data.questions?.length && commentsOn(p.data, site)) ?? published[0]);
  if (!chosen)
    throw new Error(
      slug ? `No published post content/posts/${slug}.md` : "No published post to audit in content/posts/",
    );
  return chosen;
}

async function main(): Promise<void> {
  const model = loadContent(repoRoot, settingsFromEnv({}));
  const post = choosePost(model.posts, model.site, option("--post"));
  const runs = Math.max(1, Number.parseInt(option("--runs") ?? "3", 10) || 3);

  const files: Record<string, string> = {};
  const notes: string[] = [];
  if (commentsSetup(model.site).status === "missing") {
    const yaml = parseDocument(readFileSync(join(repoRoot, contentPaths.site), "utf8"));
    for (const [field, value] of Object.entries(placeholderGiscus)) yaml.setIn(["giscus", field], value);
    files["_data/site.yaml"] = yaml.toString();
    notes.push(
      `giscus is not set up in ${contentPaths.site}: audited with placeholder settings (${placeholderGiscus.repo}), so the post page carries the comments section it will have.`,
    );
  }

  const port = await freePort();
  const siteUrl = `http://127.0.0.1:${port}`;
  notes.push(
    `Built with SITE_URL=${siteUrl} (instead of site.yaml's url), so canonical links, robots.txt and the sitemap point at the site being audited.`,
  );
  notes.push(
    "Lighthouse's defaults: a mobile phone, simulated slow 4G and a 4× slower CPU. This machine may have no internet: each page below says whether it asked any other host.",
  );

  process.stdout.write(`Building the site for production… `);
  const root = tempProject({ files });
  const built = build(root, { env: { SITE_URL: siteUrl } });
  if (built.status !== 0) throw new Error(`The build failed:\n${built.stderr}\n${built.stdout}`);
  console.log("done.");

  // Compressed as Netlify sends it: Lighthouse's simulated slow 4G counts the bytes on the wire.
  const site = await serve(built.out, join(repoRoot, "netlify.toml"), { port, compress: true });
  const chromium = await startChromium();
  const reports = join(repoRoot, "test-results", "lighthouse");
  mkdirSync(reports, { recursive: true });
  const audits: PageAudit[] = [];
  try {
    for (const [name, path] of [
      ["home", "/"],
      ["post", `/posts/${post.slug}/`],
    ] as const) {
      process.stdout.write(`Lighthouse on ${path} (${runs} run${runs === 1 ? "" : "s"})… `);
      const audit = await auditPage(`${site.url}${path}`, chromium, runs);
      writeFileSync(join(reports, `${name}.html`), audit.html);
      writeFileSync(join(reports, `${name}.json`), JSON.stringify(audit.lhr));
      console.log("done.");
      audits.push(audit);
    }
  } finally {
    await chromium.close();
    await site.close();
    for (const dir of [root, built.out]) rmSync(dir, { recursive: true, force: true });
  }

  console.log(
    `\nLighthouse ${audits[0]!.lhr.lighthouseVersion}, ${chromium.executable} (${audits[0]!.lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? "?"})`,
  );
  for (const note of notes) console.log(`- ${note}`);
  for (const audit of audits) console.log(`\n${formatPageAudit(audit)}`);
  console.log(`\nReports: ${reports}/home.html, post.html`);
  const perfect = audits.every((a) => Object.values(a.scores).every((s) => s === 100));
  if (!perfect) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
