// Types of the ignore command beside this file (plain JavaScript, because Netlify runs it before
// dependencies are installed), for the TypeScript that reuses its rule: the deploy simulation.
export interface Change {
  path: string;
  /** The file's text before and after, for posts (undefined where it does not exist). */
  before?: string | undefined;
  after?: string | undefined;
}
export declare const offSite: readonly RegExp[];
export declare function isDraft(source: string | undefined): boolean;
export declare function decide(input: {
  context: string | undefined;
  hook?: boolean;
  cached: string | undefined;
  commit: string | undefined;
  changes: readonly Change[] | undefined;
}): { build: boolean; why: string };
export declare function changesBetween(cached: string, commit: string, cwd?: string): Change[] | undefined;
