// The guide to responding, the privacy line and the contact go wherever a responses section shows,
// and nowhere else; the sessions menu item only on a site with sessions; the new addresses are the
// site's own in every language.
import { describe, expect, test } from "vitest";
import { SiteBuild } from "../../src/build/site-build.ts";
import { guideFor, respondGuide } from "../../src/comments/guide.ts";
import { responsesSection } from "../../src/comments/section.ts";
import { en } from "../../src/i18n/en.ts";
import { nl } from "../../src/i18n/nl.ts";
import { menuItems } from "../../src/build/navigation.ts";
import { isReserved } from "../../src/build/routes.ts";
import { content, entry, siteFor } from "../support/model.ts";

const giscus = { repo: "org/reacties", repoId: "R_1", category: "Reacties", categoryId: "DIC_1" };

describe("the guide is linked exactly where a responses section shows", () => {
  const sites = {
    "comments set up": siteFor({ giscus }),
    "comments off site-wide": siteFor({ giscus, comments: false }),
    "not set up, production": siteFor({}),
    "not set up, development (explained)": siteFor({}, { HOEDOEDEDA_ENV: "development" }),
    "a deploy preview without a preview category": siteFor({ giscus }, { CONTEXT: "deploy-preview" }),
    "a deploy preview with one": siteFor(
      { giscus: { ...giscus, previewCategory: "Voorbeeld", previewCategoryId: "DIC_2" } },
      { CONTEXT: "deploy-preview" },
    ),
  };
  const post = (comments: boolean) => ({ slug: "x", url: "/posts/x/", title: "X", comments, draft: false });

  test.each(Object.entries(sites))("%s", (_, site) => {
    for (const comments of [true, false]) {
      const section = responsesSection(post(comments), site).kind;
      expect(Boolean(guideFor(post(comments), respondGuide(site))), `comments: ${comments}, section: ${section}`).toBe(
        section !== "none",
      );
    }
  });

  test("no guide page at all when no post can have a section", () => {
    expect(respondGuide(sites["comments off site-wide"])).toBe(false);
    expect(respondGuide(sites["not set up, production"])).toBe(false);
    expect(respondGuide(sites["comments set up"])).toEqual({
      url: "/hoe-reageer-ik/",
      route: "widget",
      intro: nl.guideIntro,
      sections: nl.guideSections,
      privacyNote: nl.privacyNote,
    });
  });

  test("site.yaml's privacyNote replaces the dictionary's line; its contact is named", () => {
    const site = siteFor({
      giscus,
      lang: "en",
      privacyNote: "  Only write about your own school.  ",
      contact: " marjan@example.org ",
    });
    expect(respondGuide(site)).toMatchObject({
      url: "/how-to-respond/",
      privacyNote: "Only write about your own school.",
      contact: "marjan@example.org",
    });
    expect(respondGuide(siteFor({ giscus, lang: "en" }))).toMatchObject({ privacyNote: en.privacyNote });
  });

  test("a private cohort's guide is the room's: invitation, the group's room, Watch for e-mail, who reads along", () => {
    const guide = respondGuide(siteFor({ giscus, private: true }));
    expect(guide).toMatchObject({
      route: "room",
      intro: nl.guideRoomIntro,
      sections: nl.guideRoomSections,
      privacyNote: nl.privacyNoteRoom,
    });
    const titles = (guide as { sections: { title: string }[] }).sections.map((s) => s.title);
    expect(titles).toEqual([
      "Wat is GitHub, en waarom?",
      "Een account maken",
      "De uitnodiging aannemen",
      "Reageren in de groepsruimte",
      "Een e-mail bij elk nieuw gesprek",
      "Wie kan wat lezen?",
    ]);
    expect(JSON.stringify(guide)).toContain("Watch");
    expect(JSON.stringify(guide)).not.toContain("giscus");
  });
});

describe("the header menu", () => {
  const menu = (posts: ReturnType<typeof entry>[], lang: "nl" | "en" = "nl") =>
    menuItems(
      new SiteBuild(content(posts, { HOEDOEDEDA_NOW: "2026-12-01T09:00" }, { lang }), {
        bodies: new Map(),
        derived: new Map(),
      }),
      [],
    );

  test("has Bijeenkomsten (Sessions) after the topics when the site has a session, past ones too", () => {
    expect(menu([entry("a"), entry("bb", { session: { date: "2025-01-01" } })]).map((i) => [i.label, i.url])).toEqual([
      [nl.navPosts, "/"],
      [nl.navTags, "/tags/"],
      [nl.navSessions, "/bijeenkomsten/"],
      [nl.navSearch, "/zoeken/"],
    ]);
    expect(menu([entry("bb", { session: { date: "2027-01-01" } })], "en").map((i) => i.url)).toEqual([
      "/",
      "/tags/",
      "/sessions/",
      "/search/",
    ]);
  });

  test("has no such item on a site without sessions", () => {
    expect(menu([entry("a"), entry("bb")]).map((i) => i.label)).toEqual([nl.navPosts, nl.navTags, nl.navSearch]);
  });
});

test("the sessions page, the calendars and the guide are the site's own addresses in every language", () => {
  for (const path of [
    "/bijeenkomsten/",
    "/sessions/",
    "/bijeenkomsten.ics",
    "/sessions.ics",
    "/hoe-reageer-ik/",
    "/how-to-respond/",
    "/posts/x/x.ics",
  ]) {
    expect(isReserved(path), path).toBe(true);
  }
});
