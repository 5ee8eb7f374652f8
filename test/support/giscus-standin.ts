// A stand-in for the giscus iframe (giscus.app is out of reach in tests, and should be): Playwright
// routes https://giscus.app/** to a small page that records the widget's query and posts the same
// messages the real iframe posts to its parent (`{ giscus: … }`, see giscus's lib/types/giscus.ts,
// sent to the origin in the `origin` parameter as giscus's emitData does). What the page sends back
// (setConfig) is recorded too.
import type { BrowserContext } from "playwright";

export interface GiscusStandIn {
  /** Every request that reached giscus.app, in order. */
  requests: URL[];
  /** The widget loads: `https://giscus.app/<lang>/widget?…`. */
  widgets: URL[];
  /** What the page posted to the iframe, e.g. `{ giscus: { setConfig: { theme: "dark", … } } }`. */
  received: unknown[];
  /** Set when the stand-in has posted all its messages. */
  posted: boolean;
}

/** A metadata message as giscus sends it with `emitMetadata`. */
export function metadata(comments: number, replies: number): unknown {
  return {
    giscus: {
      discussion: {
        id: "D_kwDOstandin",
        url: "https://github.com/org/reacties/discussions/7",
        locked: false,
        repository: { nameWithOwner: "org/reacties" },
        reactionCount: 3,
        totalCommentCount: comments,
        totalReplyCount: replies,
        reactions: {},
      },
      viewer: null,
    },
  };
}

export const resizeHeight = (px: number): unknown => ({ giscus: { resizeHeight: px } });
export const giscusError = (error: string): unknown => ({ giscus: { error } });

function page(messages: unknown[]): string {
  // This page runs on the stand-in's origin (giscus.app in the browser's eyes), not under our CSP.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>giscus stand-in</title></head>
<body><p>giscus stand-in</p><script>
const parent = new URL(new URLSearchParams(location.search).get("origin")).origin;
addEventListener("message", (event) => {
  fetch("/__received", { method: "POST", body: JSON.stringify(event.data) });
});
for (const message of ${JSON.stringify(messages)}) window.parent.postMessage(message, parent);
fetch("/__posted", { method: "POST" });
</script></body></html>`;
}

/** Routes giscus.app in `context` to the stand-in, which posts `messages` once loaded. */
export async function routeGiscus(
  context: BrowserContext,
  messages: unknown[] = [resizeHeight(320), metadata(0, 0)],
): Promise<GiscusStandIn> {
  const standIn: GiscusStandIn = { requests: [], widgets: [], received: [], posted: false };
  await context.route("https://giscus.app/**", async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === "/__received") {
      standIn.received.push(JSON.parse(route.request().postData() ?? "null"));
      return route.fulfill({ status: 204 });
    }
    if (url.pathname === "/__posted") {
      standIn.posted = true;
      return route.fulfill({ status: 204 });
    }
    standIn.requests.push(url);
    if (/^\/[\w-]+\/widget$/.test(url.pathname)) {
      standIn.widgets.push(url);
      return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: page(messages) });
    }
    return route.fulfill({ status: 404, body: "" });
  });
  return standIn;
}

/** Makes giscus.app unreachable, as an ad blocker or a firewall would. */
export async function blockGiscus(context: BrowserContext): Promise<URL[]> {
  const attempts: URL[] = [];
  await context.route("https://giscus.app/**", (route) => {
    attempts.push(new URL(route.request().url()));
    return route.abort("blockedbyclient");
  });
  return attempts;
}
