// npm run bench [-- --posts 4000 --runs 5 --edits 5 --no-scaling --no-weight --output-in-memory --write-docs]
// Build time and memory of our full production build (search index and link-preview cards
// included) against bare Eleventy on the same Markdown, both writing to disk as a user's build does;
// the cards drawn from cold; the one-post rebuild in the dev server; how build time grows; and what a
// post page weighs. With --write-docs the figures also replace the last run's in docs/performance.md.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { makeCorpus, type Corpus } from "./bench/corpus.ts";
import { withBenchFigures } from "./bench/docs.ts";
import { incrementalRebuilds, median, timeBuild, type Command, type Run } from "./bench/measure.ts";

const repo = resolve(import.meta.dirname, "..");
const eleventy = join(repo, "node_modules/@11ty/eleventy/cmd.cjs");
const reportRss = join(repo, "scripts/lib/report-rss.mjs");

const { values: opts } = parseArgs({
  options: {
    posts: { type: "string", default: "4000" },
    runs: { type: "string", default: "5" },
    edits: { type: "string", default: "5" },
    "no-scaling": { type: "boolean", default: false },
    "no-weight": { type: "boolean", default: false },
    "output-in-memory": { type: "boolean", default: false },
    "write-docs": { type: "boolean", default: false },
  },
});
const posts = Number(opts.posts);
const runs = Number(opts.runs);

// Our build is `npm run build`'s command, without npm around it.
const ours = (corpus: Corpus): Command => ({
  cwd: corpus.project,
  nodeArgs: [],
  script: join(repo, "scripts/eleventy.mjs"),
  args: ["--quiet"],
});
// The dev server is `npm start`'s command: the config through tsx, so code edits reload.
const oursDev = (corpus: Corpus): Command => ({
  cwd: corpus.project,
  nodeArgs: ["--import", "tsx"],
  script: eleventy,
  args: ["--config=.eleventy.ts", "--quiet"],
});
// Bare Eleventy: no config, the same Markdown files, its defaults.
const bare = (corpus: Corpus): Command => ({
  cwd: corpus.bare,
  nodeArgs: [],
  script: eleventy,
  args: ["--input=posts", "--quiet"],
});

interface Pair {
  ours: Run[];
  bare: Run[];
}

/**
 * Alternates the two builds so that a slower minute of the machine hits both alike. `before` runs
 * ahead of each pair, untimed (e.g. forgetting the cached search index, or adding a post to both).
 */
function compare(corpus: Corpus, times: number, out: string, before: () => void = () => {}): Pair {
  const pair: Pair = { ours: [], bare: [] };
  for (let i = 0; i < times; i++) {
    before();
    pair.ours.push(timeBuild(ours(corpus), reportRss, join(out, "ours")));
    pair.bare.push(timeBuild(bare(corpus), reportRss, join(out, "bare")));
    process.stderr.write(
      `  run ${i + 1}/${times}: ours ${pair.ours[i]!.seconds.toFixed(2)} s, bare ${pair.bare[i]!.seconds.toFixed(2)} s\n`,
    );
  }
  return pair;
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);
function summarise(label: string, pair: Pair): string[] {
  const [o, b] = [median(pair.ours.map((r) => r.seconds)), median(pair.bare.map((r) => r.seconds))];
  const [om, bm] = [Math.max(...pair.ours.map((r) => r.peakMiB)), Math.max(...pair.bare.map((r) => r.peakMiB))];
  return [
    `${label}`,
    `  full build (ours)   median ${fmt(o)} s   (runs: ${pair.ours.map((r) => fmt(r.seconds)).join(", ")})`,
    `  bare Eleventy       median ${fmt(b)} s   (runs: ${pair.bare.map((r) => fmt(r.seconds)).join(", ")})`,
    `  ratio ours/bare     ${fmt(o / b)}×   (target ≤ 1.6× with the search index and a warm card cache); run by run: ${fmt(median(pair.ours.map((r, i) => r.seconds / pair.bare[i]!.seconds)))}× median of the pairs, which a machine that drifts during the benchmark affects less`,
    `  peak memory         ours ${fmt(om, 0)} MiB, bare ${fmt(bm, 0)} MiB, ratio ${fmt(om / bm)}×   (target ≤ 1.5×)`,
  ];
}

const root = mkdtempSync(join(tmpdir(), "hoedoededa-bench-"));
// Both builds write to disk next to the corpus, as a user's (and Netlify's) build does; the cards are
// hard-linked from .cache/cards/ on the same disk. --output-in-memory writes into tmpfs instead
// (earlier on this machine's disk, writing 4,000 small files took from 0.4 s to 8 s depending on what
// the disk had just deleted: compare both when a figure looks odd).
const ram = "/dev/shm";
const outputRoot =
  opts["output-in-memory"] && existsSync(ram) ? mkdtempSync(join(ram, "hoedoededa-bench-")) : join(root, "out");
