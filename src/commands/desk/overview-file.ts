// Where `npm run overview -- --html FILE` may write its page: it names participants, so never into
// the site (`_site/`, `content/`) and never anywhere in the project that git could commit and a public
// repository would then show — outside the project, or in its `.cache/`, which git ignores.
import { existsSync, statSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { ToolError } from "../tool-error.ts";

/** The absolute path for `file` (relative to `cwd`), or a refusal that says where to write it instead. */
export function overviewTarget(root: string, file: string, cwd: string = process.cwd()): string {
  const target = resolve(cwd, file);
  const inProject = relative(resolve(root), target);
  const inside = inProject === "" || (!inProject.startsWith("..") && !isAbsolute(inProject));
  if (inside && !/^\.cache([\\/]|$)/.test(inProject)) {
    const where = /^(_site|content)([\\/]|$)/.test(inProject)
      ? "into the site, which is published"
      : "inside the project, where git could commit it — and a public repository show it";
    throw new ToolError(
      `${file} would go ${where}; the overview names participants. Write it outside the project, e.g. --html ../deelname.html, or into .cache/ (git leaves that alone).`,
    );
  }
  if (existsSync(target) && statSync(target).isDirectory())
    throw new ToolError(`${file} is a folder — give a file name, e.g. ${file.replace(/[\\/]*$/, "")}/deelname.html`);
  if (!existsSync(dirname(target)))
    throw new ToolError(`The folder ${dirname(file)} does not exist — create it first, or write the page elsewhere.`);
  return target;
}

export function writeOverview(target: string, html: string): void {
  try {
    writeFileSync(target, html);
  } catch (error) {
    throw new ToolError(
      `Could not write ${target} (${error instanceof Error && "code" in error ? String(error.code) : String(error)}).`,
    );
  }
}
