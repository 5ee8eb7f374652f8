// `npm run import:wordpress -- export.xml`: everything is read and planned before anything is
// written, so a broken export writes nothing. Files that are already as planned stay untouched
// (running it twice changes nothing); a different file with the same name is kept unless --force.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import YAML from "yaml";
import { settingsFromEnv } from "../../model/build.ts";
import { loadContent } from "../../content/load.ts";
import { isResponsesFile, contentPaths } from "../../model/paths.ts";
import { parseMarkdownFile } from "../../content/frontmatter.ts";
import { formatProblem } from "../../model/problems.ts";
import { earlierResponsesSchema, pageSchema, postSchema } from "../../model/schema.ts";
import { ToolError } from "../tool-error.ts";
import { planImport, provenance, type ImportPlan, type PlannedEntry, type PlannedFile } from "./plan.ts";
import { parseWxr } from "./wxr.ts";
import type { Redirect } from "../../model/content.ts";

export interface ImportOptions {
  /** Replace files that exist with different content. */
  force?: boolean;
  /** Report what would happen; write nothing. */
  dryRun?: boolean;
  /** Every post by this existing author. */
  author?: string;
  /** Password-protected and private posts as drafts, instead of leaving them out. */
  protectedAsDrafts?: boolean;
}

/** created/updated: written; unchanged: already so; kept: a different file was left alone. */
export type Outcome = "created" | "updated" | "unchanged" | "kept";

export interface EntryResult {
  entry: PlannedEntry;
  file: Outcome;
  responses?: Outcome;
  /** The existing file came from this same WordPress post (only edited since). */
  ours: boolean;
}

export interface ImportReport {
  source: string;
  plan: ImportPlan;
  results: EntryResult[];
  authorsAdded: { id: string; name: string }[];
  redirects: { added: Redirect[]; conflicts: (Redirect & { existing: string })[] };
  /** Files written (or that would be, in a dry run). */
  written: string[];
  dryRun: boolean;
  protectedAsDrafts: boolean;
}

function outcomeFor(root: string, file: PlannedFile, force: boolean): Outcome {
  const full = join(root, file.path);
  if (!existsSync(full)) return "created";
  if (readFileSync(full, "utf8") === file.text) return "unchanged";
  return force ? "updated" : "kept";
}

/** redirects.yaml with the new lines added; comments and existing lines stay as they are. */
function mergedRedirects(root: string, existing: readonly Redirect[], planned: readonly Redirect[], force: boolean) {
  const current = new Map(existing.map((r) => [r.from, r.to]));
  const added: Redirect[] = [];
  const conflicts: (Redirect & { existing: string })[] = [];
  for (const redirect of planned) {
    const was = current.get(redirect.from);
    if (was === redirect.to) continue;
    if (was !== undefined && !force) conflicts.push({ ...redirect, existing: was });
    else added.push(redirect);
    current.set(redirect.from, redirect.to);
  }
  const file = join(root, contentPaths.redirects);
  const doc = existsSync(file)
    ? YAML.parseDocument(readFileSync(file, "utf8"))
    : new YAML.Document({}, { keepSourceTokens: false });
  if (!existsSync(file))
    doc.commentBefore =
      " Old addresses and where they moved: `old path: new path`. The build writes them to\n _site/_redirects, so Netlify answers the old address with a 301 to the new one.";
  for (const r of added) doc.set(r.from, r.to);
  return { added, conflicts, text: doc.toString({ lineWidth: 0 }) };
}

