// The door of a private site: the names the build and the door (netlify/edge-functions/gate/) agree on.
// The build writes the login page at `doorPage` and declares the gate on `gatePath`; the gate serves that
// page at whatever address was asked for, shows `doorMarks` on a refusal, answers the log-out addresses,
// and keeps a person in with `sessionCookie`. One place, so the two can never drift apart.
//
// Web APIs only: the gate imports this module and runs on Deno (Netlify Edge Functions).
import type { Lang } from "./languages.ts";

/** The edge function the build declares for a private site: its name, its file, and the paths it covers. */
export const gate = {
  /** Netlify names an edge function after its folder under netlify/edge-functions/. */
  name: "gate",
  file: "netlify/edge-functions/gate/gate.ts",
  path: "/*",
} as const;

/** Where the build writes the login page; nobody opens it there: the gate shows it at the address asked for. */
export const doorPage = "/door/";

/** The log-out address in each language (the footer of a private site links the site's own). */
export const logoutAddresses: Readonly<Record<Lang, string>> = { nl: "/uitloggen/", en: "/logout/" };

/**
 * What the gate changes in the login page it serves (layouts/pages/door.njk writes each mark exactly
 * so): the refusal message shown, the name typed kept, "remember me" kept ticked.
 */
export const doorMarks = {
  refusal: " data-door-refusal hidden",
  name: " data-door-name",
  remember: " data-door-remember",
} as const;

/** The login form's fields. */
export const doorFields = { name: "name", password: "password", remember: "remember" } as const;

/**
 * The session cookie. `__Host-` asks the browser to accept it only with Secure, Path=/ and no Domain
 * (https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Set-Cookie#cookie_prefixes).
 */
export const sessionCookie = {
  name: "__Host-door",
  /** "Remember me on this device": a cookie that outlives the browser. */
  rememberSeconds: 30 * 24 * 60 * 60,
  /**
   * Without "remember me" the cookie ends with the browser; its signature ends it after this long
   * all the same, for a browser that is never closed (a shared computer on a ward).
   */
  sessionSeconds: 12 * 60 * 60,
} as const;
