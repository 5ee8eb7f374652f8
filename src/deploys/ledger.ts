// The conversation's deploys, remembered as GitHub deployments in the site's repository (environment
// `hoedoededa-conversation`): `npm run rebuild` records one before it calls Netlify's build hook, and
// counts them to keep within the budget. GitHub keeps them as long as the repository exists, shows
// them under "Deployments", and the workflow's own token may write them (`deployments: write`), so no
// memory of ours can be lost when a runner or a cache goes. What each one records beside its time: the
// fingerprint of what the site then showed of the conversation, so an edit that changes no count
// costs nothing. https://docs.github.com/en/rest/deployments/deployments
import type { RestClient } from "../github/rest.ts";

export const LEDGER_ENVIRONMENT = "hoedoededa-conversation";

export interface LedgerEntry {
  id: number;
  at: Date;
  /** What the site showed of the conversation after this deploy (src/deploys/activity.ts). */
  fingerprint?: string;
}

interface Deployment {
  id: number;
  created_at: string;
  payload: unknown;
}

const fingerprintOf = (payload: unknown): string | undefined => {
  const data =
    typeof payload === "string"
      ? (() => {
          try {
            return JSON.parse(payload) as unknown;
          } catch {
            return undefined;
          }
        })()
      : payload;
  const value = typeof data === "object" && data !== null ? (data as { fingerprint?: unknown }).fingerprint : undefined;
  return typeof value === "string" ? value : undefined;
};

/** The recorded deploys since `since`, newest first (GitHub lists deployments newest first). */
export async function readLedger(rest: RestClient, repository: string, since: Date): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  // Ten pages of 100 is far more than a budget allows in a window; the loop stops at `since`.
  for (let page = 1; page <= 10; page++) {
    const { data } = await rest.request<Deployment[]>(
      "GET",
      `/repos/${repository}/deployments?environment=${LEDGER_ENVIRONMENT}&per_page=100&page=${page}`,
    );
    for (const d of data) {
      const at = new Date(d.created_at);
      if (at < since) return entries;
      const fingerprint = fingerprintOf(d.payload);
      entries.push({ id: d.id, at, ...(fingerprint ? { fingerprint } : {}) });
    }
    if (data.length < 100) break;
  }
  return entries;
}

/** Records a conversation deploy before it is asked for, so that the budget counts it whatever happens next. */
export async function recordDeploy(
  rest: RestClient,
  repository: string,
  entry: { ref: string; fingerprint: string; description: string },
): Promise<LedgerEntry> {
  const { data } = await rest.request<Deployment>("POST", `/repos/${repository}/deployments`, {
    ref: entry.ref,
    environment: LEDGER_ENVIRONMENT,
    description: entry.description.slice(0, 140),
    payload: { fingerprint: entry.fingerprint },
    // A record, not a deploy GitHub should check or merge anything for.
    auto_merge: false,
    required_contexts: [],
    production_environment: false,
    transient_environment: false,
  });
  return { id: data.id, at: new Date(data.created_at), fingerprint: entry.fingerprint };
}
