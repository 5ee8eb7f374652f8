// What the door's cases need to run under Node (vitest) and Deno (`deno test`) alike: a small assert, a
// stand-in for Netlify's origin and context, the SITE_USERS of the cases, and the steps they share (log in,
// open a page with a cookie, look for secrets in an answer). Web APIs only.
import { doorPage } from "../../src/model/door.ts";
import { handle, type EdgeContext, type Env } from "../../netlify/edge-functions/gate/handle.ts";

export class Failure extends Error {}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Failure(message);
}

export function equal<T>(actual: T, expected: T, what: string): void {
  const [a, b] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== b) throw new Failure(`${what}: expected ${b}, got ${a}`);
}

export const people = { groep: "Zeer-Geheim-Wachtwoord-2026", marjan: "Nog.Een_Geheim!", "kees;b": "derde-persoon-42" };
export const SITE_USERS = Object.entries(people)
  .map(([name, password]) => `${name}:${password}`)
  .join(" ");
export const SITE_SECRET = "een-lang-willekeurig-geheim-van-de-begeleider-0123456789";
export const site = "https://leergang.example.org";

/** The built door page, as far as the gate reads it (layouts/pages/door.njk writes the real one). */
export const doorHtml = `<!doctype html><html lang="nl"><head><title>Inloggen — Leergang</title>
<link rel="stylesheet" href="/assets/site.0123456789.css"></head><body><main>
<form method="post"><p id="door-refusal" data-door-refusal hidden>Deze naam en dit wachtwoord horen niet bij elkaar.</p>
<input id="door-name" name="name" data-door-name><input id="door-password" name="password" type="password">
<input id="door-remember" name="remember" type="checkbox" value="1" data-door-remember></form></main></body></html>`;

/** The site's files, as Netlify's origin answers them (headers as netlify.toml sets them). */
export const files: Record<string, { body: string; type: string; cache: string }> = {
  [doorPage]: { body: doorHtml, type: "text/html; charset=utf-8", cache: "public, max-age=0, must-revalidate" },
  "/posts/loslaten-en-regie/": {
    body: "<h1>Loslaten en regie houden</h1>",
    type: "text/html; charset=utf-8",
    cache: "public, max-age=0, must-revalidate",
  },
  "/assets/site.0123456789.css": { body: "body{}", type: "text/css", cache: "public, max-age=31536000, immutable" },
  "/assets/print.css": { body: "@media print{}", type: "text/css", cache: "public, max-age=31536000, immutable" },
  "/feed.xml": { body: "<feed><title>Leergang</title></feed>", type: "application/xml", cache: "" },
};

/** Netlify's context as the gate uses it: `next()` answers from `files`, and says which paths it was asked for. */
export function standIn(options: { missingDoor?: boolean } = {}): EdgeContext & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async next(request: Request) {
      const path = new URL(request.url).pathname;
      asked.push(path);
      const file = path === doorPage && options.missingDoor ? undefined : files[path];
      if (!file) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/html" } });
      const headers: Record<string, string> = {
        "Content-Type": file.type,
        "Content-Security-Policy": "default-src 'self'",
      };
      if (file.cache) headers["Cache-Control"] = file.cache;
      return new Response(file.body, { headers });
    },
  };
}

export const env = (values: Record<string, string>): Env => ({ get: (name) => values[name] });

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** A browser's login POST to `path`: the form of the door, sent back to the address it was shown at. */
export const loginRequest = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  new Request(`${site}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin", ...headers },
    body: form(fields),
  });

/** A browser opening a page. */
export const pageRequest = (path: string, headers: Record<string, string> = {}) =>
  new Request(`${site}${path}`, { headers: { "Sec-Fetch-Dest": "document", Accept: "text/html", ...headers } });

export const basic = (name: string, password: string) => `Basic ${btoa(`${name}:${password}`)}`;

/** The session cookie a Set-Cookie header carries, as the browser would send it back. */
export function cookieOf(response: Response): string {
  const line = response.headers.get("Set-Cookie");
  check(line, `no Set-Cookie on a ${response.status}`);
  return line.split(";")[0]!;
}

export interface Case {
  name: string;
  run(): Promise<void>;
}

export const users = env({ SITE_USERS });
export const hour = 3600_000;
export const now = Date.UTC(2026, 11, 1, 9);
const secrets = [...Object.values(people), SITE_SECRET];

/** Nothing of a password or the secret in what the gate answers, headers included. */
export async function tell(response: Response): Promise<string> {
  const body = await response.clone().text();
  const shown = `${[...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${body}`;
  for (const secret of secrets) check(!shown.includes(secret), `a secret appears in a ${response.status} answer`);
  return body;
}

/** Logs `name` in (remember or not) at `path` and returns the cookie the browser would keep. */
export async function loggedIn(
  name: keyof typeof people,
  options: { remember?: boolean; path?: string; env?: typeof users; at?: number } = {},
) {
  const fields: Record<string, string> = { name, password: people[name] };
  if (options.remember) fields.remember = "1";
  const response = await handle(
    loginRequest(options.path ?? "/", fields),
    standIn(),
    options.env ?? users,
    options.at ?? now,
  );
  equal(response.status, 303, "a right name and password");
  return cookieOf(response);
}

export async function opens(
  cookie: string,
  values = users,
  at = now,
  path = "/posts/loslaten-en-regie/",
): Promise<boolean> {
  const response = await handle(pageRequest(path, { Cookie: cookie }), standIn(), values, at);
  await tell(response);
  return response.status === 200;
}
