import { parseArgs, type ParseArgsConfig } from "node:util";

// A refusal the facilitator can act on: the command prints its message as it is, without a stack
// trace, and exits 1. Anything else that goes wrong is a bug and keeps its stack.
export class ToolError extends Error {
  override name = "ToolError";
}

/** Runs a command's main function: a ToolError becomes a plain message and exit code 1. */
export async function runTool(main: () => Promise<number | void>): Promise<void> {
  try {
    process.exitCode = (await main()) ?? 0;
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

/** A command's options and positional arguments; a mistake in them is refused with the usage line. */
export function commandArgs<const O extends NonNullable<ParseArgsConfig["options"]>>(options: O, usage: string) {
  try {
    return parseArgs({ allowPositionals: true, options });
  } catch (error) {
    throw new ToolError(`${(error as Error).message}\n${usage}`);
  }
}
