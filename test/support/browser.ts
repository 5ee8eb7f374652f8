// Finds a Chromium for browser tests: $CHROME_PATH, then Playwright's own download, then Debian's.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright";

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function findBrowser(): string {
  const candidates = [process.env.CHROME_PATH, safe(() => chromium.executablePath()), "/usr/bin/chromium"];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error(
      "No Chromium found for the browser tests. Set CHROME_PATH to a Chromium or Chrome binary, " +
        "or install one: `npx playwright install chromium` (on a connected machine) or `apt-get install chromium` (Debian).",
    );
  }
  return found;
}

function safe(fn: () => string): string | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: findBrowser(), headless: true, args: chromiumArgs });
}