const lines: string[] = [
  `hoedoededa benchmark — ${new Date().toISOString()}, Node ${process.version}, ${(await import("node:os")).cpus().length} cores`,
  `Output written to ${outputRoot.startsWith(ram) ? `${ram} (memory) by both builds` : "disk"}.`,
  "",
];
try {
  process.stderr.write(`Generating ${posts} posts…\n`);
  const corpus = makeCorpus(repo, root, posts);
  // A first build with an empty card cache: every card drawn (both cores), the cache filled for the runs below.
  process.stderr.write("Cold build: drawing every link-preview card…\n");
  const cold = timeBuild(ours(corpus), reportRss, join(outputRoot, "ours"));
  const drawn = /(\d+) link-preview cards? drawn in ([\d.]+) s/.exec(cold.stdout);
  // What the build says of its search index (indexReport, src/build/plugins/search.ts): posts, seconds.
  const indexWritten = /Search index of (\d+) posts written in ([\d.]+) s/;
  const indexed = indexWritten.exec(cold.stdout);
  lines.push(
    `Cold card cache (first build, ${posts} posts): build ${fmt(cold.seconds)} s, peak ${fmt(cold.peakMiB, 0)} MiB`,
    drawn
      ? `  cards drawn         ${drawn[1]} in ${drawn[2]} s: ${fmt((Number(drawn[2]) / Number(drawn[1])) * 1000, 0)} ms per card (satori and resvg, both cores)`
      : "  cards drawn         none reported",
    indexed
      ? `  search index        ${indexed[1]} posts, ${indexed[2]} s from handing Pagefind the posts (before the pages are rendered) to the index written`
      : "",
    "",
  );
  const indexSeconds = (pair: Pair) =>
    fmt(median(pair.ours.map((r) => Number(indexWritten.exec(r.stdout)?.[2] ?? NaN))));
  // Every card in the cache, the whole search index made from nothing (a first deploy, or a cleared cache).
  const forgetIndex = () => rmSync(join(corpus.project, ".cache/search"), { recursive: true, force: true });
  const fresh = compare(corpus, runs, outputRoot, forgetIndex);
  lines.push(
    ...summarise(
      `${posts} posts, warm card cache, the whole search index made anew, ${runs} alternating runs each`,
      fresh,
    ),
    `  search index (ours) median ${indexSeconds(fresh)} s from handing Pagefind the posts to the index written, beside the rendering`,
    "",
  );
  // The facilitator's ordinary build: a new post (in both corpora), its card drawn, its part of the index made, the rest from the caches.
  let added = 0;
  const author =
    /^author: .*$/m.exec(readFileSync(join(corpus.project, "content/posts/post-00001.md"), "utf8"))?.[0] ?? "";
  const addPost = () => {
    const n = posts + ++added;
    const text = `---\ntitle: "Bijeenkomst ${n}: een nieuw bericht"\ndate: 2030-01-${String(added).padStart(2, "0")}\ntags: [thema 1]\n${author}\n---\n\nEen nieuw bericht over leren in netwerken, nummer ${n}.\n`;
    writeFileSync(join(corpus.project, "content/posts", `post-new-${n}.md`), text);
    writeFileSync(join(corpus.bare, "posts", `post-new-${n}.md`), text);
  };
  const withNewPost = compare(corpus, runs, outputRoot, addPost);
  lines.push(
    ...summarise(
      `${posts} posts and a new one before each run (its card and its part of the search index made, the rest from the caches), ${runs} alternating runs each`,
      withNewPost,
    ),
    `  search index (ours) median ${indexSeconds(withNewPost)} s from handing Pagefind the posts to the index written (it waits for the pages)`,
    "",
  );
  // A rebuild in which no post changed (a new response, the daily rebuild): the index from .cache/search/ as well.
  const unchanged = compare(corpus, 3, outputRoot);
  lines.push(
    ...summarise(
      `${posts} posts, nothing changed (cards and search index from the cache), 3 alternating runs each`,
      unchanged,
    ),
    "",
  );

  const edits = Number(opts.edits);
  if (edits > 0) {
    process.stderr.write(`Dev server with --incremental, ${edits} one-post edits…\n`);
    const file = join(corpus.project, "content/posts/post-00010.md");
    const times = await incrementalRebuilds(oursDev(corpus), file, edits);
    lines.push(
      `One-post edit in the dev server (--incremental, ${posts} posts): median ${fmt(median(times))} s   (edits: ${times.map((t) => fmt(t)).join(", ")}; target ≤ 0.5 s)`,
      "",
    );
  }
  rmSync(corpus.project, { recursive: true, force: true });
  rmSync(corpus.bare, { recursive: true, force: true });

  if (!opts["no-scaling"]) {
    lines.push(
      "Growth (median of 3 alternating runs each):",
      "  posts    ours       bare      ratio   ours per 1,000 posts",
    );
    for (const n of [1000, 4000, 16000]) {
      process.stderr.write(`Scaling: ${n} posts…\n`);
      const c = makeCorpus(repo, root, n);
      // Not timed: draws this corpus's cards, so the timed runs compare warm builds as above.
      timeBuild(ours(c), reportRss, join(outputRoot, "ours"));
      const pair = compare(c, 3, outputRoot);
      const [o, b] = [median(pair.ours.map((r) => r.seconds)), median(pair.bare.map((r) => r.seconds))];
      lines.push(
        `  ${String(n).padStart(6)}   ${fmt(o).padStart(6)} s   ${fmt(b).padStart(6)} s   ${fmt(o / b)}×   ${fmt((o / n) * 1000)} s`,
      );
      rmSync(c.project, { recursive: true, force: true });
      rmSync(c.bare, { recursive: true, force: true });
    }
    lines.push("");
  }

  if (!opts["no-weight"]) {
    process.stderr.write("Measuring a post page in Chromium…\n");
    const { postPageWeightReport } = await import("./bench/weight-report.ts");
    lines.push(...(await postPageWeightReport(repo)));
  }
} finally {
  rmSync(root, { recursive: true, force: true });
  rmSync(outputRoot, { recursive: true, force: true });
}
console.log(lines.join("\n"));
mkdirSync(join(repo, ".cache"), { recursive: true });
writeFileSync(join(repo, ".cache", "bench-last.txt"), `${lines.join("\n")}\n`);
if (opts["write-docs"]) {
  const docs = join(repo, "docs/performance.md");
  writeFileSync(
    docs,
    withBenchFigures(readFileSync(docs, "utf8"), lines, { at: new Date(), args: process.argv.slice(2) }),
  );
  console.log("\nThe figures are in docs/performance.md, between its bench markers.");
}
