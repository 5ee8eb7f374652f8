// The stylesheet is minified and fingerprinted (site.<hash>.css) so it can be cached for a year;
// the layouts link it through `assets.css`.
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { transform } from "esbuild";

export const assets = { css: "" };

const source = new URL("../layouts/css/site.css", import.meta.url);

export async function buildAssets(outputDir: string): Promise<void> {
  const css = (await transform(await readFile(source, "utf8"), { loader: "css", minify: true, target: ["chrome100", "firefox100", "safari15"] })).code;
  const hash = createHash("sha256").update(css).digest("hex").slice(0, 10);
  const name = `site.${hash}.css`;
  await mkdir(join(outputDir, "assets"), { recursive: true });
  await writeFile(join(outputDir, "assets", name), css);
  assets.css = `/assets/${name}`;
}
