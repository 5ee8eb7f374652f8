// SITE_USERS: who may open a private site — `name:password` pairs separated by spaces, one per person
// (the format Netlify's own Basic-Auth rule used, so a value written for it still works). It is set in
// Netlify's settings, never in the repository, and nothing the build writes contains it: the door of a
// private site (netlify/edge-functions/gate/) reads it at request time with this same parser, and the
// build checks it with this parser too, so a value the build accepts is one the door accepts. This
// class keeps the value in a private field, and whatever turns it into text (a template, JSON, a log
// line) gets only how many names it holds. Its messages never quote any part of it: a value typed
// without a name would otherwise print the password.
//
// Web APIs only: the door runs on Deno (Netlify Edge Functions), so this module imports nothing.

/** "entry 2 of 3" in the messages: which entry is meant, without showing it. */
const which = (i: number, total: number) => (total === 1 ? "the value" : `entry ${i + 1} of ${total}`);

/** Printable ASCII without spaces: what every browser sends alike in a Basic-Auth header. */
const plain = /^[\x21-\x7e]+$/;

function entryProblems(entries: readonly string[]): string[] {
  const problems: string[] = [];
  const names = new Map<string, number>();
  entries.forEach((entry, i) => {
    const at = which(i, entries.length);
    const colon = entry.indexOf(":");
    if (colon === -1) return void problems.push(`${at} has no ":" (name:password)`);
    if (entry.indexOf(":", colon + 1) !== -1)
      return void problems.push(`${at} has more than one ":" (a name or password may not contain one)`);
    const name = entry.slice(0, colon);
    if (!name) return void problems.push(`${at} has no name before the ":"`);
    if (colon === entry.length - 1) return void problems.push(`${at} has no password after the ":"`);
    if (!plain.test(entry)) {
      return void problems.push(
        `${at} has a letter with an accent or a sign outside plain ASCII, which not every browser sends the same way (use a–z, A–Z, 0–9 and signs such as - _ . ! ?)`,
      );
    }
    const first = names.get(name);
    if (first !== undefined)
      problems.push(`${at} has the same name as entry ${first + 1} (give every person their own name)`);
    else names.set(name, i);
  });
  return problems;
}

/** One person of SITE_USERS. */
export interface Person {
  readonly name: string;
  readonly password: string;
}

/** Node's hook for `util.inspect` and console.log, by its registered name: no import of node:util needed. */
const inspectCustom = Symbol.for("nodejs.util.inspect.custom");

export class SiteUsers {
  readonly #people: readonly Person[];
  /** How many `name:password` entries there are (also when some are malformed). */
  readonly count: number;
  /** What is wrong with the value, each without any part of it; empty when Netlify can use it. */
  readonly problems: readonly string[];

  private constructor(value: string) {
    const entries = value.split(/\s+/).filter(Boolean);
    this.count = entries.length;
    const quoted = /^["']|["']$/.test(value);
    this.problems = quoted
      ? ["it starts or ends with a quote, and Netlify takes the value as typed (leave the quotes out)"]
      : entryProblems(entries);
    this.#people = this.problems.length
      ? []
      : Object.freeze(
          entries.map((entry) => {
            const colon = entry.indexOf(":");
            return Object.freeze({ name: entry.slice(0, colon), password: entry.slice(colon + 1) });
          }),
        );
  }

  /** SITE_USERS as the build found it; undefined when it is not set or blank. */
  static from(value: string | undefined): SiteUsers | undefined {
    return value?.trim() ? new SiteUsers(value.trim()) : undefined;
  }

  /** Each person's name and password, for the door (netlify/edge-functions/gate/): its only reader. */
  people(): readonly Person[] {
    if (this.problems.length) throw new Error("SITE_USERS has problems; they are reported without any part of it");
    return this.#people;
  }

  toString(): string {
    return `[SITE_USERS: ${this.count} ${this.count === 1 ? "name" : "names"}]`;
  }

  toJSON(): string {
    return this.toString();
  }

  [inspectCustom](): string {
    return this.toString();
  }
}
