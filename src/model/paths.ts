// Where the facilitator's files are, relative to the project. The content contract fixes these
// names: other tools and real sites depend on them.

export const contentPaths = {
  site: "content/_data/site.yaml",
  authors: "content/_data/authors.yaml",
  posts: "content/posts",
  pages: "content",
  /** Published as /img/. */
  images: "content/img",
  redirects: "content/_data/redirects.yaml",
  /** Learning paths: `<id>: { title, description }`, named by posts' `series:`. */
  series: "content/_data/series.yaml",
} as const;

/** The file beside a post that keeps its earlier responses (imported or archived). */
const RESPONSES_SUFFIX = ".comments.yaml";

/** `content/posts/<slug>.comments.yaml`: the one place the earlier-responses file is named. */
export const responsesFile = (slug: string) => `${contentPaths.posts}/${slug}${RESPONSES_SUFFIX}`;

/** Whether a file name (or path) is an earlier-responses file. */
export const isResponsesFile = (file: string) => file.endsWith(RESPONSES_SUFFIX);

/** `content/posts/<slug>.md` */
export const postFile = (slug: string) => `${contentPaths.posts}/${slug}.md`;

/**
 * The slug of a post file or of its responses file (`content/posts/x.md`, `./content/posts/x.comments.yaml`
 * → `x`, also with Windows separators); undefined for any other file.
 */
export function postSlugOf(file: string): string | undefined {
  const path = file.replaceAll("\\", "/").replace(/^\.\//, "");
  const prefix = `${contentPaths.posts}/`;
  if (!path.startsWith(prefix)) return undefined;
  const name = path.slice(prefix.length);
  if (name.includes("/")) return undefined;
  if (isResponsesFile(name)) return name.slice(0, -RESPONSES_SUFFIX.length) || undefined;
  return name.endsWith(".md") ? name.slice(0, -".md".length) || undefined : undefined;
}
