// All or nothing: a command that changes several files writes each one beside itself first, and only
// when every one is written moves them into place; if a move fails, the files already moved get
// their old text back. Either every file changes, or none does.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { ToolError } from "../tool-error.ts";

export interface FileChange {
  /** Project-relative path. */
  path: string;
  text: string;
}

const reason = (error: unknown) => (error instanceof Error && "code" in error ? String(error.code) : String(error));

export function writeAll(root: string, changes: readonly FileChange[]): void {
  const staged: { path: string; target: string; temp: string; before: string | undefined }[] = [];
  const unstage = () => staged.forEach(({ temp }) => rmSync(temp, { force: true }));
  for (const change of changes) {
    const target = join(root, change.path);
    // A dot-file that ends in neither .md nor .yaml: the build and its watcher never take it for content.
    const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    try {
      const before = existsSync(target) ? readFileSync(target, "utf8") : undefined;
      writeFileSync(temp, change.text);
      staged.push({ path: change.path, target, temp, before });
    } catch (error) {
      unstage();
      throw new ToolError(`Could not write ${change.path} (${reason(error)}) — nothing was changed.`);
    }
  }
  const moved: typeof staged = [];
  for (const file of staged) {
    try {
      renameSync(file.temp, file.target);
      moved.push(file);
    } catch (error) {
      for (const done of moved) {
        if (done.before === undefined) rmSync(done.target, { force: true });
        else writeFileSync(done.target, done.before);
      }
      unstage();
      throw new ToolError(`Could not write ${file.path} (${reason(error)}) — nothing was changed.`);
    }
  }
}
