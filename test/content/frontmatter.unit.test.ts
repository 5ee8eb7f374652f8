// Posts are split into front-matter and body by our own reader; content pages (content/*.md) are
// also read by Eleventy, with its gray-matter, and must get the same YAML (the validated data is handed
// over by its source). Both readers must agree on every way a facilitator may write the fences.
import matter from "@11ty/gray-matter";
import jsYaml from "js-yaml";
import { describe, expect, test } from "vitest";
import { parseMarkdownFile } from "../../src/content/frontmatter.ts";

const files: Record<string, string> = {
  plain: "---\ntitle: Een\ndate: 2012-04-11\n---\nTekst.\n",
  "blank line after the fence": "---\ntitle: Een\n---\n\nTekst.\n",
  "Windows line ends": "---\r\ntitle: Een\r\n---\r\n\r\nTekst.\r\n",
  "spaces after the fences": "--- \ntitle: Een\n---  \nTekst.\n",
  "a rule in the body": "---\ntitle: Een\n---\nBoven\n\n---\n\nOnder\n----\n",
  "comments only": "---\n# nog niets\n---\nTekst.\n",
  "empty front-matter": "---\n---\nTekst.\n",
  "nothing after the fence": "---\ntitle: Een\n---",
  "body starting with spaces": "---\ntitle: Een\n---\n    code\n",
  "byte order mark": "\uFEFF---\ntitle: Een\n---\nTekst.\n",
};

describe("front-matter is split as Eleventy's gray-matter splits it", () => {
  for (const [name, source] of Object.entries(files)) {
    test(name, () => {
      const ours = parseMarkdownFile("content/posts/x.md", source);
      const theirs = matter(source, { engines: { yaml: { parse: (yaml: string) => ({ yaml }) } } });
      expect(ours.problems).toEqual([]);
      expect(ours.body).toBe(theirs.content);
      // The same YAML text reaches the parser, so the same data (and line numbers) come out.
      const yaml = (theirs.data as { yaml?: string }).yaml;
      expect(ours.data).toEqual(yaml === undefined ? {} : (jsYaml.load(yaml, { schema: jsYaml.CORE_SCHEMA }) ?? {}));
    });
  }
});
