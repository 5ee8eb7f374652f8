// A post's `<slug>.comments.yaml` after an archive run: the responses GitHub shows that the file does
// not have yet are added (by GitHub's comment id, kept as `id`), the ones GitHub now shows as hidden or
// deleted are taken out (their author or a moderator withdrew them), and everything else in the file
// — imported responses, corrections, comments — stays as written. New responses are appended as text,
// so the file's own lines keep their bytes; only a removal re-writes it through the `yaml` package,
// which keeps its comments (https://eemeli.org/yaml/#documents). Whatever is written is read back
// and compared with what was meant.
import { isDeepStrictEqual } from "node:util";
import YAML, { isMap, isSeq } from "yaml";
import { parseYamlFile } from "../../content/frontmatter.ts";
import type { EarlierResponseData } from "../../model/schema.ts";
import { isoDateTime } from "../../model/calendar.ts";
import type { DeskResponse } from "./thread.ts";

export interface ArchiveFile {
  /** The file's new text; undefined when nothing changes (the file is not touched). */
  text?: string;
  added: number;
  /** Of those added, how many are replies. */
  addedReplies: number;
  /** Archived before, hidden or deleted on GitHub since. */
  removed: number;
  /** Archived before and still there. */
  kept: number;
}

/** A response as `<slug>.comments.yaml` keeps it, in the import's order of fields. */
export function archiveEntry(response: DeskResponse, timezone: string): EarlierResponseData {
  return {
    id: response.id,
    ...(response.parent !== undefined ? { parent: response.parent } : {}),
    author: response.author,
    ...(response.login ? { github: response.login } : {}),
    ...(response.url ? { url: response.url } : {}),
    date: isoDateTime(response.date, timezone),
    text: response.text,
  };
}

const stringify = (value: unknown) => YAML.stringify(value, { lineWidth: 0 });

/** The first lines of a new file: what it is, where it came from, and that it is the facilitator's. */
export const archiveHeader = (title: string, discussionUrl: string) =>
  `# Responses to "${title.replace(/\s+/g, " ")}", archived from GitHub: ${discussionUrl}\n` +
  "# Shown read-only on the post once its comments are closed (comments: false). npm run archive adds what is new\n" +
  "# and leaves the rest as it is here: correct a name if needed; to leave a response out for good, hide it on GitHub.\n";

/**
 * `existing` (the file's text, or undefined when there is none) with `archived` merged in. `gone`:
 * ids GitHub shows as hidden or deleted.
 */
export function mergeArchive(
  existing: string | undefined,
  archived: readonly EarlierResponseData[],
  gone: ReadonlySet<string>,
  header: string,
): ArchiveFile {
  const doc: YAML.Document | undefined = existing === undefined ? undefined : YAML.parseDocument(existing);
  const current = ((doc?.toJS() as EarlierResponseData[] | null | undefined) ?? []).slice();
  const ids = new Set(current.map((entry) => String(entry.id)));
  const removing = new Set(
    current.flatMap((entry, i) => (entry.github !== undefined && gone.has(String(entry.id)) ? [i] : [])),
  );
  const adding = archived.filter((entry) => !ids.has(String(entry.id)));
  const kept = current.filter((entry, i) => entry.github !== undefined && !removing.has(i)).length;
  const counts = {
    added: adding.length,
    addedReplies: adding.filter((e) => e.parent !== undefined).length,
    removed: removing.size,
    kept,
  };
  if (!adding.length && !removing.size) return counts;

  // What the file must say afterwards: a reply whose response was taken out answers the post.
  const removedIds = new Set([...removing].map((i) => String(current[i]!.id)));
  const detach = (entry: EarlierResponseData): EarlierResponseData => {
    if (entry.parent === undefined || !removedIds.has(String(entry.parent))) return entry;
    const { parent: _parent, ...rest } = entry;
    return rest;
  };
  const expected = [...current.filter((_, i) => !removing.has(i)).map(detach), ...adding];
  const firstArchive = !current.some((entry) => entry.github !== undefined);

  let text: string;
  const blockList = doc && (doc.contents === null || (isSeq(doc.contents) && !doc.contents.flow));
  if (existing === undefined) {
    text = `${header}${stringify(adding)}`;
  } else if (!removing.size && blockList) {
    const note = firstArchive ? `${header.split("\n")[0]}\n` : "";
    text = `${existing}${existing === "" || existing.endsWith("\n") ? "" : "\n"}${note}${stringify(adding)}`;
  } else {
    const seq = isSeq(doc!.contents) ? doc!.contents : (doc!.contents = doc!.createNode([]) as never);
    for (const i of [...removing].sort((a, b) => b - a)) seq.items.splice(i, 1);
    for (const item of seq.items) if (isMap(item) && removedIds.has(String(item.get("parent")))) item.delete("parent");
    for (const entry of adding) seq.items.push(doc!.createNode(entry));
    text = doc!.toString({ lineWidth: 0 });
  }
  const back = parseYamlFile("archive", text);
  if (!back.problems.length && isDeepStrictEqual(back.data, expected)) return { ...counts, text };
  // Unusual YAML the two ways above cannot extend faithfully: the list written afresh.
  text = `${header}${stringify(expected)}`;
  if (!isDeepStrictEqual(parseYamlFile("archive", text).data, expected))
    throw new Error("The archived responses did not read back as written");
  return { ...counts, text };
}
