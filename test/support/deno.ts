// Deno from npm (`deno`, pinned in package.json): its binary comes in a platform package
// (@deno/linux-x64-glibc, …), nothing is downloaded. Netlify runs edge functions on Deno, so the door's
// tests run there too (test/gate/), and so does the test server's edge layer (test/support/edge.ts).
import { createRequire } from "node:module";
import { dirname } from "node:path";

const require = createRequire(import.meta.url);

/** The Deno executable of the `deno` package (its own installer finds the platform package's). */
export function denoBinary(): string {
  const installer = require("deno/install_api.cjs") as { runInstall(): string };
  return installer.runInstall();
}

/** A folder holding a `deno` executable, for tools that look for `deno` on the PATH (Netlify's edge bundler). */
export const denoFolder = (): string => dirname(denoBinary());
