// A benchmark corpus: the example site with its posts replaced by N generated ones
// (../shared/bench/gen-posts.mjs, --fields full), and beside it the same Markdown for bare Eleventy.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { isResponsesFile } from "../../src/model/paths.ts";

export interface Corpus {
  /** Our project: content/ with N posts, code linked in. */
  project: string;
  /** Bare Eleventy's input: posts/ with the same N Markdown files and nothing else. */
  bare: string;
  posts: number;
}

const linked = [".eleventy.ts", "src", "layouts", "scripts", "node_modules", "package.json", "netlify.toml", "types"];

export function generator(repo: string): string {
  const candidates = [resolve(repo, "../shared/bench/gen-posts.mjs"), resolve(repo, "shared/bench/gen-posts.mjs")];
  const found = candidates.find(existsSync);
  if (!found) throw new Error(`The corpus generator is missing: expected ${candidates[0]}`);
  return found;
}

export function makeCorpus(repo: string, root: string, posts: number): Corpus {
  const project = join(root, `site-${posts}`);
  const bare = join(root, `bare-${posts}`);
  mkdirSync(project, { recursive: true });
  cpSync(join(repo, "content"), join(project, "content"), { recursive: true });
  for (const name of linked) symlinkSync(join(repo, name), join(project, name));
  const postsDir = join(project, "content/posts");
  for (const file of readdirSync(postsDir))
    if (file.endsWith(".md") || isResponsesFile(file)) rmSync(join(postsDir, file));
  rmSync(join(project, "content/_data/redirects.yaml"), { force: true });
  const result = spawnSync(process.execPath, [generator(repo), postsDir, String(posts), "--fields", "full"], {
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`gen-posts failed: ${result.stderr}`);
  // The generator writes its authors next to the posts folder: they become the site's authors.
  renameSync(join(project, "content/bench-authors.yaml"), join(project, "content/_data/authors.yaml"));
  mkdirSync(join(bare, "posts"), { recursive: true });
  for (const file of readdirSync(postsDir))
    if (file.endsWith(".md")) cpSync(join(postsDir, file), join(bare, "posts", file));
  return { project, bare, posts };
}
