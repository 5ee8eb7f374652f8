// The only script a post page runs at first (kept tiny): it waits until the comments section comes
// near the viewport and only then fetches the widget bundle (widget.ts), whose fingerprinted
// address the section carries in `data-widget`. A reader who never scrolls there loads no
// comment code and sends nothing to giscus.app.

/** How far ahead of the reader the widget starts loading: giscus needs a moment to appear. */
const AHEAD = "0px 0px 400px 0px";

const section = document.querySelector<HTMLElement>("[data-widget]");

if (section) {
  let started = false;
  const load = () => {
    if (started) return;
    started = true;
    section.dataset.widgetState = "loading";
    import(section.dataset.widget!).then(
      (widget: { mount(section: HTMLElement): void }) => widget.mount(section),
      // Our own bundle did not arrive (offline): the link to GitHub in the section stays.
      () => (section.dataset.widgetState = "unreachable"),
    );
  };
  if (new URLSearchParams(location.search).has("giscus")) {
    // Back from signing in to GitHub through giscus: straight to the comments. "instant", because
    // the stylesheet's smooth scrolling would otherwise glide through the whole post first (and
    // stop short of the section if anything above it moves meanwhile).
    load();
    section.scrollIntoView({ behavior: "instant", block: "start" });
  } else if ("IntersectionObserver" in window) {
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          load();
        }
      },
      { rootMargin: AHEAD },
    );
    observer.observe(section);
  } else {
    load();
  }
}
