// When the conversation may cost a production deploy. On Netlify's free plan a production deploy
// costs 15 of the month's 300 credits, and when they run out every site of the team is paused until
// the month ends (docs/kosten.md); previews cost nothing. New and edited responses reach the list
// pages' counts (and a private site's mirrored conversation) only by a deploy, so they come in
// batches: one decision, made by `npm run rebuild` (src/commands/rebuild.ts) on every run of
// .github/workflows/rebuild.yml, from what it can see — when the conversation changed, and when the
// site was last deployed — and the budget in site.yaml's `deploys:`. The same function is replayed
// over two years of a cohort in test/deploys/simulation.unit.test.ts.

/** site.yaml's `deploys:` (src/model/schema.ts), with its defaults. */
export interface DeployBudget {
  /** At most this many conversation deploys in any window of `WINDOW_DAYS` days. */
  perMonth: number;
  /** At least this many hours between two deploys (a facilitator's push counts as one). */
  minHoursApart: number;
}

/**
 * The budget's window: 31 days in a row, so that every calendar month — and every billing month
 * Netlify may start on another day — holds at most `perMonth` conversation deploys.
 */
export const WINDOW_DAYS = 31;
/** A burst is over after this long without a new response; its deploy waits for that (or for `minHoursApart`). */
export const QUIET_MINUTES = 60;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DeployFacts {
  now: Date;
  /** When what participants wrote changed: every response and edit the command saw, in any order. */
  activity: readonly Date[];
  /**
   * Whether what the site shows of the conversation (the counts; a private site's whole conversation)
   * differs from what the last conversation deploy showed; undefined when that is not known.
   */
  changed?: boolean;
  /** The conversation deploys asked for so far (the ledger, src/deploys/ledger.ts), in any order. */
  deploys: readonly Date[];
  /** The last production deploy of a push that changed the site, if any: it showed the conversation as it was then. */
  lastPush?: Date;
}

export type Decision =
  | { deploy: true; reason: "changed"; pending: number; inWindow: number }
  /** Nothing the site shows changed since the last deploy. */
  | { deploy: false; reason: "nothing-new" }
  /** Responses are still coming in: wait for a quiet hour, or for `minHoursApart` after the first. */
  | { deploy: false; reason: "settling"; next: Date; pending: number }
  /** The last deploy was less than `minHoursApart` ago. */
  | { deploy: false; reason: "too-soon"; next: Date; pending: number }
  /** `perMonth` deploys in the last `WINDOW_DAYS` days: the next one when the oldest leaves the window. */
  | { deploy: false; reason: "budget"; next: Date; pending: number; inWindow: number };

const latest = (dates: readonly Date[]) => dates.reduce<Date | undefined>((a, d) => (!a || d > a ? d : a), undefined);

/** Whether to ask Netlify for a production deploy now, and if not, why and until when. */
export function decideDeploy(facts: DeployFacts, budget: DeployBudget): Decision {
  const now = facts.now.getTime();
  const lastDeploy = latest([...facts.deploys, ...(facts.lastPush ? [facts.lastPush] : [])])?.getTime();
  const pending = facts.activity.map((d) => d.getTime()).filter((t) => lastDeploy === undefined || t > lastDeploy);
  // Known to be the same as deployed: an edit of a response's words changes no count on a public site.
  if (facts.changed === false || (!pending.length && facts.changed !== true))
    return { deploy: false, reason: "nothing-new" };

  const window = facts.deploys
    .map((d) => d.getTime())
    .filter((t) => t > now - WINDOW_DAYS * DAY)
    .sort((a, b) => a - b);
  if (window.length >= budget.perMonth) {
    // The deploy that leaves the window first makes room (none at all when perMonth is 0).
    const freed = window[window.length - budget.perMonth];
    const next = freed === undefined ? new Date(8.64e15) : new Date(freed + WINDOW_DAYS * DAY);
    return { deploy: false, reason: "budget", next, pending: pending.length, inWindow: window.length };
  }
  const earliest = lastDeploy === undefined ? -Infinity : lastDeploy + budget.minHoursApart * HOUR;
  if (now < earliest) return { deploy: false, reason: "too-soon", next: new Date(earliest), pending: pending.length };
  if (pending.length) {
    const first = Math.min(...pending);
    const last = Math.max(...pending);
    const settled = Math.min(last + QUIET_MINUTES * 60_000, first + budget.minHoursApart * HOUR);
    if (now < settled) return { deploy: false, reason: "settling", next: new Date(settled), pending: pending.length };
  }
  return { deploy: true, reason: "changed", pending: pending.length, inWindow: window.length };
}
