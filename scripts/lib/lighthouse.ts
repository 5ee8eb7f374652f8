// Lighthouse (its Node API) against a Chromium we start ourselves with a DevTools port, with the
// same offline-safe flags the browser tests use. One run at a time: Lighthouse's performance
// figures are only meaningful when nothing else competes for the CPU.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import lighthouse from "lighthouse";
import type { Result } from "lighthouse";
import { chromiumArgs, findBrowser } from "../../test/support/browser.ts";

export const categories = ["performance", "accessibility", "best-practices", "seo"] as const;

export interface RunningChromium {
  executable: string;
  port: number;
  close(): Promise<void>;
}

/** Starts headless Chromium with a DevTools port and a throwaway profile. */
export async function startChromium(): Promise<RunningChromium> {
  const executable = findBrowser();
  const profile = mkdtempSync(join(tmpdir(), "hoedoededa-lighthouse-"));
  const child = spawn(
    executable,
    ["--headless", ...chromiumArgs, "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"],
    {
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`Chromium (${executable}) did not open a DevTools port:\n${output}`)),
      20_000,
    );
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const found = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    });
    child.once("exit", (code) => reject(new Error(`Chromium (${executable}) exited with ${code}:\n${output}`)));
  });
  child.stderr!.resume();
  return { executable, port, close: () => stop(child, profile) };
}

async function stop(child: ChildProcess, profile: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((done) => child.once("exit", done));
    child.kill();
    await exited;
  }
  rmSync(profile, { recursive: true, force: true });
}

export interface FailingAudit {
  id: string;
  title: string;
  score: number | null;
  weight: number;
  displayValue?: string;
}

export interface PageAudit {
  url: string;
  scores: Record<(typeof categories)[number], number | null>;
  /** Per category below 100: the audits that did not pass, heaviest first. */
  failing: Partial<Record<(typeof categories)[number], FailingAudit[]>>;
  /** Audits Lighthouse could not run, grouped by the reason it gives. */
  errored: { reason: string; ids: string[] }[];
  /** The performance score of every run; the audit shown is the median run. */
  performanceRuns: number[];
  runWarnings: string[];
  lhr: Result;
  /** The HTML report, for reading in a browser. */
  html: string;
}

/**
 * Lighthouse `runs` times on `url`, and the median run by performance score: the simulated
 * timings move with whatever else the machine is doing, so one run can be off by a few points.
 */
export async function auditPage(url: string, chromium: RunningChromium, runs = 1): Promise<PageAudit> {
  const audits: PageAudit[] = [];
  for (let i = 0; i < runs; i++) audits.push(await auditOnce(url, chromium));
  const sorted = [...audits].sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return { ...median, performanceRuns: audits.map((a) => a.scores.performance ?? 0) };
}

