// Types of the build plugin beside this file, for the tests that call it with a stand-in for Netlify's utils.
interface Utils {
  cache: { restore(paths: string[]): Promise<boolean>; save(paths: string[]): Promise<boolean> };
}
export declare function onPreBuild(options: { utils: Utils }): Promise<void>;
export declare function onPostBuild(options: { utils: Utils }): Promise<void>;
