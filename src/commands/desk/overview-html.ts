// `npm run overview -- --html FILE`: the figures as one standalone page in the site's language —
// styles inside, no script, light and dark, tables with captions and headers for screen readers.
// It names people, so it is written where the facilitator says, never into the site (src/commands/desk/
// overview-file.ts decides where it may go).
import { escapeHtml } from "../../markdown/escape-html.ts";
import type { Overview } from "./overview.ts";
import type { Lang } from "../../model/languages.ts";
import { longDate, shortDateTime } from "../../i18n/dates.ts";

const words = {
  nl: {
    title: (site: string) => `Deelname — ${site}`,
    heading: "Deelname aan de gesprekken",
    made: (when: string, repo: string, category: string) =>
      `Gemaakt op ${when}, uit ${repo} (categorie “${category}”).`,
    facilitators: (names: string) => `Begeleiding: ${names}; hun reacties tellen niet als deelname.`,
    noFacilitators: "Geen begeleiding bekend: zet `github:` bij een auteur in content/_data/authors.yaml.",
    private:
      "Dit overzicht noemt deelnemers bij naam. Houd het voor jezelf: zet het niet online en niet in de repository.",
    notYetTitle: "Nog niet op het nieuwste bericht",
    notYet: (title: string) => `Reageerden op eerdere berichten, nog niet op “${title}”:`,
    everyone: (title: string) => `Iedereen die op eerdere berichten reageerde, reageerde ook op “${title}”.`,
    postsTitle: "Per bericht",
    postsCaption: "Reacties per bericht, nieuwste bericht eerst",
    post: "Bericht",
    date: "Datum",
    responses: "Reacties",
    participants: "Deelnemers",
    byFacilitators: "Van de begeleiding",
    unanswered: "Nog niet beantwoord",
    last: "Laatste reactie",
    closed: "gesloten",
    noDiscussion: "nog geen gesprek",
    peopleTitle: "Per deelnemer",
    peopleCaption: "Reacties per deelnemer, meeste eerst",
    person: "Deelnemer",
    postsCount: "Berichten",
    perPost: "Per bericht",
    nobody: "Nog niemand heeft gereageerd.",
  },
  en: {
    title: (site: string) => `Participation — ${site}`,
    heading: "Participation in the conversations",
    made: (when: string, repo: string, category: string) => `Made on ${when}, from ${repo} (category “${category}”).`,
    facilitators: (names: string) => `Facilitators: ${names}; their responses do not count as participation.`,
    noFacilitators: "No facilitators known: add `github:` to an author in content/_data/authors.yaml.",
    private: "This overview names participants. Keep it to yourself: do not put it online or in the repository.",
    notYetTitle: "Not yet on the latest post",
    notYet: (title: string) => `Responded to earlier posts, not yet to “${title}”:`,
    everyone: (title: string) => `Everyone who responded to earlier posts has responded to “${title}” too.`,
    postsTitle: "Per post",
    postsCaption: "Responses per post, newest post first",
    post: "Post",
    date: "Date",
    responses: "Responses",
    participants: "Participants",
    byFacilitators: "By facilitators",
    unanswered: "Not answered yet",
    last: "Last response",
    closed: "closed",
    noDiscussion: "no conversation yet",
    peopleTitle: "Per participant",
    peopleCaption: "Responses per participant, most first",
    person: "Participant",
    postsCount: "Posts",
    perPost: "Per post",
    nobody: "Nobody has responded yet.",
  },
} satisfies Record<Lang, unknown>;

/** The same light and dark colours as the site (layouts/css/base.css), in a page of its own. */
const STYLE = `
:root { color-scheme: light dark; --bg: #f7f5f0; --surface: #fff; --text: #1f2523; --muted: #56605c; --accent: #2b6a59; --border: #e0dbd0; --focus: #c2410c; }
@media (prefers-color-scheme: dark) { :root { --bg: #181c1b; --surface: #212725; --text: #e6ebe9; --muted: #a6b1ad; --accent: #86cbb5; --border: #323a37; --focus: #fb923c; } }
body { margin: 0; background: var(--bg); color: var(--text); font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; }
p { margin: .4rem 0; }
.muted { color: var(--muted); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.scroll { overflow-x: auto; background: var(--surface); border: 1px solid var(--border); border-radius: .5rem; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; padding: .6rem .75rem 0; color: var(--muted); }
th, td { padding: .45rem .75rem; border-bottom: 1px solid var(--border); vertical-align: top; text-align: left; }
td.n, th.n { text-align: right; white-space: nowrap; }
td.d { white-space: nowrap; }
ul.per-post { margin: 0; padding: 0; list-style: none; }
ul.per-post li { white-space: nowrap; }
thead th { font-size: .9rem; white-space: nowrap; }
tbody th { font-weight: 600; min-width: 9rem; }
tbody tr:last-child > * { border-bottom: 0; }
ul.names { margin: .4rem 0; padding-left: 1.25rem; columns: 12rem; }
`;

