// Netlify's edge function chain, as the test server needs it: the functions whose declared path matches
// run in declaration order, each reaching the next (and at the end the site's files) through
// `context.next()`; a function may hand on a request for another path of the same site (a rewrite),
// return a URL (a rewrite with status 200), return nothing (the next step answers), or throw — then, as
// with Netlify's default `onError: "fail"`, the visitor gets an error, never the files behind it
// (https://docs.netlify.com/build/edge-functions/api/, https://docs.netlify.com/build/edge-functions/declarations/).
// Web APIs only: the Deno runner (edge-runner.ts) and the Node runtime (edge.ts) both use it.

/** A declaration: `[[edge_functions]]` of netlify.toml, or `edge_functions` of .netlify/v1/config.json. */
export interface Route {
  function: string;
  path: string;
  excludedPath?: string | string[];
}

export interface NextOptions {
  sendConditionalRequest?: boolean;
}

export interface StandInContext {
  next(request?: Request | NextOptions, options?: NextOptions): Promise<Response>;
  requestId: string;
}

export type EdgeFunction = (
  request: Request,
  context: StandInContext,
) => Response | URL | undefined | void | Promise<Response | URL | undefined | void>;

/** Netlify's path patterns — `*` the rest of the path, `:name` one segment — for edge routes, `_headers` and `_redirects` (test/support/serve.ts). */
export function pathMatches(pattern: string, path: string): boolean {
  const regex = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/:\w+/g, "[^/]+"))
    .join(".*");
  return new RegExp(`^${regex}$`).test(path);
}

const routeMatches = (route: Route, path: string) =>
  pathMatches(route.path, path) && ![route.excludedPath ?? []].flat().some((excluded) => pathMatches(excluded, path));

/** Answers `request` through the declared edge functions, then `origin` (the site's files). */
export function runChain(
  request: Request,
  routes: readonly Route[],
  functions: Readonly<Record<string, EdgeFunction>>,
  origin: (request: Request) => Promise<Response>,
): Promise<Response> {
  const path = new URL(request.url).pathname;
  const chain = routes.filter((route) => routeMatches(route, path)).map((route) => functions[route.function]);
  const step = async (index: number, request: Request): Promise<Response> => {
    const fn = chain[index];
    if (index >= chain.length) return origin(request);
    if (!fn) return failed("a declared edge function does not exist");
    // As Netlify's runtime does, a request handed to next() becomes the one later calls continue with.
    let current = request;
    const context: StandInContext = {
      requestId: crypto.randomUUID(),
      next(requestOrOptions?: Request | NextOptions) {
        const next = requestOrOptions instanceof Request ? requestOrOptions : current;
        // Netlify: "Edge functions can only rewrite requests to the same host."
        if (new URL(next.url).origin !== new URL(current.url).origin)
          throw new Error("Edge functions can only rewrite requests to the same host");
        current = next;
        return step(index + 1, next);
      },
    };
    try {
      const result = await fn(request, context);
      if (result instanceof URL) return origin(new Request(result, { headers: request.headers }));
      return result ?? (await step(index + 1, request));
    } catch {
      return failed("an edge function threw");
    }
  };
  return step(0, request);
}

/** What Netlify answers when an edge function fails with `onError: "fail"`: an error, nothing of the site. */
const failed = (why: string) =>
  new Response(`This edge function has crashed (${why}).\n`, {
    status: 500,
    headers: { "Content-Type": "text/plain; charset=utf-8", "x-nf-uncaught-error": "1", "Cache-Control": "no-store" },
  });
