// @11ty/eleventy 3.1 ships no type declarations: this is the small surface hoedoededa uses.
declare module "@11ty/eleventy" {
  export interface CollectionItem {
    url: string | false;
    fileSlug: string;
    inputPath: string;
    outputPath: string | false;
    date: Date;
    data: Record<string, unknown>;
    content?: unknown;
  }
  export interface CollectionApi {
    getAll(): CollectionItem[];
    getFilteredByGlob(glob: string | string[]): CollectionItem[];
  }
  export interface EventArgs {
    runMode: "build" | "watch" | "serve";
    incremental: boolean;
    directories: { input: string; output: string; includes: string; data: string };
  }
  /** The part of Eleventy's Nunjucks environment we use (filters, rendering a partial). */
  export interface NunjucksEnvironment {
    addFilter(name: string, fn: (...args: any[]) => unknown): void;
    render(name: string, context: object): string;
  }

  export interface UserConfig {
    dir?: unknown;
    addPlugin<Options>(plugin: (config: UserConfig, options: Options) => unknown, options: Options): void;
    addCollection(name: string, callback: (api: CollectionApi) => unknown): void;
    addAsyncFilter(name: string, fn: (...args: any[]) => Promise<unknown>): void;
    addGlobalData(name: string, data: unknown): void;
    addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
    addPassthroughCopy(path: string | Record<string, string>): void;
    addWatchTarget(path: string): void;
    amendLibrary(name: "njk", fn: (env: NunjucksEnvironment) => unknown): void;
    setLibrary(name: "md", library: { render(source: string, env?: object): string }): void;
    setFrontMatterParsingOptions(options: Record<string, unknown>): void;
    setServerOptions(options: Record<string, unknown>): void;
    setChokidarConfig(options: { awaitWriteFinish?: { stabilityThreshold: number; pollInterval: number } }): void;
    setQuietMode(quiet: boolean): void;
    on(event: "eleventy.before" | "eleventy.after", fn: (args: EventArgs) => unknown): void;
    /** Before a dev-server rebuild: the files the watcher saw change, e.g. `./content/posts/x.md`. */
    on(event: "eleventy.beforeWatch", fn: (changedFiles: string[]) => unknown): void;
    /** After the collections are made, before any page is rendered (https://www.11ty.dev/docs/events/#eleventy.contentmap). */
    on(
      event: "eleventy.contentMap",
      fn: (map: { inputPathToUrl: Record<string, string[]>; urlToInputPath: Record<string, unknown> }) => unknown,
    ): void;
    ignores: { add(glob: string): void };
    watchIgnores: { add(glob: string): void };
  }
}

declare module "@11ty/eleventy-plugin-rss" {
  export function absoluteUrl(url: string, base: string): string;
  export function convertHtmlToAbsoluteUrls(html: string, base: string): Promise<string>;
}
