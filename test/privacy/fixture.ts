// The private site the privacy tests build: the example with comments on (and a preview category),
// made private, and the names and passwords Netlify's settings would hold for it.
import { siteWithComments } from "../netlify/deploys.ts";

export const USERS = "groep:Zeer-Geheim-Wachtwoord-2026 marjan:Nog.Een_Geheim!";
export const users = [
  { username: "groep", password: "Zeer-Geheim-Wachtwoord-2026" },
  { username: "marjan", password: "Nog.Een_Geheim!" },
] as const;
export const passwords = users.map((user) => user.password);

export const privateFiles = { "_data/site.yaml": `${siteWithComments({ previewCategory: true })}private: true\n` };
