// The door for someone with a key, case by case: the session cookie (what it opens, how long, who it stops
// opening for, that it cannot be forged), Basic-Auth for feed readers, log-out, constant work, Netlify's
// entry reading Netlify.env. Web Request and Response only: run in Node (gate.unit.test.ts) and Deno (deno.ts).
import { doorPage } from "../../src/model/door.ts";
import gate from "../../netlify/edge-functions/gate/gate.ts";
import { handle } from "../../netlify/edge-functions/gate/handle.ts";
import { privately } from "../../netlify/edge-functions/gate/answers.ts";
import {
  basic,
  check,
  env,
  equal,
  files,
  loggedIn,
  now,
  opens,
  pageRequest,
  people,
  site,
  SITE_SECRET,
  SITE_USERS,
  standIn,
  users,
  type Case,
} from "./check.ts";

export const keyCases: Case[] = [
  {
    name: "with the cookie every address opens, marked for that browser only; fingerprinted files keep their year",
    async run() {
      const cookie = await loggedIn("groep");
      const context = standIn();
      const page = await handle(
        pageRequest("/posts/loslaten-en-regie/", { Cookie: `other=1; ${cookie}` }),
        context,
        users,
        now,
      );
      equal([page.status, await page.text()], [200, files["/posts/loslaten-en-regie/"]!.body], "the page");
      equal(page.headers.get("Cache-Control"), "private, max-age=0, must-revalidate", "the page's caching");
      equal(page.headers.get("X-Robots-Tag"), "noindex, nofollow", "robots");
      equal(page.headers.get("Content-Security-Policy"), "default-src 'self'", "the site's own headers kept");
      const css = await handle(
        new Request(`${site}/assets/print.css`, { headers: { Cookie: cookie } }),
        standIn(),
        users,
        now,
      );
      equal(css.headers.get("Cache-Control"), "private, max-age=31536000, immutable", "an asset's caching");
      const feed = await handle(
        new Request(`${site}/feed.xml`, { headers: { Cookie: cookie } }),
        standIn(),
        users,
        now,
      );
      equal(feed.headers.get("Cache-Control"), "private, max-age=0, must-revalidate", "no Cache-Control of its own");
      const door = await handle(pageRequest(doorPage, { Cookie: cookie }), standIn(), users, now);
      equal([door.status, door.headers.get("Location")], [303, `${site}/`], "the login page, once in");
    },
  },
  {
    name: "a cookie opens nothing once its person is taken out of SITE_USERS, or their password changes",
    async run() {
      const cookie = await loggedIn("marjan");
      const without = env({ SITE_USERS: `groep:${people.groep}` });
      check(!(await opens(cookie, without)), "taken out");
      const changed = env({ SITE_USERS: `groep:${people.groep} marjan:een-nieuw-wachtwoord` });
      check(!(await opens(cookie, changed)), "a new password");
    },
  },
  {
    name: "with SITE_SECRET, taking one person out leaves the others in; without it, any change to SITE_USERS asks everyone again",
    async run() {
      const withSecret = env({ SITE_USERS, SITE_SECRET });
      const cookie = await loggedIn("groep", { env: withSecret });
      const fewer = `groep:${people.groep} marjan:${people.marjan}`;
      check(await opens(cookie, env({ SITE_USERS: fewer, SITE_SECRET })), "SITE_SECRET: still in");
      check(!(await opens(cookie, env({ SITE_USERS: fewer, SITE_SECRET: `${SITE_SECRET}x` }))), "a new SITE_SECRET");
      const plain = await loggedIn("groep");
      check(!(await opens(plain, env({ SITE_USERS: fewer }))), "without SITE_SECRET: asked again");
    },
  },
  {
    name: "a cookie cannot be made, changed or stretched: another name, a later end, another signature — all refused",
    async run() {
      const cookie = await loggedIn("groep", { remember: true });
      const [name, value] = cookie.split("=") as [string, string];
      const [version, expires, person, signature] = value.split(".") as [string, string, string, string];
      const forged = [
        [version, expires, btoa("marjan").replace(/=+$/, ""), signature],
        [version, String(Number(expires) + 86400 * 365), person, signature],
        [version, expires, person, `${signature.slice(0, -2)}AA`],
        [version, expires, person, ""],
        ["v2", expires, person, signature],
      ];
      for (const parts of forged) check(!(await opens(`${name}=${parts.join(".")}`)), `refused: ${parts.join(".")}`);
      check(!(await opens(`${name}=`)), "empty");
      check(!(await opens(`other-cookie=${value}`)), "another cookie's name");
    },
  },
  {
    name: "Basic-Auth opens every address, as feed readers send it (a header, or name:password@ in the address)",
    async run() {
      for (const [name, password] of Object.entries(people)) {
        const response = await handle(
          new Request(`${site}/feed.xml`, { headers: { Authorization: basic(name, password) } }),
          standIn(),
          users,
          now,
        );
        equal(response.status, 200, `${name}: the feed`);
        check(!response.headers.get("Set-Cookie"), "no cookie for a feed reader");
      }
      for (const authorization of [
        basic("groep", "fout"),
        basic("groep", `${people.groep} `),
        "Basic !!!",
        "Bearer x",
        basic("groep", ""),
      ]) {
        const response = await handle(
          new Request(`${site}/feed.xml`, { headers: { Authorization: authorization } }),
          standIn(),
          users,
          now,
        );
        equal(response.status, 401, authorization);
      }
    },
  },
  {
    name: "log out: the cookie goes, the browser forgets what it kept, and the next page asks again",
    async run() {
      const cookie = await loggedIn("groep", { remember: true });
      for (const path of ["/uitloggen/", "/logout/"]) {
        const response = await handle(pageRequest(path, { Cookie: cookie }), standIn(), users, now);
        equal([response.status, response.headers.get("Location")], [303, `${site}/`], path);
        check(/^__Host-door=; .*Max-Age=0/.test(response.headers.get("Set-Cookie") ?? ""), "cookie cleared");
        equal(response.headers.get("Clear-Site-Data"), '"cache"', "Clear-Site-Data");
      }
    },
  },
  {
    name: "without the login page in the deploy the site stays closed",
    async run() {
      const response = await handle(pageRequest("/"), standIn({ missingDoor: true }), users, now);
      equal(response.status, 503, "status");
      check(!(await response.text()).includes("<form"), "no form");
    },
  },
  {
    name: "a wrong name, a wrong password and the right pair cost the same work",
    async run() {
      const subtle = crypto.subtle;
      const original = subtle.sign.bind(subtle);
      let signs = 0;
      Object.defineProperty(subtle, "sign", {
        configurable: true,
        value: (...args: Parameters<SubtleCrypto["sign"]>) => {
          signs++;
          return original(...args);
        },
      });
      try {
        const counted: number[] = [];
        for (const [name, password] of [
          ["groep", people.groep],
          ["groep", "fout"],
          ["onbekend", "fout"],
          ["kees;b", people["kees;b"]],
          ["", people.marjan],
        ]) {
          signs = 0;
          await handle(
            new Request(`${site}/feed.xml`, { headers: { Authorization: basic(name!, password!) } }),
            standIn(),
            users,
            now,
          );
          counted.push(signs);
        }
        equal(new Set(counted).size, 1, `signatures per check ${JSON.stringify(counted)}`);
        check(counted[0]! >= 2 + 2 * Object.keys(people).length, "every person compared");
      } finally {
        delete (subtle as { sign?: unknown }).sign;
      }
    },
  },
  {
    name: "Netlify's entry (the default export) reads SITE_USERS from Netlify.env at request time",
    async run() {
      const global = globalThis as { Netlify?: unknown };
      const before = global.Netlify;
      try {
        global.Netlify = { env: env({}) };
        equal((await gate(pageRequest("/"), standIn())).status, 503, "not set");
        global.Netlify = { env: users };
        equal((await gate(pageRequest("/"), standIn())).status, 401, "set");
      } finally {
        global.Netlify = before;
      }
    },
  },
  {
    name: "Cache-Control for what is let through is private, whatever the site's rule said",
    async run() {
      equal(privately("public, max-age=31536000, immutable"), "private, max-age=31536000, immutable", "assets");
      equal(privately("public, max-age=0, must-revalidate"), "private, max-age=0, must-revalidate", "pages");
      equal(privately(null), "private, max-age=0, must-revalidate", "none");
      equal(privately("public, s-maxage=600, max-age=60"), "private, max-age=60", "s-maxage dropped");
    },
  },
];
