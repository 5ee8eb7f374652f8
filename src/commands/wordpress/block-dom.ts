// Reading a block's own HTML the way WordPress reads a block's "sourced" attributes (an image's
// `src` from its <img>, a caption from its <figcaption>): a parsed fragment and a few queries.
// https://developer.wordpress.org/block-editor/reference-guides/block-api/block-attributes/#value-source
import { DomUtils, parseDocument } from "htmlparser2";
import { escapeHtml } from "../../markdown/escape-html.ts";

export type Element = ReturnType<typeof DomUtils.findAll>[number];
export type Fragment = ReturnType<typeof parseDocument>["children"];

export const fragment = (html: string): Fragment => parseDocument(html).children;

/** The first element in document order that passes `test`. */
export const first = (nodes: Fragment | Element[], test: (el: Element) => boolean): Element | undefined =>
  DomUtils.findOne(test, nodes as Fragment) ?? undefined;

export const all = (nodes: Fragment | Element[], test: (el: Element) => boolean): Element[] =>
  DomUtils.findAll(test, nodes as Fragment);

export const named = (name: string) => (el: Element) => el.name === name;

export const hasClass = (el: Element, name: string) => ` ${el.attribs.class ?? ""} `.includes(` ${name} `);

export const withClass = (name: string) => (el: Element) => hasClass(el, name);

/** An attribute's value, trimmed; "" when absent. */
export const attr = (el: Element | undefined, name: string) => (el?.attribs[name] ?? "").trim();

/** What is inside an element, as HTML (rich text: links and emphasis kept). */
export const inner = (el: Element | undefined) => (el ? DomUtils.getInnerHTML(el) : "");

/** The text of an element, whitespace collapsed. */
export const text = (el: Element | undefined) => (el ? DomUtils.textContent(el).replace(/\s+/g, " ").trim() : "");

/** A rich-text value with nothing in it but spaces and line breaks counts as no value (RichText.isEmpty). */
export const isEmptyRichText = (html: string) => html.replace(/<br\s*\/?>|&nbsp;|\s/gi, "") === "";

/** A caption for the converter: it becomes an emphasised line under what it belongs to. */
export const caption = (html: string) => (isEmptyRichText(html) ? "" : `<figcaption>${html}</figcaption>`);

/** A link around `html`, or `html` alone when there is no address. */
export const linked = (href: string, html: string) => (href ? `<a href="${escapeHtml(href)}">${html}</a>` : html);

export const image = (src: string, alt: string) => `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">`;

/** A string attribute of a block's JSON, or "". */
export const stringAttr = (attrs: Record<string, unknown> | null, name: string): string => {
  const value = attrs?.[name];
  return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
};
