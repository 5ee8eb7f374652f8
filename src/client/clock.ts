// The page's clock: what depends on today's date follows the reader's clock, not the build's. The
// build writes each upcoming meeting with the instant its last day ends in the site's time zone
// (`data-until`) and, on a post page, the instant it becomes the next one (`data-next-from`); this
// script, on the pages that have such blocks, moves a meeting from "coming" to "past" once its day has
// ended and shows the next one — also when the page stays open past midnight. Without it the page
// shows the build's view, with full dates. No framework, no request: about half a kilobyte.

/** An instant from a data attribute; NaN when there is none. */
const instant = (el: HTMLElement, name: "until" | "nextFrom") => Date.parse(el.dataset[name] ?? "");

/** Brings every clock block up to `now`; returns the next instant at which one of them changes. */
function update(now: number): number {
  let change = Infinity;
  /** Whether `at` is still ahead, noting it as a moment the page changes. */
  const ahead = (at: number) => {
    if (at > now && at < change) change = at;
    return at > now;
  };

  // The home page: the first meeting whose day has not ended, the others hidden; none left, no block.
  for (const block of document.querySelectorAll<HTMLElement>("[data-clock=next]")) {
    const items = [...block.querySelectorAll<HTMLElement>("[data-until]")];
    const shown = items.find((item) => ahead(instant(item, "until")));
    for (const item of items) item.hidden = item !== shown;
    block.hidden = !shown;
  }

  // The sessions page: a meeting whose day has ended goes to the top of the past ones, without its
  // calendar link; the first one still to come carries the "next" badge.
  const upcoming = document.querySelector<HTMLElement>("[data-clock=upcoming]");
  const past = document.querySelector<HTMLElement>("[data-clock=past]");
  if (upcoming && past) {
    const items = [...upcoming.querySelectorAll<HTMLElement>(":scope > [data-until]")];
    const over = items.filter((item) => !ahead(instant(item, "until")));
    // Soonest first above, most recent first below.
    for (const item of over) {
      item.querySelector(".session-item__links")?.remove();
      item.querySelector(".badge--next")?.remove();
      item.classList.remove("session-item--next");
      delete item.dataset.until;
      past.querySelector("ol")!.prepend(item);
    }
    const next = items.find((item) => !over.includes(item));
    for (const item of items) {
      if (over.includes(item)) continue;
      item.classList.toggle("session-item--next", item === next);
      const badge = item.querySelector<HTMLElement>(".badge--next");
      if (badge) badge.hidden = item !== next;
    }
    upcoming.hidden = !next;
    document.querySelector<HTMLElement>("[data-clock=none-upcoming]")!.hidden = Boolean(next);
    past.hidden = !past.querySelector("li");
  }

  // A post page: the meeting it prepares is "next" from when those before it are over, until its own day ends.
  for (const box of document.querySelectorAll<HTMLElement>("[data-clock=session]")) {
    const coming = ahead(instant(box, "until"));
    const from = instant(box, "nextFrom");
    const isNext = coming && (Number.isNaN(from) || !ahead(from));
    box.classList.toggle("session--next", isNext);
    const title = box.querySelector<HTMLElement>("[data-next]");
    if (title) title.textContent = (isNext ? title.dataset.next : title.dataset.other) ?? title.textContent;
    if (!coming) box.querySelector(".session__calendar")?.remove();
  }
  return change;
}

let timer: ReturnType<typeof setTimeout> | undefined;
function tick(): void {
  clearTimeout(timer);
  const change = update(Date.now());
  // setTimeout's longest wait is about 24.8 days; a later change is met by the next tick.
  if (change !== Infinity) timer = setTimeout(tick, Math.min(change - Date.now() + 1000, 2 ** 31 - 1));
}

tick();
// A laptop that slept past midnight: timers wait while it sleeps.
document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && tick());