export function importWordPress(root: string, exportPath: string, options: ImportOptions = {}): ImportReport {
  const force = options.force ?? false;
  let xml: string;
  try {
    xml = readFileSync(exportPath, "utf8");
  } catch {
    throw new ToolError(
      `${exportPath} cannot be read — check the file name (WordPress: Tools → Export → All content gives a .xml file). Nothing was written.`,
    );
  }
  const wxr = parseWxr(xml, basename(exportPath));
  const content = loadContent(root, settingsFromEnv());
  const broken = content.problems.filter((p) =>
    [contentPaths.site, contentPaths.authors, contentPaths.redirects].includes(p.file as never),
  );
  if (broken.length)
    throw new ToolError(
      `Fix these first, the import adds to them:\n${broken.map(formatProblem).join("\n")}\nNothing was written.`,
    );
  if (options.author !== undefined && !content.authors[options.author])
    throw new ToolError(
      `--author "${options.author}" is not in ${contentPaths.authors} — use one of: ${Object.keys(content.authors).join(", ") || "(none yet)"}. Nothing was written.`,
    );

  const plan = planImport(wxr, {
    site: content.site,
    authors: content.authors,
    protectedAsDrafts: options.protectedAsDrafts ?? false,
    ...(options.author ? { author: options.author } : {}),
  });
  const writes: PlannedFile[] = [];
  const results: EntryResult[] = plan.entries.map((entry) => {
    const file = outcomeFor(root, entry.file, force);
    const existing = file === "kept" ? readFileSync(join(root, entry.file.path), "utf8") : "";
    const ours = file === "kept" && entry.link !== "" && existing.includes(provenance(entry.link));
    // Responses and the redirect belong to this post: beside someone else's file they would be wrong.
    const applies = file !== "kept" || ours;
    const responses = entry.responses && applies ? outcomeFor(root, entry.responses, force) : undefined;
    if (file === "created" || file === "updated") writes.push(entry.file);
    if (entry.responses && (responses === "created" || responses === "updated")) writes.push(entry.responses);
    return { entry, file, ours, ...(responses ? { responses } : {}) };
  });

  const applied = results.filter((r) => r.file !== "kept" || r.ours);
  const planned = applied.flatMap((r) => (r.entry.redirect ? [r.entry.redirect] : []));
  const redirects = mergedRedirects(root, content.redirects, planned, force);
  if (redirects.added.length) writes.push({ path: contentPaths.redirects, text: redirects.text });

  // Only authors of posts that are imported: a post left out brings no author along.
  const authorsAdded = plan.newAuthors.filter(
    (a) => !content.authors[a.id] && applied.some((r) => r.entry.author === a.id),
  );
  if (authorsAdded.length) {
    const current = existsSync(join(root, contentPaths.authors))
      ? readFileSync(join(root, contentPaths.authors), "utf8")
      : "";
    const added = YAML.stringify(Object.fromEntries(authorsAdded.map((a) => [a.id, { name: a.name }])), {
      lineWidth: 0,
    });
    writes.push({
      path: contentPaths.authors,
      text: `${current}${current && !current.endsWith("\n") ? "\n" : ""}\n# Imported from WordPress: add a bio (and a GitHub name, if they will respond here).\n${added}`,
    });
  }

  refuseInvalid(writes);
  if (!options.dryRun) {
    for (const file of writes) {
      mkdirSync(dirname(join(root, file.path)), { recursive: true });
      writeFileSync(join(root, file.path), file.text);
    }
  }
  return {
    source: exportPath,
    plan,
    results,
    authorsAdded,
    redirects,
    written: writes.map((f) => f.path),
    dryRun: options.dryRun ?? false,
    protectedAsDrafts: options.protectedAsDrafts ?? false,
  };
}

/** What the site's own schema says against a planned file, if anything. */
export function schemaProblem(file: PlannedFile): string | undefined {
  if (isResponsesFile(file.path))
    return earlierResponsesSchema.safeParse(YAML.parse(file.text)).error?.issues[0]?.message;
  if (!file.path.endsWith(".md")) return undefined;
  const parsed = parseMarkdownFile(file.path, file.text);
  if (parsed.problems.length) return parsed.problems[0]!.message;
  const schema = file.path.startsWith(`${contentPaths.posts}/`) ? postSchema : pageSchema;
  return schema.safeParse(parsed.data).error?.issues[0]?.message;
}

/** An export that would make a file the build refuses stops the import, instead of breaking the site. */
function refuseInvalid(writes: readonly PlannedFile[]): void {
  for (const file of writes) {
    const problem = schemaProblem(file);
    if (problem)
      throw new ToolError(
        `The import would write ${file.path}, which the site would refuse (${problem}). This is a bug in the import: please report it with the export. Nothing was written.`,
      );
  }
}
