// GitHub's REST API, for what GraphQL does not offer: deployments (the conversation's deploy ledger,
// src/deploys/ledger.ts) and, for a private cohort, a repository's collaborators. The base is
// GITHUB_API_URL — GitHub Actions sets it (https://docs.github.com/en/actions/reference/variables-reference),
// tests point it at the stand-in — else https://api.github.com. Failures become the same GitHubError
// as the GraphQL client's: our own sentence, never the token, never GitHub's raw answer.
// https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api
import { GitHubError, isRateLimited, rateLimited, TIMEOUT_SECONDS, unreachable } from "./client.ts";

export const defaultRestBase = "https://api.github.com";

/** The REST base from the environment: GITHUB_API_URL, or GitHub's own. */
export const restBaseFrom = (env: NodeJS.ProcessEnv) =>
  (env.GITHUB_API_URL?.trim() || defaultRestBase).replace(/\/+$/, "");

export interface RestAnswer<T> {
  status: number;
  data: T;
}

export interface RestClient {
  base: string;
  /**
   * `method path` with a JSON body. Answers 2xx with its data; `expected` lists other statuses the
   * caller handles itself (e.g. 404 for "not a collaborator"); any other failure throws a GitHubError.
   */
  request<T>(method: string, path: string, body?: unknown, expected?: readonly number[]): Promise<RestAnswer<T>>;
}

export function restClient(options: {
  token: string;
  base?: string;
  tokenName?: string;
  timeoutSeconds?: number;
}): RestClient {
  const { token, base = defaultRestBase, tokenName = "GITHUB_TOKEN", timeoutSeconds = TIMEOUT_SECONDS } = options;
  const clean = (text: string) => (token ? text.split(token).join("…") : text);

  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    expected: readonly number[] = [],
  ): Promise<RestAnswer<T>> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: "application/vnd.github+json",
          "X-GitHub-Api-Version": "2022-11-28",
          "User-Agent": "hoedoededa",
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutSeconds * 1000),
      });
    } catch (error) {
      throw unreachable(error, timeoutSeconds);
    }
    const text = await response.text();
    let data: unknown = undefined;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      if (response.ok) throw new GitHubError("server", "GitHub's answer could not be read");
    }
    const message =
      typeof data === "object" && data !== null && "message" in data
        ? String((data as { message: unknown }).message)
        : "";
    if (response.ok || expected.includes(response.status)) return { status: response.status, data: data as T };
    if (isRateLimited(response, message)) throw rateLimited(response.headers);
    if (response.status === 401)
      throw new GitHubError("bad-credentials", `GitHub did not accept ${tokenName} (401: expired or mistyped?)`);
    if (response.status === 403)
      throw new GitHubError("forbidden", clean(`GitHub refused ${tokenName} (403${message ? `: ${message}` : ""})`));
    if (response.status === 404)
      throw new GitHubError("not-found", `GitHub has nothing at ${method} ${path} that ${tokenName} may see (404)`);
    if (response.status >= 500) throw new GitHubError("server", `GitHub answered ${response.status}`);
    throw new GitHubError(
      "refused",
      clean(`GitHub refused ${method} ${path} (${response.status}${message ? `: ${message}` : ""})`),
    );
  }

  return { base, request };
}
