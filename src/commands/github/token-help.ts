// How to make the token the commands need, as one link: GitHub pre-fills its form for a
// fine-grained personal access token from the URL — name, description, expiry, the owner of the
// repositories, and one parameter per permission.
// https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens#pre-filling-fine-grained-personal-access-token-details-using-url-parameters

/**
 * Exactly what `npm run setup`, `npm run discussions` and the build's counts need: read the
 * repository's metadata, read and write its discussions (`write` includes `read`).
 */
export const tokenPermissions = { metadata: "read", discussions: "write" } as const;

/** The longest GitHub allows (days); a cohort runs for a year or two, and GitHub e-mails before it expires. */
export const TOKEN_DAYS = 366;

/** The pre-filled "new fine-grained token" link; `owner` makes the repository's owner the resource owner. */
export function tokenLink(owner?: string): string {
  const params = new URLSearchParams({
    // GitHub allows at most 40 characters for the name.
    name: "hoedoededa reacties",
    description:
      "hoedoededa (setup, discussions, response counts): read the repository, read and write its discussions",
    ...(owner ? { target_name: owner } : {}),
    expires_in: String(TOKEN_DAYS),
    ...tokenPermissions,
  });
  return `https://github.com/settings/personal-access-tokens/new?${params}`;
}

/** How to make the token and use it, for a message that asks for one; `command` shows where it goes. */
export function tokenSteps(repo: string | undefined, command: string): string {
  return [
    "Make a fine-grained token (read metadata, read and write discussions) with this link; it fills in GitHub's form:",
    `  ${tokenLink(repo?.split("/")[0])}`,
    `Under "Repository access" choose "Only select repositories" → ${repo ?? "the repository of the discussions"}, then "Generate token".`,
    `Then: ${command}`,
  ].join("\n");
}
