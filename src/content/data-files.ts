// The data files under content/_data/: the site settings, the authors, the old addresses. Each is
// read and validated here; every problem goes into the one list the build and the check report.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { buildMoment, clockProblem, type BuildSettings } from "../model/build.ts";
import { slugify } from "../model/slug.ts";
import { parseYamlFile } from "./frontmatter.ts";
import { contentPaths } from "../model/paths.ts";
import type { Problem } from "../model/problems.ts";
import { authorSchema, redirectTargetSchema, siteSchema, type AuthorData, type SiteData } from "../model/schema.ts";
import { check } from "./validate.ts";
import { localeOf } from "../model/languages.ts";
import { authorUrl } from "../model/urls.ts";
import type { Author, Redirect, Site } from "../model/content.ts";

export function readText(root: string, file: string, problems: Problem[]): string | undefined {
  try {
    return readFileSync(join(root, file), "utf8");
  } catch {
    problems.push({ file, field: "file", message: "cannot be read — check that it exists and is a text file" });
    return undefined;
  }
}

/** A YAML file whose top level must be a mapping; `shape` says what it should look like when it is not. */
export function readMapping(
  root: string,
  file: string,
  field: string,
  shape: string,
  problems: Problem[],
): Record<string, unknown> | undefined {
  const source = readText(root, file, problems);
  if (source === undefined) return undefined;
  const parsed = parseYamlFile(file, source);
  problems.push(...parsed.problems);
  if (parsed.problems.length) return undefined;
  const data = parsed.data ?? {};
  if (typeof data === "object" && !Array.isArray(data)) return data as Record<string, unknown>;
  problems.push({ file, field, message: shape });
  return undefined;
}

export function loadSite(root: string, build: BuildSettings, problems: Problem[]): Site {
  const file = contentPaths.site;
  const data = readMapping(
    root,
    file,
    "site",
    'must be settings, one per line, like `title: Leergang Samen Leren` — see docs/berichten-schrijven.md, "Site-instellingen en auteurs"',
    problems,
  );
  const checked = data ? check(siteSchema, data, file) : undefined;
  if (checked) problems.push(...checked.problems);
  const clock = clockProblem(build);
  if (clock) problems.push({ file: "environment", field: "HOEDOEDEDA_NOW", message: clock });
  return siteOf(checked?.data ?? siteSchema.parse({ title: "hoedoededa" }), build);
}

/** The site as the build sees it: site.yaml's settings with what this build decides. */
export function siteOf(data: SiteData, build: BuildSettings): Site {
  return {
    ...data,
    url: build.url ?? data.url?.replace(/\/+$/, "") ?? "",
    noindex: build.preview || data.private === true,
    locale: localeOf(data.lang),
    build,
    now: buildMoment(build, data.timezone),
  };
}

function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  const picked = words.length >= 2 ? [words[0]!, words[words.length - 1]!] : [name];
  return picked.map((w) => w[0]!.toUpperCase()).join("");
}

/**
 * A data file of entries by id (authors.yaml, series.yaml): each id a usable slug, each entry passing
 * `schema`. Undefined when the file is not valid YAML, so that no post is blamed for naming an id the
 * broken file may well hold.
 */
export function loadEntriesById<S extends z.ZodType, T>(
  root: string,
  problems: Problem[],
  file: string,
  entries: {
    /** What the file holds, for readMapping: "authors", "series". */
    what: string;
    /** What a file that is no mapping should look like. */
    shape: string;
    /** How a bad id is named: "author id", "series id (it becomes the address /series/x/)". */
    idName: (id: string) => string;
    /** A good id, suggested when the bad one has nothing to make a slug of. */
    example: string;
    schema: S;
    make: (data: z.infer<S>, id: string) => T;
  },
): Record<string, T> | undefined {
  const before = problems.length;
  const data = readMapping(root, file, entries.what, entries.shape, problems);
  if (!data) return problems.slice(before).some((p) => p.field === "yaml") ? undefined : {};
  const byId: Record<string, T> = {};
  for (const [id, value] of Object.entries(data)) {
    if (slugify(id) !== id) {
      problems.push({
        file,
        field: id,
        message: `is not a usable ${entries.idName(id)} — use lowercase letters, digits and hyphens, e.g. \`${slugify(id) || entries.example}\``,
      });
      continue;
    }
    const checked = check(entries.schema, value, file, id);
    problems.push(...checked.problems);
    if (checked.data) byId[id] = entries.make(checked.data, id);
  }
  return byId;
}

/** The authors by id; undefined when authors.yaml is not valid YAML. */
export const loadAuthors = (root: string, problems: Problem[]): Record<string, Author> | undefined =>
  loadEntriesById(root, problems, contentPaths.authors, {
    what: "authors",
    shape: "must be a list of authors by id — write `marjan:` with `name: Marjan de Vries` indented below it",
    idName: () => "author id",
    example: "marjan",
    schema: authorSchema,
    make: (data, id) => ({ ...data, id, initials: initials(data.name), page: authorUrl(id) }),
  });

/** content/_data/redirects.yaml: `old path: new path`, one per line. */
export function loadRedirects(root: string, problems: Problem[]): Redirect[] {
  const file = contentPaths.redirects;
  if (!existsSync(join(root, file))) return [];
  const data = readMapping(
    root,
    file,
    "redirects",
    "must be lines like `/2012/04/11/oud-bericht/: /posts/oud-bericht/` (old path, colon, new path)",
    problems,
  );
  const redirects: Redirect[] = [];
  for (const [from, to] of Object.entries(data ?? {})) {
    if (!/^\/\S*$/.test(from)) {
      problems.push({
        file,
        field: from,
        message:
          "is not a path on the old site — it must start with `/`, like `/2012/04/11/oud-bericht/`, without spaces",
      });
      continue;
    }
    const checked = check(redirectTargetSchema, to, file, from);
    problems.push(...checked.problems);
    if (checked.data) redirects.push({ from, to: checked.data });
  }
  return redirects;
}
