// "Hoe reageer ik?": the guide for someone who has never used GitHub, the privacy line above the
// widget and whom to write to instead (site.yaml's `contact`). They belong with the responses
// sections: the guide exists, and is linked, only where a responses section shows — so a site with
// comments off, or not set up in production, has neither the page nor a link to it.
import { messages } from "../i18n/index.ts";
import { responsesSection } from "./section.ts";
import { localAddresses } from "../model/urls.ts";
import type { Site } from "../model/content.ts";

export interface RespondGuide {
  /** The guide's address in the site's language (`/hoe-reageer-ik/`, `/how-to-respond/`). */
  url: string;
  /** The line directly above the widget: site.yaml's `privacyNote`, else the dictionary's. */
  privacyNote: string;
  /** site.yaml's `contact`: an e-mail address for anyone who cannot or will not use GitHub. */
  contact?: string;
}

/**
 * The guide, when this build shows responses sections: when a post with its responses on would get
 * one (src/comments/section.ts decides that; this only asks it). Otherwise false.
 */
export function respondGuide(site: Site): RespondGuide | false {
  const probe = responsesSection({ slug: "guide", url: "/", title: "", comments: true, draft: false }, site);
  if (probe.kind === "none") return false;
  const { contact } = site;
  return {
    url: localAddresses(site.lang).guide,
    privacyNote: site.privacyNote || messages(site.lang).privacyNote,
    ...(contact ? { contact } : {}),
  };
}

/** The guide for one post's questions and responses section: only when that post has a section. */
export const guideFor = (post: { comments: boolean }, guide: RespondGuide | false): RespondGuide | false =>
  post.comments ? guide : false;
