// A link-preview card as a PNG: satori lays the card out (flexbox) and turns its text into SVG
// paths with the font below, resvg draws the SVG. Both install without downloads; satori reads
// WOFF, not WOFF2 (https://github.com/vercel/satori#fonts). A title gets the largest size at which it
// fits in three lines, measured by satori's own layout; at the smallest size it is cut after four
// lines with an ellipsis.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Changes whenever the design below does, so cached cards of an older design are made again. */
export const CARD_DESIGN = "2";

/** What a card shows (src/cards/content.ts says what for a post and for the site). */
export interface CardContent {
  site: string;
  title: string;
  /** The site card's line under the title (the site's description). */
  subtitle?: string;
  /** "11 april 2012". */
  date?: string;
  /** "Bijeenkomst: donderdag 3 december 2026, Kasteel Broekhuizen, Doorn". */
  session?: string;
}

const PADDING = 72;
const TEXT_WIDTH = CARD_WIDTH - 2 * PADDING - 24;
/** Title sizes tried, largest first; at the last one a title longer than four lines ends in "…". */
const TITLE_SIZES = [76, 66, 58, 50] as const;
const TITLE_LINE_HEIGHT = 1.15;
const FAMILY = "Atkinson Hyperlegible";

// The light theme of layouts/css/base.css.
const colours = {
  bg: "#f7f5f0",
  surface: "#ffffff",
  text: "#1f2523",
  muted: "#56605c",
  accent: "#2b6a59",
  sessionBg: "#fbf3e2",
  sessionBorder: "#e6cf9f",
};

/** An element as satori reads it (React's shape, without React). */
type Node = { type: string; key?: string; props: { style: Record<string, unknown>; children: unknown } };
const box = (style: Record<string, unknown>, children: unknown, key?: string): Node => ({
  type: "div",
  ...(key ? { key } : {}),
  props: { style: { display: "flex", ...style }, children },
});

interface Engines {
  satori: typeof import("satori").default;
  renderAsync: typeof import("@resvg/resvg-js").renderAsync;
  fonts: { name: string; data: Buffer; weight: 400 | 700; style: "normal" }[];
}
let engines: Promise<Engines> | undefined;

/** satori, resvg and the font: loaded on the first card a build makes, never when all come from the cache. */
function load(): Promise<Engines> {
  return (engines ??= (async () => {
    const require = createRequire(import.meta.url);
    // Latin (Dutch, English) and Latin Extended (ł, ş, ő, …): satori takes each glyph from the first font that has it.
    const fonts = (["latin", "latin-ext"] as const).flatMap((subset) =>
      ([400, 700] as const).map((weight) => ({
        name: subset === "latin" ? FAMILY : `${FAMILY} Ext`,
        weight,
        style: "normal" as const,
        data: readFileSync(
          require.resolve(
            `@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-${subset}-${weight}-normal.woff`,
          ),
        ),
      })),
    );
    const [{ default: satori }, { renderAsync }] = await Promise.all([import("satori"), import("@resvg/resvg-js")]);
    return { satori, renderAsync, fonts };
  })());
}

const titleStyle = (size: number, clamp: boolean) => ({
  width: TEXT_WIDTH,
  fontSize: size,
  fontWeight: 700,
  lineHeight: TITLE_LINE_HEIGHT,
  color: colours.text,
  letterSpacing: "-0.01em",
  ...(clamp ? { display: "block", lineClamp: 4, textOverflow: "ellipsis", overflow: "hidden" } : {}),
});

/** How many lines `title` takes at `size`, as satori lays it out. */
async function linesAt(title: string, size: number, { satori, fonts }: Engines): Promise<number> {
  let height = 0;
  // Only the layout is wanted: without turning the glyphs into paths (`embedFont: false`) it costs a fraction.
  await satori(
    box({ ...titleStyle(size, false), fontFamily: `"${FAMILY}", "${FAMILY} Ext"` }, title, "title") as never,
    {
      width: TEXT_WIDTH,
      fonts,
      embedFont: false,
      onNodeDetected: (node) => void (node.key === "title" && (height = node.height)),
    },
  );
  return Math.round(height / (size * TITLE_LINE_HEIGHT));
}

/** The title's size: the largest at which it fits in three lines; `clamp` when even the smallest needs more than four. */
export async function fitTitle(
  title: string,
  engines?: Engines,
): Promise<{ size: number; lines: number; clamp: boolean }> {
  const e = engines ?? (await load());
  let lines = 0;
  for (const size of TITLE_SIZES) {
    lines = await linesAt(title, size, e);
    if (lines <= 3) return { size, lines, clamp: false };
  }
  return { size: TITLE_SIZES.at(-1)!, lines: Math.min(lines, 4), clamp: lines > 4 };
}

function layout(card: CardContent, fit: { size: number; clamp: boolean }): Node {
  const footer: Node[] = [];
  if (card.date) footer.push(box({ fontSize: 30, color: colours.muted }, card.date));
  if (card.session)
    // At most two lines, so that a long place name never pushes the card's text off its edge.
    footer.push(
      box(
        {
          marginTop: 18,
          padding: "14px 22px",
          fontSize: 28,
          color: colours.text,
          background: colours.sessionBg,
          border: `2px solid ${colours.sessionBorder}`,
          borderRadius: 14,
          maxWidth: TEXT_WIDTH,
          display: "block",
          lineClamp: 2,
          textOverflow: "ellipsis",
          overflow: "hidden",
        },
        card.session,
      ),
    );
  return box(
    { width: CARD_WIDTH, height: CARD_HEIGHT, background: colours.bg, fontFamily: `"${FAMILY}", "${FAMILY} Ext"` },
    [
      box({ width: 24, height: CARD_HEIGHT, background: colours.accent }, []),
      box({ flexDirection: "column", justifyContent: "space-between", flexGrow: 1, padding: PADDING }, [
        box({ fontSize: 30, fontWeight: 700, color: colours.accent }, card.site),
        box({ flexDirection: "column" }, [
          box(titleStyle(fit.size, fit.clamp), card.title),
          ...(card.subtitle
            ? [
                box(
                  {
                    marginTop: 20,
                    fontSize: 32,
                    color: colours.muted,
                    width: TEXT_WIDTH,
                    display: "block",
                    lineClamp: 2,
                    textOverflow: "ellipsis",
                    overflow: "hidden",
                  },
                  card.subtitle,
                ),
              ]
            : []),
        ]),
        box({ flexDirection: "column", alignItems: "flex-start" }, footer),
      ]),
    ],
  );
}

/**
 * Text as the font can draw it: compatibility forms folded (the Dutch "Ĳ" becomes "IJ", "ﬁ" "fi"),
 * emoji left out (the font has none; a missing glyph would show as a box).
 */
export function drawable(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The card as a 1200×630 PNG. */
export async function renderCard(card: CardContent): Promise<Buffer> {
  const e = await load();
  const shown: CardContent = { ...card, title: drawable(card.title), site: drawable(card.site) };
  const fit = await fitTitle(shown.title, e);
  const svg = await e.satori(layout(shown, fit) as never, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: e.fonts });
  // Drawing takes most of a card's time (some 25 ms against satori's 10): resvg does it on a thread
  // of libuv's pool, so cards made side by side use both cores (https://github.com/thx/resvg-js#api).
  const image = await e.renderAsync(svg, {
    fitTo: { mode: "width", value: CARD_WIDTH },
    font: { loadSystemFonts: false },
  });
  return Buffer.from(image.asPng());
}
