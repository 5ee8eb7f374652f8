// What an import did, in words a facilitator can act on: what was written, what was left alone
// and why, what was skipped, and what to do next.
import type { EntryResult, ImportReport } from "./import.ts";
import { skipLabels } from "./plan.ts";
import { enoughWords } from "./words.ts";
import { contentPaths } from "../../model/paths.ts";

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const commentWords: Record<string, [string, string]> = {
  spam: ["spam", "spam"],
  pending: ["pending", "pending"],
  trashed: ["trashed", "trashed"],
  pingbacks: ["pingback or trackback", "pingbacks and trackbacks"],
  empty: ["empty", "empty"],
};

function describe(result: EntryResult): string {
  const { entry } = result;
  const what =
    entry.kind === "page"
      ? "page"
      : entry.kind === "draft"
        ? `draft${entry.notPublic ? `, ${entry.notPublic} on WordPress` : ""}`
        : "post";
  const responses = entry.responses && result.responses ? `, ${count(entry.responses.count, "earlier response")}` : "";
  return `  ${entry.file.path} (${what}${responses}) — "${entry.title}"`;
}

export function formatImport(report: ImportReport): string {
  const { plan, results } = report;
  const lines: string[] = [];
  const verb = report.dryRun ? "Would write" : "Written";
  lines.push(
    `WordPress import of ${report.source}${plan.blog.title ? ` ("${plan.blog.title}"${plan.blog.link ? `, ${plan.blog.link}` : ""})` : ""}${report.dryRun ? " — dry run, nothing written" : ""}`,
    "",
  );

  const written = results.filter(
    (r) => r.file === "created" || r.file === "updated" || r.responses === "created" || r.responses === "updated",
  );
  if (written.length)
    lines.push(`${verb}:`, ...written.map((r) => `${describe(r)}${r.file === "updated" ? " (replaced)" : ""}`));
  const unchanged = results.filter(
    (r) => r.file === "unchanged" && (r.responses ?? "unchanged") === "unchanged",
  ).length;
  if (unchanged)
    lines.push(
      `Already imported and unchanged: ${count(unchanged, "post or page", "posts and pages")}${unchanged === results.length ? " (nothing to do)" : ""}.`,
    );
  const edited = results.filter((r) => r.file === "kept" && r.ours);
  if (edited.length)
    lines.push(
      "Edited since the last import, left as they are (use --force to import them again):",
      ...edited.map(describe),
    );
  const kept = results.filter((r) => r.file === "kept" && !r.ours);
  if (kept.length)
    lines.push(
      "Not imported: a different file with that name exists (use --force to replace it):",
      ...kept.map(describe),
    );
  const responsesKept = results.filter((r) => r.responses === "kept");
  if (responsesKept.length)
    lines.push(
      "Earlier responses edited since the last import, left as they are:",
      ...responsesKept.map((r) => `  ${r.entry.responses!.path}`),
    );
  lines.push("");

  const by = (kind: string) => results.filter((r) => r.entry.kind === kind).length;
  lines.push(
    `In the export: ${count(by("post"), "published post")}, ${count(by("draft"), "draft")} (draft: true, shown in previews only), ${count(by("page"), "page")}.`,
  );
  const left = Object.entries(plan.comments)
    .filter(([k, n]) => k !== "kept" && n > 0)
    .map(([k, n]) => `${n} ${commentWords[k]![n === 1 ? 0 : 1]}`);
  lines.push(
    `Responses in the export: ${plan.comments.kept} approved (kept as earlier responses)${left.length ? `; left out: ${left.join(", ")}` : ""}.`,
  );
  if (report.authorsAdded.length)
    lines.push(
      `Authors added to ${contentPaths.authors}: ${report.authorsAdded.map((a) => `${a.id} (${a.name})`).join(", ")} — add a bio there.`,
    );
  if (report.redirects.added.length)
    lines.push(
      `Old addresses: ${count(report.redirects.added.length, "redirect")} (301) added to ${contentPaths.redirects}.`,
    );
  for (const c of report.redirects.conflicts)
    lines.push(`Old address ${c.from} already goes to ${c.existing}, not changed to ${c.to} (use --force).`);
  lines.push(...notPublicLines(report));
  const skipped = Object.entries(plan.skipped).map(
    ([reason, n]) => `${n} ${(skipLabels[reason] ?? [reason, reason])[n === 1 ? 0 : 1]}`,
  );
  if (skipped.length) lines.push(`Skipped: ${skipped.join(", ")}.`);
  const images = results.filter((r) => r.file !== "kept" || r.ours).reduce((n, r) => n + r.entry.oldImages, 0);
  if (images) {
    let host = plan.blog.link;
    try {
      host = new URL(plan.blog.link).host;
    } catch {
      /* keep the link as written */
    }
    lines.push(
      `Images: ${count(images, "picture")} still ${images === 1 ? "loads" : "load"} from ${host}. Copy them to content/img/ and change the addresses before the old blog goes offline (npm run check finds missing ones).`,
    );
  }
  lines.push(...checkLines(results.filter((r) => r.file !== "kept" || r.ours)));
  lines.push(
    "",
    report.dryRun
      ? "Run it again without --dry-run to write these files."
      : "Next: npm run check, then npm start to look at the result.",
  );
  return lines.join("\n");
}

