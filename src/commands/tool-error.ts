import { parseArgs, type ParseArgsConfig } from "node:util";

// A refusal the facilitator can act on: the command prints its message as it is, without a stack
// trace, and exits 1. Anything else that goes wrong is a bug and keeps its stack.
export class ToolError extends Error {
  override name = "ToolError";
}

/** `--help` was answered with the usage: the command ends there, and well (runTool). */
class UsageShown extends Error {}

/** Runs a command's main function: a ToolError becomes a plain message and exit code 1. */
export async function runTool(main: () => Promise<number | void>): Promise<void> {
  try {
    process.exitCode = (await main()) ?? 0;
  } catch (error) {
    if (error instanceof UsageShown) {
      process.exitCode = 0;
      return;
    }
    if (!(error instanceof ToolError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

const help = { help: { type: "boolean", short: "h" } } as const;

/**
 * A command's options and positional arguments; a mistake in them is refused with the usage line.
 * Every command answers `-h`/`--help` with its usage and does nothing else.
 */
export function commandArgs<const O extends NonNullable<ParseArgsConfig["options"]>>(options: O, usage: string) {
  let parsed: ReturnType<typeof parseArgs<{ allowPositionals: true; options: O }>> & { values: { help?: boolean } };
  try {
    parsed = parseArgs({ allowPositionals: true, options: { ...options, ...help } }) as typeof parsed;
  } catch (error) {
    throw new ToolError(`${(error as Error).message}\n${usage}`);
  }
  if (parsed.values.help) {
    console.log(usage);
    throw new UsageShown();
  }
  return parsed;
}