/** One Lighthouse run with its default settings: a mobile phone, simulated slow 4G and CPU. */
async function auditOnce(url: string, chromium: RunningChromium): Promise<PageAudit> {
  const result = await lighthouse(url, {
    port: chromium.port,
    output: ["json", "html"],
    logLevel: "error",
    onlyCategories: [...categories],
    formFactor: "mobile",
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const lhr = result.lhr;
  if (lhr.runtimeError)
    throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = {} as PageAudit["scores"];
  const failing: PageAudit["failing"] = {};
  for (const id of categories) {
    const category = lhr.categories[id]!;
    scores[id] = category.score === null ? null : Math.round(category.score * 100);
    if (category.score === 1) continue;
    failing[id] = category.auditRefs
      .map((ref) => ({ ref, audit: lhr.audits[ref.id]! }))
      .filter(
        ({ audit }) =>
          audit.score !== null &&
          audit.score < 1 &&
          audit.scoreDisplayMode !== "informative" &&
          audit.scoreDisplayMode !== "notApplicable",
      )
      .sort((a, b) => b.ref.weight - a.ref.weight)
      .map(({ ref, audit }) => ({
        id: ref.id,
        title: audit.title,
        score: audit.score,
        weight: ref.weight,
        ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
      }));
  }
  const errored = new Map<string, string[]>();
  for (const [id, audit] of Object.entries(lhr.audits)) {
    if (audit.scoreDisplayMode !== "error") continue;
    // "Required X gatherer encountered an error: Dependency … failed with exception: <reason>"
    const reason = (audit.errorMessage ?? "unknown").replace(/^.*(exception|error): /, "");
    errored.set(reason, [...(errored.get(reason) ?? []), id]);
  }
  const html = (result.report as string[])[1]!;
  return {
    url,
    scores,
    failing,
    performanceRuns: [scores.performance ?? 0],
    errored: [...errored].map(([reason, ids]) => ({ reason, ids })),
    runWarnings: lhr.runWarnings,
    lhr,
    html,
  };
}

/**
 * Audits that depend on reaching other sites, which this machine cannot: if one of them fails
 * while the page asked another host, the output says so rather than calling it a flaw of the site.
 */
export const needsInternet: Record<string, string> = {
  "errors-in-console": "a request to another site (a video player, giscus.app) fails offline and is logged as an error",
  "inspector-issues": "blocked requests to other sites show up as DevTools issues offline",
  "third-party-cookies": "third-party frames cannot load offline",
  "valid-source-maps": "source maps of other sites cannot be fetched offline",
};

/** Why Lighthouse itself fails to run an audit, where we know. */
const knownErrors: [RegExp, string][] = [
  // Checked in a Chromium 156 trace: its PipelineReporter events carry args.frame_reporter.
  [
    /frame_sequence/,
    "Lighthouse 12.2.3's trace engine reads args.chrome_frame_reporter.frame_sequence of PipelineReporter trace events; newer Chromium (156 here) writes that field as args.frame_reporter. A version mismatch between the two, not a property of the site; scripts/lib/weight.ts measures render-blocking requests and layout shifts itself.",
  ],
];

/** Hosts other than the audited page's that the page asked for (they fail here: no internet). */
export function otherHosts(audit: PageAudit): string[] {
  const own = new URL(audit.url).host;
  const details = audit.lhr.audits["network-requests"]?.details as { items?: { url: string }[] } | undefined;
  const hosts = (details?.items ?? [])
    .map((item) => (URL.canParse(item.url) ? new URL(item.url).host : ""))
    .filter((h) => h && h !== own);
  return [...new Set(hosts)].sort();
}

/** Lines for a terminal: the four scores, and for each score under 100 what failed and why. */
export function formatPageAudit(audit: PageAudit): string {
  const elsewhere = otherHosts(audit);
  const lines = [`${audit.url}`];
  lines.push("  " + categories.map((id) => `${id} ${audit.scores[id] ?? "–"}`).join(" · "));
  for (const [category, failed] of Object.entries(audit.failing)) {
    lines.push(`  ${category} below 100:`);
    if (!failed.length) lines.push("    (no failing audit with a score: see the HTML report)");
    for (const f of failed) {
      const offline = elsewhere.length && needsInternet[f.id] ? `  [offline here: ${needsInternet[f.id]}]` : "";
      const score = f.score === null ? "" : ` score ${Math.round(f.score * 100)}`;
      lines.push(
        `    - ${f.title} (${f.id}${score}, weight ${f.weight}${f.displayValue ? `, ${f.displayValue}` : ""})${offline}`,
      );
    }
  }
  if (audit.performanceRuns.length > 1)
    lines.push(
      `  performance in ${audit.performanceRuns.length} runs: ${audit.performanceRuns.join(", ")} (the median run is shown)`,
    );
  for (const { reason, ids } of audit.errored) {
    const weighted = ids.filter((id) =>
      Object.values(audit.lhr.categories).some((c) => c.auditRefs.some((r) => r.id === id && r.weight > 0)),
    );
    const known = knownErrors.find(([pattern]) => pattern.test(reason))?.[1];
    lines.push(
      `  Lighthouse could not run ${ids.join(", ")} (${weighted.length ? `weighted: ${weighted.join(", ")}` : "diagnostics without weight in any score"}): ${reason}${known ? `\n    Why: ${known}` : ""}`,
    );
  }
  lines.push(
    elsewhere.length
      ? `  asked other hosts (unreachable here, so audits that look at them are not the real thing): ${elsewhere.join(", ")}`
      : "  asked no other host: nothing in this audit depended on the internet",
  );
  for (const warning of audit.runWarnings) lines.push(`  Lighthouse warns: ${warning}`);
  return lines.join("\n");
}
