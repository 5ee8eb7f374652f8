// The stylesheet and the comments scripts are minified and fingerprinted (site.<hash>.css,
// widget-loader.<hash>.js, …) so they can be cached for a year; the layouts link them through
// `assets.css`, `assets.widgetLoader`, `assets.widget`, `assets.search` (the search page only),
// `assets.write` (/schrijven/ only) and `assets.clock` (pages with an upcoming meeting).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import type { Caches } from "./session.ts";
import type { AssetUrls } from "./site-build.ts";

const target = ["chrome100", "firefox100", "safari15"];

type Outputs = NonNullable<Caches["assets"]>["outputs"];

/** Writes `<name>.<hash>.<ext>` into /assets/ and returns its address. */
async function writeFingerprinted(outputDir: string, name: string, ext: string, text: string): Promise<string> {
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 10);
  const file = `${name}.${hash}.${ext}`;
  await mkdir(join(outputDir, "assets"), { recursive: true });
  await writeFile(join(outputDir, "assets", file), text);
  return `/assets/${file}`;
}

/** One file with everything it imports: the stylesheet's parts (layouts/css/), a script's modules (the widget bundles giscus and Lit). */
async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    minify: true,
    target,
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

/** The text of every source the assets are made from, in a fixed order: what the compiled cache is keyed by. */
function sourcesOf(root: string): string {
  const files = ["layouts/css", "src/client"].flatMap((dir) =>
    readdirSync(join(root, dir))
      .sort()
      .map((file) => join(root, dir, file)),
  );
  return files.map((file) => `${file}\0${readFileSync(file, "utf8")}`).join("\0");
}

/**
 * Bundles the stylesheet and the scripts, or hands back the last ones when no source changed (the
 * dev server). esbuild works in its own process, and the requests leave before this returns (the few
 * small sources are read synchronously), so the build can validate the content meanwhile.
 */
export function compileAssets(root: string, caches: Caches): Promise<Outputs> {
  const sources = sourcesOf(root);
  if (caches.assets?.sources === sources) return Promise.resolve(caches.assets.outputs);
  const compiled = Promise.all([
    bundle(join(root, "layouts/css/site.css")),
    bundle(join(root, "src/client/widget-loader.ts")),
    bundle(join(root, "src/client/widget.ts")),
    bundle(join(root, "src/client/search.ts")),
    bundle(join(root, "src/client/write.ts")),
    bundle(join(root, "src/client/clock.ts")),
  ] as const);
  return compiled.then((outputs) => {
    caches.assets = { sources, outputs };
    return outputs;
  });
}

const fingerprinted = /^(site|widget-loader|widget|search|write|clock)\.[0-9a-f]{10}\.(css|js)$/;

/** Writes the compiled assets with their fingerprints and removes earlier builds' ones. */
export async function writeAssets(
  outputDir: string,
  [css, loader, widget, search, write, clock]: Outputs,
): Promise<AssetUrls> {
  const [cssUrl, loaderUrl, widgetUrl, searchUrl, writeUrl, clockUrl] = await Promise.all([
    writeFingerprinted(outputDir, "site", "css", css),
    writeFingerprinted(outputDir, "widget-loader", "js", loader),
    writeFingerprinted(outputDir, "widget", "js", widget),
    writeFingerprinted(outputDir, "search", "js", search),
    writeFingerprinted(outputDir, "write", "js", write),
    writeFingerprinted(outputDir, "clock", "js", clock),
  ]);
  // Earlier builds' fingerprinted files would pile up in _site/assets (and be deployed): remove them.
  const current = new Set(
    [cssUrl, loaderUrl, widgetUrl, searchUrl, writeUrl, clockUrl].map((url) => url.slice("/assets/".length)),
  );
  const stale = (await readdir(join(outputDir, "assets"))).filter(
    (file) => fingerprinted.test(file) && !current.has(file),
  );
  await Promise.all(stale.map((file) => rm(join(outputDir, "assets", file), { force: true })));
  return {
    css: cssUrl,
    widgetLoader: loaderUrl,
    widget: widgetUrl,
    search: searchUrl,
    write: writeUrl,
    clock: clockUrl,
  };
}
