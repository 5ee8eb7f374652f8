// The conversation the facilitator's commands are tested on, in the schema-validating GitHub stand-in:
// the example site's posts with discussions found by giscus's marker, one of them past every page
// size GitHub has — 120 comments, one with 150 replies — with hidden, deleted and ghost responses.
import { discussionMarker } from "../../src/comments/discussion.ts";
import type { CommentSeed, Scenario } from "../support/github-standin.ts";
import { siteYamlWithComments } from "../support/site.ts";

export const TOKEN = "github_pat_deskReader0123456789abcdef";
export const REPO = "org/reacties";
/** Marjan, the facilitator: authors.yaml gives her `github: marjandevries`. */
export const FACILITATOR = "marjandevries";

const at = (day: string, minute: number) =>
  new Date(Date.parse(`${day}T08:00:00Z`) + minute * 60_000).toISOString().replace(/\.\d+Z$/, "Z");
const participants = ["sanne", "pieter", "yara", "joost"];

/**
 * `loslaten-en-regie`'s discussion: comment 1 (sanne) has 150 replies, marjandevries's every third;
 * comment 2 is hidden as spam and has a reply; comment 3 was deleted and has a reply; comment 4's
 * author deleted their account; comment 5 has a hidden reply and a visible one; comments 6–120 are
 * the participants' in turn. `since`: comment 6 hidden and the first reply of comment 1 deleted.
 */
export function bigDiscussion(since = false): CommentSeed[] {
  const day = "2026-11-21";
  const comments: CommentSeed[] = [
    {
      author: "sanne",
      body: "Loslaten begint bij **vertrouwen**.\nEn bij tijd.",
      createdAt: at(day, 0),
      replies: Array.from({ length: 150 }, (_, j) => ({
        author: j % 3 === 0 ? FACILITATOR : participants[1 + (j % 3)]!,
        body: `Antwoord ${j + 1}`,
        createdAt: at(day, 200 + j),
        ...(since && j === 0 ? { deletedAt: at("2026-12-01", 0) } : {}),
      })),
    },
    {
      author: "spammer",
      body: "Koop nu!",
      createdAt: at(day, 1),
      isMinimized: true,
      minimizedReason: "spam",
      replies: [{ author: "pieter", body: "Wat is dit?", createdAt: at(day, 400) }],
    },
    {
      author: "joost",
      body: "",
      createdAt: at(day, 2),
      deletedAt: at(day, 3),
      replies: [{ author: "yara", body: "Jammer dat je dit weghaalde.", createdAt: at(day, 401) }],
    },
    { author: null, body: "Mijn account is weg, mijn reactie niet.", createdAt: at(day, 3) },
    {
      author: "yara",
      body: "Wie houdt de regie als niemand hem pakt?",
      createdAt: at(day, 4),
      replies: [
        { author: "spammer", body: "Klik hier", createdAt: at(day, 402), isMinimized: true, minimizedReason: "spam" },
        { author: FACILITATOR, body: "Goede vraag, Yara.", createdAt: at(day, 403) },
      ],
    },
    ...Array.from({ length: 115 }, (_, i): CommentSeed => ({
      author: participants[i % 4]!,
      body: `Reactie ${i + 6}`,
      createdAt: at(day, 5 + i),
      ...(since && i === 0 ? { isMinimized: true, minimizedReason: "off-topic" } : {}),
    })),
  ];
  return comments;
}

export function deskScenario(options: { since?: boolean } = {}): Scenario {
  const term = (slug: string) => discussionMarker(`posts/${slug}/`);
  return {
    tokens: { [TOKEN]: { login: FACILITATOR } },
    repositories: [
      {
        id: "R_kgDOtest",
        repo: REPO,
        categories: [{ id: "DIC_kwDOtest", name: "Reacties" }],
        discussions: [
          {
            number: 1,
            title: "posts/welkom-in-de-leergang/",
            body: `Welkom\n\n${term("welkom-in-de-leergang")}`,
            category: "Reacties",
            createdAt: at("2026-09-03", 0),
            comments: [
              {
                author: "sanne",
                body: "Fijn om te beginnen.",
                createdAt: at("2026-09-04", 0),
                replies: [{ author: FACILITATOR, body: "Welkom, Sanne!", createdAt: at("2026-09-04", 30) }],
              },
              { author: "pieter", body: "Ik ben benieuwd.\nTot donderdag.", createdAt: at("2026-09-05", 0) },
            ],
          },
          {
            number: 2,
            title: "posts/leren-in-netwerken/",
            body: term("leren-in-netwerken"),
            category: "Reacties",
            createdAt: at("2026-10-01", 0),
            comments: [
              {
                author: "sanne",
                body: "Netwerken zijn mensen.",
                createdAt: at("2026-10-02", 0),
                replies: [{ author: "yara", body: "Precies.", createdAt: at("2026-10-02", 10) }],
              },
              { author: "pieter", body: "Wie begint?", createdAt: at("2026-10-03", 0) },
              {
                author: "yara",
                body: "Ik neem de vraag mee.",
                createdAt: at("2026-10-04", 0),
                replies: [{ author: FACILITATOR, body: "Dank je.", createdAt: at("2026-10-04", 5) }],
              },
              // Femke took part once, and not (yet) in the latest post's conversation.
              {
                author: "femke",
                body: "Mijn netwerk is mijn team.",
                createdAt: at("2026-10-05", 0),
                replies: [{ author: "sanne", body: "Herkenbaar!", createdAt: at("2026-10-05", 20) }],
              },
            ],
          },
          {
            number: 3,
            title: "posts/loslaten-en-regie/",
            body: term("loslaten-en-regie"),
            category: "Reacties",
            createdAt: at("2026-11-20", 0),
            comments: bigDiscussion(options.since),
          },
        ],
      },
    ],
  };
}

/** What welkom-in-de-leergang kept from the old blog: imported, as the WordPress import writes it. */
export const importedWelkom = [
  '# Earlier responses to "Welkom in de leergang", imported from WordPress (approved ones only).',
  "# Shown read-only above the live comments: edit or remove one here if needed.",
  "- id: 12",
  "  author: Els van Dijk",
  "  url: https://example.org/els",
  "  date: 2026-09-03T20:15:00+02:00",
  "  text: Wat een mooie start.",
  "",
].join("\n");

/** The example site with comments on, and welkom-in-de-leergang's imported responses. */
export const deskFiles = {
  "_data/site.yaml": siteYamlWithComments(),
  "posts/welkom-in-de-leergang.comments.yaml": importedWelkom,
};
