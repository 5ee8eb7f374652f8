// Who is who in a conversation: the facilitators are the authors in authors.yaml with a GitHub
// account (`github:`); everyone else who responds is a participant. One rule for `npm run responses`
// and `npm run overview`.
import type { DeskResponse } from "./thread.ts";
import { GHOST } from "../../github/conversation.ts";
import type { Author } from "../../model/content.ts";

/** The facilitators' GitHub logins, lower-case (GitHub's logins are case-insensitive). */
export function facilitatorLogins(authors: Record<string, Author>): Set<string> {
  return new Set(Object.values(authors).flatMap((author) => (author.github ? [author.github.toLowerCase()] : [])));
}

/** Whom a response counts for: a GitHub login, lower-case; an imported response's author name; none for a deleted account. */
export function personOf(response: Pick<DeskResponse, "login" | "author">): string | undefined {
  if (response.login) return response.login === GHOST ? undefined : response.login.toLowerCase();
  return response.author.trim() || undefined;
}

export const isFacilitator = (
  facilitators: ReadonlySet<string>,
  response: Pick<DeskResponse, "login" | "author">,
): boolean => response.login !== undefined && facilitators.has(response.login.toLowerCase());

/** The participants (not the facilitators, not a deleted account) among `responses`, as first written, in order of first response. */
export function participantsOf(responses: readonly DeskResponse[], facilitators: ReadonlySet<string>): string[] {
  const people = new Map<string, string>();
  for (const response of responses) {
    const person = personOf(response);
    if (person && !isFacilitator(facilitators, response) && !people.has(person))
      people.set(person, response.login ?? response.author.trim());
  }
  return [...people.values()];
}
