// Reading a built site the way a browser would: every file, every HTML document parsed, and a list
// of everything in it that could run code.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { DomUtils, parseDocument } from "htmlparser2";
import { embedHosts } from "../../src/markdown/render.ts";
import { routes } from "../../src/build/routes.ts";

/** Paths of all files under `dir`, relative to it, with forward slashes. */
export function siteFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split("\\").join("/"))
    .sort();
}

export const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");

/** The pages for the facilitator, not for readers (routes with `noindex`, e.g. `schrijven/index.html`): noindex in every build, in no sitemap. */
export const facilitatorPages: ReadonlySet<string> = new Set(
  routes
    .filter((route) => route.noindex)
    .flatMap((route) => route.at.split(" and "))
    .map((at) => `${at.slice(1)}index.html`),
);

/** Removes what a test build left in the temporary folder: the project copy and its output. */
export function discard(result: { root: string; out?: string } | undefined): void {
  for (const dir of [result?.root, result?.out]) {
    // Only ever temporary folders: the repository itself is never a build's root here.
    if (dir && dir.startsWith(tmpdir() + "/")) rmSync(dir, { recursive: true, force: true });
  }
}

export type Element = ReturnType<typeof DomUtils.findAll>[number];

/** Every element of a document (script and style included), in document order. */
export function elementsOf(html: string): Element[] {
  return DomUtils.findAll(() => true, parseDocument(html).children);
}

/** The text a reader sees (scripts, styles and the head left out), whitespace collapsed. */
export function visibleText(html: string): string {
  const document = parseDocument(html);
  const body = DomUtils.findOne((el) => el.name === "body", document.children) ?? document;
  const hidden = DomUtils.findAll(
    (el) => el.name === "script" || el.name === "style" || el.name === "template",
    [body],
  );
  for (const el of hidden) DomUtils.removeElement(el);
  return DomUtils.textContent(body).replace(/\s+/g, " ").trim();
}

const dataScript = /^(application\/(ld\+)?json|importmap)$/i;
const urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite"];
// Browsers ignore tabs, newlines and leading control characters inside a scheme.
const scheme = (value: string) => value.replace(/[\u0000-\u0020]/g, "").toLowerCase();

/**
 * Everything in `html` that could run code, described for a test message. Our own scripts are
 * allowed: files served from this site (`src="/…"`) with no inline code, and JSON data blocks.
 */
export function liveScripts(html: string, where: string): string[] {
  const found: string[] = [];
  for (const el of elementsOf(html)) {
    const attrs = el.attribs;
    if (el.name === "script") {
      const inline = DomUtils.textContent(el).trim();
      const ownFile = attrs.src !== undefined && /^\/(?!\/)/.test(attrs.src) && !inline;
      if (!ownFile && !dataScript.test(attrs.type ?? ""))
        found.push(`${where}: <script${attrs.src ? ` src="${attrs.src}"` : ""}>${inline.slice(0, 60)}`);
    }
    if (["object", "embed", "base", "applet"].includes(el.name)) found.push(`${where}: <${el.name}>`);
    if (el.name === "meta" && /refresh/i.test(attrs["http-equiv"] ?? ""))
      found.push(`${where}: <meta http-equiv=refresh>`);
    if (el.name === "iframe") {
      if ("srcdoc" in attrs) found.push(`${where}: <iframe srcdoc>`);
      const host = safeHost(attrs.src);
      if (host !== undefined && !(embedHosts as readonly string[]).includes(host))
        found.push(`${where}: <iframe src="${attrs.src}">`);
    }
    for (const [name, value] of Object.entries(attrs)) {
      if (/^on/i.test(name)) found.push(`${where}: <${el.name} ${name}="${value}">`);
      if (urlAttributes.includes(name.toLowerCase()) && /^(javascript|vbscript|data:text\/html)/.test(scheme(value))) {
        found.push(`${where}: <${el.name} ${name}="${value}">`);
      }
    }
  }
  return found;
}

function safeHost(src: string | undefined): string | undefined {
  if (!src || (src.startsWith("/") && !src.startsWith("//"))) return undefined;
  try {
    return new URL(src, "https://this-site.invalid").host;
  } catch {
    return "(unparseable)";
  }
}
