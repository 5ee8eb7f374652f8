// Content written to break a layout, generated from a seed: every field a page shows at its worst —
// words of hundreds of characters without a space, addresses longer than a phone is wide, a table
// of twelve columns, a code line of 300 characters, images and players without sizes, a thread of
// earlier responses ten levels deep — mixed differently for each seed. The reflow test
// (test/site/reflow.browser.test.ts) builds a site from it and checks that no page scrolls sideways.

/** A small deterministic generator (mulberry32), so a failing seed can be built again. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pieces = [
  "arbeidsongeschiktheids",
  "verzekerings",
  "maatschappij",
  "ketenregie",
  "zorgcoördinatie",
  "één",
  "Überleitungs",
  "leer",
  "netwerk",
  "ÉÉNDRACHT",
];

/** `length` characters of Dutch-looking word with no place to break, accents included. */
export function unbroken(length: number, next: () => number): string {
  let word = "";
  while (word.length < length) word += pieces[Math.floor(next() * pieces.length)]!;
  return word.slice(0, length);
}

/** An address of about `length` characters: one long path segment, a query, a fragment. */
export const longUrl = (length: number, next: () => number) =>
  `https://voorbeeld.example.org/${unbroken(Math.max(10, length - 60), next)}?bron=${unbroken(20, next)}#${unbroken(20, next)}`;

const pick = <T>(next: () => number, options: readonly T[]): T => options[Math.floor(next() * options.length)]!;

/** A title a layout must wrap: one unbroken word, an address, or words around a long one. */
const hostileTitle = (next: () => number) =>
  pick(next, [
    unbroken(300, next),
    longUrl(220, next),
    `Over ${unbroken(140, next)} en ${unbroken(90, next)}`,
    `${unbroken(60, next)}: ${longUrl(160, next)}`,
  ]);

const table = (next: () => number, columns: number) => {
  const row = (cell: () => string) => `| ${Array.from({ length: columns }, cell).join(" | ")} |`;
  return [
    row(() => unbroken(12, next)),
    row(() => "---"),
    row(() => unbroken(30, next)),
    row(() => longUrl(70, next)),
  ].join("\n");
};

const htmlTable = (next: () => number, columns: number) =>
  `<table><thead><tr>${Array.from({ length: columns }, () => `<th>${unbroken(15, next)}</th>`).join("")}</tr></thead><tbody><tr>${Array.from({ length: columns }, () => `<td>${unbroken(25, next)}</td>`).join("")}</tr></tbody></table>`;

/** A post body that holds every wide thing Markdown and the allowed HTML can hold. */
export function hostileBody(next: () => number): string {
  return [
    `${unbroken(400, next)} en dan gewone tekst.`,
    `## ${unbroken(150, next)}`,
    `Zie ${longUrl(300, next)} en \`${unbroken(200, next)}\`.`,
    table(next, 12),
    "```\n" + `${"x".repeat(40)} ${unbroken(300, next)}` + "\n```",
    `> ${unbroken(250, next)}\n>\n> — ${longUrl(150, next)}`,
    `- ${longUrl(200, next)}\n- ${unbroken(180, next)}\n  1. ${unbroken(160, next)}`,
    "![Een plaatje zonder maten](/img/marjan.svg)",
    '<iframe src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ" title="Een film zonder maten"></iframe>',
    htmlTable(next, 12),
    `<details><summary>${unbroken(120, next)}</summary><p>${longUrl(220, next)}</p></details>`,
  ].join("\n\n");
}

/** Earlier responses, each a reply to the one before: `depth` levels deep, with long names and words. */
export function deepThread(next: () => number, depth: number): string {
  return Array.from({ length: depth }, (_, i) =>
    [
      `- id: ${i + 1}`,
      ...(i ? [`  parent: ${i}`] : []),
      `  author: ${JSON.stringify(`Deelnemer ${unbroken(80, next)}`)}`,
      `  url: ${JSON.stringify(longUrl(140, next))}`,
      `  date: 2030-01-0${1 + (i % 9)}T1${i % 10}:00`,
      `  text: ${JSON.stringify(`${unbroken(220, next)} — ${longUrl(160, next)}\n\n${table(next, 6)}`)}`,
    ].join("\n"),
  ).join("\n");
}

const yamlList = (items: string[]) => `[${items.map((item) => JSON.stringify(item)).join(", ")}]`;

