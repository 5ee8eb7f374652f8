// The comments widget, fetched by widget-loader.ts only when the section comes near: giscus's own
// web component (the `giscus` npm package, bundled and served from our origin — never
// giscus.app/client.js) with the settings the build put on the section, plus what the page adds:
// the theme follows the reader's colour scheme, the heading shows the count, and when giscus does
// not answer the section says so and keeps its link to GitHub.
import "giscus";
import type { GiscusWidget } from "giscus";
import { GISCUS_ORIGIN, headingFor, readGiscusMessage } from "./giscus-messages.ts";

/** No word from giscus in this time: blocked or offline. A late answer still brings it back. */
const SILENCE_MS = 10_000;

type State = "loading" | "ready" | "failed" | "unreachable";

export function mount(section: HTMLElement): void {
  const data = section.dataset;
  const setState = (state: State) => (section.dataset.widgetState = state);
  const dark = matchMedia("(prefers-color-scheme: dark)");
  const theme = () => (dark.matches ? "dark" : "light");

  // Registered before the component's own listener (added when it is created), so a malformed
  // message never reaches it: the component reads `data.giscus` of a `null` message and throws.
  addEventListener("message", (event: MessageEvent) => {
    if (event.origin === GISCUS_ORIGIN && !readGiscusMessage(event.data)) event.stopImmediatePropagation();
  });

  const widget = document.createElement("giscus-widget") as GiscusWidget;
  Object.assign(widget, {
    repo: data.repo as GiscusWidget["repo"],
    repoId: data.repoId,
    category: data.category,
    categoryId: data.categoryId,
    mapping: data.mapping as GiscusWidget["mapping"],
    term: data.term,
    strict: data.strict === "1" ? "1" : "0",
    reactionsEnabled: data.reactionsEnabled === "0" ? "0" : "1",
    emitMetadata: "1",
    inputPosition: (data.inputPosition ?? "bottom") as GiscusWidget["inputPosition"],
    lang: data.lang as GiscusWidget["lang"],
    theme: theme(),
    // Already lazy: this code only runs once the reader is near.
    loading: "eager",
  } satisfies Partial<GiscusWidget>);
  section.querySelector(".responses__widget")!.prepend(widget);
  // The component names its iframe "Comments" in English; the page's language is better.
  void widget.updateComplete.then(() => widget.iframeRef?.setAttribute("title", data.frameTitle ?? ""));

  // Reloading would lose a half-written comment: giscus is told the new theme (setConfig) instead.
  dark.addEventListener("change", () => (widget.theme = theme()));

  const heading = section.querySelector<HTMLElement>(".responses__title");
  const headings = { none: data.headingNone ?? "", one: data.headingOne ?? "", many: data.headingMany ?? "" };
  let answered = false;
  const silence = setTimeout(() => answered || setState("unreachable"), SILENCE_MS);

  addEventListener("message", (event: MessageEvent) => {
    // Only giscus, and only our own widget's frame, may change the page.
    if (event.origin !== GISCUS_ORIGIN || !widget.iframeRef || event.source !== widget.iframeRef.contentWindow) return;
    const message = readGiscusMessage(event.data);
    if (!message) return;
    answered = true;
    clearTimeout(silence);
    if (message.kind === "error" && !message.notFound) return void setState("failed");
    // giscus keeps reporting its height after an error; only a loaded discussion clears the error.
    if (message.kind === "metadata" || data.widgetState !== "failed") setState("ready");
    const responses = message.kind === "metadata" ? message.responses : message.kind === "error" ? 0 : undefined;
    if (heading && responses !== undefined) heading.textContent = headingFor(responses, headings);
  });
}
