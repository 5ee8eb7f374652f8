// The one question `npm run new` may ask: which author, from a numbered list. Only asked with a
// terminal on both ends; scripts and CI never wait for input.
import { createInterface } from "node:readline";
import type { Author } from "../content/load.ts";

export const canAsk = (input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin, output: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout) =>
  Boolean(input.isTTY && output.isTTY);

/** Shows the authors as a numbered list; accepts a number or an id, three tries. Gives up when input ends. */
export async function askAuthor(authors: readonly Author[], input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<string | undefined> {
  const rl = createInterface({ input, terminal: false });
  // Lines are read in order, also when several arrive at once (pasted, or piped by a test).
  const lines = rl[Symbol.asyncIterator]();
  try {
    output.write(`Who writes this post?\n${authors.map((a, i) => `  ${i + 1}) ${a.name} (${a.id})`).join("\n")}\n`);
    for (let attempt = 0; attempt < 3; attempt++) {
      output.write(`Number or id [1-${authors.length}]: `);
      const next = await lines.next();
      if (next.done) return undefined;
      const answer = String(next.value).trim();
      const byNumber = /^\d+$/.test(answer) ? authors[Number(answer) - 1] : undefined;
      const picked = byNumber ?? authors.find((a) => a.id === answer);
      if (picked) return picked.id;
      output.write(`"${answer}" is not in the list.\n`);
    }
    return undefined;
  } finally {
    rl.close();
  }
}
