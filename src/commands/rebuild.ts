// `npm run rebuild`, run by .github/workflows/rebuild.yml on every response and on its schedule:
// whether the conversation is worth a production deploy now, within the budget of site.yaml's
// `deploys:` (src/deploys/budget.ts), and if so it records the deploy (src/deploys/ledger.ts) and asks
// Netlify's build hook for it. Every run says what it decided and why — in the workflow's summary
// too — and past the budget it says until when, so it never stops silently. It refuses (exit 1, which
// GitHub mails to whoever owns the workflow) when it cannot see its ledger or the conversation: a
// deploy it cannot count is a deploy it does not ask for.
import { appendFileSync } from "node:fs";
import { loadContent } from "../content/load.ts";
import { isListed } from "../content/visibility.ts";
import { commentsOn, commentsSetup } from "../comments/settings.ts";
import { conversationNow } from "../deploys/activity.ts";
import { decideDeploy, WINDOW_DAYS, type Decision, type DeployBudget } from "../deploys/budget.ts";
import { readLedger, recordDeploy, type LedgerEntry } from "../deploys/ledger.ts";
import { lastSitePush } from "../deploys/pushes.ts";
import { FREE_PLAN } from "../deploys/settings.ts";
import { endpointFrom, GitHubError, graphqlClient, tokenFrom } from "../github/client.ts";
import { restBaseFrom, restClient } from "../github/rest.ts";
import { buildMoment, settingsFromEnv } from "../model/build.ts";
import { formatProblem } from "../model/problems.ts";
import { ToolError } from "./tool-error.ts";

const HOUR = 3_600_000;

export interface RebuildRun {
  decision: Decision | { deploy: false; reason: "no-hook" | "not-set-up" };
  /** What the run says: lines for the log, and the workflow's summary. */
  lines: string[];
}

export interface RebuildOptions {
  env?: NodeJS.ProcessEnv;
  /** Where the site's repository is checked out (the pushes are read from its git history). */
  root?: string;
}

/** "zondag 13 december 2026 om 14:17" would be the site's words; the workflow's reader gets a plain UTC moment. */
const when = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

function reasonLines(decision: Decision, budget: DeployBudget, window: number): string[] {
  const used = `${window} of ${budget.perMonth} conversation deploys in the last ${WINDOW_DAYS} days`;
  switch (decision.reason) {
    case "changed":
      return [
        `Deploying: what the site shows of the conversation changed (${decision.pending} new or edited since the last deploy). ${used}, this one included.`,
      ];
    case "nothing-new":
      return [`No deploy: nothing the site shows changed since the last deploy. ${used}.`];
    case "settling":
      return [
        `Not yet: responses are still coming in (${decision.pending} since the last deploy); the deploy waits for a quiet hour, until ${when(decision.next)} at the latest. ${used}.`,
      ];
    case "too-soon":
      return [
        `Not yet: the last deploy was less than ${budget.minHoursApart} hours ago (deploys: minHoursApart). The next is allowed from ${when(decision.next)}. ${used}.`,
      ];
    case "budget":
      return [
        `No deploy: the budget is spent — ${used} (deploys: perMonth in site.yaml). ${decision.pending} new or edited response${decision.pending === 1 ? "" : "s"} wait${decision.pending === 1 ? "s" : ""} for the next deploy, allowed from ${when(decision.next)}.`,
        "The facilitator's own pushes still deploy (and bring the responses along); each costs " +
          `${FREE_PLAN.perDeploy} of the free plan's ${FREE_PLAN.credits} credits a month (docs/kosten.md).`,
      ];
  }
}

/** Writes the run's lines into the workflow's summary (GITHUB_STEP_SUMMARY) when there is one. */
function summarise(env: NodeJS.ProcessEnv, title: string, lines: readonly string[]): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  appendFileSync(file, `## ${title}\n\n${lines.map((line) => `- ${line}`).join("\n")}\n`);
}

