// Timed runs of a build in a child process: wall time and peak memory (maxRSS via a preload), so
// our build and bare Eleventy are measured in exactly the same way.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, utimesSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";

export interface Run {
  seconds: number;
  /** Peak resident memory, MiB. */
  peakMiB: number;
  /** What the build printed (our build reports its search index and the cards it drew). */
  stdout: string;
}

export interface Command {
  cwd: string;
  /** Arguments to node (before the script): e.g. ["--import", "tsx"]. */
  nodeArgs: string[];
  script: string;
  args: string[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function timeBuild(command: Command, reportRss: string, output: string): Run {
  const rssDir = mkdtempSync(join(tmpdir(), "hoedoededa-rss-"));
  const rssFile = join(rssDir, "rss");
  rmSync(output, { recursive: true, force: true });
  try {
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      [...command.nodeArgs, "--import", reportRss, command.script, ...command.args, `--output=${output}`],
      {
        cwd: command.cwd,
        encoding: "utf8",
        env: {
          ...process.env,
          BENCH_RSS_FILE: rssFile,
          HOEDOEDEDA_ENV: "production",
          ELEVENTY_RUN_MODE: "build",
          GITHUB_TOKEN: "",
        },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 0) throw new Error(`build failed in ${command.cwd}:\n${result.stderr.slice(-3000)}`);
    return { seconds, peakMiB: Number(readFileSync(rssFile, "utf8")) / 1024, stdout: result.stdout };
  } finally {
    rmSync(rssDir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 8080));
    });
  });
}

/**
 * Starts the dev server with --incremental, waits for the first build, then edits one post `edits`
 * times and returns the seconds from each save to Eleventy's "Wrote …" line.
 */
export async function incrementalRebuilds(command: Command, postFile: string, edits: number): Promise<number[]> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...command.nodeArgs, command.script, ...command.args, "--serve", "--incremental", `--port=${port}`],
    {
      cwd: command.cwd,
      env: { ...process.env, GITHUB_TOKEN: "" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let output = "";
  let waiting: { since: number; resolve: (seconds: number) => void } | undefined;
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    if (waiting && /Wrote \d+ files?/.test(output)) {
      const seconds = (performance.now() - waiting.since) / 1000;
      const done = waiting.resolve;
      waiting = undefined;
      output = "";
      done(seconds);
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const next = (since: number) =>
    new Promise<number>((resolve, reject) => {
      waiting = { since, resolve };
      setTimeout(() => reject(new Error(`no rebuild within 120 s; output:\n${output.slice(-2000)}`)), 120_000).unref();
    });
  try {
    await next(performance.now()); // the first, full build
    // Let the watcher settle before the first edit.
    await new Promise((r) => setTimeout(r, 1500));
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const since = performance.now();
      const rebuilt = next(since);
      appendFileSync(postFile, `\nEen zin erbij (${i}).\n`);
      utimesSync(postFile, new Date(), new Date());
      times.push(await rebuilt);
      await new Promise((r) => setTimeout(r, 800));
    }
    return times;
  } finally {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  }
}
