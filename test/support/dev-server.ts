// `npm start` in a temporary project: Eleventy --serve on a free port, its output collected, and
// its live-reload socket listened to, so a test knows a rebuild finished the way the browser does:
// Eleventy's dev server sends `eleventy.reload` after a build that wrote the site and
// `eleventy.error` after one that failed (https://github.com/11ty/eleventy-dev-server). A save waits
// for the outcome of the build that saw it: Eleventy logs "File changed: ./<file>" when its watcher
// notices the save (at least 150 ms later, once the file stopped changing), and an outcome that
// arrives before that line belongs to another build — on a loaded CI machine one did, and a test read
// the page from before the save.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, realpathSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { basename, dirname, join, sep } from "node:path";
import WebSocket from "ws";
import { cleanEnv } from "./env.ts";
import { repoRoot, tempProject } from "./site.ts";

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, "127.0.0.1", ok));
  const port = (probe.address() as { port: number }).port;
  await new Promise((ok) => probe.close(ok));
  return port;
}

export type BuildOutcome = "reload" | "error";

export class DevServer {
  output = "";
  base = "";
  readonly root: string;
  #child!: ChildProcess;
  #socket: WebSocket | undefined;
  /** Saves waiting for their build: resolved by the first outcome once `seen` says the watcher noticed them. */
  #waiting: { seen: () => boolean; done: (outcome: BuildOutcome) => void }[] = [];

  constructor(files: Record<string, string>, copy: string[] = []) {
    this.root = tempProject({ files, copy });
  }

  async start(): Promise<void> {
    const port = await freePort();
    this.base = `http://localhost:${port}`;
    this.#child = spawn(
      join(repoRoot, "node_modules/.bin/tsx"),
      [
        join(repoRoot, "node_modules/@11ty/eleventy/cmd.cjs"),
        "--config=.eleventy.ts",
        "--serve",
        "--quiet",
        `--port=${port}`,
      ],
      {
        cwd: this.root,
        // Its own process group, so the test can stop tsx and Eleventy together.
        detached: true,
        env: cleanEnv({ NO_COLOR: "1" }),
      },
    );
    this.#child.stdout!.on("data", (chunk) => (this.output += chunk));
    this.#child.stderr!.on("data", (chunk) => (this.output += chunk));
  }

  get running(): boolean {
    return this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /** Listens to the live-reload socket, once the first build is served. */
  async connect(): Promise<void> {
    await this.waitFor("the site to be served", async () =>
      (await fetch(this.base).catch(() => undefined))?.ok ? true : undefined,
    );
    const socket = new WebSocket(this.base.replace("http", "ws"));
    await new Promise((ok, fail) => socket.once("open", ok).once("error", fail));
    socket.on("message", (data) => {
      const type = (JSON.parse(String(data)) as { type: string }).type;
      const outcome = type === "eleventy.reload" ? "reload" : type === "eleventy.error" ? "error" : undefined;
      if (!outcome) return;
      const built = this.#waiting.filter((waiting) => waiting.seen());
      this.#waiting = this.#waiting.filter((waiting) => !built.includes(waiting));
      for (const { done } of built) done(outcome);
    });
    this.#socket = socket;
  }

  /** Saves `text` to content/`file` (or to `file` in the project with `{ project: true }`) and waits for the rebuild it starts. */
  async save(file: string, text: string, where: { project?: boolean } = {}): Promise<BuildOutcome> {
    if (!this.#socket) throw new Error("connect() first: the rebuild is known from the live-reload socket");
    const path = join(this.root, where.project ? "" : "content", file);
    // Never through a link into the repository: a test edits its own copy (DevServer's `copy`).
    const real = existsSync(path) ? realpathSync(path) : join(realpathSync(dirname(path)), basename(path));
    if (!real.startsWith(realpathSync(this.root) + sep))
      throw new Error(`${file} is the repository's own file here, linked into the test project: copy it first`);
    const from = this.output.length;
    const relative = `./${(where.project ? "" : "content/") + file}`;
    const seen = () => {
      const since = this.output.slice(from);
      return since.includes(`File changed: ${relative}`) || since.includes(`File added: ${relative}`);
    };
    const built = new Promise<BuildOutcome>((done) => this.#waiting.push({ seen, done }));
    writeFileSync(path, text);
    return Promise.race([
      built,
      this.#exited(`the rebuild after saving ${file}`),
      this.#timeout(`the rebuild after saving ${file}`),
    ]);
  }

  /** Writes a file without waiting (the first build is still waiting for a fix: no socket yet). */
  write(file: string, text: string): void {
    writeFileSync(join(this.root, "content", file), text);
  }

  async waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeout = 30_000): Promise<T> {
    const end = Date.now() + timeout;
    while (Date.now() < end) {
      if (!this.running)
        throw new Error(`the dev server exited (${this.#child.exitCode}) while waiting for ${what}:\n${this.output}`);
      const value = await check();
      if (value !== undefined) return value;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error(`timed out waiting for ${what}:\n${this.output}`);
  }

  async page(path: string): Promise<string> {
    const response = await fetch(this.base + path);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.text();
  }

  #exited(what: string): Promise<never> {
    return new Promise((_, fail) =>
      this.#child.once("exit", (code) =>
        fail(new Error(`the dev server exited (${code}) while waiting for ${what}:\n${this.output}`)),
      ),
    );
  }

  #timeout(what: string): Promise<never> {
    return new Promise((_, fail) =>
      setTimeout(() => fail(new Error(`timed out waiting for ${what}:\n${this.output}`)), 30_000).unref(),
    );
  }

  async stop(): Promise<void> {
    this.#socket?.close();
    if (!this.#child?.pid || !this.running) return;
    const exited = new Promise((ok) => this.#child.once("exit", ok));
    process.kill(-this.#child.pid, "SIGTERM");
    await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
    if (this.running) process.kill(-this.#child.pid, "SIGKILL");
  }
}
