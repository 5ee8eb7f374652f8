// Old addresses: where each post lived on the old blog, the redirect from there, and links between
// old posts rewritten to the new addresses (absolute, from the site root, or WordPress's `?p=123`).
import type { WxrItem } from "./wxr.ts";
import type { Redirect } from "../../model/content.ts";

/** A path as people read it: `/2012/05/02/%c3%bcber/` → `/2012/05/02/über/` (encoded again in _redirects). */
export function readablePath(pathname: string): string {
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}

export function oldPath(link: string, target: string): Redirect | undefined {
  try {
    const from = readablePath(new URL(link).pathname);
    return from !== "/" && from !== target ? { from, to: target } : undefined;
  } catch {
    return undefined;
  }
}

export function sameHost(url: string, blog: string): boolean {
  try {
    return new URL(url).host === new URL(blog).host;
  } catch {
    return false;
  }
}

/**
 * Links from one old post to another point to the new addresses: by the old address (absolute or
 * from the site root) or by WordPress's `?p=123`. Other links stay as they are.
 */
export function oldLinks(blog: string, moved: readonly { item: WxrItem; url: string }[]): (href: string) => string {
  const trail = (path: string) => (path.endsWith("/") ? path : `${path}/`);
  const byPath = new Map<string, string>();
  const byId = new Map(moved.map((m) => [m.item.id, m.url]));
  for (const { item, url } of moved) {
    try {
      byPath.set(trail(readablePath(new URL(item.link).pathname)), url);
    } catch {
      // A post without an address is only reachable by its id.
    }
  }
  return (href) => {
    let url: URL;
    try {
      url = new URL(href, blog);
      if (!sameHost(url.href, blog) || (!href.startsWith("/") && !sameHost(href, blog))) return href;
    } catch {
      return href;
    }
    const id = url.pathname === "/" ? (url.searchParams.get("p") ?? url.searchParams.get("page_id")) : null;
    const target = (id ? byId.get(id) : undefined) ?? byPath.get(trail(readablePath(url.pathname)));
    return target ? `${target}${url.hash}` : href;
  };
}
