// Block-editor posts for the import's tests and benchmark: one post per group of core blocks, in the
// markup WordPress 6.x saves (written for this project after WordPress's own block fixtures and each
// block's save.js: https://github.com/WordPress/gutenberg/tree/trunk/test/integration/fixtures/blocks).
// The posts live in test/fixtures/wordpress/<slug>.html exactly as they would be in an export.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../support/site.ts";
import { wxr, type FixtureExport, type FixtureItem } from "./wxr-fixture.ts";

const blog = "https://oudblog.example.org";
const uploads = `${blog}/wp-content/uploads`;

/** slug → title; the order is the order of the export. */
export const blockPosts: Record<string, string> = {
  "tekst-en-koppen": "Tekst en koppen: wat regie betekent",
  lijsten: "Drie lijstjes na de tweede bijeenkomst",
  citaten: "Drie citaten om over na te denken",
  afbeeldingen: "Een dag op het landgoed",
  galerij: "De posters van de vier groepen",
  "galerij-2020": "Foto's van de startdag",
  "videos-en-embeds": "Twee video's voor de volgende keer",
  media: "Het interview met de opleider",
  opmaak: "Het programma van de terugkomdag",
  "tabel-en-code": "De planning van het najaar",
  scheidingen: "Het verslag in drie delen",
  "klassiek-en-shortcodes": "Van de klassieke editor naar blokken",
  "herbruikbaar-en-onbekend": "Praktische informatie en blokken van plug-ins",
};

export const blockPostHtml = (slug: string) =>
  readFileSync(join(repoRoot, "test/fixtures/wordpress", `${slug}.html`), "utf8");

/** The reusable block that `herbruikbaar-en-onbekend` refers to (`<!-- wp:block {"ref":1201} /-->`). */
const reusable = `<!-- wp:group {"layout":{"type":"constrained"}} -->
<div class="wp-block-group"><!-- wp:heading {"level":3} -->
<h3 class="wp-block-heading">Praktisch</h3>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>Vragen over de leergang? Mail de begeleiders via het secretariaat, liefst een week van tevoren.</p>
<!-- /wp:paragraph --></div>
<!-- /wp:group -->`;

/** The block posts of the fixtures as export items, with ids from `firstId` and dates a day apart. */
export function blockItems(firstId = 2000, suffix = ""): FixtureItem[] {
  return Object.entries(blockPosts).map(([slug, title], i) => {
    const day = String(1 + (i % 28)).padStart(2, "0");
    const name = `${slug}${suffix}`;
    return {
      id: firstId + i,
      title: suffix ? `${title} (${suffix.replace(/^-/, "")})` : title,
      name,
      link: `${blog}/2023/10/${day}/${name}/`,
      date: `2023-10-${day} 10:00:00`,
      dateGmt: `2023-10-${day} 08:00:00`,
      content: blockPostHtml(slug),
      categories: [{ domain: "category", slug: "verslagen", label: "Verslagen" }],
      comments: [
        {
          id: (firstId + i) * 10,
          author: "Sanne",
          dateGmt: `2023-10-${day} 12:00:00`,
          content: "Dank voor het verslag.\n\nIk herken vooral het tweede punt.",
        },
        {
          id: (firstId + i) * 10 + 1,
          author: "Joris",
          dateGmt: `2023-10-${day} 13:00:00`,
          content: "Mooi samengevat!",
          parent: (firstId + i) * 10,
        },
      ],
    };
  });
}

/** Attachments the block posts refer to by id ([gallery ids], linkDestination "attachment"). */
function attachments(parent: number): FixtureItem[] {
  return [
    [503, "2023/05/koffie.jpg"],
    [1002, "2018/11/kring.jpg"],
    [1003, "2018/11/lunch.jpg"],
  ].map(([id, file]) => ({
    id: id as number,
    title: String(file).replace(/.*\//, ""),
    name: String(id),
    type: "attachment",
    status: "inherit",
    parent,
    attachmentUrl: `${uploads}/${file}`,
  }));
}

/** An export with every block post, their attachments and the reusable block they use. */
export function blockExport(): FixtureExport {
  const items = blockItems();
  return {
    title: "Leren &amp; werken — het blokkenblog",
    link: blog,
    authors: [{ login: "marjan", email: "marjan@example.org", displayName: "Marjan de Vries" }],
    items: [
      ...items,
      ...attachments(items.find((i) => i.name === "klassiek-en-shortcodes")!.id),
      {
        id: 1201,
        title: "Praktische informatie",
        name: "praktische-informatie",
        type: "wp_block",
        status: "publish",
        content: reusable,
      },
    ],
  };
}

/** The block posts repeated (new ids, names and titles) until the export file is about `bytes` long. */
export function largeBlockExport(bytes: number): FixtureExport {
  const base = blockExport();
  const items = [...base.items];
  for (let k = 2; Buffer.byteLength(wxr({ ...base, items })) < bytes; k++)
    items.unshift(...blockItems(3000 + k * 100, `-${k}`));
  return { ...base, items };
}