export async function rebuild(options: RebuildOptions = {}): Promise<RebuildRun> {
  const { env = process.env, root = process.cwd() } = options;
  const settings = settingsFromEnv(env);
  const content = loadContent(root, settings);
  if (content.problems.length)
    throw new ToolError(
      `Fix these first (npm run check lists them too):\n${content.problems.map(formatProblem).join("\n")}`,
    );
  const { site } = content;
  const budget = site.deploys;
  const now = buildMoment(settings, site.timezone);

  const hook = env.NETLIFY_BUILD_HOOK?.trim();
  if (!hook) {
    const lines = [
      'The repository secret NETLIFY_BUILD_HOOK is not set, so Netlify is never asked to rebuild the site for the conversation (docs/reacties-instellen.md, "Stap 7: zet de geheimen").',
    ];
    summarise(env, "Conversation deploys", lines);
    return { decision: { deploy: false, reason: "no-hook" }, lines };
  }
  // The live category, whatever context the workflow's environment names.
  const setup = commentsSetup({
    ...site,
    build: { ...site.build, mode: "production", context: "production", preview: false },
  });
  if (setup.status !== "ready") {
    const lines = ["Comments are not set up in content/_data/site.yaml, so there is no conversation to deploy for."];
    summarise(env, "Conversation deploys", lines);
    return { decision: { deploy: false, reason: "not-set-up" }, lines };
  }

  const repository = env.GITHUB_REPOSITORY?.trim() || site.repository || site.build.repository;
  if (!repository)
    throw new ToolError(
      "Which repository keeps the deploy ledger? Run this in GitHub Actions (GITHUB_REPOSITORY), or set repository: owner/name in content/_data/site.yaml.",
    );
  const ledgerToken = tokenFrom(env, ["GITHUB_TOKEN"]);
  const conversationToken = tokenFrom(
    env,
    setup.repo.toLowerCase() === repository.toLowerCase() ? ["GITHUB_TOKEN"] : ["DISCUSSIONS_TOKEN", "GITHUB_TOKEN"],
  );
  if (!ledgerToken || !conversationToken)
    throw new ToolError(
      "GITHUB_TOKEN is not set: the workflow passes it (permissions: deployments: write, discussions: read).",
    );

  const rest = restClient({ token: ledgerToken.token, base: restBaseFrom(env), tokenName: ledgerToken.name });
  const graphql = graphqlClient({
    token: conversationToken.token,
    endpoint: endpointFrom(env),
    tokenName: conversationToken.name,
  });
  const since = new Date(now.getTime() - Math.max(WINDOW_DAYS * 24, budget.minHoursApart) * HOUR);
  let ledger: LedgerEntry[];
  let conversation: Awaited<ReturnType<typeof conversationNow>>;
  try {
    ledger = await readLedger(rest, repository, since);
    const counted = content.posts.filter(
      (post) => isListed(post.data, { showDrafts: false }) && commentsOn(post.data, site),
    );
    // A private site mirrors the whole conversation: an edited response is a change to deploy too.
    conversation = await conversationNow(graphql, { repo: setup.repo, categoryId: setup.categoryId }, counted, {
      whole: site.private === true,
    });
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    throw new ToolError(
      `No deploy: ${error.message}. Without its ledger and the conversation this command cannot keep the budget, so it asks for nothing.`,
    );
  }

  const lastPush = lastSitePush(root, since);
  const lastRecorded = ledger[0];
  // What the last conversation deploy showed is known, unless a push deployed after it.
  const known = lastRecorded?.fingerprint !== undefined && !(lastPush && lastPush > lastRecorded.at);
  const decision = decideDeploy(
    {
      now,
      activity: conversation.activity,
      ...(known ? { changed: conversation.fingerprint !== lastRecorded!.fingerprint } : {}),
      deploys: ledger.map((entry) => entry.at),
      ...(lastPush ? { lastPush } : {}),
    },
    budget,
  );
  const window =
    ledger.filter((entry) => entry.at.getTime() > now.getTime() - WINDOW_DAYS * 24 * HOUR).length +
    (decision.deploy ? 1 : 0);
  const lines = reasonLines(decision, budget, window);
  const last = [
    lastRecorded ? `the conversation's at ${when(lastRecorded.at)}` : "",
    lastPush ? `a push at ${when(lastPush)}` : "",
  ].filter(Boolean);
  lines.push(`Last deploys: ${last.join("; ") || "none seen"}. Responses on the site now: ${conversation.responses}.`);

  if (decision.deploy) {
    try {
      await recordDeploy(rest, repository, {
        ref: env.GITHUB_REF_NAME?.trim() || "main",
        fingerprint: conversation.fingerprint,
        description: `Conversation: ${decision.pending} new or edited response(s)`,
      });
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error;
      throw new ToolError(
        `No deploy: the deploy could not be recorded (${error.message}) — the workflow needs permissions: deployments: write.`,
      );
    }
    const url = new URL(hook);
    // Netlify shows this as the deploy's message (https://docs.netlify.com/configure-builds/build-hooks/).
    url.searchParams.set("trigger_title", "Reacties bijgewerkt (hoedoededa)");
    let response: Response;
    try {
      response = await fetch(url, { method: "POST", body: "{}", signal: AbortSignal.timeout(30_000) });
    } catch {
      throw new ToolError(
        "Netlify's build hook could not be reached. The deploy is recorded and counts against the budget; the next run tries again once it is allowed.",
      );
    }
    if (!response.ok)
      throw new ToolError(
        `Netlify's build hook answered ${response.status}: is NETLIFY_BUILD_HOOK still the hook's address? The deploy is recorded and counts against the budget.`,
      );
    lines.push("Netlify was asked for a production deploy.");
  }
  summarise(env, "Conversation deploys", lines);
  if (decision.reason === "budget" && env.GITHUB_ACTIONS === "true")
    console.log(`::warning title=Deploy budget spent::${lines[0]}`);
  return { decision, lines };
}
