// The HTML of a private site's pages held to html-validate's rules (.htmlvalidate.mjs) and W3C's Nu Html
// Checker (vnu-jar, with the machine's Java) — the login page as built and as the gate shows it after a
// refusal (its own `door()`: the refusal shown, the name kept, "remember me" ticked).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { FileSystemConfigLoader, HtmlValidate, type Message } from "html-validate";
import { door } from "../../netlify/edge-functions/gate/answers.ts";
import { repoRoot } from "../support/site.ts";

const vnuJar = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

/** Every problem of `files` (paths under `out`) and of the login page after a refusal, as `file:line rule message`. */
export async function htmlProblems(out: string, files: string[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "hoedoededa-html-"));
  try {
    const pages: Record<string, string> = Object.fromEntries(
      files.map((file) => [file, readFileSync(join(out, file), "utf8")]),
    );
    const refused = await door(new Response(pages["door/index.html"]), "leergang.example.org", {
      name: `Marjan "M" <de Vries>`,
      remember: true,
    });
    pages["door/refused.html"] = await refused.text();
    const problems: string[] = [];
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    for (const [file, html] of Object.entries(pages)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), html);
      const report = await validator.validateString(html, join(repoRoot, "_site", file));
      for (const result of report.results)
        for (const m of result.messages as Message[])
          if (m.severity === 2) problems.push(`${file}:${m.line} ${m.ruleId} ${m.message}`);
    }
    const run = spawnSync("java", ["-jar", vnuJar, "--errors-only", "--format", "json", dir], {
      encoding: "utf8",
      maxBuffer: 16 << 20,
    });
    if (run.error) throw new Error(`the Nu Html Checker needs Java (17 or later) on the PATH: ${run.error.message}`);
    const { messages } = JSON.parse(run.stderr) as {
      messages: { type: string; url: string; lastLine?: number; message: string }[];
    };
    for (const m of messages.filter((m) => m.type !== "info"))
      problems.push(`${m.url.replace(`file:${dir}/`, "")}:${m.lastLine ?? "?"} vnu ${m.message}`);
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
