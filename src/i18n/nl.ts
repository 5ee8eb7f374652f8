// Dutch is the first language of the interface.
export const nl = {
  skipToContent: "Naar de inhoud",
  navPosts: "Berichten",
  navTags: "Onderwerpen",
  feed: "Abonneren (feed)",
  mainNav: "Hoofdmenu",
  newestPosts: "Nieuwste berichten",
  noPosts: "Er zijn nog geen berichten.",
  by: "door",
  tags: "Onderwerpen",
  taggedWith: (tag: string) => `Berichten over “${tag}”`,
  postsBy: (name: string) => `Berichten van ${name}`,
  postCount: (n: number) => (n === 1 ? "1 bericht" : `${n} berichten`),
  allTags: "Alle onderwerpen",
  questions: "Vragen om op te reageren",
  questionsIntro: "Neem deze vragen mee naar de bijeenkomst, of reageer hieronder alvast.",
  session: "Bijeenkomst",
  sessionWhen: "Wanneer",
  sessionWhere: "Waar",
  aboutAuthor: "Over de auteur",
  authorWebsite: "Website",
  authorPage: "Alle berichten van deze auteur",
  previousPost: "Vorig bericht",
  nextPost: "Volgend bericht",
  postNav: "Meer berichten",
  responsesTitle: "Reacties",
  // The responses section (src/comments/, layouts/pages/post.njk). `{n}` in `many` is filled in
  // by the browser once giscus reports the count; the count comes first in every language.
  responsesHeadings: (title: string) => ({
    none: "Nog geen reacties — begin het gesprek",
    one: `1 reactie op “${title}”`,
    many: `{n} reacties op “${title}”`,
  }),
  responseCount: (n: number) => (n === 0 ? "Nog geen reacties" : n === 1 ? "1 reactie" : `${n} reacties`),
  responsesOnGitHub: "Lees en schrijf de reacties op GitHub",
  widgetUnavailable: "De reacties kunnen hier nu niet worden geladen.",
  responsesPreviewOff: "Reacties zijn uit in deze voorbeeldweergave, zodat de gesprekken op de openbare site schoon blijven.",
  responsesPreviewLive: "Reageer bij het bericht op de openbare site",
  // private cohorts (issue 14): a private site's responses section, and the public discussion of one of its posts
  responsesPublicNotice: "Let op: deze site is afgeschermd, de reacties zijn dat niet. Ze staan in GitHub Discussions, en die van een openbare repository kan iedereen lezen, ook zonder wachtwoord. Schrijf hier niets vertrouwelijks.",
  discussionOfPrivatePost: "Het bericht staat op de afgeschermde site van de leergang, met de vragen en de bijeenkomst.",
  widgetSetupIntro: "De reacties zijn nog niet ingesteld. Vul in content/_data/site.yaml onder giscus: de lege velden in, zoals hier:",
  widgetSetupIds: "De ids vind je op https://giscus.app: vul daar de repository in en kies de categorie; onder “Enable giscus” staan ze als data-repo-id en data-category-id. README.md, “Reacties instellen”, zet alle stappen op een rij.",
  widgetSetupDevOnly: "Deze uitleg zie je alleen tijdens het ontwikkelen. Een productiebuild laat de reacties weg tot ze zijn ingesteld.",
  draft: "Concept",
  draftNotice: "Dit is een concept: het staat nog niet op de openbare site.",
  // The bar on every page of a deploy preview or branch deploy (src/netlify/preview.ts).
  previewOfPullRequest: (n: number) => `Voorbeeldweergave van pull request #${n}`,
  previewOfBranch: (branch: string) => `Voorbeeldweergave van branch “${branch}”`,
  preview: "Voorbeeldweergave",
  previewLiveSite: "Naar de openbare site",
  pagination: "Paginering",
  newer: "Nieuwere berichten",
  older: "Oudere berichten",
  pageOf: (n: number, total: number) => `Pagina ${n} van ${total}`,
  // Earlier responses, kept in the content (layouts/pages/post.njk).
  // A table in a post scrolls sideways in its own box, named for screen readers (src/markdown.ts).
  tableScroll: "Tabel",
  earlierTitle: (n: number) => `Eerdere reacties (${n})`,
  earlierIntro: "Overgenomen van het vorige blog. Op deze reacties kun je niet meer antwoorden.",
};

export type Messages = typeof nl;
