// Serves a built site the way Netlify does, so header, CSP and access mistakes show up in tests:
// index.html for directories, /x → /x/, 404.html with status 404, the [[headers]] and [[redirects]] of
// netlify.toml plus _site/_headers and _site/_redirects, and — with `edge` — the project's edge functions
// in front of all of it, as Netlify runs them: a private site's door (netlify/edge-functions/gate/) decides
// what reaches the files (test/support/edge.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "smol-toml";
import { doorPage } from "../../src/model/door.ts";
import { startEdge, type EdgeLayer, type EdgeOptions } from "./edge.ts";
import { pathMatches } from "./edge-chain.ts";

interface HeaderRule {
  for: string;
  values: Record<string, string>;
}
interface RedirectRule {
  from: string;
  to: string;
  status: number;
  force: boolean;
}

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
  // Netlify's own type for calendars has no charset: the build's _headers adds it (src/netlify/headers.ts).
  ".ics": "text/calendar",
};

/** Parses Netlify's `_headers` file format. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push({ for: line.trim(), values: {} });
    else if (rules.length) {
      const i = line.indexOf(":");
      rules[rules.length - 1]!.values[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return rules;
}

/** Parses Netlify's `_redirects` file format (`from to [status][!]`). */
export function parseRedirectsFile(text: string): RedirectRule[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const [from = "", to = "", status = "301"] = line.split(/\s+/);
      return { from, to, status: Number.parseInt(status, 10), force: status.endsWith("!") };
    });
}

export interface NetlifyRules {
  headers: HeaderRule[];
  redirects: RedirectRule[];
}

export function netlifyRules(siteDir: string, tomlPath: string): NetlifyRules {
  const toml = existsSync(tomlPath) ? (parse(readFileSync(tomlPath, "utf8")) as Record<string, unknown>) : {};
  const tomlHeaders = ((toml.headers ?? []) as { for: string; values: Record<string, string> }[]).map((h) => ({
    for: h.for,
    values: h.values,
  }));
  const tomlRedirects = (
    (toml.redirects ?? []) as { from: string; to: string; status?: number; force?: boolean }[]
  ).map((r) => ({ from: r.from, to: r.to, status: r.status ?? 301, force: r.force ?? false }));
  const file = (name: string) => (existsSync(join(siteDir, name)) ? readFileSync(join(siteDir, name), "utf8") : "");
  return {
    // Netlify applies _headers and netlify.toml together; _redirects rules come before netlify.toml's.
    headers: [...tomlHeaders, ...parseHeadersFile(file("_headers"))],
    redirects: [...parseRedirectsFile(file("_redirects")), ...tomlRedirects],
  };
}

/** Netlify reads these at deploy time and does not publish them. */
const configFiles = ["_headers", "_redirects"];

function resolveFile(siteDir: string, path: string): string | undefined {
  const full = normalize(join(siteDir, decodeURIComponent(path)));
  if (!full.startsWith(normalize(siteDir))) return undefined;
  if (configFiles.some((name) => full === join(normalize(siteDir), name))) return undefined;
  if (existsSync(full) && statSync(full).isFile()) return full;
  if (existsSync(join(full, "index.html"))) return join(full, "index.html");
  return undefined;
}

/**
 * Netlify's answer from the site's files (its "origin", what an edge function's `context.next()`
 * reaches): redirects, `/x` → `/x/`, index.html, 404.html, and the header rules that match.
 */
