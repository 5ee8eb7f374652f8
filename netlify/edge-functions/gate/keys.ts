// The door's keys: whether a name and password are one person's in SITE_USERS, and the signed cookie that
// remembers that person. Web Crypto only (HMAC-SHA-256, https://developer.mozilla.org/en-US/docs/Web/API/SubtleCrypto/sign),
// so it runs the same on Deno (Netlify) and in Node (the tests).
//
// Secrets are compared as HMAC digests under a key made for that one check, byte by byte to the end: the
// digests have one length whatever was typed, and every person is compared every time, so a wrong name,
// a wrong password and a right pair cost the same work and the time says nothing about which it was.
//
// A cookie is `v1.<expires>.<name>.<signature>`: the name (base64url), when it stops (seconds since 1970),
// and HMAC-SHA-256 over both with a key that is the person's own — derived from the signing secret, their
// name and their password. Take a person out of SITE_USERS, or change their password, and their cookie no
// longer opens anything; a cookie cannot be made or stretched without the secret. The signing secret is
// SITE_SECRET when it is set, else SITE_USERS itself (docs/privacy.md, "Wie er in mag").
import type { Person } from "../../../src/model/site-users.ts";

const encoder = new TextEncoder();

/** Bytes over a plain ArrayBuffer: what Web Crypto takes (Deno's types say so). */
type Bytes = Uint8Array<ArrayBuffer>;

function hmacKey(secret: Bytes): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

async function hmac(key: CryptoKey, text: string): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(text)));
}

/** 1 when two digests are equal, else 0; every byte is looked at, wherever the first difference is. */
function same(a: Bytes, b: Bytes): number {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ (b[i] ?? 0);
  return difference === 0 ? 1 : 0;
}

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");

function fromBase64url(text: string): Bytes | undefined {
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/**
 * The person with this name and password, or undefined. Each name and password in SITE_USERS is compared
 * with the ones typed, all of them every time (names are unique, so at most one person matches).
 */
export async function personWith(
  people: readonly Person[],
  name: string,
  password: string,
): Promise<Person | undefined> {
  const key = await hmacKey(crypto.getRandomValues(new Uint8Array(32)));
  const digests = await Promise.all(
    [name, password, ...people.flatMap((p) => [p.name, p.password])].map((text) => hmac(key, text)),
  );
  const [typedName, typedPassword] = digests as [Bytes, Bytes];
  let found = 0;
  people.forEach((_, i) => {
    found |= (same(digests[2 + 2 * i]!, typedName) & same(digests[3 + 2 * i]!, typedPassword)) * (i + 1);
  });
  return found ? people[found - 1] : undefined;
}

/** Signs and checks the session cookies of one request: SITE_USERS and SITE_SECRET as the gate read them. */
export class SessionKeys {
  readonly #people: readonly Person[];
  readonly #secret: Promise<CryptoKey>;

  constructor(people: readonly Person[], siteSecret: string | undefined) {
    this.#people = people;
    const secret = siteSecret?.trim() || people.map((p) => `${p.name}:${p.password}`).join(" ");
    this.#secret = hmacKey(encoder.encode(secret));
  }

  async #personKey(person: Person): Promise<CryptoKey> {
    return hmacKey(await hmac(await this.#secret, `hoedoededa door v1\n${person.name}\n${person.password}`));
  }

  /** The cookie's value for `person`, valid until `expires` (seconds since 1970). */
  async cookie(person: Person, expires: number): Promise<string> {
    const signed = `v1.${expires}.${base64url(encoder.encode(person.name))}`;
    return `${signed}.${base64url(await hmac(await this.#personKey(person), signed))}`;
  }

  /** The person a cookie was signed for, while it is valid at `now` (seconds) and they are still in SITE_USERS. */
  async person(value: string | undefined, now: number): Promise<Person | undefined> {
    const parts = /^v1\.(\d{1,12})\.([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{43})$/.exec(value ?? "");
    if (!parts) return undefined;
    const [, expires, encodedName, signature] = parts as unknown as [string, string, string, string];
    const nameBytes = fromBase64url(encodedName);
    const given = fromBase64url(signature);
    if (!nameBytes || !given) return undefined;
    const name = new TextDecoder().decode(nameBytes);
    const person = this.#people.find((p) => p.name === name);
    // A name no longer in SITE_USERS costs the same signature as one that is, and never matches.
    const expected = await hmac(
      await this.#personKey(person ?? { name, password: "" }),
      `v1.${expires}.${encodedName}`,
    );
    const valid = same(expected, given) & (person ? 1 : 0) & (Number(expires) > now ? 1 : 0);
    return valid ? person : undefined;
  }
}
