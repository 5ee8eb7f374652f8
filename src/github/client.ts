// The one way this project talks to GitHub: a POST of a GraphQL query to GITHUB_GRAPHQL_URL
// (default https://api.github.com/graphql) with a token. Every failure becomes a GitHubError whose
// message is our own sentence — never the token, never GitHub's raw answer — so callers can print it.
// https://docs.github.com/en/graphql/guides/forming-calls-with-graphql
// https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api#rate-limit-errors

export const defaultEndpoint = "https://api.github.com/graphql";
/** How long a request may take before we give up on it (GitHub answers in well under a second). */
export const TIMEOUT_SECONDS = 15;

/** What went wrong, for callers that say more than the message (e.g. how to make a token). */
export type GitHubFailure =
  /** The network failed, or GitHub did not answer in time. */
  | "unreachable"
  /** 401: the token is wrong, expired or revoked. */
  | "bad-credentials"
  | "rate-limited"
  /** GitHub answered 5xx, or something that is not its JSON. */
  | "server"
  /** A GraphQL error of type NOT_FOUND: a repository or discussion the token cannot see. */
  | "not-found"
  /** FORBIDDEN (or HTTP 403): the token may not do this. */
  | "forbidden"
  /** Any other GraphQL error: our query or input was refused. */
  | "refused";

export class GitHubError extends Error {
  override name = "GitHubError";
  constructor(
    readonly failure: GitHubFailure,
    message: string,
    readonly types: readonly string[] = [],
  ) {
    super(message);
  }
}

export interface GraphqlClient {
  endpoint: string;
  /** The `data` of the answer; throws a GitHubError on any error, partial answers included. */
  request<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export interface ClientOptions {
  token: string;
  endpoint?: string;
  /** The variable the token came from, named in messages ("GitHub did not accept GITHUB_TOKEN"). */
  tokenName?: string;
  timeoutSeconds?: number;
}

interface Answer {
  data?: unknown;
  errors?: { type?: string; message?: string }[];
  message?: string;
}

/** The endpoint from the environment: GITHUB_GRAPHQL_URL, or GitHub's own. */
export const endpointFrom = (env: NodeJS.ProcessEnv) => env.GITHUB_GRAPHQL_URL?.trim() || defaultEndpoint;

/** The first of `names` that is set in `env`, with its name (for messages). */
export function tokenFrom(
  env: NodeJS.ProcessEnv,
  names: readonly string[],
): { name: string; token: string } | undefined {
  for (const name of names) {
    const token = env[name]?.trim();
    if (token) return { name, token };
  }
  return undefined;
}

/** The failure of a request that got no answer: a timeout, or no connection. Shared with the REST client. */
export function unreachable(error: unknown, timeoutSeconds: number): GitHubError {
  const timeout = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
  return new GitHubError(
    "unreachable",
    `GitHub could not be reached (${timeout ? `no answer within ${timeoutSeconds} seconds` : "the request failed"})`,
  );
}

/**
 * Whether an answer is a rate limit: the primary limit shows as a zero remaining count, the
 * secondary one in the message. Shared with the REST client.
 */
export function isRateLimited(response: Response, message: string): boolean {
  return (
    response.status === 429 ||
    (response.status === 403 && (response.headers.get("x-ratelimit-remaining") === "0" || /rate limit/i.test(message)))
  );
}

/** "GitHub's API rate limit is used up until 14:05 UTC", from the reset header when there is one. */
export function rateLimited(headers: Headers): GitHubError {
  const reset = Number(headers.get("x-ratelimit-reset"));
  const until = reset > 0 ? ` until ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC` : "";
  return new GitHubError("rate-limited", `GitHub's API rate limit is used up${until}`);
}

export function graphqlClient(options: ClientOptions): GraphqlClient {
  const { token, endpoint = defaultEndpoint, tokenName = "GITHUB_TOKEN", timeoutSeconds = TIMEOUT_SECONDS } = options;
  // Belt and braces: no sentence we make may carry the token, whatever GitHub put in its answer.
  const clean = (text: string) => (token ? text.split(token).join("…") : text);

  async function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: "POST",
        headers: { Authorization: `bearer ${token}`, "Content-Type": "application/json", "User-Agent": "hoedoededa" },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutSeconds * 1000),
      });
    } catch (error) {
      throw unreachable(error, timeoutSeconds);
    }
    let answer: Answer = {};
    let readable = true;
    try {
      answer = (await response.json()) as Answer;
    } catch {
      readable = false;
    }
    if (isRateLimited(response, answer.message ?? "")) throw rateLimited(response.headers);
    if (response.status === 401)
      throw new GitHubError("bad-credentials", `GitHub did not accept ${tokenName} (401: expired or mistyped?)`);
    if (response.status === 403) throw new GitHubError("forbidden", `GitHub refused ${tokenName} (403)`);
    if (!response.ok)
      throw new GitHubError("server", clean(`GitHub answered ${response.status} ${response.statusText}`.trim()));
    if (!readable || typeof answer !== "object" || answer === null)
      throw new GitHubError("server", "GitHub's answer could not be read");
    const errors = Array.isArray(answer.errors) ? answer.errors : [];
    if (errors.length) {
      const types = errors.map((e) => e.type ?? "");
      if (types.includes("RATE_LIMITED") || errors.some((e) => /rate limit/i.test(e.message ?? "")))
        throw rateLimited(response.headers);
      const failure: GitHubFailure = types.includes("NOT_FOUND")
        ? "not-found"
        : types.includes("FORBIDDEN")
          ? "forbidden"
          : "refused";
      throw new GitHubError(
        failure,
        clean(`GitHub answered: ${errors.map((e) => e.message ?? e.type ?? "an error").join("; ")}`),
        types,
      );
    }
    if (answer.data === undefined || answer.data === null)
      throw new GitHubError("server", "GitHub's answer had no data");
    return answer.data as T;
  }

  return { endpoint, request };
}
