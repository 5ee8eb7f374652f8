// The questions a command may ask (`npm run new`: which author; `npm run setup`: which category),
// each a numbered list. Only asked with a terminal on both ends; scripts and CI never wait for input.
import { createInterface } from "node:readline";
import type { Author } from "../model/content.ts";

export const canAsk = (
  input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
  output: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout,
) => Boolean(input.isTTY && output.isTTY);

export interface Choice {
  /** What the answer is, and what may be typed instead of its number. */
  key: string;
  label: string;
}

/** Shows `choices` as a numbered list; accepts a number or a key, three tries. Gives up when input ends. */
export async function askChoice(
  question: string,
  choices: readonly Choice[],
  answerHint: string,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<string | undefined> {
  const rl = createInterface({ input, terminal: false });
  // Lines are read in order, also when several arrive at once (pasted, or piped by a test).
  const lines = rl[Symbol.asyncIterator]();
  try {
    output.write(`${question}\n${choices.map((c, i) => `  ${i + 1}) ${c.label}`).join("\n")}\n`);
    for (let attempt = 0; attempt < 3; attempt++) {
      output.write(`${answerHint} [1-${choices.length}]: `);
      const next = await lines.next();
      if (next.done) return undefined;
      const answer = String(next.value).trim();
      const byNumber = /^\d+$/.test(answer) ? choices[Number(answer) - 1] : undefined;
      const picked = byNumber ?? choices.find((c) => c.key === answer);
      if (picked) return picked.key;
      output.write(`"${answer}" is not in the list.\n`);
    }
    return undefined;
  } finally {
    rl.close();
  }
}

/** Which author writes the post: by number or id. */
export function askAuthor(
  authors: readonly Author[],
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<string | undefined> {
  const choices = authors.map((a) => ({ key: a.id, label: `${a.name} (${a.id})` }));
  return askChoice("Who writes this post?", choices, "Number or id", input, output);
}
