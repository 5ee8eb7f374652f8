// `npm start` (Eleventy --serve) with bad content: it reports the same problems as the build,
// keeps running, and recovers as soon as the file is fixed — no restart.
import { spawn, type ChildProcess } from "node:child_process";
import { statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { post, repoRoot, tempProject } from "../support/site.ts";
import { discard } from "./html.ts";

const broken = post({ title: "Kapot bericht", date: "11-04-2012", author: "marjan" });
const fixed = (title: string) => post({ title, date: "2012-04-11", author: "marjan" });
const problem = 'content/posts/kapot.md: date: "11-04-2012" puts the day first — write the year first: `date: 2012-04-11`';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, "127.0.0.1", ok));
  const port = (probe.address() as { port: number }).port;
  await new Promise((ok) => probe.close(ok));
  return port;
}

/** `npm start` in a temporary project: Eleventy --serve on a free port, its output collected. */
class DevServer {
  output = "";
  base = "";
  root: string;
  private child!: ChildProcess;

  constructor(files: Record<string, string>) {
    this.root = tempProject({ files });
  }

  async start(): Promise<void> {
    const port = await freePort();
    this.base = `http://localhost:${port}`;
    this.child = spawn(join(repoRoot, "node_modules/.bin/tsx"), [join(repoRoot, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=.eleventy.ts", "--serve", "--quiet", `--port=${port}`], {
      cwd: this.root,
      // Its own process group, so the test can stop tsx and Eleventy together.
      detached: true,
      env: { ...process.env, ELEVENTY_RUN_MODE: "", HOEDOEDEDA_ENV: "", HOEDOEDEDA_DRAFTS: "", SITE_URL: "", CONTEXT: "", URL: "", GITHUB_TOKEN: "", NO_COLOR: "1" },
    });
    this.child.stdout!.on("data", (chunk) => (this.output += chunk));
    this.child.stderr!.on("data", (chunk) => (this.output += chunk));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  write(file: string, text: string): void {
    writeFileSync(join(this.root, "content", file), text);
  }

  count(text: string): number {
    return this.output.split(text).length - 1;
  }

  async waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeout = 30_000): Promise<T> {
    const end = Date.now() + timeout;
    while (Date.now() < end) {
      if (!this.running) throw new Error(`the dev server exited (${this.child.exitCode}) while waiting for ${what}:\n${this.output}`);
      const value = await check();
      if (value !== undefined) return value;
      await new Promise((ok) => setTimeout(ok, 150));
    }
    throw new Error(`timed out waiting for ${what}:\n${this.output}`);
  }

  /** The page at `path`, once the server answers 200 with text containing `expected`. */
  pageWith(path: string, expected: string): Promise<string> {
    return this.waitFor(`${path} to show "${expected}"`, async () => {
      const response = await fetch(this.base + path).catch(() => undefined);
      const text = response?.ok ? await response.text() : "";
      return text.includes(expected) ? text : undefined;
    });
  }

  async stop(): Promise<void> {
    if (!this.child?.pid || !this.running) return;
    const exited = new Promise((ok) => this.child.once("exit", ok));
    process.kill(-this.child.pid, "SIGTERM");
    await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
    if (this.running) process.kill(-this.child.pid, "SIGKILL");
  }
}

// Two servers side by side: one started on good content, one started on a broken post.
const healthy = new DevServer({ "posts/kapot.md": fixed("Heel bericht") });
const startedBroken = new DevServer({ "posts/kapot.md": broken });

beforeAll(async () => {
  await Promise.all([healthy.start(), startedBroken.start()]);
});

afterAll(async () => {
  await Promise.all([healthy.stop(), startedBroken.stop()]);
  discard(healthy);
  discard(startedBroken);
});

test("breaking a post while it runs: the problem is listed like the build does, the site stays up", async () => {
  await healthy.pageWith("/posts/kapot/", "Heel bericht");
  healthy.write("posts/kapot.md", broken);
  await healthy.waitFor("the problem report", () => (healthy.output.includes(problem) ? true : undefined));
  expect(healthy.output).toContain("1 problem in 1 file.");
  expect(healthy.output).not.toMatch(/^\s+at /m);
  expect((await fetch(`${healthy.base}/`)).status).toBe(200);
  expect(healthy.running).toBe(true);
});

test("fixing it recovers without a restart", async () => {
  healthy.write("posts/kapot.md", fixed("Hersteld bericht"));
  const page = await healthy.pageWith("/posts/kapot/", "Hersteld bericht");
  expect(page).toContain('<time datetime="2012-04-11">11 april 2012</time>');
  await healthy.pageWith("/", "Hersteld bericht");
});

// While writing, the facilitator saves again and again: only that post's page is rendered anew
// (src/rebuild.ts), unless the save changed what other pages show of the post.
test("a body edit renders only that post's page; a title edit also its neighbour and the lists, not other posts", async () => {
  const written = (path: string) => statSync(join(healthy.root, "_site", path)).mtimeMs;
  const builds = (n: number) => healthy.waitFor(`${n} builds`, () => (healthy.count("Wrote ") >= n ? true : undefined));
  const others = ["index.html", "posts/welkom-in-de-leergang/index.html", "authors/marjan/index.html"];
  await builds(3); // the first, the broken one (nothing written) and the fixed one
  const before = others.map(written);
  // A paragraph added below the first one: the summary on list pages (the first paragraph) stays.
  healthy.write("posts/kapot.md", post({ title: "Hersteld bericht", date: "2012-04-11", author: "marjan" }, "Tekst van het bericht.\n\nEen nieuwe alinea."));
  await healthy.pageWith("/posts/kapot/", "Een nieuwe alinea.");
  await builds(4);
  expect(others.map(written), healthy.output).toEqual(before);

  const farAway = written("posts/loslaten-en-regie/index.html");
  healthy.write("posts/kapot.md", post({ title: "Een nieuwe titel", date: "2012-04-11", author: "marjan" }, "Tekst van het bericht.\n\nEen nieuwe alinea."));
  await healthy.pageWith("/", "Een nieuwe titel");
  await healthy.pageWith("/posts/welkom-in-de-leergang/", "Een nieuwe titel");
  await healthy.pageWith("/authors/marjan/", "Een nieuwe titel");
  expect(await healthy.pageWith("/posts/kapot/", "Een nieuwe titel")).toContain("Een nieuwe alinea.");
  await builds(5);
  expect(written("posts/loslaten-en-regie/index.html"), healthy.output).toBe(farAway);
});

test("started on a broken post, it lists the problem and keeps running", async () => {
  await startedBroken.waitFor("the problem report", () => (startedBroken.output.includes(problem) ? true : undefined));
  expect(startedBroken.output).toContain("1 problem in 1 file.");
  expect(startedBroken.output).not.toMatch(/^\s+at /m);
  await new Promise((ok) => setTimeout(ok, 1500));
  expect(startedBroken.running, startedBroken.output).toBe(true);
});

test("started on a broken post, fixing it brings the site up without a restart", async () => {
  startedBroken.write("posts/kapot.md", fixed("Hersteld bericht"));
  await startedBroken.pageWith("/posts/kapot/", "Hersteld bericht");
  expect(startedBroken.running).toBe(true);
});
