// The facilitator's pushes, as deploys: Netlify builds every push to the production branch that
// changes the site (netlify.toml's `[build] ignore`, scripts/ignore-build.mjs, skips the others), and
// such a build shows the conversation as it then was. `npm run rebuild` reads them from the
// repository it runs in (the workflow checks it out with its history), by the ignore command's own
// rule, so that a response a push already brought to the site costs no second deploy.
import { execFileSync } from "node:child_process";
import { changesBetween, decide } from "../../scripts/ignore-build.mjs";

const git = (cwd: string, args: string[]) =>
  execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 16 << 20 });

/**
 * When the newest push since `since` that changed the site was committed (its committer date: when
 * it reached the branch, through GitHub's editor or a merge), or undefined — also when `root` is no
 * git checkout, or its history does not reach back that far.
 */
export function lastSitePush(root: string, since: Date): Date | undefined {
  let log: string;
  try {
    log = git(root, ["log", "--first-parent", "--format=%H %P %cI", `--since=${since.toISOString()}`, "HEAD"]);
  } catch {
    return undefined;
  }
  for (const line of log.split("\n").filter(Boolean)) {
    const [commit, parent, date] = line.split(" ");
    if (!commit || !date) continue;
    // A root commit, or a parent the shallow history lacks: it changed the site, as far as anyone can tell.
    const changes = parent ? changesBetween(parent, commit, root) : undefined;
    if (decide({ context: "production", cached: parent, commit, changes }).build) return new Date(date);
  }
  return undefined;
}
