// The door (netlify/edge-functions/gate/) in Node, with web Request and Response: every case of cases.ts.
// deno.unit.test.ts runs the same cases under Deno. Also: the gate imports only what Deno and Netlify's
// bundler take — files of this repository by relative path, no Node built-ins, no packages.
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { repoRoot } from "../support/site.ts";
import { cases } from "./cases.ts";

describe("the door, in Node", () => {
  for (const { name, run } of cases) test(name, run);
});

/** Every module the gate's entry reaches, with what each imports. */
function importGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string) => {
    if (graph.has(file)) return;
    const source = readFileSync(file, "utf8");
    const specifiers = [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+["']([^"']+)["']/gm)].map(
      (m) => m[1]!,
    );
    graph.set(file, specifiers);
    for (const specifier of specifiers) if (specifier.startsWith(".")) visit(resolve(dirname(file), specifier));
  };
  visit(entry);
  return graph;
}

test("the gate imports nothing but files of this repository: web APIs only, as Deno runs it on Netlify", () => {
  const graph = importGraph(join(repoRoot, "netlify/edge-functions/gate/gate.ts"));
  const modules = [...graph.keys()].map((file) => relative(repoRoot, file)).sort();
  expect(modules).toEqual([
    "netlify/edge-functions/gate/answers.ts",
    "netlify/edge-functions/gate/gate.ts",
    "netlify/edge-functions/gate/handle.ts",
    "netlify/edge-functions/gate/keys.ts",
    "src/model/door.ts",
    "src/model/languages.ts",
    "src/model/site-users.ts",
  ]);
  const outside = [...graph.values()].flat().filter((specifier) => !/^\.\.?\/.*\.ts$/.test(specifier));
  expect(outside).toEqual([]);
  // Neither Node's globals nor Deno's: what the gate uses, Netlify's runtime and Node's tests both have.
  const code = (file: string) => readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, "");
  for (const file of graph.keys()) expect(code(file), file).not.toMatch(/\bprocess\.|\brequire\(|\bBuffer\b|\bDeno\./);
});
