// The edge layer of the Netlify-like test server (serve.ts): a project's edge functions, found and
// declared as Netlify finds and declares them, run in front of the site's files. Declarations come from
// netlify.toml's [[edge_functions]] and the Frameworks API file the build writes
// (.netlify/v1/config.json: https://docs.netlify.com/build/frameworks/frameworks-api/); functions from
// netlify/edge-functions/ (a file, or a folder with <name>.ts or index.ts, as @netlify/edge-bundler's
// finder does). They run in Deno by default (edge-runner.ts), as on Netlify, or in this process.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "smol-toml";
import { denoBinary } from "./deno.ts";
import { cleanEnv } from "./env.ts";
import { runChain, type EdgeFunction, type Route } from "./edge-chain.ts";

export interface EdgeOptions {
  /** The project: its netlify/edge-functions/ and the .netlify/v1/config.json its build wrote. */
  root: string;
  /** Variables set in Netlify's UI with the Functions scope: what `Netlify.env` gives the functions. */
  env: Record<string, string>;
  /** "deno" (the default): in Deno, as on Netlify; "node": in this process. */
  runtime?: "deno" | "node";
}

export interface EdgeLayer {
  /** The address requests go to: the Deno runner's, or undefined when the functions run in this process. */
  url?: string;
  handle?(request: Request): Promise<Response>;
  /** Another deploy's settings: what `Netlify.env` gives from the next request on. */
  redeploy(env: Record<string, string>): void;
  close(): Promise<void>;
}

const extensions = [".js", ".jsx", ".mjs", ".mts", ".ts", ".tsx"];

/** The edge functions of `root`, by name, as Netlify finds them in netlify/edge-functions/. */
export function edgeFunctionsOf(root: string): Record<string, string> {
  const dir = join(root, "netlify/edge-functions");
  if (!existsSync(dir)) return {};
  const found: Record<string, string> = {};
  for (const item of readdirSync(dir)) {
    const full = join(dir, item);
    if (statSync(full).isDirectory()) {
      const entry = extensions
        .flatMap((ext) => [join(full, `${item}${ext}`), join(full, `index${ext}`)])
        .find((file) => existsSync(file));
      if (entry) found[item] = entry;
    } else if (extensions.includes(extname(item))) found[basename(item, extname(item))] = full;
  }
  return found;
}

/** The declarations Netlify would merge: the Frameworks API file's first, then netlify.toml's. */
export function edgeRoutesOf(root: string, tomlPath: string): Route[] {
  const frameworks = join(root, ".netlify/v1/config.json");
  const fromBuild = existsSync(frameworks)
    ? ((JSON.parse(readFileSync(frameworks, "utf8")) as { edge_functions?: Route[] }).edge_functions ?? [])
    : [];
  const toml = existsSync(tomlPath) ? (parse(readFileSync(tomlPath, "utf8")) as { edge_functions?: Route[] }) : {};
  return [...fromBuild, ...(toml.edge_functions ?? [])];
}

/** Starts the edge layer for `root`, in front of `origin` (the test server's files). */
export async function startEdge(
  options: EdgeOptions,
  tomlPath: string,
  origin: { url: string; respond(request: Request): Promise<Response> },
): Promise<EdgeLayer> {
  const files = edgeFunctionsOf(options.root);
  const routes = edgeRoutesOf(options.root, tomlPath);
  if (options.runtime === "node") {
    let env = options.env;
    const functions: Record<string, EdgeFunction> = {};
    for (const [name, file] of Object.entries(files)) {
      const fn = ((await import(pathToFileURL(file).href)) as { default: EdgeFunction }).default;
      // The function reads `Netlify.env` when it is called, before it awaits anything.
      functions[name] = (request, context) => {
        (globalThis as { Netlify?: unknown }).Netlify = { env: { get: (key: string) => env[key] } };
        return fn(request, context);
      };
    }
    return {
      handle: (request) => runChain(request, routes, functions, origin.respond),
      redeploy: (next) => void (env = next),
      close: async () => {},
    };
  }
  return startDeno(files, routes, origin.url, options.env);
}

async function startDeno(
  files: Record<string, string>,
  routes: Route[],
  origin: string,
  env: Record<string, string>,
): Promise<EdgeLayer> {
  const dir = mkdtempSync(join(tmpdir(), "hoedoededa-edge-"));
  const envFile = join(dir, "env.json");
  writeFileSync(envFile, JSON.stringify(env));
  const runner = join(dirname(fileURLToPath(import.meta.url)), "edge-runner.ts");
  const setup = {
    functions: Object.fromEntries(Object.entries(files).map(([n, f]) => [n, pathToFileURL(f).href])),
    routes,
    origin,
    envFile,
  };
  const child: ChildProcess = spawn(
    denoBinary(),
    [
      "run",
      "--quiet",
      "--no-prompt",
      "--no-config",
      "--no-lock",
      "--allow-net=127.0.0.1",
      "--allow-read",
      runner,
      JSON.stringify(setup),
    ],
    {
      cwd: dir,
      env: cleanEnv({ DENO_DIR: join(dir, "deno") }),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let errors = "";
  child.stderr!.on("data", (chunk) => (errors += String(chunk)));
  const port = await new Promise<number>((ok, fail) => {
    let out = "";
    child.stdout!.on("data", (chunk) => {
      out += String(chunk);
      const listening = /listening (\d+)/.exec(out);
      if (listening) ok(Number(listening[1]));
    });
    child.once("exit", (code) =>
      fail(new Error(`the Deno edge runner stopped (${code}) before it listened:\n${errors}`)),
    );
  });
  return {
    url: `http://127.0.0.1:${port}`,
    redeploy: (next) => writeFileSync(envFile, JSON.stringify(next)),
    close: () =>
      new Promise<void>((ok) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          ok();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", done);
        child.kill();
      }),
  };
}
