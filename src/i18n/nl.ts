// Dutch is the first language of the interface.
export const nl = {
  skipToContent: "Naar de inhoud",
  navPosts: "Berichten",
  navTags: "Onderwerpen",
  // Find your way: search, series, link previews, the menu (issue 18)
  navSearch: "Zoeken",
  searchTitle: "Zoeken in de berichten",
  searchLabel: "Zoek op een woord",
  searchButton: "Zoeken",
  searchFilterTag: "Onderwerp",
  searchAllTags: "Alle onderwerpen",
  searchNoScript:
    "Zoeken werkt met JavaScript, en dat staat in deze browser uit. Je vindt de berichten ook per onderwerp:",
  searchUnavailable: "Zoeken lukt nu even niet. Probeer het straks opnieuw, of zoek via de onderwerpen:",
  searching: "Bezig met zoeken…",
  searchFound: (n: number, query: string) =>
    n === 0
      ? `Niets gevonden voor “${query}”. Probeer een ander woord.`
      : n === 1
        ? `1 bericht gevonden voor “${query}”`
        : `${n} berichten gevonden voor “${query}”`,
  searchMore: "Meer resultaten",
  seriesStep: (n: number, total: number) => `Stap ${n} van ${total}`,
  seriesNav: "Stappen in deze serie",
  previousStep: "Vorige stap",
  nextStep: "Volgende stap",
  seriesOverview: "Alle stappen van deze serie",
  seriesStepCount: (n: number) => (n === 1 ? "1 stap" : `${n} stappen`),
  seriesStepLabel: (n: number) => `Stap ${n}`,
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
  // Sessions, calendars and the guide to responding (issue 13: src/sessions/, src/comments/guide.ts).
  navSessions: "Bijeenkomsten",
  sessionsTitle: "Bijeenkomsten",
  sessionsIntro: "Alle bijeenkomsten van de leergang, elk met het bericht ter voorbereiding.",
  sessionsUpcoming: "Komende bijeenkomsten",
  sessionsPast: "Eerdere bijeenkomsten",
  sessionsNoneUpcoming: "Er staat nu geen bijeenkomst gepland. Zodra er een bij komt, staat hij hier.",
  sessionNext: "Volgende bijeenkomst",
  sessionPrepare: "Lees de voorbereiding",
  sessionPreparation: "Voorbereiding",
  sessionAddToCalendar: "Zet in je agenda",
  calendarTitle: "In je agenda",
  calendarSubscribe: "Abonneer je op de agenda",
  calendarSubscribeWhy: "Dan staan alle bijeenkomsten in je eigen agenda, en komen nieuwe en verzette er vanzelf bij.",
  calendarAddress: "Of kopieer dit adres en voeg het in je agenda toe als agenda via internet (abonnement):",
  calendarHowTo: "Waar doe je dat?",
  calendarApps: [
    "Google Agenda (op de computer): links bij “Andere agenda's” op + en dan “Via URL”; plak het adres.",
    "Outlook: “Agenda toevoegen” en dan “Abonneren vanaf internet”; plak het adres.",
    "Apple Agenda op de Mac: “Archief” en dan “Nieuw agenda-abonnement”. Op een iPhone tik je op de knop hierboven.",
  ],
  guideTitle: "Hoe reageer ik?",
  guideLink: "Zo reageer je, ook als je nog nooit GitHub hebt gebruikt",
  guideIntro:
    "Onder elk bericht kun je reageren: op de vragen, op elkaar, of met een duim omhoog. Je hebt daarvoor een gratis account bij GitHub nodig. Zo werkt het, stap voor stap.",
  guideSections: [
    {
      title: "Wat is GitHub, en waarom?",
      paragraphs: [
        "GitHub is een website waar mensen samen aan teksten en software werken; deze groep gebruikt het gespreksdeel ervan, omdat het gratis is, zonder advertenties, en de reacties zo bij elk bericht bewaard blijven.",
      ],
      steps: [],
      links: [],
    },
    {
      title: "Een account maken",
      paragraphs: ["Dat doe je één keer, en het kost niets."],
      steps: [
        "Ga naar github.com/signup (de link staat onder deze stappen).",
        "Vul je e-mailadres in en kies een wachtwoord.",
        "Kies een gebruikersnaam. Die zien de anderen bij elke reactie, samen met je profielfoto. Kies iets herkenbaars, zoals je voor- en achternaam (bijvoorbeeld sanne-de-boer).",
        "GitHub stuurt een code naar je e-mail; vul die in. Vragen over je werk of plannen mag je overslaan; kies het gratis account (“Free”).",
      ],
      links: [{ text: "Maak een gratis account op github.com/signup", url: "https://github.com/signup" }],
    },
    {
      title: "Inloggen bij de reacties",
      paragraphs: [],
      steps: [
        "Ga onder een bericht naar “Reacties” en kies “Log in met GitHub”.",
        "GitHub vraagt één keer of giscus (het programma dat de reacties hier laat zien) namens jou mag reageren. Kies “Authorize giscus”.",
        "Je komt terug bij het bericht. Vanaf nu ben je ingelogd.",
      ],
      links: [],
    },
    {
      title: "Reageren, antwoorden en liken",
      paragraphs: [],
      steps: [
        "Schrijf je reactie in het vak “Schrijf een opmerking” en kies “Opmerking”.",
        "Antwoorden op iemand anders: kies onder diens reactie “Schrijf een antwoord”.",
        "Liken: kies onder een reactie het knopje met het smiley-gezichtje en dan bijvoorbeeld de duim omhoog (👍) of het hartje (❤️). Iedereen ziet wie wat heeft gekozen.",
      ],
      links: [],
    },
    {
      title: "Je reactie aanpassen of weghalen",
      paragraphs: [
        "Dat gaat op GitHub zelf: klik bij je reactie op de datum, dan opent GitHub hem. Kies daar rechtsboven bij je reactie de drie puntjes (···) en dan “Edit” (aanpassen) of “Delete” (verwijderen). GitHub is in het Engels.",
      ],
      steps: [],
      links: [],
    },
    {
      title: "Een e-mail als iemand antwoordt",
      paragraphs: [
        "Als iemand op jouw reactie antwoordt of je noemt (@jouwnaam), stuurt GitHub je een e-mail. Wil je die niet meer? Kies onderaan de e-mail “unsubscribe”, of op GitHub bij het gesprek rechts “Unsubscribe”.",
      ],
      steps: [],
      links: [{ text: "Al je meldingen regelen op GitHub", url: "https://github.com/settings/notifications" }],
    },
    {
      title: "Wat je beter niet schrijft",
      paragraphs: [
        "Reacties zijn openbaar: iedereen op internet kan ze lezen, ook mensen buiten de groep, en zoekmachines kunnen ze vinden. Schrijf daarom niets waaraan iemand te herkennen is: geen namen of details van patiënten, cliënten, leerlingen of collega's, ook niet als je namen weglaat maar de situatie herkenbaar blijft. Schrijf over je eigen ervaring en wat je ervan leerde.",
      ],
      steps: [],
      links: [],
    },
  ],
  guideWithoutGitHub: "Zonder GitHub",
  privacyNote:
    "Reacties zijn openbaar: iedereen op internet kan ze lezen, ook op GitHub. Deel daarom niets over patiënten, cliënten, leerlingen of collega's.",
  contactIntro: "Liever niet via GitHub? Mail je reactie of vraag naar",
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
  responsesPreviewOff:
    "Reacties zijn uit in deze voorbeeldweergave, zodat de gesprekken op de openbare site schoon blijven.",
  responsesPreviewLive: "Reageer bij het bericht op de openbare site",
  discussionOfPrivatePost:
    "Het bericht staat op de afgeschermde site van de leergang, met de vragen en de bijeenkomst.",
  // A private cohort's conversation (issue 27): its room on GitHub, read at build (src/comments/room.ts).
  roomHeading: (n: number) =>
    n === 0 ? "Het gesprek in de groep" : n === 1 ? "1 reactie in de groep" : `${n} reacties in de groep`,
  roomRespond: "Reageer in de groepsruimte",
  roomFreshness: (when: string) =>
    `Nieuwe reacties staan meteen op GitHub; deze pagina neemt ze over bij de volgende bijwerking (laatst bijgewerkt: ${when}).`,
  roomEmpty: "Nog geen reacties. Begin het gesprek in de groepsruimte.",
  roomNotStarted: "Het gesprek over dit bericht is nog niet geopend; dat doet de begeleider.",
  roomUnread:
    "Het gesprek kon bij deze bijwerking niet worden opgehaald. Je leest en schrijft het in de groepsruimte op GitHub.",
  roomStart: "Begeleider: open het in de groepsruimte",
  privacyNoteRoom:
    "Alleen de groep en de begeleider lezen deze reacties, in een afgesloten ruimte op GitHub. Schrijf toch niets waaraan een patiënt, cliënt, leerling of collega te herkennen is.",
  reaction: (kind: string, n: number) =>
    `${n} keer ${({ THUMBS_UP: "duim omhoog", THUMBS_DOWN: "duim omlaag", LAUGH: "lach", HOORAY: "feest", CONFUSED: "verward", HEART: "hartje", ROCKET: "raket", EYES: "ogen" } as Record<string, string>)[kind] ?? kind}`,
  guideRoomIntro:
    "De reacties van deze groep staan in een afgesloten ruimte op GitHub, die alleen de groep en de begeleider kunnen lezen. Je hebt daarvoor een gratis account bij GitHub nodig, en een uitnodiging van de begeleider. Zo werkt het, stap voor stap.",
  guideRoomSections: [
    {
      title: "Wat is GitHub, en waarom?",
      paragraphs: [
        "GitHub is een website waar mensen samen aan teksten en software werken. Deze groep gebruikt er een afgesloten gespreksruimte: gratis, zonder advertenties, en alleen wie de begeleider uitnodigt kan er lezen en schrijven.",
      ],
      steps: [],
      links: [],
    },
    {
      title: "Een account maken",
      paragraphs: [
        "Dat doe je één keer, en het kost niets. Geef je gebruikersnaam daarna aan de begeleider: die nodigt je uit.",
      ],
      steps: [
        "Ga naar github.com/signup (de link staat onder deze stappen).",
        "Vul je e-mailadres in en kies een wachtwoord.",
        "Kies een gebruikersnaam. Die zien de anderen in de groep bij elke reactie. Kies iets herkenbaars, zoals je voor- en achternaam (bijvoorbeeld sanne-de-boer).",
        "GitHub stuurt een code naar je e-mail; vul die in. Kies het gratis account (“Free”).",
      ],
      links: [{ text: "Maak een gratis account op github.com/signup", url: "https://github.com/signup" }],
    },
    {
      title: "De uitnodiging aannemen",
      paragraphs: [],
      steps: [
        "Je krijgt van GitHub een e-mail met een uitnodiging voor de ruimte van de groep (“invited you to collaborate”).",
        "Kies in die e-mail “View invitation” en dan “Accept invitation”. Kwijt? Je vindt hem ook op github.com/notifications.",
        "Vanaf nu kun je de ruimte lezen en erin reageren. Zonder uitnodiging ziet GitHub de ruimte voor jou niet: dan lijkt hij niet te bestaan.",
      ],
      links: [{ text: "Je meldingen en uitnodigingen op GitHub", url: "https://github.com/notifications" }],
    },
    {
      title: "Reageren in de groepsruimte",
      paragraphs: [],
      steps: [
        "Kies onder een bericht “Reageer in de groepsruimte”. Je komt bij het gesprek over dat bericht op GitHub; log in als GitHub daarom vraagt.",
        "Schrijf je reactie onderaan in het vak “Write a comment” en kies “Comment”.",
        "Antwoorden op iemand anders: kies onder diens reactie “Reply”. Liken: kies het smiley-gezichtje en dan bijvoorbeeld 👍 of ❤️.",
        "Je reactie staat meteen op GitHub. Op deze site komt hij bij de volgende bijwerking, meestal binnen twee dagen.",
      ],
      links: [],
    },
    {
      title: "Een e-mail bij elk nieuw gesprek",
      paragraphs: [
        "GitHub mailt je niet vanzelf als de begeleider een nieuw bericht plaatst. Wil je dat wel? Ga naar de ruimte van de groep op GitHub, kies rechtsboven “Watch”, dan “Custom”, zet een vinkje bij “Discussions” en kies “Apply”. Dan krijg je elk nieuw gesprek, met het bericht en de vragen, in je e-mail, en kun je vanuit die e-mail meteen antwoorden.",
      ],
      steps: [],
      links: [],
    },
    {
      title: "Wie kan wat lezen?",
      paragraphs: [
        "Alleen de mensen die de begeleider uitnodigde, en de begeleider zelf. GitHub bewaart de reacties voor de groep, zoals een e-maildienst je e-mail bewaart. Deze site toont ze alleen aan wie ingelogd is. Schrijf toch niets waaraan een patiënt, cliënt, leerling of collega te herkennen is: wat in een groep gezegd wordt, kan worden doorverteld.",
      ],
      steps: [],
      links: [],
    },
  ],
  // The door of a private site (issue 26): the login page the gate shows at any address, and the footer's log-out link.
  doorTitle: "Inloggen",
  doorIntro: "Deze site is alleen voor de groep. Log in met de naam en het wachtwoord die je van de begeleider kreeg.",
  doorName: "Naam",
  doorPassword: "Wachtwoord",
  doorRemember: "Onthoud mij op dit apparaat",
  doorRememberHint: "Alleen op je eigen telefoon of computer: je blijft dan 30 dagen ingelogd.",
  doorSubmit: "Inloggen",
  doorRefusal:
    "Deze naam en dit wachtwoord horen niet bij elkaar. Kijk of je ze precies zo hebt overgenomen, hoofdletters ook, en probeer het opnieuw.",
  doorHelp: "Geen naam of wachtwoord, of lukt het niet?",
  doorContact: "Mail de begeleider:",
  doorAskFacilitator: "Vraag het de begeleider van de groep.",
  logOut: "Uitloggen",
  widgetSetupIntro:
    "De reacties zijn nog niet ingesteld. Vul in content/_data/site.yaml onder giscus: de lege velden in, zoals hier:",
  widgetSetupIds:
    "De ids vind je op https://giscus.app: vul daar de repository in en kies de categorie; onder “Enable giscus” staan ze als data-repo-id en data-category-id. De handleiding, docs/reacties-instellen.md, “Reacties instellen”, zet alle stappen op een rij.",
  widgetSetupDevOnly:
    "Deze uitleg zie je alleen tijdens het ontwikkelen. Een productiebuild laat de reacties weg tot ze zijn ingesteld.",
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
  // The facilitator's desk: the edit link of previews, /schrijven/, responses archived from GitHub.
  editOnGitHub: "Bewerk dit bericht op GitHub",
  writeTitle: "Een nieuw bericht schrijven",
  writeIntro:
    "Begin hier een nieuw bericht. Je schrijft het verder in de editor van GitHub en stelt het daar voor. Netlify maakt er een voorbeeldweergave van; pas als je het voorstel samenvoegt, staat het bericht op de site.",
  writeTitleLabel: "Titel",
  writeTitleHint: "De bestandsnaam en de regel met de titel hieronder vullen zich vanzelf in.",
  writeFileLabel: "Bestandsnaam",
  writeFileHint: "Dit wordt het adres van het bericht: kleine letters, cijfers en streepjes, eindigend op .md.",
  writeAuthorLabel: "Wie schrijft het?",
  writeSourceLabel: "Het begin van het bestand",
  writeSourceHint:
    "Tussen de regels met streepjes staan de gegevens van het bericht. Een regel met # ervoor telt niet mee: haal het # weg om die regel te gebruiken. De tekst zelf schrijf je zo bij GitHub.",
  writeSubmit: "Verder op GitHub",
  writeWhere: (repository: string, branch: string) =>
    `Het bestand komt in ${repository}, in de map content/posts, op de branch “${branch}”.`,
  writeStepsTitle: "Daarna, bij GitHub",
  writeSteps: [
    "Log in als GitHub daarom vraagt. Je ziet het nieuwe bestand in de editor van GitHub.",
    "Schrijf de tekst onder de tweede regel met streepjes. Onder “Preview” zie je hoe hij eruit komt te zien.",
    "Klik op “Commit changes…”, kies “Create a new branch for this commit and start a pull request” en klik op “Propose changes”.",
    "Klik op “Create pull request”. Na een paar minuten zet Netlify een voorbeeldweergave klaar: de link verschijnt in het pull request (“Deploy Preview”).",
    "Lees het bericht in de voorbeeldweergave. Iets verbeteren? Klik daar op “Bewerk dit bericht op GitHub”: de voorbeeldweergave volgt vanzelf.",
    "Klaar? Klik in het pull request op “Merge pull request”. Een paar minuten later staat het bericht op de site.",
  ],
  writeNoRepository:
    "Deze pagina weet nog niet in welke GitHub-repository de berichten staan. Op Netlify gaat dat vanzelf. Zet het anders in content/_data/site.yaml, met een regel als deze:",
  writeDefaultTitle: "Titel van het bericht",
  writeDefaultName: "nieuw bericht",
  earlierIntroArchived: "Bewaard uit het gesprek op GitHub. Op deze reacties kun je niet meer antwoorden.",
  earlierIntroMixed:
    "Overgenomen van het vorige blog en bewaard uit het gesprek op GitHub. Op deze reacties kun je niet meer antwoorden.",
  // Earlier responses, kept in the content (layouts/pages/post.njk).
  // A table in a post scrolls sideways in its own box, named for screen readers (src/markdown/render.ts).
  tableScroll: "Tabel",
  earlierTitle: (n: number) => `Eerdere reacties (${n})`,
  earlierIntro: "Overgenomen van het vorige blog. Op deze reacties kun je niet meer antwoorden.",
};

export type Messages = typeof nl;
