// Runs a project's edge functions in Deno, the runtime Netlify runs them on, in front of the test
// server's files (test/support/edge.ts starts it): `deno run edge-runner.ts '<json>'` with the functions'
// files, their declarations, the files' address (the Node server) and a file holding `Netlify.env`'s
// variables — read per request, so a test can stand for a new deploy with other settings. Prints
// `listening <port>` once it accepts requests.
import { runChain, type EdgeFunction, type Route } from "./edge-chain.ts";

interface Setup {
  functions: Record<string, string>;
  routes: Route[];
  origin: string;
  envFile: string;
}

declare const Deno: {
  args: string[];
  readTextFileSync(path: string): string;
  serve(
    options: { hostname: string; port: number; onListen(address: { port: number }): void },
    handler: (request: Request) => Promise<Response>,
  ): unknown;
};

const setup = JSON.parse(Deno.args[0]!) as Setup;
const env = (): Record<string, string> => JSON.parse(Deno.readTextFileSync(setup.envFile));
(globalThis as { Netlify?: unknown }).Netlify = {
  env: {
    get: (name: string) => env()[name],
    has: (name: string) => name in env(),
    toObject: () => env(),
  },
};

const functions: Record<string, EdgeFunction> = {};
for (const [name, file] of Object.entries(setup.functions))
  functions[name] = ((await import(file)) as { default: EdgeFunction }).default;

/** The site's files, from the Node server, as Netlify's origin: redirects come back as they are. */
async function origin(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return fetch(`${setup.origin}${url.pathname}${url.search}`, {
    method: request.method,
    headers: request.headers,
    body,
    redirect: "manual",
  });
}

Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: ({ port }) => console.log(`listening ${port}`) }, (request) =>
  runChain(request, setup.routes, functions, origin),
);