/**
 * The files of a hostile site, relative to content/ (the example's other files stay): site settings,
 * an author with a long name, 22 posts (enough for a second home page) with sessions, half of them
 * steps of two series, the neighbours of the worst post, a thread ten levels deep, a page in the menu,
 * comments set up (so the guide, the privacy line and the contact show) and the repository /schrijven/ needs.
 */
export function hostileSite(seed: number): Record<string, string> {
  const next = random(seed);
  const files: Record<string, string> = {
    "_data/site.yaml": [
      `title: ${JSON.stringify(`Leergang ${unbroken(70, next)}`)}`,
      `description: ${JSON.stringify(`${unbroken(200, next)} ${longUrl(120, next)}`)}`,
      "url: https://leergang.example.org",
      "lang: nl",
      `contact: ${JSON.stringify(
        `${
          unbroken(60, next)
            .normalize("NFKD")
            .replace(/[^A-Za-z]/g, "")
            .toLowerCase() || "begeleider"
        }@${
          unbroken(40, next)
            .normalize("NFKD")
            .replace(/[^A-Za-z]/g, "")
            .toLowerCase() || "voorbeeld"
        }.example.org`,
      )}`,
      `privacyNote: ${JSON.stringify(`${unbroken(180, next)} ${longUrl(120, next)}`)}`,
      `repository: organisatie/${
        unbroken(60, next)
          .normalize("NFKD")
          .replace(/[^A-Za-z]/g, "")
          .toLowerCase() || "leergang"
      }`,
      // The responses section, the guide and the privacy line show only where comments are set up.
      "giscus:",
      "  repo: organisatie/reacties",
      "  repoId: R_kgDOtest",
      "  category: Reacties",
      "  categoryId: DIC_kwDOtest",
    ].join("\n"),
    "_data/series.yaml": [
      // The example's own series stays: its posts are part of this site too.
      "eerste-halfjaar:",
      "  title: Het eerste halfjaar",
      "lange-leerlijn:",
      `  title: ${JSON.stringify(unbroken(160, next))}`,
      `  description: ${JSON.stringify(`${unbroken(220, next)} ${longUrl(150, next)}`)}`,
      "tweede:",
      `  title: ${JSON.stringify(`De ${unbroken(90, next)} stappen`)}`,
    ].join("\n"),
    "_data/authors.yaml": [
      "marjan:",
      `  name: ${JSON.stringify(`Marjan ${unbroken(150, next)}`)}`,
      `  bio: ${JSON.stringify(`${unbroken(200, next)} ${longUrl(180, next)}`)}`,
      `  url: ${JSON.stringify(longUrl(160, next))}`,
      "ruben:",
      `  name: ${JSON.stringify(unbroken(120, next))}`,
    ].join("\n"),
    "lange-pagina.md": [
      "---",
      `title: ${JSON.stringify(unbroken(160, next))}`,
      "menu: 1",
      "---",
      "",
      hostileBody(next),
    ].join("\n"),
  };
  for (let i = 0; i < 22; i++) {
    const day = new Date(Date.UTC(2030, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const front = [
      `title: ${JSON.stringify(hostileTitle(next))}`,
      `date: ${day}`,
      `author: ${pick(next, ["marjan", "ruben"])}`,
      `tags: ${yamlList([unbroken(80, next), longUrl(110, next), pick(next, ["leren", "Leren", unbroken(40, next)])])}`,
      `description: ${JSON.stringify(pick(next, [unbroken(280, next), `Kort, dan ${longUrl(200, next)}`]))}`,
      `questions: ${yamlList([unbroken(200, next), `Lees ${longUrl(220, next)} en reageer`, unbroken(90, next)])}`,
      "session:",
      `  date: ${day}T13:30`,
      '  end: "16:45"',
      `  title: ${JSON.stringify(pick(next, [unbroken(140, next), `Bijeenkomst ${unbroken(70, next)}`]))}`,
      `  location: ${JSON.stringify(pick(next, [unbroken(150, next), `Zaal ${unbroken(90, next)}, ${longUrl(120, next)}`]))}`,
      // Every other post a step of a learning path, numbered by its part.
      ...(i % 2 ? [`series: ${i % 4 === 1 ? "lange-leerlijn" : "tweede"}`, `part: ${i + 1}`] : []),
    ];
    files[`posts/vijandig-${i + 1}.md`] = ["---", ...front, "---", "", hostileBody(next)].join("\n");
  }
  files["posts/vijandig-13.comments.yaml"] = deepThread(next, 10);
  return files;
}
