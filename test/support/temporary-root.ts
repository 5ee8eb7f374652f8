// Vitest's global setup: every temporary project, output and browser profile of a test run lives in
// one folder (TMPDIR, which os.tmpdir() and the builds the tests start read), removed once the run
// ends. A test that fails before its own clean-up leaves nothing behind in the machine's /tmp.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "hoedoededa-tests-"));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
