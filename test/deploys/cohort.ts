// Two years of a cohort, as events in time, for replaying through the deploy decision
// (src/deploys/budget.ts): a post every two weeks (a push), responses trickling in the days after it,
// a burst the evening before each meeting (up to 40), a few after it and the facilitator's synthesis,
// edits of responses, now and then a post corrected three times in an hour or a push of the manual
// only, and months of silence (summer, the winter break). Deterministic: a seed gives the same years.
import { random } from "../support/hostile-layout.ts";

export type CohortEvent =
  /** A response (a comment or reply) to the post of that cycle. */
  | { at: Date; kind: "response"; post: number }
  /** A response's words edited: no count changes. */
  | { at: Date; kind: "edit"; post: number }
  /** A push to the production branch: a new post, a correction of one, or only the README or manual. */
  | { at: Date; kind: "push"; changes: "post" | "correction" | "docs" };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** 13:30 on `day` in Amsterdam's winter or summer time is near enough for a trace: UTC + 1. */
const at = (day: number, hour: number, start: number) => new Date(start + day * DAY + (hour - 1) * HOUR);

/** Whether a day falls in the months of silence: July and August, and the two weeks around new year. */
function silent(date: Date): boolean {
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  return month === 6 || month === 7 || (month === 11 && day >= 20) || (month === 0 && day <= 4);
}

export function cohortEvents(options: { seed?: number; start?: string; years?: number } = {}): CohortEvent[] {
  const rnd = random(options.seed ?? 2027);
  const start = Date.parse(options.start ?? "2027-01-04T00:00:00Z");
  const end = start + (options.years ?? 2) * 365 * DAY;
  const events: CohortEvent[] = [];
  const between = (a: number, b: number) => a + rnd() * (b - a);
  let post = 0;
  for (let cycle = start; cycle < end; cycle += 14 * DAY) {
    if (silent(new Date(cycle)) || silent(new Date(cycle + 7 * DAY))) continue;
    post++;
    // The post, on a Monday morning; sometimes corrected three times within the hour.
    events.push({ at: at(0, 9 + rnd(), cycle), kind: "push", changes: "post" });
    if (rnd() < 0.2)
      for (const minutes of [12, 31, 55])
        events.push({
          at: new Date(at(0, 10, cycle).getTime() + minutes * 60_000),
          kind: "push",
          changes: "correction",
        });
    if (rnd() < 0.15) events.push({ at: at(3, between(10, 16), cycle), kind: "push", changes: "docs" });
    // Responses during the week, in the day and the evening.
    const trickle = Math.floor(between(4, 16));
    for (let i = 0; i < trickle; i++)
      events.push({ at: at(Math.floor(between(0, 6)), between(8, 23), cycle), kind: "response", post });
    // The evening before the meeting (Sunday's meeting on day 7): a burst, up to 40.
    const burst = Math.floor(between(8, 41));
    for (let i = 0; i < burst; i++) events.push({ at: at(6, between(19, 23.5), cycle), kind: "response", post });
    // After the meeting: a few responses and the facilitator's synthesis.
    const after = Math.floor(between(1, 8));
    for (let i = 0; i < after; i++)
      events.push({ at: at(Math.floor(between(7, 11)), between(9, 22), cycle), kind: "response", post });
    events.push({ at: at(8, between(10, 14), cycle), kind: "response", post });
  }
  // One in eight responses is edited within the half hour after it.
  for (const event of [...events]) {
    if (event.kind === "response" && rnd() < 0.125)
      events.push({ at: new Date(event.at.getTime() + between(1, 30) * 60_000), kind: "edit", post: event.post });
  }
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}
