// Writes the four giscus values into content/_data/site.yaml and changes nothing else: the file is
// the facilitator's, with their comments, order and blank lines. The `yaml` package parses it with
// each value's place in the text (https://eemeli.org/yaml/#node-range), and only those places are
// rewritten; a key that is missing is added as one new line under `giscus:`.
import { isDeepStrictEqual } from "node:util";
import YAML, { isMap, isScalar, type Node, type Pair, type YAMLMap } from "yaml";
import { ToolError } from "../tool-error.ts";
import { contentPaths } from "../../model/paths.ts";

export const giscusKeys = ["repo", "repoId", "category", "categoryId"] as const;
export type GiscusValues = Record<(typeof giscusKeys)[number], string>;

interface Edit {
  at: number;
  /** How many characters the edit replaces (0: an insertion). */
  length: number;
  text: string;
}

/** A value as YAML, in the quotes it had (`repo: ""` stays double-quoted), else plain when YAML allows. */
function scalarText(value: string, type?: string): string {
  if (type === "QUOTE_DOUBLE") return JSON.stringify(value);
  if (type === "QUOTE_SINGLE") return `'${value.replaceAll("'", "''")}'`;
  return YAML.stringify(value, { lineWidth: 0 }).trimEnd();
}

const lineEnd = (source: string, from: number) => {
  const end = source.indexOf("\n", from);
  return end < 0 ? source.length : end;
};
const columnOf = (source: string, at: number) => at - (source.lastIndexOf("\n", at - 1) + 1);
const keyOf = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : undefined);

function unusable(message: string): never {
  throw new ToolError(`${contentPaths.site}: ${message} — nothing was changed.`);
}

/** The lines for `values` that a block map lacks, each on its own line at `indent`. */
const newLines = (keys: readonly string[], values: GiscusValues, indent: number) =>
  keys.map((key) => `\n${" ".repeat(indent)}${key}: ${scalarText(values[key as keyof GiscusValues])}`).join("");

function editsFor(source: string, root: YAMLMap, values: GiscusValues): Edit[] {
  const pair = root.items.find((p) => keyOf(p) === "giscus");
  // No `giscus:` yet: a new block at the end of the file.
  if (!pair) {
    const newline = source.length && !source.endsWith("\n") ? "\n" : "";
    return [{ at: source.length, length: 0, text: `${newline}giscus:${newLines(giscusKeys, values, 2)}\n` }];
  }
  const keyRange = (pair.key as Node).range!;
  const value = pair.value as Node | null;
  const emptyMap = isMap(value) && value.items.length === 0;
  // `giscus:` with nothing (or `~`, `null`, `{}`) under it: the four lines go below the key.
  if (!value || (isScalar(value) && value.value === null) || emptyMap) {
    const explicit = value?.range && value.range[1] > value.range[0] ? value.range[1] : keyRange[1] + 1;
    const cut: Edit = { at: keyRange[1], length: explicit - keyRange[1], text: ":" };
    const at = lineEnd(source, explicit);
    return [cut, { at, length: 0, text: newLines(giscusKeys, values, columnOf(source, keyRange[0]) + 2) }];
  }
  if (!isMap(value)) unusable("`giscus:` must be settings, one per line (`repo: …` indented below it)");

  const edits: Edit[] = [];
  const missing: string[] = [];
  for (const key of giscusKeys) {
    const item = value.items.find((p) => keyOf(p) === key);
    if (!item) {
      missing.push(key);
      continue;
    }
    const node = item.value as Node | null;
    if (node && !isScalar(node)) unusable(`giscus.${key} must be one value, like \`${key}: …\``);
    const itemKey = (item.key as Node).range!;
    if (!node || !node.range || node.range[1] === node.range[0]) {
      // `repo:` with nothing after it.
      edits.push({ at: itemKey[1] + 1, length: 0, text: ` ${scalarText(values[key])}` });
    } else {
      edits.push({
        at: node.range[0],
        length: node.range[1] - node.range[0],
        text: scalarText(values[key], (node as YAML.Scalar).type),
      });
    }
  }
  if (missing.length) {
    if (value.flow)
      unusable(
        "add the giscus settings one per line (`giscus:` with `repo: …` indented below it) instead of between { }",
      );
    const first = (value.items[0]!.key as Node).range!;
    const last = value.items[value.items.length - 1]!;
    const end = ((last.value as Node | null)?.range ?? (last.key as Node).range!)[1];
    const at = source[end - 1] === "\n" ? end - 1 : lineEnd(source, end);
    edits.push({ at, length: 0, text: newLines(missing, values, columnOf(source, first[0])) });
  }
  return edits;
}

/** site.yaml's text with the four giscus values set; every other byte as it was. */
export function withGiscusValues(source: string, values: GiscusValues): string {
  const doc = YAML.parseDocument(source, { keepSourceTokens: true });
  if (doc.errors.length) {
    const error = doc.errors[0]!;
    unusable(
      `cannot be read (line ${error.linePos?.[0]?.line ?? "?"}: ${error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}) — fix it first (npm run check shows the problem)`,
    );
  }
  const root = doc.contents;
  if (root !== null && !isMap(root)) unusable("must be settings, one per line, like `title: Leergang Samen Leren`");
  const edits = root ? editsFor(source, root, values) : editsFor(source, new YAML.YAMLMap(), values);
  let text = source;
  // From the end backwards, so each edit's offset is still right.
  for (const edit of [...edits].sort((a, b) => b.at - a.at))
    text = text.slice(0, edit.at) + edit.text + text.slice(edit.at + edit.length);

  // The written file must say exactly what was meant: the old settings with the four values.
  const before = (doc.toJS() ?? {}) as Record<string, unknown>;
  const expected = { ...before, giscus: { ...((before.giscus as object | null) ?? {}), ...values } };
  const after = YAML.parse(text) as unknown;
  if (!isDeepStrictEqual(after, expected)) throw new Error(`site.yaml edit went wrong:\n${text}`);
  return text;
}