/** What was not public on WordPress: left out (listed, with why), or written as drafts. */
function notPublicLines(report: ImportReport): string[] {
  const lines: string[] = [];
  const { notPublic } = report.plan;
  if (notPublic.length) {
    lines.push("Not imported, because they were not public on WordPress (their responses stay out too):");
    for (const item of notPublic) {
      const why = item.kind === "page" && report.protectedAsDrafts ? " — a page cannot be a draft on this site" : "";
      const responses = item.responses ? `, ${count(item.responses, "response")}` : "";
      lines.push(`  "${item.title}" (${item.kind}, ${item.reason}${responses})${why}`);
    }
    if (!report.protectedAsDrafts && notPublic.some((i) => i.kind === "post"))
      lines.push("To import those posts as drafts instead, add --protected-as-drafts.");
  }
  const drafts = report.results.filter((r) => r.entry.notPublic).length;
  if (drafts)
    lines.push(
      `Written as drafts because they were not public on WordPress: ${count(drafts, "post")}. Drafts show in deploy previews and branch deploys: remove what must stay private.`,
    );
  return lines;
}

/** Where the facilitator should look: blocks converted from their HTML alone, and posts that lost words. */
function checkLines(results: readonly EntryResult[]): string[] {
  const lines: string[] = [];
  const byBlock = new Map<string, { times: number; files: string[] }>();
  for (const { entry } of results) {
    for (const [name, times] of Object.entries(entry.unknownBlocks)) {
      const seen = byBlock.get(name) ?? { times: 0, files: [] };
      seen.times += times;
      seen.files.push(entry.file.path);
      byBlock.set(name, seen);
    }
  }
  const files = (list: string[]) =>
    `${list.slice(0, 3).join(", ")}${list.length > 3 ? ` and ${list.length - 3} more` : ""}`;
  if (byBlock.size) {
    lines.push(
      "Check how these posts look: they use blocks the import does not know (it kept their text) or cannot find:",
    );
    for (const [name, { times, files: where }] of [...byBlock].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`  ${name} (${times}×): ${files(where)}`);
    }
  }
  const lost = results.filter((r) => r.entry.words.ratio < enoughWords);
  if (lost.length) {
    lines.push(
      `Check the text of these posts: more than ${Math.round((1 - enoughWords) * 100)}% of their words did not come through the conversion:`,
    );
    for (const { entry } of lost) {
      lines.push(
        `  ${entry.file.path}: ${Math.floor(entry.words.ratio * 100)}% of ${entry.words.words} words kept (missing, e.g.: ${entry.words.missing.slice(0, 5).join(", ")})`,
      );
    }
  }
  return lines;
}
