// One build: the content as loaded and validated at its start (with the build settings in
// `site.build`), the responses counted on GitHub, the post index, the fingerprinted assets. Created in
// `eleventy.before` (src/build/plugins/content.ts) and read by the global data, collections and filters of
// that build; the next build makes a new one.
import { messages, type Messages } from "../i18n/index.ts";
import { indexPosts, type IndexCaches } from "../posts/post-index.ts";
import type { Content, Site } from "../model/content.ts";
import type { PostDiscussion } from "../model/responses.ts";
import type { PostIndex } from "../model/posts.ts";

/** Addresses of the fingerprinted stylesheet and scripts (src/build/assets.ts). */
export interface AssetUrls {
  css: string;
  /** The tiny script that fetches the widget once the responses come near (src/client/widget-loader.ts). */
  widgetLoader: string;
  /** giscus's web component with our settings (src/client/widget.ts). */
  widget: string;
  /** The search page's script (src/client/search.ts), which loads Pagefind's. */
  search: string;
  /** /schrijven/'s form: the title fills in the file name and the title line (src/client/write.ts). */
  write: string;
  /** The page's clock: meetings move from coming to past by the reader's date (src/client/clock.ts). */
  clock: string;
}

export class SiteBuild {
  readonly t: Messages;
  /** Pieces of posts rendered during this build, reused by every page that shows them (src/posts/pieces.ts). */
  readonly pieces = new Map<string, string>();
  /** Content pages' front-matter by its source, for Eleventy's own parse (src/content/frontmatter.ts). */
  readonly frontMatter: ReadonlyMap<string, object>;
  /** A private cohort's room could not be read in this build (src/comments/room.ts): its pages say so. */
  roomUnread = false;
  #live: ReadonlyMap<string, PostDiscussion> = new Map();
  #counted!: () => void;
  #notCounted!: (error: unknown) => void;
  /**
   * Resolves once the response counts are in: from then on the post index can be made (the search
   * index asks for it before any page does), and files may be written (the assets wait for it).
   * Rejects when the comments step stops the build.
   */
  readonly counted = new Promise<void>((resolve, reject) => {
    this.#counted = resolve;
    this.#notCounted = reject;
  });
  #assets: AssetUrls | undefined;
  #index: PostIndex | undefined;

  constructor(
    readonly content: Content,
    private readonly caches: IndexCaches,
  ) {
    // Whoever waits for the counts hears of a failure; the comments step itself reports it.
    this.counted.catch(() => {});
    this.t = messages(content.site.lang);
    this.frontMatter = new Map(content.pages.map((page) => [page.frontMatter.source, page.frontMatter.data]));
  }

  get site(): Site {
    return this.content.site;
  }

  /** What GitHub says of each post's discussion, by slug: set by the comments step before any page is made. */
  set live(counts: ReadonlyMap<string, PostDiscussion>) {
    if (this.#index)
      throw new Error(
        "The response counts came after the post index was made: the comments step runs in eleventy.before",
      );
    this.#live = counts;
    this.#counted();
  }

  /** The comments step stopped the build: nothing that waits for the counts goes on. */
  countsFailed(error: unknown): void {
    this.#notCounted(error);
  }

  set assets(urls: AssetUrls) {
    this.#assets = urls;
  }

  get assets(): AssetUrls {
    if (!this.#assets)
      throw new Error("The assets are not written yet: src/build/plugins/assets.ts writes them in eleventy.before");
    return this.#assets;
  }

  /** The post index, made once per build by the first page or collection that asks. */
  index(): PostIndex {
    return (this.#index ??= indexPosts(this.content, this.#live, this.caches));
  }
}
