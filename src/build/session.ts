// What one Eleventy process keeps: the build in progress (src/build/site-build.ts) and the caches
// that make the next build cheaper. Every cache here says what it is keyed by; none relies on an
// unchanged file handing back the same object. `npm run build` makes one build; `npm start` many.
import type { NunjucksEnvironment } from "@11ty/eleventy";
import type { PostReads } from "../content/post-files.ts";
import type { IndexCaches } from "../posts/post-index.ts";
import type { SiteBuild } from "./site-build.ts";

export interface Caches extends IndexCaches {
  /** What each post file said, by path; read again when its modification time or size changes. */
  reads: PostReads;
  /** The compiled stylesheet and scripts, by the text of their sources (src/build/assets.ts). */
  assets?: {
    sources: string;
    outputs: readonly [css: string, loader: string, widget: string, search: string, write: string, clock: string];
  };
}

interface Round {
  promise: Promise<SiteBuild>;
  resolve(build: SiteBuild): void;
  reject(error: unknown): void;
}

export class BuildSession {
  /** Kept from one build to the next: rendered bodies and derived dates by post file and version, reads by path and stamp. */
  readonly caches: Caches = { reads: new Map(), bodies: new Map(), derived: new Map() };
  /** Eleventy's Nunjucks environment, handed over once it is set up (src/build/plugins/posts.ts). */
  nunjucks: NunjucksEnvironment | undefined;
  #current: SiteBuild | undefined;
  readonly #warned = new Set<string>();
  /**
   * The build each `eleventy.before` is starting. Eleventy calls every plugin's `eleventy.before`
   * at once with the same arguments object (https://www.11ty.dev/docs/events/), so that object
   * names the round: the comments and assets steps wait for the content step's build of it.
   */
  readonly #rounds = new WeakMap<object, Round>();

  constructor(readonly root: string = process.cwd()) {}

  /** The build in progress, or the last one made. */
  get current(): SiteBuild {
    if (!this.#current)
      throw new Error("No build has started: src/build/plugins/content.ts starts one in eleventy.before");
    return this.#current;
  }

  /** Whether a build has been made before (a dev-server rebuild). */
  get started(): boolean {
    return this.#current !== undefined;
  }

  #round(round: object): Round {
    let known = this.#rounds.get(round);
    if (!known) {
      let resolve!: (build: SiteBuild) => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<SiteBuild>((ok, fail) => ((resolve = ok), (reject = fail)));
      this.#rounds.set(round, (known = { promise, resolve, reject }));
    }
    return known;
  }

  /** Starts this round's build with `make` (the content step). */
  begin(round: object, make: () => SiteBuild | Promise<SiteBuild>): Promise<SiteBuild> {
    const { promise, resolve, reject } = this.#round(round);
    Promise.resolve()
      .then(make)
      .then((build) => resolve((this.#current = build)), reject);
    return promise;
  }

  /** The build this round's content step makes, for the other steps of `eleventy.before`. */
  building(round: object): Promise<SiteBuild> {
    return this.#round(round).promise;
  }

  /** The dev server rebuilds on every save: a warning that does not change is printed once. */
  warnOnce(message: string): void {
    if (this.#warned.has(message)) return;
    this.#warned.add(message);
    console.warn(`[hoedoededa] ${message}`);
  }
}
