// What the door answers: the login page (the build's, with the refusal shown when a name or password was
// wrong), the Basic-Auth question for feed readers and calendar apps, robots.txt, the page for a site that
// is closed until SITE_USERS is set, and what it lets through, marked for one person's browser only.
//
// Netlify applies the [[headers]] of netlify.toml and _headers only to files it serves itself, not to what
// an edge function makes (https://docs.netlify.com/manage/routing/headers/, "Limitations";
// https://docs.netlify.com/build/edge-functions/limits/, "Feature limitations"), so every answer made here
// carries its own: no caching anywhere, no robots, no framing, and a Content-Security-Policy as strict as
// the page allows (the login page loads one stylesheet and nothing else; no script anywhere).
import { doorMarks } from "../../../src/model/door.ts";

/** For every answer the gate makes itself. */
const own = {
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex, nofollow",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  // Nothing of an address to other sites; the login form's own POST keeps its Origin (handle.ts checks it).
  "Referrer-Policy": "same-origin",
};
const noContent = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const doorPolicy =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, {
    status,
    headers: { ...own, "Content-Type": "text/plain; charset=utf-8", "Content-Security-Policy": noContent, ...headers },
  });

/** Robots learn nothing from a private site, not even what its own robots.txt says: stay out, everywhere. */
export const robots = () => text(200, "User-agent: *\nDisallow: /\n");

/**
 * Feeds, calendars and everything that is not a page: 401 with a Basic-Auth question, so a feed reader or
 * calendar app asks for a name and password once and sends them along (RFC 7617).
 */
export const basicQuestion = (host: string) =>
  text(401, "Log in met je naam en wachtwoord. / Log in with your name and password.\n", {
    "WWW-Authenticate": `Basic realm="${host}", charset="UTF-8"`,
  });

/** A form sent from another site: never a login (a page elsewhere cannot log anyone in or out here). */
export const otherSite = () => text(403, "Dit formulier hoort bij deze site. / This form belongs to this site.\n");

/** 303: after a login to the address that was asked for, after a log-out to the start; never anywhere else. */
export function seeOther(location: string, cookie?: string, extra: Record<string, string> = {}): Response {
  const headers = new Headers({ ...own, "Content-Security-Policy": noContent, Location: location, ...extra });
  if (cookie) headers.append("Set-Cookie", cookie);
  return new Response(null, { status: 303, headers });
}

const closedWhy = {
  missing: {
    nl: "Deze site is gesloten totdat SITE_USERS is ingesteld.",
    en: "This site is closed until SITE_USERS is set.",
    fix: "Voor de begeleider / for the facilitator: Netlify → Site configuration → Environment variables → SITE_USERS, met de scope Functions (of alle scopes) / with the Functions scope (or all scopes); daarna / then Deploys → Trigger deploy. docs/privacy.md, “Een afgeschermde site instellen”.",
  },
  unusable: {
    nl: "Deze site is gesloten: SITE_USERS is niet te gebruiken.",
    en: "This site is closed: SITE_USERS cannot be used.",
    fix: "Voor de begeleider / for the facilitator: het log van de laatste build zegt wat er niet klopt / the last build's log says what is wrong; verbeter het in Netlify → Site configuration → Environment variables → SITE_USERS / correct it there, and deploy again.",
  },
  noDoor: {
    nl: "Deze site is gesloten: de inlogpagina ontbreekt in deze deploy.",
    en: "This site is closed: this deploy has no login page.",
    fix: "Voor de begeleider / for the facilitator: Deploys → Trigger deploy.",
  },
} as const;

/**
 * 503 for the facilitator: the door cannot tell who may come in, so nobody does. It names what to set
 * and where, and shows nothing of the site (not even its name: the site's own words are behind the door).
 */
export function closed(why: keyof typeof closedWhy): Response {
  const { nl, en, fix } = closedWhy[why];
  return text(503, `${nl}\n${en}\n\n${fix}\n`, { "Retry-After": "600" });
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** What the person typed, when the door refused it: shown again, with the refusal, except the password. */
export interface Refusal {
  name: string;
  remember: boolean;
}

/**
 * The login page at the address that was asked for: 401, since the address needs a key (RFC 9110 §15.5.2).
 * A 401 must name a way to authenticate; the door's is a form and a cookie, a scheme no browser knows, so
 * the browser shows the page instead of its own name-and-password box.
 */
export async function door(page: Response, host: string, refusal?: Refusal): Promise<Response> {
  let html = await page.text();
  if (refusal) {
    html = html
      .replace(doorMarks.refusal, doorMarks.refusal.replace(" hidden", ""))
      .replace(doorMarks.name, `${doorMarks.name} value="${escapeHtml(refusal.name)}"`)
      .replace(doorMarks.remember, refusal.remember ? `${doorMarks.remember} checked` : doorMarks.remember);
  }
  const headers = new Headers({
    ...own,
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": doorPolicy,
    "WWW-Authenticate": `Cookie realm="${host}"`,
  });
  // The site's own policy too, where Netlify gave the page one: a browser enforces every policy it gets
  // (https://www.w3.org/TR/CSP3/#multiple-policies), so the login page runs under the site's and its own.
  const site = page.headers.get("Content-Security-Policy");
  if (site) headers.append("Content-Security-Policy", site);
  return new Response(html, { status: 401, headers });
}

/** The stylesheets the login page links: the only files anyone may fetch without a key. */
export function stylesheetsOf(html: string): string[] {
  return [...html.matchAll(/<link rel="stylesheet" href="(\/[^"]+)">/g)].map((match) => match[1]!);
}

/**
 * `Cache-Control` for what the door lets through: for this browser only (`private`), never a shared cache
 * such as a hospital's inspecting proxy (RFC 9111 §5.2.2.7). Fingerprinted files keep their year.
 */
export function privately(cacheControl: string | null): string {
  const kept = (cacheControl ?? "")
    .split(",")
    .map((directive) => directive.trim())
    .filter((directive) => directive && !/^(public|private|s-maxage=\d+|proxy-revalidate)$/i.test(directive));
  return ["private", ...(kept.length ? kept : ["max-age=0", "must-revalidate"])].join(", ");
}

/** What a person with a key gets: the site's own answer, for their browser only, and still not for robots. */
export function letThrough(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", privately(headers.get("Cache-Control")));
  // Netlify's instructions for its own CDN (https://docs.netlify.com/build/caching/caching-overview/): the
  // CDN keeps nothing of what a key opened.
  for (const name of ["CDN-Cache-Control", "Netlify-CDN-Cache-Control", "Netlify-Vary"]) headers.delete(name);
  headers.set("X-Robots-Tag", "noindex, nofollow");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
