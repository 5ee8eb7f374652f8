// content/_data/series.yaml: the learning paths (`<id>: { title, description }`) posts name with
// `series:`, and the rules a series' steps follow that no single post file can show.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadEntriesById } from "./data-files.ts";
import { contentPaths } from "../model/paths.ts";
import type { Problem } from "../model/problems.ts";
import { seriesSchema, type SeriesData } from "../model/schema.ts";
import type { PostEntry } from "../model/content.ts";
import type { Series } from "../model/content.ts";

/**
 * The series by id: none when the file is not there; undefined when it is not valid YAML, so that
 * no post is blamed for naming a series the broken file may well hold.
 */
export function loadSeries(root: string, problems: Problem[]): Record<string, Series> | undefined {
  if (!existsSync(join(root, contentPaths.series))) return {};
  return loadEntriesById(root, problems, contentPaths.series, {
    what: "series",
    shape: "must be a list of series by id — write `de-23-stappen:` with `title: De 23 stappen` indented below it",
    idName: (id) => `series id (it becomes the address /series/${id}/)`,
    example: "de-23-stappen",
    schema: seriesSchema,
    make: (data, id) => ({ ...data, id }),
  });
}

/** `part:` means a place in a series: it needs one, and two steps of one series cannot share it. */
export function checkSteps(posts: readonly PostEntry[], problems: Problem[]): void {
  const taken = new Map<string, PostEntry>();
  for (const post of posts) {
    const { series, part } = post.data;
    if (part === undefined) continue;
    if (series === undefined) {
      problems.push({
        file: post.file,
        field: "part",
        message:
          "only means something in a series — add `series: <id>` (an id of content/_data/series.yaml), or remove `part`",
      });
      continue;
    }
    const key = `${series}\0${part}`;
    const other = taken.get(key);
    if (other)
      problems.push({
        file: post.file,
        field: "part",
        message: `${part} is also the part of ${other.file} in series "${series}" — give each step its own number`,
      });
    else taken.set(key, post);
  }
}
