// WordPress shortcodes ([caption], [embed], [gallery], …) are WordPress's own bracket syntax, not
// HTML: they are turned into the HTML WordPress would have shown, before the HTML is converted.
// Shortcodes we do not know stay in the text as written, which keeps them readable.
import { escapeHtml } from "../../markdown/escape-html.ts";

/** Video players the site may embed (in step with src/markdown/render.ts's allow-list). */
export function embedUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  const host = parsed.hostname.replace(/^www\.|^m\./, "");
  const youtube =
    host === "youtu.be"
      ? parsed.pathname.slice(1)
      : host === "youtube.com" || host === "youtube-nocookie.com"
        ? (parsed.searchParams.get("v") ?? /^\/(?:embed|shorts|v)\/([\w-]+)/.exec(parsed.pathname)?.[1])
        : undefined;
  // A YouTube video id is 11 characters; anything else (a caption run into it, a channel) is no video.
  if (youtube && /^[\w-]{11}$/.test(youtube)) return `https://www.youtube-nocookie.com/embed/${youtube}`;
  const vimeo = host === "vimeo.com" || host === "player.vimeo.com" ? /(\d{5,})/.exec(parsed.pathname)?.[1] : undefined;
  if (vimeo) return `https://player.vimeo.com/video/${vimeo}`;
  return undefined;
}

/** The HTML for an embedded URL: the player when it is one we allow, else a plain link. */
export function embedHtml(url: string, title = "Video"): string {
  const player = embedUrl(url);
  return player
    ? `<iframe src="${escapeHtml(player)}" title="${escapeHtml(title)}" width="560" height="315" allowfullscreen></iframe>`
    : `<p><a href="${escapeHtml(url.trim())}">${escapeHtml(url.trim())}</a></p>`;
}

/** `id="5" align='left' width=300 "positional"` → { id: "5", align: "left", width: "300", 0: "positional" }. */
export function shortcodeAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  let positional = 0;
  for (const m of source.matchAll(
    /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|'([^']*)'|(\S+)/g,
  )) {
    const name = m[1] ?? m[3] ?? m[5];
    if (name) attributes[name.toLowerCase()] = m[2] ?? m[4] ?? m[6] ?? "";
    else attributes[String(positional++)] = m[7] ?? m[8] ?? m[9] ?? "";
  }
  return attributes;
}

export interface ShortcodeContext {
  /** Attachment id → file URL, for [gallery ids="…"]. */
  attachments: ReadonlyMap<string, string>;
  /** The attachments belonging to this post, for a [gallery] without ids. */
  ownAttachments: readonly string[];
}

const enclosing = /\[(caption|wp_caption|embed)\b([^\]]*)\]([\s\S]*?)\[\/\1\]/g;
const standalone = /\[(gallery|youtube|vimeo|audio|video)\b([^\]]*?)\/?\](?:([^[]*)\[\/\1\])?/g;

export function expandShortcodes(html: string, context: ShortcodeContext): string {
  return html
    .replace(enclosing, (_all, name: string, attrs: string, inner: string) => {
      const a = shortcodeAttributes(attrs);
      if (name === "embed") return embedHtml(inner);
      // [caption]<img …> Text[/caption], or the older caption="Text" attribute.
      const caption = a.caption ? `<figcaption>${escapeHtml(a.caption)}</figcaption>` : "";
      return `<figure>${inner.trim()}${caption}</figure>`;
    })
    .replace(standalone, (all, name: string, attrs: string, inner: string | undefined) => {
      const a = shortcodeAttributes(attrs);
      if (name === "youtube" || name === "vimeo") {
        const url = a.url ?? a["0"] ?? inner?.trim() ?? "";
        return embedHtml(/^\d+$/.test(url) && name === "vimeo" ? `https://vimeo.com/${url}` : url);
      }
      if (name === "audio" || name === "video") {
        const src = a.src ?? a.mp3 ?? a.mp4 ?? a.m4a ?? a.ogg ?? a.webm ?? inner?.trim();
        return src ? `<p><a href="${escapeHtml(src)}">${escapeHtml(src)}</a></p>` : all;
      }
      const ids = (a.ids ?? a.include ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const images = ids.length
        ? ids.map((id) => context.attachments.get(id)).filter((u): u is string => Boolean(u))
        : [...context.ownAttachments];
      return images.length ? `<p>${images.map((src) => `<img src="${escapeHtml(src)}" alt="">`).join(" ")}</p>` : all;
    });
}
