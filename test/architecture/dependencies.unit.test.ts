// Every dependency costs every install: each one in package.json is named, with its reason, in
// ARCHITECTURE.md's table ("Dependencies, and why"), and the table names none that is gone.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { repoRoot } from "../support/site.ts";

const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as Record<string, Record<string, string>>;
const architecture = readFileSync(join(repoRoot, "ARCHITECTURE.md"), "utf8");
const table = architecture.slice(
  architecture.indexOf("## Dependencies, and why"),
  architecture.indexOf("\n## ", architecture.indexOf("## Dependencies, and why") + 1),
);
/** The packages a row names in its first cell: `name`, or `@types/*` for every types package. */
const named = table
  .split("\n")
  .filter((line) => line.startsWith("| `"))
  .flatMap((line) => [...line.split(" | ")[0]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));

test("each dependency in package.json has its reason in ARCHITECTURE.md", () => {
  const all = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
  const covered = (name: string) => named.includes(name) || (name.startsWith("@types/") && named.includes("@types/*"));
  expect(all.filter((name) => !covered(name))).toEqual([]);
});

test("the table names no package that is not a dependency", () => {
  const all = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {}), "@types/*"]);
  expect(named.filter((name) => !all.has(name))).toEqual([]);
});
