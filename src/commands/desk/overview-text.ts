// `npm run overview` in the terminal: the figures as two aligned tables and the names still missing
// on the latest post. English, like the other commands' output; titles as written.
import type { Overview } from "./overview.ts";

/** `text` cut to `width` characters, with an ellipsis when cut. */
const fit = (text: string, width: number) =>
  [...text].length <= width ? text : `${[...text].slice(0, width - 1).join("")}…`;

/** Rows as columns two spaces apart; `align` per column: text left (l), numbers right (r). */
function table(header: string[], rows: string[][], align: string): string[] {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]!].length)));
  const pad = (cell: string, i: number) => {
    const room = " ".repeat(widths[i]! - [...cell].length);
    return align[i] === "r" ? room + cell : cell + room;
  };
  const line = (cells: string[]) => cells.map(pad).join("  ").trimEnd();
  return [line(header), ...rows.map(line)];
}

const day = (datetime: string | null) => (datetime ? datetime.slice(0, 16).replace("T", " ") : "—");

export function overviewText(overview: Overview): string {
  const out: string[] = [];
  const facilitators = overview.facilitators.length
    ? overview.facilitators.join(", ")
    : "none (add github: to an author in content/_data/authors.yaml)";
  out.push(`Participation in ${overview.repo}, category "${overview.category}" — facilitators: ${facilitators}`, "");
  out.push(
    ...table(
      ["post (newest first)", "date", "responses", "participants", "by facilitators", "unanswered", "last activity"],
      overview.posts.map((p) => [
        fit(`${p.title}${p.open ? "" : " (closed)"}`, 44),
        p.date,
        ...(p.discussion || p.responses
          ? [
              String(p.responses),
              String(p.participants),
              String(p.facilitatorReplies),
              String(p.unanswered),
              day(p.lastActivity),
            ]
          : ["0", "", "", "", "no discussion yet"]),
      ]),
      "llrrrrl",
    ),
  );
  out.push("");
  if (overview.participants.length) {
    out.push(
      ...table(
        ["participant", "responses", "posts", "responses per post (newest first)"],
        overview.participants.map((p) => [
          p.login,
          String(p.responses),
          String(p.posts.length),
          fit(p.posts.map((post) => `${post.slug} ${post.responses}`).join(", "), 70),
        ]),
        "lrrl",
      ),
    );
  } else {
    out.push("No participant has responded yet.");
  }
  out.push("");
  if (overview.latest) {
    out.push(
      overview.notYetOnLatest.length
        ? `Responded to earlier posts, not yet to the latest ("${overview.latest.title}"): ${overview.notYetOnLatest.join(", ")}`
        : `Everyone who responded to earlier posts has responded to the latest ("${overview.latest.title}") too.`,
    );
  }
  return `${out.join("\n")}\n`;
}
