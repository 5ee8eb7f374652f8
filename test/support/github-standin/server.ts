// The stand-in's HTTP side, as GitHub's GraphQL endpoint behaves: a token is required (401 as GitHub
// words it), a query GitHub would refuse is refused (schema validation, then GitHub's pagination and
// node-limit rules), a valid one runs against the state. Failure switches make it answer as GitHub
// does when it fails: rate limits (HTTP 403, or a RATE_LIMITED error), a 502 page, or no answer.
import { createServer, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { schema as published } from "@octokit/graphql-schema";
import { buildSchema, execute, GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from "graphql";
import { fieldResolver, roots, TypedError, typeResolver } from "./resolvers.ts";
import { githubRules } from "./rules.ts";
import { rest } from "./rest.ts";
import type { State } from "./state.ts";

export type Failure = "rate-limit" | "graphql-rate-limit" | "server-error" | "hang";

/** A failure, from the request after `after` answered ones on (0: at once). */
export interface FailureSwitch {
  mode: Failure;
  after?: number;
}

export interface Recorded {
  authorization: string;
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
  status: number;
}

// GitHub's SDL repeats two enterprise fields; the schema is otherwise valid as published.
let githubSchema: GraphQLSchema | undefined;
const schema = () => (githubSchema ??= buildSchema(published.idl, { assumeValidSDL: true }));

const RESET = String(Math.floor(Date.UTC(2030, 0, 1, 14, 5) / 1000));

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers }).end(JSON.stringify(body));
  return status;
}

/** GitHub's error shape: its `type` beside the message, path and locations. */
function githubError(error: GraphQLError) {
  const original = error.originalError;
  return {
    ...(original instanceof TypedError ? { type: original.type } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
    message: error.message,
  };
}

function answer(
  state: State,
  token: string,
  body: { query?: unknown; variables?: unknown; operationName?: unknown },
  res: ServerResponse,
): number {
  if (typeof body.query !== "string")
    return json(res, 200, { errors: [{ message: "A query attribute must be specified and must be a string." }] });
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    return json(res, 200, { errors: [githubError(error as GraphQLError)] });
  }
  const invalid = validate(schema(), document);
  if (invalid.length) return json(res, 200, { errors: invalid.map(githubError) });
  const variables = (body.variables ?? {}) as Record<string, unknown>;
  const operationName = typeof body.operationName === "string" ? body.operationName : undefined;
  const refused = githubRules(schema(), document, variables, operationName);
  if (refused.length) return json(res, 200, { data: null, errors: refused });

  const { query, mutation } = roots({ state, token });
  const isMutation = document.definitions.some(
    (d) =>
      d.kind === "OperationDefinition" &&
      d.operation === "mutation" &&
      (!operationName || d.name?.value === operationName),
  );
  const result = execute({
    schema: schema(),
    document,
    variableValues: variables,
    operationName,
    rootValue: isMutation ? mutation : query,
    contextValue: { state, token },
    fieldResolver,
    typeResolver,
  });
  if (result instanceof Promise) throw new Error("the stand-in's resolvers are synchronous");
  return json(
    res,
    200,
    {
      ...(result.data !== undefined ? { data: result.data } : {}),
      ...(result.errors ? { errors: result.errors.map(githubError) } : {}),
    },
    {
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": "4999",
      "x-ratelimit-resource": "graphql",
    },
  );
}

