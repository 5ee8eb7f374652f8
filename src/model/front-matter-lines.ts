// The lines of a new post's front-matter that are filled in: used by `npm run new` (through
// `newPostSource`) and by the browser on /schrijven/ (src/client/write.ts), which rewrites the title
// line as the facilitator types, so both write the same YAML. No dependencies: it is bundled for the
// browser, where the `yaml` package would weigh more than the whole page.

/** Characters a plain YAML scalar may not start with (https://yaml.org/spec/1.2.2/#53-indicator-characters). */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** Words YAML (1.1 or 1.2) reads as a boolean or null; quoted so no parser is tempted. */
const SPECIAL = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

/**
 * A YAML scalar on one line: plain when that is unambiguous in block and flow context, otherwise
 * double-quoted. JSON's string syntax is YAML's double-quoted style, escapes included. Conservative
 * on purpose: a number, date or time (`3`, `2026-12-03`, `13:30`) starts with a digit and is quoted,
 * as is anything with a flow indicator, so a tag can stand in `tags: [a, b]`.
 */
export function yamlScalar(value: string): string {
  const plain =
    value !== "" &&
    value === value.trim() &&
    !INDICATOR_START.test(value) &&
    !/^[\d+.]/.test(value) &&
    !SPECIAL.test(value) &&
    !/[,[\]{}]|: |:$| #|[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(value);
  return plain ? value : JSON.stringify(value);
}

/** Whitespace as a single line: a title or tag typed with a line break stays on one line. */
export const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

export const titleLine = (title: string) => `title: ${yamlScalar(oneLine(title))}`;
export const dateLine = (date: string) => `date: ${date}`;
export const authorLine = (author: string) => `author: ${author}`;
export const tagsLine = (tags: readonly string[]) =>
  `tags: [${tags.map((tag) => yamlScalar(oneLine(tag))).join(", ")}]`;

/** `text` with its first line that starts with `key:` (at the left margin) replaced by `line`; unchanged when there is none. */
export function replaceLine(text: string, key: string, line: string): string {
  const pattern = new RegExp(`^${key}:.*$`, "m");
  return pattern.test(text) ? text.replace(pattern, () => line) : text;
}
