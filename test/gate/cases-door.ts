// The door for someone without a key, case by case: what every kind of address answers, robots.txt, a site
// closed for want of SITE_USERS, and the login itself (refused, accepted, no open redirect, no login from
// another site). Web Request and Response only: run in Node (gate.unit.test.ts) and Deno (deno.ts).
import { doorPage, sessionCookie } from "../../src/model/door.ts";
import { handle } from "../../netlify/edge-functions/gate/handle.ts";
import {
  basic,
  check,
  cookieOf,
  env,
  equal,
  hour,
  loggedIn,
  loginRequest,
  now,
  opens,
  pageRequest,
  people,
  site,
  SITE_USERS,
  standIn,
  tell,
  users,
  type Case,
} from "./check.ts";

export const doorCases: Case[] = [
  {
    name: "a page asked for without a key gets the login page at that address: 401, never stored, nothing of the page",
    async run() {
      const context = standIn();
      const response = await handle(pageRequest("/posts/loslaten-en-regie/"), context, users, now);
      equal(response.status, 401, "status");
      equal(context.asked, [doorPage], "what the gate fetched");
      const body = await tell(response);
      check(body.includes("data-door-refusal hidden"), "the refusal is hidden on a first visit");
      check(!body.includes("Loslaten"), "the post is not in the answer");
      equal(response.headers.get("Cache-Control"), "no-store", "Cache-Control");
      equal(response.headers.get("X-Robots-Tag"), "noindex, nofollow", "X-Robots-Tag");
      equal(response.headers.get("WWW-Authenticate"), 'Cookie realm="leergang.example.org"', "the challenge");
      const [own, ...others] = (response.headers.get("Content-Security-Policy") ?? "").split(", ");
      check(
        /^default-src 'none'; style-src 'self'/.test(own!) && !/script-src|'unsafe/.test(own!),
        "its own CSP, no script",
      );
      equal(others, ["default-src 'self'"], "and the site's own, as Netlify served the page");
    },
  },
  {
    name: "every kind of address is behind it: 404s, the login page's own address, search index, cards, images",
    async run() {
      for (const path of ["/bestaat-niet/", "/404.html", "/zoeken/", "/posts/x/"]) {
        const response = await handle(pageRequest(path), standIn(), users, now);
        equal(response.status, 401, path);
        check((await tell(response)).includes("data-door-name"), `${path}: the login page`);
      }
      for (const path of ["/pagefind/pagefind.js", "/assets/cards/x.png", "/img/marjan.svg", "/assets/print.css"]) {
        const context = standIn();
        const response = await handle(new Request(`${site}${path}`), context, users, now);
        equal(response.status, 401, path);
        check(!context.asked.includes(path), `${path} was not fetched`);
      }
    },
  },
  {
    name: "feeds and calendars without a key: 401 with a Basic-Auth question, for feed readers and calendar apps",
    async run() {
      for (const path of ["/feed.xml", "/feed.json", "/bijeenkomsten.ics", "/posts/x/x.ics"]) {
        const response = await handle(pageRequest(path), standIn(), users, now);
        equal(response.status, 401, path);
        equal(response.headers.get("WWW-Authenticate"), 'Basic realm="leergang.example.org", charset="UTF-8"', path);
        check(!(await tell(response)).includes("Leergang"), `${path}: nothing of the site`);
      }
    },
  },
  {
    name: "the login page's own stylesheet reaches someone without a key; no other file does",
    async run() {
      const response = await handle(new Request(`${site}/assets/site.0123456789.css`), standIn(), users, now);
      equal(response.status, 200, "the door's stylesheet");
      equal(response.headers.get("Cache-Control"), "private, max-age=31536000, immutable", "its caching");
      equal(
        (await handle(new Request(`${site}/assets/print.css`), standIn(), users, now)).status,
        401,
        "another stylesheet",
      );
    },
  },
  {
    name: "robots.txt is the gate's own: stay out, whoever asks, even while the site is closed",
    async run() {
      for (const values of [users, env({})]) {
        const context = standIn();
        const response = await handle(new Request(`${site}/robots.txt`), context, values, now);
        equal([response.status, await response.text()], [200, "User-agent: *\nDisallow: /\n"], "robots.txt");
        equal(context.asked, [], "nothing fetched");
      }
    },
  },
  {
    name: "without SITE_USERS, or with one it cannot use, the site is closed: 503 for the facilitator, nothing of the site",
    async run() {
      for (const values of [env({}), env({ SITE_USERS: "  " }), env({ SITE_USERS: "zonder-dubbele-punt" })]) {
        for (const request of [
          pageRequest("/"),
          new Request(`${site}/feed.xml`, { headers: { Authorization: basic("groep", people.groep) } }),
          loginRequest("/", { name: "groep", password: people.groep }),
        ]) {
          const context = standIn();
          const response = await handle(request, context, values, now);
          equal(response.status, 503, `${request.method} ${request.url}`);
          check((await tell(response)).includes("SITE_USERS"), "names SITE_USERS");
          equal(context.asked, [], "nothing of the site fetched");
        }
      }
    },
  },
  {
    name: "a wrong password and an unknown name get the same answer: the login page again, the refusal shown, the name kept",
    async run() {
      const answers: string[] = [];
      for (const [name, password] of [
        ["groep", "fout"],
        ["onbekend", people.groep],
        ["marjan", people.groep],
        ["", ""],
      ]) {
        const response = await handle(
          loginRequest("/posts/x/", { name: name!, password: password! }),
          standIn(),
          users,
          now,
        );
        equal(response.status, 401, `${name}: status`);
        check(!response.headers.get("Set-Cookie"), `${name}: no cookie`);
        const body = await tell(response);
        check(
          body.includes("data-door-refusal>") && !body.includes("data-door-refusal hidden"),
          `${name}: refusal shown`,
        );
        check(body.includes(`data-door-name value="${name}"`), `${name}: the name kept`);
        answers.push(body.replace(`value="${name}"`, ""));
      }
      equal(new Set(answers).size, 1, "one answer for every mistake");
    },
  },
  {
    name: "what was typed comes back as text, never as markup; remember me stays ticked",
    async run() {
      const response = await handle(
        loginRequest("/", { name: `"><script>alert(1)</script>`, password: "x", remember: "1" }),
        standIn(),
        users,
        now,
      );
      const body = await response.text();
      check(!body.includes("<script>"), "no markup from the form");
      check(body.includes('value="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"'), "escaped");
      check(body.includes("data-door-remember checked"), "remember me kept");
    },
  },
  {
    name: "the right name and password: a signed session cookie, HttpOnly, Secure, SameSite=Lax, and back to the address asked for",
    async run() {
      const response = await handle(
        loginRequest("/posts/x/?q=regie", { name: "marjan", password: people.marjan }),
        standIn(),
        users,
        now,
      );
      equal(response.status, 303, "status");
      equal(response.headers.get("Location"), `${site}/posts/x/?q=regie`, "back to the address asked for");
      const cookie = response.headers.get("Set-Cookie") ?? "";
      check(cookie.startsWith(`${sessionCookie.name}=v1.`), "the cookie");
      for (const attribute of ["; Path=/", "; Secure", "; HttpOnly", "; SameSite=Lax"])
        check(cookie.includes(attribute), attribute);
      check(!cookie.includes("Max-Age") && !cookie.includes("Expires"), "ends with the browser");
      await tell(response);
    },
  },
  {
    name: "remember me: the cookie lasts 30 days; without it the signature ends the session after 12 hours",
    async run() {
      const response = await handle(
        loginRequest("/", { name: "groep", password: people.groep, remember: "1" }),
        standIn(),
        users,
        now,
      );
      check(response.headers.get("Set-Cookie")?.includes("; Max-Age=2592000"), "30 days");
      const remembered = cookieOf(response);
      check(await opens(remembered, users, now + 29 * 24 * hour), "after 29 days");
      check(!(await opens(remembered, users, now + 31 * 24 * hour)), "not after 31 days");
      const session = await loggedIn("groep");
      check(await opens(session, users, now + 11 * hour), "after 11 hours");
      check(!(await opens(session, users, now + 13 * hour)), "not after 13 hours");
    },
  },
  {
    name: "no open redirect: whatever the address, the way back stays on this site",
    async run() {
      for (const path of [
        "//elders.example/",
        "/\\elders.example/",
        "/%2F%2Felders.example/",
        "/./..//elders.example",
      ]) {
        const response = await handle(
          loginRequest(path, { name: "groep", password: people.groep }),
          standIn(),
          users,
          now,
        );
        const location = new URL(response.headers.get("Location") ?? "", "https://elsewhere.invalid/");
        equal(location.origin, site, `after a login at ${path}`);
      }
    },
  },
  {
    name: "a login form sent from another site is refused",
    async run() {
      for (const headers of [
        { "Sec-Fetch-Site": "cross-site" },
        { "Sec-Fetch-Site": "", Origin: "https://elders.example" },
      ]) {
        const response = await handle(
          loginRequest("/", { name: "groep", password: people.groep }, headers as Record<string, string>),
          standIn(),
          users,
          now,
        );
        equal(response.status, 403, JSON.stringify(headers));
        check(!response.headers.get("Set-Cookie"), "no cookie");
      }
    },
  },
];
