// The door of a private site: a Netlify Edge Function in front of every address of it, pages, files,
// feeds, calendars, the search index and 404 alike (handle.ts says what it answers). Edge functions run
// on every Netlify plan, in production, deploy previews and branch deploys
// (https://docs.netlify.com/build/edge-functions/overview/).
//
// It has no path of its own on purpose: a function nothing declares never runs. The build declares it on
// `/*` for a private site only, through Netlify's Frameworks API (.netlify/v1/config.json, written by
// src/netlify/edge.ts; https://docs.netlify.com/build/frameworks/frameworks-api/), so a public site never
// pays for an invocation. An inline `export const config` with a path would replace that `/*`, so this
// file has none, and the build refuses a private site whose gate has one (src/content/gate-file.ts).
//
// SITE_USERS (and SITE_SECRET, if set) are read at request time with `Netlify.env`: Netlify gives an edge
// function the variables set in its UI with the Functions scope, never those of netlify.toml
// (https://docs.netlify.com/build/edge-functions/environment-variables/). Web APIs only: this runs on Deno.
import { handle, type EdgeContext } from "./handle.ts";

declare const Netlify: { env: { get(name: string): string | undefined } };

export default (request: Request, context: EdgeContext): Promise<Response> => handle(request, context, Netlify.env);
