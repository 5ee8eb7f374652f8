// The stylesheet and the comments scripts are minified and fingerprinted (site.<hash>.css,
// comments-loader.<hash>.js, …) so they can be cached for a year; the layouts link them through
// `assets.css`, `assets.commentsLoader` and `assets.commentsWidget`.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build, transform } from "esbuild";

export const assets = { css: "", commentsLoader: "", commentsWidget: "" };

// Like Eleventy's own folders, these are found from the project being built (the working directory).
const source = join(process.cwd(), "layouts/css/site.css");
const target = ["chrome100", "firefox100", "safari15"];

/** Writes `<name>.<hash>.<ext>` into /assets/ and returns its address. */
async function writeFingerprinted(outputDir: string, name: string, ext: string, text: string): Promise<string> {
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 10);
  const file = `${name}.${hash}.${ext}`;
  await mkdir(join(outputDir, "assets"), { recursive: true });
  await writeFile(join(outputDir, "assets", file), text);
  return `/assets/${file}`;
}

/** One browser module with everything it imports (the widget bundles giscus and Lit from npm). */
async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(process.cwd(), "src/client", entry)],
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

type Outputs = readonly [css: string, loader: string, widget: string];

/** The last build's outputs and the sources they came from: the dev server rebuilds them only on change. */
let previous: { sources: string; outputs: Outputs } | undefined;

function sourcesOf(): string {
  const client = join(process.cwd(), "src/client");
  const files = [source, ...readdirSync(client).sort().map((file) => join(client, file))];
  return files.map((file) => readFileSync(file, "utf8")).join("\0");
}

/**
 * Minifies the stylesheet and bundles the scripts. esbuild works in its own process, and the
 * requests leave before this returns (the few small sources are read synchronously), so the
 * build can validate the content meanwhile.
 */
export function compileAssets(): Promise<Outputs> {
  const sources = sourcesOf();
  if (previous?.sources === sources) return Promise.resolve(previous.outputs);
  const compiled = Promise.all([
    transform(sources.slice(0, sources.indexOf("\0")), { loader: "css", minify: true, target }).then((r) => r.code),
    bundle("comments-loader.ts"),
    bundle("comments-widget.ts"),
  ] as const);
  return compiled.then((outputs) => {
    previous = { sources, outputs };
    return outputs;
  });
}

/** Writes the compiled assets with their fingerprints and removes earlier builds' ones. */
export async function writeAssets(outputDir: string, [css, loader, widget]: Outputs): Promise<void> {
  [assets.css, assets.commentsLoader, assets.commentsWidget] = await Promise.all([
    writeFingerprinted(outputDir, "site", "css", css),
    writeFingerprinted(outputDir, "comments-loader", "js", loader),
    writeFingerprinted(outputDir, "comments-widget", "js", widget),
  ]);
  // Earlier builds' fingerprinted files would pile up in _site/assets (and be deployed): remove them.
  const current = new Set([assets.css, assets.commentsLoader, assets.commentsWidget].map((url) => url.slice("/assets/".length)));
  const stale = (await readdir(join(outputDir, "assets"))).filter((file) => fingerprinted.test(file) && !current.has(file));
  await Promise.all(stale.map((file) => rm(join(outputDir, "assets", file), { force: true })));
}

const fingerprinted = /^(site|comments-loader|comments-widget)\.[0-9a-f]{10}\.(css|js)$/;