export function overviewHtml(overview: Overview, site: { title: string; lang: Lang; timezone: string }): string {
  const w = words[site.lang];
  const when = (iso: string | null) => (iso ? shortDateTime(new Date(iso), site.lang, site.timezone) : "—");
  const day = (ymd: string) => longDate(new Date(`${ymd}T12:00:00Z`), site.lang, "UTC");
  const profile = (login: string) =>
    `<a href="https://github.com/${encodeURIComponent(login)}">${escapeHtml(login)}</a>`;
  // A table wider than a phone scrolls inside its own region, named by its caption, which the keyboard can reach too.
  const region = (id: string, caption: string, table: string) =>
    `<section class="scroll" aria-labelledby="${id}" tabindex="0"><table><caption id="${id}">${escapeHtml(caption)}</caption>${table}</table></section>`;
  const out: string[] = [];
  out.push(`<h1>${escapeHtml(w.heading)}</h1>`);
  out.push(
    `<p class="muted">${escapeHtml(w.made(when(overview.generatedAt), overview.repo, overview.category))} ${escapeHtml(overview.facilitators.length ? w.facilitators(overview.facilitators.join(", ")) : w.noFacilitators)}</p>`,
  );
  out.push(`<p><strong>${escapeHtml(w.private)}</strong></p>`);
  if (overview.latest) {
    out.push(`<section aria-labelledby="not-yet"><h2 id="not-yet">${escapeHtml(w.notYetTitle)}</h2>`);
    out.push(
      overview.notYetOnLatest.length
        ? `<p>${escapeHtml(w.notYet(overview.latest.title))}</p><ul class="names">${overview.notYetOnLatest.map((login) => `<li>${profile(login)}</li>`).join("")}</ul>`
        : `<p>${escapeHtml(w.everyone(overview.latest.title))}</p>`,
    );
    out.push("</section>");
  }
  const postRows = overview.posts.map((p) => {
    const name = `<a href="${escapeHtml(p.url)}">${escapeHtml(p.title)}</a>${p.open ? "" : ` <span class="muted">(${escapeHtml(w.closed)})</span>`}`;
    const figures =
      p.discussion || p.responses
        ? [p.responses, p.participants, p.facilitatorReplies, p.unanswered]
            .map((n) => `<td class="n">${n}</td>`)
            .join("") + `<td class="d">${escapeHtml(when(p.lastActivity))}</td>`
        : `<td class="n">0</td><td class="n">—</td><td class="n">—</td><td class="n">—</td><td class="muted">${escapeHtml(w.noDiscussion)}</td>`;
    return `<tr><th scope="row">${name}</th><td class="d">${escapeHtml(day(p.date))}</td>${figures}</tr>`;
  });
  const heads = (names: string[], numeric: number[]) =>
    names.map((h, i) => `<th scope="col"${numeric.includes(i) ? ' class="n"' : ""}>${escapeHtml(h)}</th>`).join("");
  const postHead = heads(
    [w.post, w.date, w.responses, w.participants, w.byFacilitators, w.unanswered, w.last],
    [2, 3, 4, 5],
  );
  out.push(`<h2>${escapeHtml(w.postsTitle)}</h2>`);
  out.push(
    region("per-post", w.postsCaption, `<thead><tr>${postHead}</tr></thead><tbody>${postRows.join("")}</tbody>`),
  );
  out.push(`<h2>${escapeHtml(w.peopleTitle)}</h2>`);
  if (overview.participants.length) {
    const head = heads([w.person, w.responses, w.postsCount, w.perPost], [1, 2]);
    const rows = overview.participants.map(
      (p) =>
        `<tr><th scope="row">${profile(p.login)}</th><td class="n">${p.responses}</td><td class="n">${p.posts.length}</td>` +
        `<td><ul class="per-post">${p.posts.map((post) => `<li>${escapeHtml(post.title)} (${post.responses})</li>`).join("")}</ul></td></tr>`,
    );
    out.push(region("per-person", w.peopleCaption, `<thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody>`));
  } else {
    out.push(`<p>${escapeHtml(w.nobody)}</p>`);
  }
  return [
    "<!doctype html>",
    `<html lang="${site.lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    `<title>${escapeHtml(w.title(site.title))}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    `<main>\n${out.join("\n")}\n</main>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
