// The search page's script (layouts/pages/search.njk), the only page that loads one for searching.
// It loads Pagefind's own script from /pagefind/ (https://pagefind.app/docs/api/), which runs its
// WebAssembly in a worker from the same folder; the page's CSP allows exactly that
// ('wasm-unsafe-eval', netlify.toml). Results are built as elements (no HTML from the index is
// inserted: an excerpt keeps only its text and Pagefind's <mark>s). The query lives in the address
// (?q=…&tag=…), so a search can be shared, reloaded and gone back to.

interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string | undefined> }>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

/** Results shown at once; "Meer resultaten" adds as many again. */
const PAGE = 10;

const form = document.querySelector<HTMLFormElement>("[data-search]");

/** `{n}` and `{q}` filled in. */
const fill = (template: string, n: number, q: string) => template.replace("{n}", String(n)).replace("{q}", q);

/** An excerpt's text and its marks, as nodes: whatever else the string holds stays text. */
function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = [];
  const template = document.createElement("template");
  template.innerHTML = excerpt;
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(node.textContent ?? ""));
  }
  return nodes;
}

function resultItem(data: Awaited<ReturnType<PagefindResult["data"]>>): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "search-result";
  const title = document.createElement("h2");
  title.className = "search-result__title";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  title.append(link);
  const meta = document.createElement("p");
  meta.className = "search-result__meta";
  if (data.meta.date) {
    const time = document.createElement("time");
    if (data.meta.day) time.dateTime = data.meta.day;
    time.textContent = data.meta.date;
    meta.append(time);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "search-result__excerpt";
  excerpt.append(...excerptNodes(data.excerpt));
  item.append(title, meta, excerpt);
  return item;
}

if (form) {
  const messages = form.dataset as Record<string, string>;
  const input = form.querySelector<HTMLInputElement>("input[name=q]")!;
  const tag = form.querySelector<HTMLSelectElement>("select[name=tag]");
  const status = document.querySelector<HTMLElement>("[data-search-status]")!;
  const list = document.querySelector<HTMLOListElement>("[data-search-results]")!;
  const more = document.querySelector<HTMLButtonElement>("[data-search-more]")!;
  const fallback = document.querySelector<HTMLElement>("[data-search-fallback]");
  const unavailable = fallback?.querySelector<HTMLElement>("[data-search-unavailable]");
  // With JavaScript the form takes the place of the topics at once; they come back if Pagefind fails.
  form.hidden = false;
  if (fallback) fallback.hidden = true;

  let results: PagefindResult[] = [];
  let shown = 0;
  /** Each search gets a number; an older one that finishes late changes nothing. */
  let latest = 0;

  // A large site's index is in parts (src/search/index.ts): the first is loaded, the others, listed
  // in parts.json (asked for once the first is up to date), are merged into it.
  const pagefind: Promise<Pagefind> = import(`${form.dataset.search}pagefind.js`).then(async (module: Pagefind) => {
    await module.options({ excerptLength: 24 });
    await module.init();
    const parts = await fetch(`${form.dataset.search}parts.json`);
    if (!parts.ok) throw new Error(`${parts.url}: ${parts.status}`);
    await Promise.all(((await parts.json()) as string[]).map((part) => module.mergeIndex(part)));
    return module;
  });

  const showMore = async (ticket: number) => {
    const next = await Promise.all(results.slice(shown, shown + PAGE).map((result) => result.data()));
    if (ticket !== latest) return;
    list.append(...next.map(resultItem));
    shown += next.length;
    more.hidden = shown >= results.length;
  };

  const search = async () => {
    const ticket = ++latest;
    const q = input.value.trim();
    const filter = tag?.value ?? "";
    const address = new URLSearchParams();
    if (q) address.set("q", q);
    if (filter) address.set("tag", filter);
    const query = address.toString();
    history.replaceState(null, "", `${location.pathname}${query ? `?${query}` : ""}`);
    if (!q) {
      results = [];
      list.replaceChildren();
      status.textContent = "";
      more.hidden = true;
      return;
    }
    status.textContent = messages.searching!;
    let found: Awaited<ReturnType<Pagefind["search"]>>;
    try {
      found = await (await pagefind).search(q, filter ? { filters: { tag: filter } } : {});
    } catch (error) {
      if (ticket === latest) failed(error);
      return;
    }
    if (ticket !== latest || !found) return;
    results = found.results;
    shown = 0;
    list.replaceChildren();
    await showMore(ticket);
    // Said once the first results are in the list: whoever hears "3 berichten gevonden" finds them there.
    if (ticket === latest)
      status.textContent = fill(
        results.length === 0 ? messages.none! : results.length === 1 ? messages.one! : messages.many!,
        results.length,
        q,
      );
  };

  /** Pagefind did not load or could not search (blocked, offline, no index yet): say so, and offer the topics to browse. */
  const failed = (error: unknown) => {
    console.warn("Search is unavailable:", error);
    form.hidden = true;
    status.textContent = "";
    if (fallback) fallback.hidden = false;
    if (unavailable) unavailable.hidden = false;
  };

  pagefind.then(() => {
    const asked = new URLSearchParams(location.search);
    input.value = asked.get("q") ?? "";
    if (tag) tag.value = asked.get("tag") ?? "";
    if (input.value) void search();
  }, failed);

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => void search(), 250);
  });
  tag?.addEventListener("change", () => void search());
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    void search();
  });
  more.addEventListener("click", () => {
    const first = list.children.length;
    void showMore(latest).then(() => list.querySelector<HTMLAnchorElement>(`li:nth-child(${first + 1}) a`)?.focus());
  });
}
