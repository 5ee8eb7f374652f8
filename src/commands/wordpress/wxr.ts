// A WordPress export (WXR: Tools → Export) read with a real XML parser into plain typed records.
// Nothing is interpreted here beyond the file format: what to import is decided in plan.ts.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ToolError } from "../tool-error.ts";

export interface WxrAuthor {
  login: string;
  displayName: string;
}

export interface WxrTerm {
  /** `category` or `post_tag` (other taxonomies are ignored). */
  domain: string;
  slug: string;
  label: string;
}

export interface WxrComment {
  id: string;
  author: string;
  authorUrl: string;
  /** Site-local wall time `YYYY-MM-DD HH:MM:SS`, and the same moment in UTC (or 0000-… when unknown). */
  date: string;
  dateGmt: string;
  content: string;
  /** `1` approved, `0` pending, `spam`, `trash`. */
  approved: string;
  /** Empty or `comment` for a response; `pingback`, `trackback`, … otherwise. */
  type: string;
  /** `0` for a response to the post. */
  parent: string;
}

export interface WxrItem {
  id: string;
  title: string;
  link: string;
  /** The slug, as WordPress stores it (percent-encoded when it has accents); empty for most drafts. */
  postName: string;
  /** `post`, `page`, `attachment`, `revision`, `nav_menu_item`, … */
  type: string;
  /** `publish`, `draft`, `pending`, `future`, `private`, `trash`, `inherit`, `auto-draft`. */
  status: string;
  /** The password a reader had to give (`<wp:post_password>`); empty for a post anyone could read. */
  password: string;
  date: string;
  dateGmt: string;
  creator: string;
  content: string;
  excerpt: string;
  parent: string;
  attachmentUrl: string;
  terms: WxrTerm[];
  comments: WxrComment[];
}

export interface Wxr {
  title: string;
  /** The old blog's address, e.g. `https://oudblog.example.org`. */
  link: string;
  authors: WxrAuthor[];
  items: WxrItem[];
}

const lists = new Set([
  "item",
  "wp:author",
  "wp:comment",
  "category",
  "wp:postmeta",
  "wp:category",
  "wp:tag",
  "wp:term",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Titles such as "2012" stay text; ids keep their digits as written.
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => lists.has(name),
});

type Node = Record<string, unknown>;

/** The text of an element, whether the parser made it a string or an object with attributes. */
function text(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") return text((value as Node)["#text"]);
  return String(value);
}

const nodes = (value: unknown): Node[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is Node => typeof v === "object" && v !== null,
  );

function item(node: Node): WxrItem {
  return {
    id: text(node["wp:post_id"]),
    title: text(node.title),
    link: text(node.link),
    postName: text(node["wp:post_name"]),
    type: text(node["wp:post_type"]) || "post",
    status: text(node["wp:status"]),
    password: text(node["wp:post_password"]),
    date: text(node["wp:post_date"]),
    dateGmt: text(node["wp:post_date_gmt"]),
    creator: text(node["dc:creator"]),
    content: text(node["content:encoded"]),
    excerpt: text(node["excerpt:encoded"]),
    parent: text(node["wp:post_parent"]),
    attachmentUrl: text(node["wp:attachment_url"]),
    terms: nodes(node.category).map((c) => ({
      domain: text(c["@_domain"]),
      slug: text(c["@_nicename"]),
      label: text(c),
    })),
    comments: nodes(node["wp:comment"]).map((c) => ({
      id: text(c["wp:comment_id"]),
      author: text(c["wp:comment_author"]),
      authorUrl: text(c["wp:comment_author_url"]),
      date: text(c["wp:comment_date"]),
      dateGmt: text(c["wp:comment_date_gmt"]),
      content: text(c["wp:comment_content"]),
      approved: text(c["wp:comment_approved"]),
      type: text(c["wp:comment_type"]),
      parent: text(c["wp:comment_parent"]) || "0",
    })),
  };
}

/** Parses a WXR file; a file that is not one gives a ToolError saying what to do instead. */
export function parseWxr(xml: string, name = "The file"): Wxr {
  const again = "export it again in WordPress with Tools → Export → All content";
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ToolError(
      `${name} is not a complete XML file (line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}) — ${again}. Nothing was written.`,
    );
  }
  const doc = parser.parse(xml) as Node;
  const channel = nodes((doc.rss as Node | undefined)?.channel)[0];
  if (!channel || channel["wp:wxr_version"] === undefined) {
    throw new ToolError(
      `${name} is XML but not a WordPress export (WXR: an <rss> file with <wp:wxr_version>) — ${again}. Nothing was written.`,
    );
  }
  return {
    title: text(channel.title),
    link: text(channel.link) || text(channel["wp:base_blog_url"]),
    authors: nodes(channel["wp:author"]).map((a) => ({
      login: text(a["wp:author_login"]),
      displayName: text(a["wp:author_display_name"]),
    })),
    items: nodes(channel.item).map(item),
  };
}
