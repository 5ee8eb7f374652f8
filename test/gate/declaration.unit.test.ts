// Where the door is declared and what the build checks of it: the gate on /* for a private site only,
// through the Frameworks API file the build writes; this repository's gate in place (a default export, no
// inline config that would narrow /*); netlify.toml neither declaring the gate (it would run on public sites
// too) nor moving the edge functions' folder.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parse } from "smol-toml";
import { afterEach, expect, test } from "vitest";
import { readGateFile } from "../../src/content/gate-file.ts";
import { gate } from "../../src/model/door.ts";
import { frameworksConfig, writeEdgeDeclarations } from "../../src/netlify/edge.ts";
import { edgeFunctionsOf, edgeRoutesOf } from "../support/edge.ts";
import { repoRoot } from "../support/site.ts";

const dirs: string[] = [];
const project = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), "hoedoededa-gate-"));
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

test("this repository's gate is in place: a default export, no inline config, the default folder", () => {
  expect(readGateFile(repoRoot)).toEqual({ handler: true, inlineConfig: false, movedFolder: false });
  // Netlify finds it where the test server does: the folder gate/, entry gate.ts, no other function.
  expect(edgeFunctionsOf(repoRoot)).toEqual({ gate: join(repoRoot, gate.file) });
});

test("netlify.toml declares no edge function: the gate runs only where the build declares it", () => {
  const toml = parse(readFileSync(join(repoRoot, "netlify.toml"), "utf8")) as Record<string, unknown>;
  expect(toml.edge_functions).toBeUndefined();
  expect((toml.build as Record<string, unknown>).edge_functions).toBeUndefined();
});

test("the gate file's checks: missing, without a default export, with an inline config, a moved folder", () => {
  const entry = "export default () => new Response();\n";
  expect(readGateFile(project({}))).toEqual({ handler: false, inlineConfig: false, movedFolder: false });
  expect(readGateFile(project({ [gate.file]: "export const x = 1;\n" })).handler).toBe(false);
  for (const config of [
    `export const config = { path: "/posts/*" };`,
    `export const config: Config = { excludedPath: "/feed.xml" };`,
    `const config = {};\nexport { config };`,
  ])
    expect(readGateFile(project({ [gate.file]: `${entry}${config}\n` })).inlineConfig, config).toBe(true);
  // A comment that mentions a config is not one.
  expect(readGateFile(project({ [gate.file]: `// no export const config here\n${entry}` })).inlineConfig).toBe(false);
  expect(
    readGateFile(project({ [gate.file]: entry, "netlify.toml": `[build]\n  edge_functions = "elders"\n` })).movedFolder,
  ).toBe(true);
});

test("the build writes the declaration for a private site, in Prettier's JSON, and takes it away for a public one", async () => {
  const root = project({});
  await writeEdgeDeclarations(root, { private: true });
  const text = readFileSync(join(root, frameworksConfig), "utf8");
  expect(text).toBe(`{\n  "edge_functions": [\n    {\n      "function": "gate",\n      "path": "/*"\n    }\n  ]\n}\n`);
  // What the test server reads, as Netlify merges it.
  expect(edgeRoutesOf(root, join(root, "netlify.toml"))).toEqual([{ function: "gate", path: "/*" }]);
  await writeEdgeDeclarations(root, { private: false });
  expect(existsSync(join(root, frameworksConfig))).toBe(false);
  await writeEdgeDeclarations(root, {});
  expect(existsSync(join(root, frameworksConfig))).toBe(false);
});