/** Serves the state; `onListening` gets the port. Requests are recorded for the tests. */
export function serve(
  state: State,
  failure: FailureSwitch | undefined,
  onListening: (port: number) => void,
  /** What time it is for new records (deployments): the scenario's clock, else the machine's. */
  clock: () => string = () => new Date().toISOString().replace(/\.\d+Z$/, "Z"),
): void {
  const requests: Recorded[] = [];
  let answered = 0;
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => {
      if (req.method === "GET" && req.url === "/__requests") return json(res, 200, requests);
      if (req.method === "GET" && req.url === "/__state") return json(res, 200, state);
      if (req.method === "POST" && req.url === "/__failure") {
        failure = text ? (JSON.parse(text) as FailureSwitch) : undefined;
        answered = 0;
        return json(res, 200, { failure: failure ?? null });
      }
      if (req.url?.startsWith("/repos/")) {
        requests.push({
          authorization: req.headers.authorization ?? "",
          query: `${req.method} ${req.url}`,
          variables: text ? (JSON.parse(text) as Record<string, unknown>) : {},
          status: 0,
        });
        // GitHub's primary rate limit answers REST as it answers GraphQL: 403, nothing remaining.
        if (failure?.mode === "rate-limit" && answered >= (failure.after ?? 0)) {
          requests.at(-1)!.status = json(
            res,
            403,
            {
              message: "API rate limit exceeded for user ID 1.",
              documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
            },
            {
              "x-ratelimit-limit": "5000",
              "x-ratelimit-remaining": "0",
              "x-ratelimit-reset": RESET,
              "x-ratelimit-resource": "core",
            },
          );
          return;
        }
        answered++;
        requests.at(-1)!.status = rest(state, req, text, res, clock);
        return;
      }
      if (req.url !== "/graphql")
        return json(res, 404, { message: "Not Found", documentation_url: "https://docs.github.com/graphql" });
      let body: Record<string, unknown> = {};
      let parsed = true;
      try {
        body = JSON.parse(text || "null") ?? {};
      } catch {
        parsed = false;
      }
      const record: Recorded = {
        authorization: req.headers.authorization ?? "",
        query: typeof body.query === "string" ? body.query : "",
        variables: (body.variables ?? {}) as Record<string, unknown>,
        ...(typeof body.operationName === "string" ? { operationName: body.operationName } : {}),
        status: 0,
      };
      requests.push(record);
      record.status = respond();

      function respond(): number {
        // GitHub accepts `bearer` and `token` as the scheme, in any case.
        const [scheme, token = ""] = (req.headers.authorization ?? "").split(/\s+/, 2);
        if (!scheme)
          return json(res, 401, {
            message: "This endpoint requires you to be authenticated.",
            documentation_url:
              "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql",
          });
        if (!/^(bearer|token)$/i.test(scheme) || !state.tokens[token])
          return json(res, 401, { message: "Bad credentials", documentation_url: "https://docs.github.com/graphql" });
        if (req.method !== "POST")
          return json(res, 404, { message: "Not Found", documentation_url: "https://docs.github.com/graphql" });
        if (failure && answered >= (failure.after ?? 0)) {
          if (failure.mode === "hang") return 0; // never answered: the client's timeout must end it
          if (failure.mode === "rate-limit")
            return json(
              res,
              403,
              {
                message: "API rate limit exceeded for user ID 1.",
                documentation_url:
                  "https://docs.github.com/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api",
              },
              {
                "x-ratelimit-limit": "5000",
                "x-ratelimit-remaining": "0",
                "x-ratelimit-used": "5000",
                "x-ratelimit-reset": RESET,
                "x-ratelimit-resource": "graphql",
              },
            );
          if (failure.mode === "graphql-rate-limit")
            return json(
              res,
              200,
              { data: null, errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded for user ID 1." }] },
              { "x-ratelimit-reset": RESET },
            );
          res.writeHead(502, { "Content-Type": "text/html" }).end("<html><body><h1>502 Bad Gateway</h1></body></html>");
          return 502;
        }
        answered++;
        if (!parsed)
          return json(res, 400, {
            message: "Problems parsing JSON",
            documentation_url: "https://docs.github.com/graphql",
          });
        return answer(state, token, body, res);
      }
    });
  });
  // Tests block their event loop while a build runs; an idle connection closed by us meanwhile
  // would fail their next request ("other side closed"). GitHub keeps them open long enough too.
  server.keepAliveTimeout = 0;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // Build the schema before the first request, so the first test does not pay for it.
  schema();
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    onListening(typeof address === "object" && address ? address.port : 0);
  });
  process.on("SIGTERM", () => {
    for (const socket of sockets) socket.destroy();
    server.close(() => process.exit(0));
  });
}
