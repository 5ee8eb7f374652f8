// The post-page weight for `npm run bench`: the example site built for production with comments
// switched on (placeholder ids; giscus.app is answered by the local stand-in), served the Netlify way.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { formatPostPageWeight, measurePostPageWeight } from "../lib/weight.ts";
import { serve } from "../../test/support/serve.ts";
import { buildSite, siteYamlWithComments } from "../../test/support/site.ts";

export async function postPageWeightReport(repo: string, path = "/posts/loslaten-en-regie/"): Promise<string[]> {
  const siteYaml = siteYamlWithComments();
  const built = buildSite({ files: { "_data/site.yaml": siteYaml } });
  const site = await serve(built.out, join(repo, "netlify.toml"));
  try {
    const weight = await measurePostPageWeight(site.url, path);
    return [
      `Post page weight (${path}, first visit on a phone):`,
      ...formatPostPageWeight(weight)
        .split("\n")
        .map((l) => `  ${l}`),
    ];
  } finally {
    await site.close();
    rmSync(built.root, { recursive: true, force: true });
    rmSync(built.out, { recursive: true, force: true });
  }
}
