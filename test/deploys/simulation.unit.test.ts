// Two years of a cohort replayed through the deploy decision `npm run rebuild` makes
// (src/deploys/budget.ts), with the budget site.yaml gets by default: the workflow runs on every
// response (GitHub's discussion events) and on its schedule; a push of a post deploys by itself
// (Netlify), a push of the manual does not (netlify.toml's `[build] ignore`, scripts/ignore-build.mjs).
// What must hold in every calendar month, and for every response, is below; the figures are printed.
import { describe, expect, test } from "vitest";
import { decideDeploy, type Decision, type DeployBudget } from "../../src/deploys/budget.ts";
import { SCHEDULE_HOURS } from "../../src/deploys/settings.ts";
import { deployDefaults } from "../../src/model/schema.ts";
import { decide as ignoreDecision } from "../../scripts/ignore-build.mjs";
import { cohortEvents, type CohortEvent } from "./cohort.ts";

const HOUR = 3_600_000;

interface Replay {
  conversation: Date[];
  pushes: Date[];
  /** Per response: when it reached the list pages, and whether the budget held it back on the way. */
  responses: { at: Date; visible?: Date; heldByBudget: boolean }[];
  runs: { at: Date; decision: Decision }[];
}

/** What a push changes, as the ignore command sees it. */
const pushChanges = {
  post: [{ path: "content/posts/nieuw.md", before: undefined, after: "---\ntitle: Nieuw\n---\n" }],
  correction: [
    { path: "content/posts/nieuw.md", before: "---\ntitle: Nieuw\n---\n", after: "---\ntitle: Nieuw!\n---\n" },
  ],
  docs: [{ path: "docs/kosten.md" }, { path: "README.md" }],
} as const;

function replay(events: readonly CohortEvent[], budget: DeployBudget, scheduleHours = SCHEDULE_HOURS): Replay {
  const first = events[0]!.at.getTime();
  const last = events.at(-1)!.at.getTime() + 3 * 24 * HOUR;
  // The schedule: every `scheduleHours` hours at 17 minutes past (as the workflow's cron says).
  const ticks: number[] = [];
  for (let t = Math.floor(first / HOUR) * HOUR + 17 * 60_000; t < last; t += scheduleHours * HOUR) ticks.push(t);
  type Step = { at: number; event?: CohortEvent; tick?: boolean };
  const steps: Step[] = ([] as Step[])
    .concat(
      events.map((event) => ({ at: event.at.getTime(), event })),
      // A discussion event starts the workflow a little after the response.
      events.filter((e) => e.kind !== "push").map((e) => ({ at: e.at.getTime() + 30_000, tick: true })),
      ticks.map((at) => ({ at, tick: true })),
    )
    .sort((a, b) => a.at - b.at || (a.event ? -1 : 1));

  const result: Replay = { conversation: [], pushes: [], responses: [], runs: [] };
  const counts = new Map<number, number>();
  const fingerprint = () => JSON.stringify([...counts].sort((a, b) => a[0] - b[0]));
  let deployedFingerprint: string | undefined;
  const activity: Date[] = [];
  const deployed = (at: number) => {
    for (const response of result.responses)
      if (!response.visible && response.at.getTime() <= at) response.visible = new Date(at);
  };
  for (const step of steps) {
    const { event } = step;
    if (event?.kind === "push") {
      const { build } = ignoreDecision({
        context: "production",
        cached: "a",
        commit: "b",
        changes: pushChanges[event.changes],
      });
      if (build) {
        result.pushes.push(event.at);
        deployed(step.at);
      }
    } else if (event) {
      activity.push(event.at);
      if (event.kind === "response") {
        counts.set(event.post, (counts.get(event.post) ?? 0) + 1);
        result.responses.push({ at: event.at, heldByBudget: false });
      }
    } else {
      const lastPush = result.pushes.at(-1);
      const lastConversation = result.conversation.at(-1);
      // A push deployed after the last conversation deploy: what it showed is not in the ledger.
      const known =
        deployedFingerprint !== undefined && !(lastPush && (!lastConversation || lastPush > lastConversation));
      const decision = decideDeploy(
        {
          now: new Date(step.at),
          activity,
          ...(known ? { changed: fingerprint() !== deployedFingerprint } : {}),
          deploys: result.conversation,
          ...(lastPush ? { lastPush } : {}),
        },
        budget,
      );
      result.runs.push({ at: new Date(step.at), decision });
      if (decision.reason === "budget") for (const r of result.responses) if (!r.visible) r.heldByBudget = true;
      if (decision.deploy) {
        result.conversation.push(new Date(step.at));
        deployedFingerprint = fingerprint();
        deployed(step.at);
      }
    }
  }
  return result;
}

/** `2027-03` in Amsterdam (UTC+1 is close enough at month ends for a count). */
const monthOf = (date: Date) => new Date(date.getTime() + HOUR).toISOString().slice(0, 7);

function byMonth(run: Replay) {
  const months = new Map<string, { posts: number; responses: number; pushes: number; conversation: number }>();
  const row = (date: Date) => {
    const key = monthOf(date);
    if (!months.has(key)) months.set(key, { posts: 0, responses: 0, pushes: 0, conversation: 0 });
    return months.get(key)!;
  };
  // Every month of the trace, the silent ones too.
  const first = run.runs[0]!.at;
  const last = run.runs.at(-1)!.at;
  for (
    let d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1));
    d <= last;
    d.setUTCMonth(d.getUTCMonth() + 1)
  )
    row(d);
  for (const r of run.responses) row(r.at).responses++;
  for (const p of run.pushes) row(p).pushes++;
  for (const c of run.conversation) row(c).conversation++;
  return [...months].sort(([a], [b]) => a.localeCompare(b));
}

