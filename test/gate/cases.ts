// Every case of the door: gate.unit.test.ts runs them in Node, deno.ts under Deno — the runtime Netlify runs
// the gate on. A case throws (check/equal) when the gate does not do what it says.
import type { Case } from "./check.ts";
import { doorCases } from "./cases-door.ts";
import { keyCases } from "./cases-keys.ts";

export const cases: Case[] = [...doorCases, ...keyCases];
