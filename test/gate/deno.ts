// The door's cases under Deno, the runtime Netlify runs edge functions on: `deno test` type-checks the gate
// and everything it imports, then runs each case of cases.ts (deno.unit.test.ts starts it).
import { cases } from "./cases.ts";

declare const Deno: { test(name: string, fn: () => Promise<void>): void };

for (const { name, run } of cases) Deno.test(name, run);
