// The posts, their earlier responses and the content pages, read and validated. Reading is the
// only place a post's file is opened; what was read is kept in a `PostReads` cache, keyed by path
// and the file's modification time and size, so a dev-server rebuild re-reads only the saved post.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { slugify } from "../model/slug.ts";
import { readText } from "./data-files.ts";
import { excerptOf } from "./excerpt.ts";
import { parseMarkdownFile, parseYamlFile, type Parsed } from "./frontmatter.ts";
import { contentPaths, isResponsesFile, postFile, postSlugOf, responsesFile } from "../model/paths.ts";
import type { Problem } from "../model/problems.ts";
import {
  earlierResponseSchema,
  pageSchema,
  postSchemaFor,
  type EarlierResponseData,
  type PageData,
  type PostData,
  type References,
} from "../model/schema.ts";
import { check } from "./validate.ts";
import type { PageEntry, PostEntry } from "../model/content.ts";

interface ReadPost {
  stamp: string;
  parsed: Parsed;
  /** The schema's verdict, and the references it was checked against. */
  checked: { refs: string; data: PostData | undefined; problems: Problem[] };
}

/** What each post file said when it was last read, by path; kept across builds by the build session. */
export type PostReads = Map<string, ReadPost>;

function stampOf(root: string, file: string): string {
  try {
    const stat = statSync(join(root, file));
    return `${root}\0${stat.mtimeMs}\0${stat.size}`;
  } catch {
    return "";
  }
}

export function filesIn(root: string, dir: string, suffix: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(suffix))
    .map((d) => `${dir}/${d.name}`)
    .sort();
}

/** A post's earlier responses: each one checked, ids unique, every `parent` an id in the file. */
function loadEarlierResponses(root: string, file: string, problems: Problem[]): EarlierResponseData[] {
  return earlierResponsesIn(file, readText(root, file, problems) ?? "", problems);
}

/** The earlier responses in the text of `file`, checked as the build checks them (also `npm run archive`, before it writes one). */
export function earlierResponsesIn(file: string, source: string, problems: Problem[]): EarlierResponseData[] {
  const parsed = parseYamlFile(file, source);
  problems.push(...parsed.problems);
  if (parsed.problems.length) return [];
  if (!Array.isArray(parsed.data ?? [])) {
    problems.push({
      file,
      field: "responses",
      message:
        "must be a list — start each response with `- author: …`, followed by `date:` and `text:` indented below it",
    });
    return [];
  }
  const items = (parsed.data ?? []) as unknown[];
  const responses: EarlierResponseData[] = [];
  items.forEach((value, i) => {
    const checked = check(earlierResponseSchema, value, file);
    problems.push(
      ...checked.problems.map((p) => ({
        ...p,
        field: p.field === "front-matter" ? `response ${i + 1}` : `response ${i + 1}: ${p.field}`,
      })),
    );
    if (checked.data) responses.push(checked.data);
  });
  // Ids and parents are checked on every response, also one with other mistakes.
  const field = (value: unknown, key: string) =>
    value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  const ids = new Set<string>();
  items.forEach((value, i) => {
    const id = field(value, "id");
    if (id === undefined || id === null) return;
    if (ids.has(String(id)))
      problems.push({
        file,
        field: `response ${i + 1}: id`,
        message: `${id} is used twice — give each response its own id`,
      });
    ids.add(String(id));
  });
  items.forEach((value, i) => {
    const parent = field(value, "parent");
    if (parent !== undefined && parent !== null && !ids.has(String(parent)))
      problems.push({
        file,
        field: `response ${i + 1}: parent`,
        message: `${parent} is not the id of a response in this file — use one of the ids above, or remove \`parent\``,
      });
  });
  return responses;
}

/** The post schema for this load's references, and what names them (a post checked against others is checked again). */
interface Checker {
  key: string;
  schema: ReturnType<typeof postSchemaFor>;
}

