// The door of a private site, request by request: who is this (a session cookie, or Basic-Auth for feed
// readers and calendar apps), and what do they get — the site, the login page at the address they asked
// for, a Basic-Auth question, or, while SITE_USERS cannot be read, a closed door for everyone.
//
// Fails closed: nothing here lets a request through unless a name and password of SITE_USERS, or a cookie
// signed for one, came with it; and Netlify answers with an error, not the site, if this code throws
// (`onError` defaults to "fail": https://docs.netlify.com/build/edge-functions/declarations/).
import { SiteUsers, type Person } from "../../../src/model/site-users.ts";
import { doorFields, doorPage, logoutAddresses, sessionCookie } from "../../../src/model/door.ts";
import { basicQuestion, closed, door, letThrough, otherSite, robots, seeOther, stylesheetsOf } from "./answers.ts";
import { personWith, SessionKeys } from "./keys.ts";

/** Netlify's `Netlify.env` (https://docs.netlify.com/build/edge-functions/api/#netlify-global-object). */
export interface Env {
  get(name: string): string | undefined;
}

/** What the gate uses of Netlify's Context (https://docs.netlify.com/build/edge-functions/api/#netlify-specific-context-object). */
export interface EdgeContext {
  /**
   * The next step of Netlify's chain: here always with a request, which Netlify lets name another path of
   * the same site (a rewrite) — the login page — or the one asked for.
   */
  next(request: Request, options?: { sendConditionalRequest?: boolean }): Promise<Response>;
}

/** Files for programs rather than people: a feed reader or calendar app can answer a Basic-Auth question. */
const forPrograms = /\.(xml|json|ics)$/i;

/** A browser opening a page (its Fetch Metadata, else its Accept header), as opposed to loading a file. */
function opensPage(request: Request, path: string): boolean {
  if (forPrograms.test(path)) return false;
  const destination = request.headers.get("Sec-Fetch-Dest");
  if (destination) return destination === "document";
  return /\btext\/html\b/.test(request.headers.get("Accept") ?? "");
}

function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

/** `Authorization: Basic …` (or `name:password@` in the address, which clients turn into that header). */
function basicCredentials(request: Request): { name: string; password: string } | undefined {
  const encoded = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(request.headers.get("Authorization") ?? "")?.[1];
  if (!encoded) return undefined;
  try {
    const decoded = atob(encoded);
    const colon = decoded.indexOf(":");
    return colon === -1 ? undefined : { name: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  } catch {
    return undefined;
  }
}

const setCookie = (value: string, maxAge?: number) =>
  `${sessionCookie.name}=${value}; Path=/; Secure; HttpOnly; SameSite=Lax${maxAge === undefined ? "" : `; Max-Age=${maxAge}`}`;

/**
 * The address asked for, whole and on this site: the origin is the request's own, and the path is appended
 * as text (never resolved, so `//elsewhere.example` stays a path here). No open redirect.
 */
const sameAddress = (url: URL) => `${url.origin}${url.pathname}${url.search}`;

/**
 * A form sent by a page of another site (login CSRF): Fetch Metadata where the browser sends it
 * (https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Sec-Fetch-Site), else the Origin.
 */
function fromOtherSite(request: Request, url: URL): boolean {
  const site = request.headers.get("Sec-Fetch-Site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = request.headers.get("Origin");
  return origin !== null && origin !== url.origin;
}

/** The login form, when this request is one (fields by name; anything else is not a login). */
async function loginForm(request: Request): Promise<{ name: string; password: string; remember: boolean } | undefined> {
  if (request.method !== "POST") return undefined;
  if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers.get("Content-Type") ?? "")) return undefined;
  // A name and a password are short: a larger body is not a login, and is not read.
  if (Number(request.headers.get("Content-Length") ?? 0) > 4096) return undefined;
  const body = await request.clone().text();
  if (body.length > 4096) return undefined;
  const form = new URLSearchParams(body);
  const name = form.get(doorFields.name);
  const password = form.get(doorFields.password);
  if (name === null || password === null) return undefined;
  return { name: name.trim(), password, remember: form.get(doorFields.remember) !== null };
}

/** The login page as the build wrote it, through Netlify's chain (a same-site rewrite); undefined if it is not there. */
async function doorPageFor(request: Request, url: URL, context: EdgeContext): Promise<Response | undefined> {
  const page = await context.next(new Request(`${url.origin}${doorPage}`, { headers: { Accept: "text/html" } }));
  return page.status === 200 ? page : undefined;
}

/** Answers one request to a private site. `env` is read before anything else, once per request. */
export async function handle(
  request: Request,
  context: EdgeContext,
  env: Env,
  now: number = Date.now(),
): Promise<Response> {
  const users = SiteUsers.from(env.get("SITE_USERS"));
  const siteSecret = env.get("SITE_SECRET");
  const url = new URL(request.url);
  const seconds = Math.floor(now / 1000);

  if (url.pathname === "/robots.txt") return robots();
  if (!users) return closed("missing");
  if (users.problems.length) return closed("unusable");
  const people = users.people();
  const keys = new SessionKeys(people, siteSecret);

  if (Object.values(logoutAddresses).includes(url.pathname)) {
    // Clear-Site-Data: the browser also forgets the pages it kept (https://www.w3.org/TR/clear-site-data/).
    return seeOther(`${url.origin}/`, setCookie("", 0), { "Clear-Site-Data": '"cache"' });
  }

  const login = await loginForm(request);
  if (login) {
    if (fromOtherSite(request, url)) return otherSite();
    const person = await personWith(people, login.name, login.password);
    if (person) {
      const lifetime = login.remember ? sessionCookie.rememberSeconds : sessionCookie.sessionSeconds;
      const value = await keys.cookie(person, seconds + lifetime);
      return seeOther(sameAddress(url), setCookie(value, login.remember ? lifetime : undefined));
    }
    const page = await doorPageFor(request, url, context);
    return page ? door(page, url.host, { name: login.name, remember: login.remember }) : closed("noDoor");
  }

  const basic = basicCredentials(request);
  const person: Person | undefined =
    (await keys.person(cookieValue(request, sessionCookie.name), seconds)) ??
    (basic ? await personWith(people, basic.name, basic.password) : undefined);
  if (person) {
    // The login page has nothing to offer someone who is in.
    if (url.pathname === doorPage) return seeOther(`${url.origin}/`);
    return letThrough(await context.next(request, { sendConditionalRequest: true }));
  }

  if (/\.css$/i.test(url.pathname) && (request.method === "GET" || request.method === "HEAD")) {
    // The login page's own stylesheet: the one thing that reaches someone without a key.
    const page = await doorPageFor(request, url, context);
    if (page && stylesheetsOf(await page.text()).includes(url.pathname))
      return letThrough(await context.next(request, { sendConditionalRequest: true }));
  }

  if ((request.method === "GET" || request.method === "HEAD") && opensPage(request, url.pathname)) {
    const page = await doorPageFor(request, url, context);
    return page ? door(page, url.host) : closed("noDoor");
  }
  return basicQuestion(url.host);
}