describe("two years of a cohort on Netlify's free plan, with the default budget", () => {
  const events = cohortEvents();
  const budget = deployDefaults;
  const run = replay(events, budget);
  const months = byMonth(run);
  /** The promise: a response is on the list pages within this long, unless the budget holds it back. */
  const promised = (budget.minHoursApart + SCHEDULE_HOURS) * HOUR;

  test("the trace is a real cohort's: posts, bursts of up to 40, edits, corrections, silent months", () => {
    expect(events.filter((e) => e.kind === "push" && e.changes === "post").length).toBeGreaterThan(30);
    expect(run.responses.length).toBeGreaterThan(1000);
    expect(events.some((e) => e.kind === "edit")).toBe(true);
    expect(events.filter((e) => e.kind === "push" && e.changes === "correction").length).toBeGreaterThan(0);
    expect(months.filter(([, m]) => m.responses === 0).length).toBeGreaterThanOrEqual(3);
  });

  test("every calendar month: at most the budget of conversation deploys, at most 18 production deploys in all", () => {
    const lines = months.map(
      ([month, m]) =>
        `${month}  ${String(m.responses).padStart(4)} responses  ${String(m.pushes).padStart(2)} pushes  ${String(m.conversation).padStart(2)} conversation  ${String(m.pushes + m.conversation).padStart(2)} deploys  ${String((m.pushes + m.conversation) * 15).padStart(3)} credits`,
    );
    console.log(
      `Deploys month by month (budget: ${budget.perMonth} in any ${31} days, ${budget.minHoursApart} h apart; schedule every ${SCHEDULE_HOURS} h):\n${lines.join("\n")}`,
    );
    for (const [month, m] of months) {
      expect(m.conversation, month).toBeLessThanOrEqual(budget.perMonth);
      expect(m.pushes + m.conversation, month).toBeLessThanOrEqual(18);
    }
  });

  test("every response reaches the list pages within the promised delay, unless the budget held it back", () => {
    const late = run.responses.filter((r) => !r.visible || r.visible.getTime() - r.at.getTime() > promised);
    expect(late.filter((r) => !r.heldByBudget).map((r) => r.at.toISOString())).toEqual([]);
    const delays = run.responses.map((r) => (r.visible!.getTime() - r.at.getTime()) / HOUR).sort((a, b) => a - b);
    console.log(
      `Delay from a response to the list pages: median ${delays[Math.floor(delays.length / 2)]!.toFixed(1)} h, 90th percentile ${delays[Math.floor(delays.length * 0.9)]!.toFixed(1)} h, longest ${delays.at(-1)!.toFixed(1)} h; held back by the budget: ${late.length} of ${run.responses.length}`,
    );
  });

  test("a burst of responses costs one deploy, not one each", () => {
    // The evening bursts: 8 to 40 responses between 19:00 and 23:30; the deploys on those evenings and the night after.
    const bursts = run.responses.filter((r) => r.at.getUTCHours() >= 18 && r.at.getUTCHours() <= 22);
    const nights = new Set(bursts.map((r) => r.at.toISOString().slice(0, 10)));
    for (const night of nights) {
      const start = Date.parse(`${night}T18:00:00Z`);
      const deploys = run.conversation.filter((d) => d.getTime() >= start && d.getTime() < start + 12 * HOUR);
      expect(deploys.length, night).toBeLessThanOrEqual(2);
    }
  });

  test("every push of a post deploys; a push of the manual alone does not", () => {
    const postPushes = events.filter((e) => e.kind === "push" && e.changes !== "docs").map((e) => e.at.getTime());
    expect(run.pushes.map((p) => p.getTime())).toEqual(postPushes);
    expect(events.filter((e) => e.kind === "push" && e.changes === "docs").length).toBeGreaterThan(0);
  });

  test("no deploy without a change to show: each conversation deploy brings a response to the list pages", () => {
    for (const deploy of run.conversation) {
      expect(
        run.responses.some((r) => r.visible?.getTime() === deploy.getTime()),
        deploy.toISOString(),
      ).toBe(true);
    }
  });

  test("silence costs nothing: no conversation deploy later than the promised delay after the last response", () => {
    for (const deploy of run.conversation) {
      const before = run.responses.filter((r) => r.at <= deploy).at(-1)!;
      expect(deploy.getTime() - before.at.getTime(), deploy.toISOString()).toBeLessThanOrEqual(promised);
    }
  });
});

describe("a stricter budget holds even in the busiest month", () => {
  test("3 conversation deploys in any 31 days: never more, and the responses it holds back are said to be", () => {
    const run = replay(cohortEvents({ seed: 7 }), { perMonth: 3, minHoursApart: 12 });
    for (const [month, m] of byMonth(run)) expect(m.conversation, month).toBeLessThanOrEqual(3);
    expect(run.runs.some((r) => r.decision.reason === "budget")).toBe(true);
    expect(run.responses.some((r) => r.heldByBudget)).toBe(true);
  });
});
