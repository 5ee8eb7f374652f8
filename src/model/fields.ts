// The building blocks of the content schema (src/model/schema.ts): each kind of field with the
// message a person can act on — what is wrong, and a line to copy that is right.
import { z } from "zod";
import { dateProblem } from "./calendar.ts";

/** "a number", "a list", … — how a YAML value looks to the person who wrote it. */
export function describe(value: unknown): string {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "boolean") return `${value} (yes/no)`;
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "object") return "a group of fields";
  return `"${String(value)}"`;
}

/** Text as written, spaces and all: the Markdown of a response. */
export const prose = (example: string) =>
  z.string({
    error: (issue) =>
      issue.input === undefined || issue.input === null
        ? `is missing — add a line like \`${example}\``
        : `must be text, not ${describe(issue.input)} — write it like \`${example}\` (use quotes if it starts with a number or contains a colon)`,
  });

/** A value on one line (a title, a name, a place): without the spaces around it. */
export const text = (example: string) => prose(example).trim();

export const requiredText = (example: string) =>
  text(example).refine((s) => s !== "", { error: `is empty — write it like \`${example}\`` });

/** Prose that must say something. */
export const requiredProse = (example: string) =>
  prose(example).refine((s) => s.trim() !== "", { error: `is empty — write it like \`${example}\`` });

/** A date or date-time as written (`2012-04-11`, `2012-04-11T14:03`), checked and trimmed. */
export const dateText = (field: string, example: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? `is missing — add a line like \`${field}: ${example}\``
          : `must be a date, not ${describe(issue.input)} — write it like \`${field}: ${example}\` (YYYY-MM-DD)`,
    })
    .trim()
    .superRefine((value, ctx) => {
      const problem = dateProblem(value);
      if (problem === "day-first")
        ctx.addIssue({
          code: "custom",
          message: `"${value}" puts the day first — write the year first: \`${field}: ${dayFirstToIso(value)}\` (YYYY-MM-DD)`,
        });
      else if (problem === "impossible")
        ctx.addIssue({
          code: "custom",
          message: `"${value}" is not a day on the calendar — check the month and day (YYYY-MM-DD)`,
        });
      else if (problem === "format")
        ctx.addIssue({
          code: "custom",
          message: `"${value}" is not a date — write it as \`${example}\` (YYYY-MM-DD, optionally with a time: YYYY-MM-DDTHH:MM)`,
        });
    });

function dayFirstToIso(value: string): string {
  const [d, m, y] = value.split(/[-/.]/);
  return `${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
}

export const yesNo = (field: string) =>
  z.boolean({
    error: (issue) =>
      `must be true or false, not ${describe(issue.input)} — write \`${field}: true\` or \`${field}: false\``,
  });

export const textList = (field: string, example: string) =>
  z.array(requiredText(example), {
    error: (issue) =>
      `must be a list, not ${describe(issue.input)} — write \`${field}: [${example}]\` or one \`- item\` per line`,
  });

/** 1, 2, 3, …: a step in a series, a place in the menu. */
export const wholeNumber = (field: string, example: number) =>
  z
    .number({
      error: (issue) => `must be a number, not ${describe(issue.input)} — write it like \`${field}: ${example}\``,
    })
    .int({ error: `must be a whole number — write it like \`${field}: ${example}\`` })
    .positive({ error: `must be 1 or more — write it like \`${field}: ${example}\`` });

/** A web address, written the way browsers write it (`new URL().href`): a `"` or a space in it escaped. */
export const httpUrl = (example: string) =>
  text(example)
    .refine((s) => /^https?:\/\/[^\s/]+/.test(s.trim()) && URL.canParse(s.trim()), {
      error: `is not a web address — write it like \`${example}\``,
    })
    .transform((s) => new URL(s.trim()).href);

/** A reference to an entry of a data file, like Astro's `reference()`: the message lists the entries there are. */
export function reference(field: string, example: string, ids: readonly string[], file: string) {
  const known = new Set(ids);
  return requiredText(`${field}: ${example}`).refine((id) => !id.trim() || known.has(id), {
    error: (issue) =>
      `"${String(issue.input)}" is not in ${file} — use one of: ${ids.join(", ") || "(none yet)"}, or add "${String(issue.input)}" to ${file}`,
  });
}
