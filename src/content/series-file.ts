// content/_data/series.yaml: the learning paths (`<id>: { title, description }`) posts name with
// `series:`, and the rules a series' steps follow that no single post file can show.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { slugify } from "../slug.ts";
import { readMapping } from "./data-files.ts";
import { contentPaths } from "./paths.ts";
import type { PostEntry } from "./post-files.ts";
import type { Problem } from "./problems.ts";
import { seriesSchema, type SeriesData } from "./schema.ts";
import { check } from "./validate.ts";

export interface Series extends SeriesData {
  id: string;
}

/**
 * The series by id: none when the file is not there; undefined when it is not valid YAML, so that
 * no post is blamed for naming a series the broken file may well hold.
 */
export function loadSeries(root: string, problems: Problem[]): Record<string, Series> | undefined {
  const file = contentPaths.series;
  if (!existsSync(join(root, file))) return {};
  const before = problems.length;
  const data = readMapping(root, file, "series", "must be a list of series by id — write `de-23-stappen:` with `title: De 23 stappen` indented below it", problems);
  if (!data) return problems.slice(before).some((p) => p.field === "yaml") ? undefined : {};
  const series: Record<string, Series> = {};
  for (const [id, value] of Object.entries(data)) {
    if (slugify(id) !== id) {
      problems.push({ file, field: id, message: `is not a usable series id (it becomes the address /series/${id}/) — use lowercase letters, digits and hyphens, e.g. \`${slugify(id) || "de-23-stappen"}\`` });
      continue;
    }
    const checked = check(seriesSchema, value, file, id);
    problems.push(...checked.problems);
    if (checked.data) series[id] = { ...checked.data, title: checked.data.title.trim(), id };
  }
  return series;
}

/** `part:` means a place in a series: it needs one, and two steps of one series cannot share it. */
export function checkSteps(posts: readonly PostEntry[], problems: Problem[]): void {
  const taken = new Map<string, PostEntry>();
  for (const post of posts) {
    const { series, part } = post.data;
    if (part === undefined) continue;
    if (series === undefined) {
      problems.push({ file: post.file, field: "part", message: "only means something in a series — add `series: <id>` (an id of content/_data/series.yaml), or remove `part`" });
      continue;
    }
    const key = `${series}\0${part}`;
    const other = taken.get(key);
    if (other) problems.push({ file: post.file, field: "part", message: `${part} is also the part of ${other.file} in series "${series}" — give each step its own number` });
    else taken.set(key, post);
  }
}
