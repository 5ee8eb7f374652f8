// Serves a built site the way Netlify does, so header, CSP and access mistakes show up in tests:
// index.html for directories, /x → /x/, 404.html with status 404, the [[headers]] and
// [[redirects]] of netlify.toml plus _site/_headers and _site/_redirects, and Basic-Auth rules
// enforced rather than sent (https://docs.netlify.com/visitor-access/password-protection/: "the
// Basic-Auth header will not be sent as written … it will be used to control the appropriate HTTP
// headers for basic authentication").
import { createServer, type Server } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "smol-toml";

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

/** Netlify path patterns: `*` matches the rest of the path, `:name` one segment. */
export function matches(pattern: string, path: string): boolean {
  const regex = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/:\w+/g, "[^/]+"))
    .join(".*");
  return new RegExp(`^${regex}$`).test(path);
}

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

/** Netlify's rule name, matched as header names are: regardless of case. */
const isBasicAuth = (name: string) => name.toLowerCase() === "basic-auth";

/**
 * Whether a request may see `path`: every Basic-Auth rule whose pattern matches it must accept the
 * request's `Authorization: Basic …` as one of its space-separated `name:password` pairs.
 */
export function authorized(rules: readonly HeaderRule[], path: string, authorization: string | undefined): boolean {
  const sent = /^Basic\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  const credentials = sent ? Buffer.from(sent, "base64").toString("utf8") : undefined;
  return rules.every((rule) => {
    if (!matches(rule.for, path)) return true;
    const pairs = Object.entries(rule.values)
      .filter(([name]) => isBasicAuth(name))
      .map(([, value]) => value.split(/\s+/).filter(Boolean));
    return pairs.every((allowed) => credentials !== undefined && allowed.includes(credentials));
  });
}

/** Netlify reads these at deploy time and does not publish them (a private site's passwords are in _headers). */
const configFiles = ["_headers", "_redirects"];

function resolveFile(siteDir: string, path: string): string | undefined {
  const full = normalize(join(siteDir, decodeURIComponent(path)));
  if (!full.startsWith(normalize(siteDir))) return undefined;
  if (configFiles.some((name) => full === join(normalize(siteDir), name))) return undefined;
  if (existsSync(full) && statSync(full).isFile()) return full;
  if (existsSync(join(full, "index.html"))) return join(full, "index.html");
  return undefined;
}

export interface RunningSite {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** 0 (the default) picks a free port; `npm run audit` passes the one its build's SITE_URL names. */
  port?: number;
  /** Gzip text responses as Netlify does (off for tests, which read bodies as sent). */
  compress?: boolean;
}

export async function serve(siteDir: string, tomlPath: string, options: ServeOptions = {}): Promise<RunningSite> {
  const rules = netlifyRules(siteDir, tomlPath);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    const headersFor = (p: string) => {
      for (const rule of rules.headers)
        if (matches(rule.for, p))
          for (const [k, v] of Object.entries(rule.values)) if (!isBasicAuth(k)) res.setHeader(k, v);
    };
    // Before anything else, redirects and 404s included: the browser asks for a name and password.
    if (!authorized(rules.headers, path, req.headers.authorization)) {
      res
        .writeHead(401, {
          "WWW-Authenticate": 'Basic realm="Netlify", charset="UTF-8"',
          "Content-Type": "text/plain; charset=utf-8",
        })
        .end("Unauthorized");
      return;
    }
    let file = resolveFile(siteDir, path);
    // Netlify matches redirect rules with and without a trailing slash (`/feed` also catches `/feed/`).
    const bare = (p: string) => (p.length > 1 ? p.replace(/\/+$/, "") : p);
    const redirect = rules.redirects.find((r) => matches(bare(r.from), bare(path)) && (r.force || !file));
    if (redirect && redirect.status >= 300 && redirect.status < 400) {
      headersFor(path);
      res.writeHead(redirect.status, { Location: redirect.to }).end();
      return;
    }
    if (file && !path.endsWith("/") && file.endsWith("index.html") && !path.endsWith("index.html")) {
      res.writeHead(301, { Location: `${path}/${url.search}` }).end();
      return;
    }
    let status = 200;
    if (!file) {
      status = 404;
      file = existsSync(join(siteDir, "404.html")) ? join(siteDir, "404.html") : undefined;
    }
    // Netlify's default for anything no rule caches otherwise: store, but revalidate every time.
    res.setHeader("Cache-Control", "public, max-age=0, must-revalidate");
    // The type from the file's extension, unless a header rule sets its own (custom headers win on Netlify).
    res.setHeader("Content-Type", types[extname(file ?? ".html")] ?? "application/octet-stream");
    headersFor(path);
    const type = String(res.getHeader("Content-Type"));
    const body = file ? readFileSync(file) : Buffer.from("Not found");
    if (
      options.compress &&
      /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) &&
      /^(text\/|application\/(json|xml|manifest)|image\/svg)/.test(type)
    ) {
      res.setHeader("Content-Encoding", "gzip");
      res.setHeader("Vary", "Accept-Encoding");
      res.writeHead(status).end(gzipSync(body));
      return;
    }
    res.writeHead(status).end(body);
  });
  await new Promise<void>((ok, fail) => server.once("error", fail).listen(options.port ?? 0, "127.0.0.1", ok));
  const address = server.address();
  const listening = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${listening}`,
    server,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
