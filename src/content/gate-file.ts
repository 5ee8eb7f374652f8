// Whether the door of a private site is in place in this project, for the content step's refusal
// (`accessProblems`, src/model/access.ts): the gate's file with the function Netlify runs, no inline
// `config` that would narrow the `/*` the build declares, and netlify.toml not sending Netlify to look
// for edge functions in another folder (https://docs.netlify.com/build/edge-functions/optional-configuration/).
// Read as text: the build never runs the gate, and netlify.toml needs no TOML parser for one key.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gate } from "../model/door.ts";
import type { GateFile } from "../model/access.ts";

const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : undefined);

/** What `root` (the project) holds of the door. */
export function readGateFile(root: string): GateFile {
  const source = read(join(root, gate.file)) ?? "";
  const toml = read(join(root, "netlify.toml")) ?? "";
  return {
    handler: /^export default\b/m.test(source),
    inlineConfig: /^export\s+(const|let|var)\s+config\b|^export\s*\{[^}]*\bconfig\b/m.test(source),
    movedFolder: /^\s*edge_functions\s*=/m.test(toml),
  };
}
