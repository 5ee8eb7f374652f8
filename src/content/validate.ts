// One schema check, one shape of problem: zod's issues become `file: field: what — fix`, and an
// unknown key gets the nearest valid key as a suggestion (or the Dutch word's English key).
import { z } from "zod";
import { nearest, type Problem } from "../model/problems.ts";
import { keyAliases } from "../model/schema.ts";

/** The object schema at `path` inside `schema`, through optional and default wrappers (zod's public `unwrap`) and transforms (a pipe's input). */
function objectAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodObject | undefined {
  const unwrap = (s: z.ZodType | undefined): z.ZodType | undefined =>
    s instanceof z.ZodOptional || s instanceof z.ZodDefault
      ? unwrap(s.unwrap() as z.ZodType)
      : s instanceof z.ZodPipe
        ? unwrap(s.in as z.ZodType)
        : s;
  let current = unwrap(schema);
  for (const key of path)
    current = current instanceof z.ZodObject ? unwrap(current.shape[String(key)] as z.ZodType) : undefined;
  return current instanceof z.ZodObject ? current : undefined;
}

function toProblems(schema: z.ZodType, file: string, issues: readonly z.core.$ZodIssue[], prefix: string): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "front-matter";
    if (issue.code !== "unrecognized_keys") {
      problems.push({ file, field, message: issue.message });
      continue;
    }
    const valid = Object.keys(objectAt(schema, issue.path)?.shape ?? {});
    for (const key of issue.keys) {
      const suggestion = nearest(key, valid, keyAliases);
      problems.push({
        file,
        field: field === "front-matter" ? key : `${field}.${key}`,
        message: suggestion
          ? `is not a known field — did you mean \`${suggestion}\`?`
          : `is not a known field — use one of: ${valid.join(", ")}`,
      });
    }
  }
  return problems;
}

/** Validates `value`; `prefix` names where it sits in the file (an author id, an old address). */
export function check<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: string,
  prefix = "",
): { data: z.infer<S> | undefined; problems: Problem[] } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, problems: [] };
  return { data: undefined, problems: toProblems(schema, file, result.error.issues, prefix) };
}