export function originResponse(siteDir: string, rules: NetlifyRules, request: Request): Response {
  const url = new URL(request.url);
  const path = url.pathname;
  const headers = new Headers();
  const headersFor = (p: string) => {
    for (const rule of rules.headers)
      if (pathMatches(rule.for, p)) for (const [k, v] of Object.entries(rule.values)) headers.set(k, v);
  };
  let file: string | undefined;
  try {
    file = resolveFile(siteDir, path);
  } catch {
    return new Response("Bad request", { status: 400 });
  }
  // Netlify matches redirect rules with and without a trailing slash (`/feed` also catches `/feed/`).
  const bare = (p: string) => (p.length > 1 ? p.replace(/\/+$/, "") : p);
  const redirect = rules.redirects.find((r) => pathMatches(bare(r.from), bare(path)) && (r.force || !file));
  if (redirect && redirect.status >= 300 && redirect.status < 400) {
    headersFor(path);
    headers.set("Location", redirect.to);
    return new Response(null, { status: redirect.status, headers });
  }
  if (file && !path.endsWith("/") && file.endsWith("index.html") && !path.endsWith("index.html"))
    return new Response(null, { status: 301, headers: { Location: `${path}/${url.search}` } });
  let status = 200;
  if (!file) {
    status = 404;
    file = existsSync(join(siteDir, "404.html")) ? join(siteDir, "404.html") : undefined;
  }
  // Netlify's default for anything no rule caches otherwise: store, but revalidate every time.
  headers.set("Cache-Control", "public, max-age=0, must-revalidate");
  // The type from the file's extension, unless a header rule sets its own (custom headers win on Netlify).
  headers.set("Content-Type", types[extname(file ?? ".html")] ?? "application/octet-stream");
  headersFor(path);
  const body = file ? readFileSync(file) : Buffer.from("Not found");
  return new Response(request.method === "HEAD" ? null : body, { status, headers });
}

/** A Node request as the web Request an edge function gets: the address the client used, its body. */
async function webRequest(req: IncomingMessage): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    for (const one of [value ?? []].flat()) headers.append(name, one);
  const chunks: Buffer[] = [];
  if (req.method !== "GET" && req.method !== "HEAD") for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`, {
    method: req.method ?? "GET",
    headers,
    ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
  });
}

/** Writes a web Response to Node's; gzips text as Netlify does when asked to. */
async function send(res: ServerResponse, response: Response, compress: boolean, acceptEncoding: string) {
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("Set-Cookie", cookies);
  const body = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get("Content-Type") ?? "";
  if (
    compress &&
    body.length &&
    /\bgzip\b/.test(acceptEncoding) &&
    /^(text\/|application\/(json|xml|manifest)|image\/svg)/.test(type)
  ) {
    res.setHeader("Content-Encoding", "gzip");
    res.setHeader("Vary", "Accept-Encoding");
    res.writeHead(response.status).end(gzipSync(body));
    return;
  }
  res.writeHead(response.status).end(body);
}

export interface RunningSite {
  url: string;
  server: Server;
  /** Another deploy's settings for the edge functions (what `Netlify.env` gives); only with `edge`. */
  redeploy(env: Record<string, string>): void;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** 0 (the default) picks a free port; `npm run audit` passes the one its build's SITE_URL names. */
  port?: number;
  /** Gzip text responses as Netlify does (off for tests, which read bodies as sent). */
  compress?: boolean;
  /**
   * Run the project's edge functions in front of the files, as Netlify does (test/support/edge.ts). A
   * private site's build must be served with them: without its door it would be served open.
   */
  edge?: EdgeOptions;
}

const listen = (server: Server, port: number) =>
  new Promise<number>((ok, fail) =>
    server.once("error", fail).listen(port, "127.0.0.1", () => {
      const address = server.address();
      ok(typeof address === "object" && address ? address.port : 0);
    }),
  );

export async function serve(siteDir: string, tomlPath: string, options: ServeOptions = {}): Promise<RunningSite> {
  if (!options.edge && existsSync(join(siteDir, doorPage.slice(1), "index.html")))
    throw new Error(`${siteDir} is a private site's build: serve it with its door (options.edge), as Netlify would`);
  const rules = netlifyRules(siteDir, tomlPath);
  const respond = async (request: Request) => originResponse(siteDir, rules, request);
  let edge: EdgeLayer | undefined;
  const server = createServer((req, res) => {
    void (async () => {
      const request = await webRequest(req);
      const response = edge?.handle ? await edge.handle(request) : await respond(request);
      await send(res, response, options.compress === true, String(req.headers["accept-encoding"] ?? ""));
    })().catch((error: unknown) => {
      res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end(`test server: ${String(error)}`);
    });
  });
  const port = await listen(server, options.edge?.runtime === "node" || !options.edge ? (options.port ?? 0) : 0);
  const files = `http://127.0.0.1:${port}`;
  if (options.edge) edge = await startEdge(options.edge, tomlPath, { url: files, respond });
  return {
    url: edge?.url ?? files,
    server,
    redeploy: (env) => {
      if (!edge) throw new Error("redeploy: this site was served without edge functions");
      edge.redeploy(env);
    },
    close: async () => {
      await edge?.close();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