function readPost(
  root: string,
  file: string,
  checker: Checker,
  reads: PostReads,
  problems: Problem[],
): ReadPost | undefined {
  const stamp = stampOf(root, file);
  const refsKey = checker.key;
  let read = reads.get(file);
  if (!read || !stamp || read.stamp !== stamp) {
    const source = readText(root, file, problems);
    if (source === undefined) return undefined;
    read = {
      stamp,
      parsed: parseMarkdownFile(file, source),
      checked: { refs: "\0unchecked", data: undefined, problems: [] },
    };
    reads.set(file, read);
  }
  if (!read.parsed.problems.length && read.checked.refs !== refsKey) {
    read.checked = { refs: refsKey, ...check(checker.schema, read.parsed.data, file) };
  }
  return read;
}

function loadPost(
  root: string,
  file: string,
  checker: Checker,
  responseFiles: ReadonlySet<string>,
  reads: PostReads,
  problems: Problem[],
): PostEntry | undefined {
  const read = readPost(root, file, checker, reads, problems);
  if (!read) return undefined;
  const slug = file.slice(contentPaths.posts.length + 1, -".md".length);
  const earlier = responseFiles.has(responsesFile(slug))
    ? loadEarlierResponses(root, responsesFile(slug), problems)
    : [];
  if (slugify(slug) !== slug) {
    problems.push({
      file,
      field: "file",
      message: `name is not a usable web address — rename it to \`${slugify(slug) || "mijn-bericht"}.md\` (lowercase, hyphens, no spaces or accents)`,
    });
  }
  problems.push(...read.parsed.problems, ...read.checked.problems);
  const data = read.checked.data;
  if (!data) return undefined;
  const { body } = read.parsed;
  return {
    slug,
    file,
    version: read.stamp,
    data,
    body,
    excerpt: data.description || excerptOf(body),
    earlierResponses: earlier,
  };
}

/** Every post under content/posts/, and a problem for each responses file that belongs to no post. */
export function loadPosts(root: string, refs: References, reads: PostReads, problems: Problem[]): PostEntry[] {
  const files = filesIn(root, contentPaths.posts, ".md");
  const responseFiles = new Set(filesIn(root, contentPaths.posts, ".yaml").filter(isResponsesFile));
  const posts = new Set(files);
  for (const file of responseFiles) {
    // A `.comments.yaml` without its post would silently show nowhere.
    const slug = postSlugOf(file);
    if (!slug || !posts.has(postFile(slug)))
      problems.push({
        file,
        field: "file",
        message: `belongs to no post — name it after its post (\`${responsesFile("<slug>").split("/").pop()}\` beside \`<slug>.md\`) or remove it`,
      });
  }
  for (const file of reads.keys()) if (!posts.has(file)) reads.delete(file);
  // One schema for every post of this load (zod's `extend` copies the shape: per post it cost 0.5 s at 4,000 posts).
  const checker: Checker = {
    key: JSON.stringify([refs.timezone, refs.authors, refs.series]),
    schema: postSchemaFor(refs),
  };
  return files
    .map((file) => loadPost(root, file, checker, responseFiles, reads, problems))
    .filter((p): p is PostEntry => p !== undefined);
}

/** The facilitator's pages, content/*.md (also Eleventy templates). */
export function loadPages(root: string, problems: Problem[]): PageEntry[] {
  return filesIn(root, contentPaths.pages, ".md").flatMap((file) => {
    const source = readText(root, file, problems);
    if (source === undefined) return [];
    const parsed = parseMarkdownFile(file, source);
    problems.push(...parsed.problems);
    if (parsed.problems.length) return [];
    const checked = check(pageSchema, parsed.data, file);
    problems.push(...checked.problems);
    return checked.data
      ? [
          {
            file,
            data: checked.data,
            body: parsed.body,
            frontMatter: { source: parsed.frontMatter, data: parsed.data },
          },
        ]
      : [];
  });
}
