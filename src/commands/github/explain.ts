// What a facilitator reads when GitHub fails a command: what happened and what to do, in one
// message. The client's sentences never carry the token; neither do these.
import { ToolError } from "../tool-error.ts";
import { GitHubError } from "../../github/client.ts";
import { tokenSteps } from "./token-help.ts";

export interface FailureContext {
  /** `owner/name` the command asked about. */
  repo: string;
  /** Where the token came from: GITHUB_TOKEN or DISCUSSIONS_TOKEN. */
  tokenName: string;
  /** The command again, with the token in front, for the token steps. */
  retry: string;
  /** Appended to every message, e.g. "Nothing was changed." */
  after?: string;
}

/** A GitHubError as a ToolError the command prints; anything else is rethrown as the bug it is. */
export function explain(error: unknown, context: FailureContext): ToolError {
  if (!(error instanceof GitHubError)) throw error;
  const { repo, tokenName, retry } = context;
  const detail = error.message
    .replace(/^GitHub answered: /, "")
    .replace(/^GitHub refused \S+ \((\d+)\)$/, "HTTP $1")
    .replace(/\.$/, "");
  const sentences: Record<GitHubError["failure"], string> = {
    "bad-credentials": `GitHub did not accept ${tokenName}: it is mistyped, expired or revoked.\n${tokenSteps(repo, retry)}`,
    "not-found":
      `GitHub shows no repository ${repo} to this token. Check the spelling (owner/name); a private repository, ` +
      `or one of an organisation, must be among the token's "Only select repositories".`,
    forbidden:
      `GitHub refused ${tokenName} for ${repo} (${detail}). ` +
      `An organisation may first have to approve a fine-grained token (its Settings → Personal access tokens → Pending requests).`,
    "rate-limited": `${error.message}. Try again after that.`,
    unreachable: `${error.message}. Check the internet connection and try again.`,
    server: `${error.message}. GitHub may be having trouble (https://www.githubstatus.com); try again later.`,
    refused: `${error.message}. This is a mistake in hoedoededa's query, not yours: please report it.`,
  };
  return new ToolError([sentences[error.failure], context.after].filter(Boolean).join("\n"));
}
