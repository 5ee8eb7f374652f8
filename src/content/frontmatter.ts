// Front-matter is YAML with the core schema: `2012-04-11` stays text until our schema reads it as a
// day in the site's time zone, and `yes` is not a boolean by accident. js-yaml parses fast (it is what
// Eleventy uses); only a file it rejects is parsed again with `yaml`, for a message with a line number
// and every error in it. A content page's front-matter, validated during loading, is handed to
// Eleventy's parse as it is (`yamlEngine`), so the build and the checks see the same values and the
// YAML is parsed once per build. (Posts are not Eleventy templates: their pages are rendered from the
// content model, so only pages are handed over.)
import { createRequire } from "node:module";
import jsYaml from "js-yaml";
import type YAML from "yaml";
import type { Problem } from "../model/problems.ts";

const require = createRequire(import.meta.url);
/** `yaml` explains a broken file (lines, every error); a build whose files are fine never loads it (~0.04 s). */
const yaml = (): typeof YAML => require("yaml") as typeof YAML;

const yamlOptions = { schema: "core", uniqueKeys: true, prettyErrors: true } as const;
const fastParse = (source: string): unknown => jsYaml.load(source, { schema: jsYaml.CORE_SCHEMA });

/**
 * A gray-matter engine for Eleventy (https://www.11ty.dev/docs/data-frontmatter-customize/):
 * `validated` gives the front-matter this build already read for a source, so Eleventy takes it as
 * it is; anything else is parsed the same way. Content is validated before Eleventy runs, so errors
 * are rare here.
 */
export function yamlEngine(validated: (source: string) => object | undefined) {
  return {
    parse: (source: string): object => validated(source.trim()) ?? (fastParse(source) as object | null) ?? {},
    stringify: (data: object): string => yaml().stringify(data),
  };
}

export interface Parsed {
  data: Record<string, unknown>;
  body: string;
  /** The YAML between the fences, trimmed: what Eleventy's parse receives for this file. */
  frontMatter: string;
  problems: Problem[];
}

function yamlProblems(file: string, doc: YAML.Document, source: string): Problem[] {
  const lines = source.split("\n");
  const lineOf = (error: YAML.YAMLError) => error.linePos?.[0]?.line ?? 1;
  // A tab or a broken line misleads the parser about what follows (a tab-indented `date:` looks
  // like a second top-level `date:`), so report tabs alone when there are any, one error per line.
  const tabs = doc.errors.filter((error) => error.code === "TAB_AS_INDENT");
  const errors = (tabs.length ? tabs : doc.errors).filter(
    (error, i, all) => all.findIndex((e) => lineOf(e) === lineOf(error)) === i,
  );
  return errors.map((error) => {
    const line = lineOf(error);
    const key = /^\s*([^:#]+):/.exec(lines[line - 1] ?? "")?.[1]?.trim();
    if (error.code === "DUPLICATE_KEY" && key) {
      return { file, field: key, message: `appears twice (line ${line}) — keep one of the two lines` };
    }
    const what = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    const fix =
      error.code === "TAB_AS_INDENT"
        ? "indent with spaces, not tabs"
        : error.code === "MISSING_CHAR"
          ? "close the quote or bracket that was opened"
          : "check the indentation and quotes on that line (a value with a colon needs quotes)";
    return { file, field: "front-matter", message: `${what} (line ${line}) — ${fix}` };
  });
}

/** Reads a YAML data file (site.yaml, authors.yaml). */
export function parseYamlFile(file: string, source: string): { data: unknown; problems: Problem[] } {
  try {
    return { data: fastParse(source), problems: [] };
  } catch {
    const doc = yaml().parseDocument(source, yamlOptions);
    const problems = yamlProblems(file, doc, source).map((p) =>
      p.field === "front-matter" ? { ...p, field: "yaml" } : p,
    );
    return problems.length ? { data: undefined, problems } : { data: doc.toJS(), problems };
  }
}

/**
 * The YAML between the opening `---` line and the first line starting with `---`, and the body
 * after that line: the split gray-matter makes for Eleventy, so `yamlEngine` finds its YAML.
 * The YAML keeps the newline after the opening `---`, so its line numbers are the file's.
 */
function splitFrontMatter(text: string): { yaml: string; body: string } {
  const rest = text.slice(3);
  const close = rest.indexOf("\n---");
  let body = rest.slice(close + 4);
  if (body.startsWith("\r")) body = body.slice(1);
  if (body.startsWith("\n")) body = body.slice(1);
  return { yaml: rest.slice(0, close), body };
}

/** Splits a Markdown file into front-matter and body, reporting what a person can fix. */
export function parseMarkdownFile(file: string, source: string): Parsed {
  const text = source.replace(/^\uFEFF/, "");
  if (!/^---[ \t]*\r?\n/.test(text)) {
    return {
      data: {},
      body: text,
      frontMatter: "",
      problems: [
        {
          file,
          field: "front-matter",
          message: "is missing — start the file with a line `---`, the fields (title, date, author), and another `---`",
        },
      ],
    };
  }
  if (!/\r?\n---[ \t]*(\r?\n|$)/.test(text.slice(3))) {
    return {
      data: {},
      body: "",
      frontMatter: "",
      problems: [
        {
          file,
          field: "front-matter",
          message: "is not closed — add a line with three dashes `---` after the last field",
        },
      ],
    };
  }
  const { yaml: yamlSource, body } = splitFrontMatter(text);
  let doc: YAML.Document | undefined;
  let fastError: unknown;
  let data: unknown = {};
  try {
    data = fastParse(yamlSource) ?? {};
  } catch (error) {
    fastError = error;
    doc = yaml().parseDocument(yamlSource, yamlOptions);
  }
  const problems = doc ? yamlProblems(file, doc, yamlSource) : [];
  if (fastError && !problems.length) {
    // Rare: only js-yaml objects. Its message still names the line.
    const reason = fastError instanceof jsYaml.YAMLException ? fastError.reason : String(fastError);
    const line = fastError instanceof jsYaml.YAMLException ? fastError.mark.line + 1 : 1;
    problems.push({
      file,
      field: "front-matter",
      message: `${reason} (line ${line}) — check the indentation and quotes on that line`,
    });
  }
  if (!problems.length && (typeof data !== "object" || data === null || Array.isArray(data))) {
    problems.push({
      file,
      field: "front-matter",
      message: "must be fields like `title: …`, one per line — check the lines between the `---`",
    });
  }
  return {
    data: problems.length ? {} : (data as Record<string, unknown>),
    body,
    frontMatter: yamlSource.trim(),
    problems,
  };
}
