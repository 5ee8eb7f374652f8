// "Hoe reageer ik?": the guide for someone who has never used GitHub — through the widget on a public
// site, through the group's room on GitHub on a private one — the privacy line above the responses
// and whom to write to instead (site.yaml's `contact`). They belong with the responses
// sections: the guide exists, and is linked, only where a responses section shows — so a site with
// comments off, or not set up in production, has neither the page nor a link to it.
import { messages, type Messages } from "../i18n/index.ts";
import { responsesSection } from "./section.ts";
import { localAddresses } from "../model/urls.ts";
import type { Site } from "../model/content.ts";

export interface RespondGuide {
  /** The guide's address in the site's language (`/hoe-reageer-ik/`, `/how-to-respond/`). */
  url: string;
  /** How responding goes here: through the widget (giscus), or in a private cohort's room on GitHub. */
  route: "widget" | "room";
  /** The guide's opening and its sections, for that route (the dictionary's). */
  intro: string;
  sections: Messages["guideSections"];
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
  const t = messages(site.lang);
  const room = probe.kind === "room";
  return {
    url: localAddresses(site.lang).guide,
    route: room ? "room" : "widget",
    intro: room ? t.guideRoomIntro : t.guideIntro,
    sections: room ? t.guideRoomSections : t.guideSections,
    privacyNote: site.privacyNote || (room ? t.privacyNoteRoom : t.privacyNote),
    ...(contact ? { contact } : {}),
  };
}

/** The guide for one post's questions and responses section: only when that post has a section. */
export const guideFor = (post: { comments: boolean }, guide: RespondGuide | false): RespondGuide | false =>
  post.comments ? guide : false;
