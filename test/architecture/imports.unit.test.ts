// The floor plan of src/, held: the layers import bottom-up only (ARCHITECTURE.md, "Layers"), and no
// module reaches itself through its imports, type imports included. A cycle makes a module's
// meaning depend on load order and hides which one is the real base; a layer that imports upward
// drags the build into a command, or Eleventy into the model.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { repoRoot } from "../support/site.ts";

/** The layers, bottom first; a folder of src/ may import its own layer and those below. */
const layers: { name: string; folders: string[] }[] = [
  { name: "model", folders: ["model"] },
  { name: "content", folders: ["content"] },
  {
    name: "domains",
    folders: [
      "i18n",
      "markdown",
      "cache",
      "github",
      "privacy",
      "sessions",
      "comments",
      "write",
      "posts",
      "cards",
      "search",
      "netlify",
      "deploys",
    ],
  },
  { name: "build", folders: ["build"] },
  { name: "commands", folders: ["commands"] },
];
/** Browser code stands apart: it is bundled for the page, and may lean on the model's pure rules only. */
const client = { folder: "client", may: ["client", "model"] };

const src = join(repoRoot, "src");
const modules = (readdirSync(src, { recursive: true }) as string[])
  .map((f) => f.split("\\").join("/"))
  .filter((f) => /\.(ts|mts|mjs|js)$/.test(f) && !f.endsWith(".d.ts"));
const known = new Set(modules);

/** What `file` imports of src/ (static, dynamic, type-only and re-exports alike), as paths in src/. */
export function importsOf(file: string, text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g)) {
    const target = posix.normalize(posix.join(posix.dirname(file), m[1]!));
    if (target.startsWith("..")) continue;
    found.add(target);
  }
  return [...found];
}

const graph = new Map(modules.map((file) => [file, importsOf(file, readFileSync(join(src, file), "utf8"))]));
const folderOf = (file: string) => file.split("/")[0]!;
const layerOf = (folder: string) => layers.findIndex((layer) => layer.folders.includes(folder));

/** Every import cycle among modules (Tarjan's strongly connected components of more than one module, or a module importing itself). */
function cycles(): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)!.includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!order.has(v)) visit(v);
  return found;
}

describe("the import graph of src/", () => {
  test("every relative import names a module that exists", () => {
    const missing = [...graph].flatMap(([file, targets]) =>
      targets.filter((t) => !known.has(t)).map((t) => `${file} → ${t}`),
    );
    expect(missing).toEqual([]);
  });

  test("every folder of src/ has its place in a layer (or is the browser's)", () => {
    const folders = new Set(modules.filter((f) => f.includes("/")).map(folderOf));
    const loose = modules.filter((f) => !f.includes("/"));
    expect(loose, "modules at the top of src/: give each a folder").toEqual([]);
    expect([...folders].filter((f) => f !== client.folder && layerOf(f) === -1)).toEqual([]);
  });

  test("no module reaches itself through its imports", () => {
    expect(cycles().map((c) => c.join(" → "))).toEqual([]);
  });

  test("each layer imports only from itself and the layers below", () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      const from = folderOf(file);
      for (const target of targets) {
        const to = folderOf(target);
        const allowed =
          from === client.folder ? client.may.includes(to) : to !== client.folder && layerOf(to) <= layerOf(from);
        if (!allowed) upward.push(`${file} → ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  test("the checks see what they must: a type import, a dynamic import and a re-export count", () => {
    const text = `import type { A } from "../model/a.ts";\nconst b = await import("./b.ts");\nexport { c } from "../c/c.ts";\n// import { d } from "./d.ts";`;
    expect(importsOf("posts/x.ts", text).sort()).toEqual(["c/c.ts", "model/a.ts", "posts/b.ts"]);
  });
});
