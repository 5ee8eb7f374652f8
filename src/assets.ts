// The stylesheet and the comments scripts are minified and fingerprinted (site.<hash>.css,
// comments-loader.<hash>.js, …) so they can be cached for a year; the layouts link them through
// `assets.css`, `assets.commentsLoader` and `assets.commentsWidget`.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
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

/** The last build's outputs and the sources they came from: the dev server rebuilds them only on change. */
let previous: { sources: string; outputs: [string, string, string] } | undefined;

async function sourcesOf(): Promise<string> {
  const client = join(process.cwd(), "src/client");
  const files = [source, ...(await readdir(client)).sort().map((file) => join(client, file))];
  return (await Promise.all(files.map((file) => readFile(file, "utf8")))).join("\0");
}

export async function buildAssets(outputDir: string): Promise<void> {
  const sources = await sourcesOf();
  const [css, loader, widget] =
    previous?.sources === sources
      ? previous.outputs
      : await Promise.all([
          transform(sources.slice(0, sources.indexOf("\0")), { loader: "css", minify: true, target }).then((r) => r.code),
          bundle("comments-loader.ts"),
          bundle("comments-widget.ts"),
        ]);
  previous = { sources, outputs: [css, loader, widget] };
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
