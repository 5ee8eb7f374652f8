// The deploy decision's rules one by one (src/deploys/budget.ts), site.yaml's `deploys:` as the
// schema reads it, and `npm run check`'s warning when a budget would not fit Netlify's free plan.
import { describe, expect, test } from "vitest";
import { decideDeploy, type DeployFacts } from "../../src/deploys/budget.ts";
import { crossChecks } from "../../src/commands/check/cross.ts";
import { siteSchema } from "../../src/model/schema.ts";
import { check } from "../../src/content/validate.ts";
import { content, entry } from "../support/model.ts";
import { repoRoot } from "../support/site.ts";

const budget = { perMonth: 12, minHoursApart: 48 };
const NOW = Date.parse("2026-12-10T12:00:00Z");
const ago = (hours: number) => new Date(NOW - hours * 3_600_000);
const facts = (f: Partial<DeployFacts>): DeployFacts => ({ now: new Date(NOW), activity: [], deploys: [], ...f });

describe("the decision", () => {
  test("nothing written since the last deploy, or nothing the site shows changed: no deploy", () => {
    expect(decideDeploy(facts({ activity: [ago(80)], deploys: [ago(72)] }), budget)).toEqual({
      deploy: false,
      reason: "nothing-new",
    });
    expect(decideDeploy(facts({ activity: [ago(3)], deploys: [ago(72)], changed: false }), budget)).toEqual({
      deploy: false,
      reason: "nothing-new",
    });
    // A push after the responses brought them along.
    expect(
      decideDeploy(facts({ activity: [ago(5), ago(3)], deploys: [ago(72)], lastPush: ago(1) }), budget).reason,
    ).toBe("nothing-new");
  });

  test("responses after a quiet hour, the last deploy long ago: deploy", () => {
    expect(decideDeploy(facts({ activity: [ago(5), ago(2)], deploys: [ago(72)] }), budget)).toEqual({
      deploy: true,
      reason: "changed",
      pending: 2,
      inWindow: 1,
    });
    // The very first deploy, with nothing in the ledger.
    expect(decideDeploy(facts({ activity: [ago(2)] }), budget).deploy).toBe(true);
  });

  test("a burst still going on waits for a quiet hour — but never longer than minHoursApart after its first response", () => {
    const settling = decideDeploy(facts({ activity: [ago(3), ago(0.25)], deploys: [ago(72)] }), budget);
    expect(settling).toEqual({ deploy: false, reason: "settling", next: new Date(NOW + 45 * 60_000), pending: 2 });
    expect(decideDeploy(facts({ activity: [ago(49), ago(0.1)], deploys: [ago(72)] }), budget).deploy).toBe(true);
  });

  test("within minHoursApart of the last deploy, a push's too: not yet, and from when", () => {
    expect(decideDeploy(facts({ activity: [ago(5)], deploys: [ago(10)], changed: true }), budget)).toEqual({
      deploy: false,
      reason: "too-soon",
      next: ago(10 - 48),
      pending: 1,
    });
    expect(decideDeploy(facts({ activity: [ago(1.5)], deploys: [ago(72)], lastPush: ago(2) }), budget).reason).toBe(
      "too-soon",
    );
  });

  test("perMonth deploys in the last 31 days: the next when the oldest leaves the window", () => {
    const deploys = Array.from({ length: 12 }, (_, i) => ago(60 + i * 48));
    const decision = decideDeploy(facts({ activity: [ago(5)], deploys }), budget);
    expect(decision).toEqual({
      deploy: false,
      reason: "budget",
      next: new Date(ago(60 + 11 * 48).getTime() + 31 * 24 * 3_600_000),
      pending: 1,
      inWindow: 12,
    });
    // Deploys older than 31 days do not count.
    expect(
      decideDeploy(facts({ activity: [ago(5)], deploys: [...deploys.slice(0, 11), ago(31 * 24 + 1)] }), budget).deploy,
    ).toBe(true);
    // perMonth: 0 — the conversation never deploys by itself.
    expect(decideDeploy(facts({ activity: [ago(5)] }), { perMonth: 0, minHoursApart: 48 }).reason).toBe("budget");
  });

  test("a change with no moment to it (a deleted response): deploy once allowed", () => {
    expect(decideDeploy(facts({ activity: [], deploys: [ago(72)], changed: true }), budget)).toEqual({
      deploy: true,
      reason: "changed",
      pending: 0,
      inWindow: 1,
    });
  });
});

describe("site.yaml's deploys:", () => {
  const site = (deploys: unknown) => check(siteSchema, { title: "Leergang", deploys }, "content/_data/site.yaml");

  test("defaults: 12 a month, 48 hours apart; either may be given alone", () => {
    expect(siteSchema.parse({ title: "Leergang" }).deploys).toEqual({ perMonth: 12, minHoursApart: 48 });
    expect(site({ perMonth: 8 }).data?.deploys).toEqual({ perMonth: 8, minHoursApart: 48 });
    expect(site({ perMonth: 0, minHoursApart: 24 }).data?.deploys).toEqual({ perMonth: 0, minHoursApart: 24 });
  });

  test("each mistake named with its field and the fix", () => {
    const messages = (value: unknown) => site(value).problems.map((p) => `${p.field}: ${p.message}`);
    expect(messages({ perMonth: -1 })).toEqual(["deploys.perMonth: must be 0 or more — write it like `perMonth: 12`"]);
    expect(messages({ perMonth: "veel" })).toEqual([
      'deploys.perMonth: must be a number, not "veel" — write it like `perMonth: 12`',
    ]);
    expect(messages({ minHoursApart: 1.5 })).toEqual([
      "deploys.minHoursApart: must be a whole number — write it like `minHoursApart: 48`",
    ]);
    expect(messages({ perWeek: 3 })).toEqual([
      "deploys.perWeek: is not a known field — use one of: perMonth, minHoursApart",
    ]);
    expect(messages(12)).toEqual([
      "deploys: must be a group of settings — write `deploys:` with `perMonth: 12` and `minHoursApart: 48` indented below it, not the number 12",
    ]);
  });
});

describe("npm run check and the free plan", () => {
  const warnings = (deploys?: Record<string, number>) =>
    crossChecks(content([entry("een")], {}, deploys ? { deploys } : {}), repoRoot).filter(
      (f) => f.field === "deploys.perMonth",
    );

  test("the defaults fit (12 + about 6 pushes = 270 credits of 300): no warning", () => {
    expect(warnings()).toEqual([]);
    expect(warnings({ perMonth: 14 })).toEqual([]);
  });

  test("a budget that would not fit is warned about, with the arithmetic and the fix", () => {
    expect(warnings({ perMonth: 20 }).map((f) => f.message)).toEqual([
      'allows 20 conversation deploys a month; with about 6 pushes of posts that is 390 credits, more than the 300 of Netlify\'s free plan (15 a deploy), which pauses every site of the team when they run out — on the free plan keep it at 14 or less (docs/kosten.md, "Kosten")',
    ]);
  });
});
