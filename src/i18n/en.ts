import type { Messages } from "./nl.ts";

export const en: Messages = {
  skipToContent: "Skip to content",
  navPosts: "Posts",
  navTags: "Topics",
  // Find your way: search, series, link previews, the menu (issue 18)
  navSearch: "Search",
  searchTitle: "Search the posts",
  searchLabel: "Search for a word",
  searchButton: "Search",
  searchFilterTag: "Topic",
  searchAllTags: "All topics",
  searchNoScript:
    "Search needs JavaScript, which is switched off in this browser. You can also find the posts by topic:",
  searchUnavailable: "Search is not working right now. Try again in a moment, or find the posts by topic:",
  searching: "Searching…",
  searchFound: (n: number, query: string) =>
    n === 0
      ? `Nothing found for “${query}”. Try another word.`
      : n === 1
        ? `1 post found for “${query}”`
        : `${n} posts found for “${query}”`,
  searchMore: "More results",
  seriesStep: (n: number, total: number) => `Step ${n} of ${total}`,
  seriesNav: "Steps in this series",
  previousStep: "Previous step",
  nextStep: "Next step",
  seriesOverview: "All steps of this series",
  seriesStepCount: (n: number) => (n === 1 ? "1 step" : `${n} steps`),
  seriesStepLabel: (n: number) => `Step ${n}`,
  feed: "Subscribe (feed)",
  mainNav: "Main menu",
  newestPosts: "Newest posts",
  noPosts: "There are no posts yet.",
  by: "by",
  tags: "Topics",
  taggedWith: (tag) => `Posts about “${tag}”`,
  postsBy: (name) => `Posts by ${name}`,
  postCount: (n) => (n === 1 ? "1 post" : `${n} posts`),
  allTags: "All topics",
  questions: "Questions to respond to",
  questionsIntro: "Bring these questions to the session, or start answering below.",
  session: "Session",
  sessionWhen: "When",
  sessionWhere: "Where",
  // Sessions, calendars and the guide to responding (issue 13: src/sessions/, src/comments/guide.ts).
  navSessions: "Sessions",
  sessionsTitle: "Sessions",
  sessionsIntro: "Every session of the programme, each with the post that prepares it.",
  sessionsUpcoming: "Upcoming sessions",
  sessionsPast: "Past sessions",
  sessionsNoneUpcoming: "No session is planned right now. As soon as one is, it appears here.",
  sessionNext: "Next session",
  sessionPrepare: "Read the preparation",
  sessionPreparation: "Preparation",
  sessionAddToCalendar: "Add to calendar",
  calendarTitle: "In your calendar",
  calendarSubscribe: "Subscribe to the calendar",
  calendarSubscribeWhy: "Every session then appears in your own calendar, and new or moved ones follow by themselves.",
  calendarAddress: "Or copy this address and add it to your calendar as an internet calendar (subscription):",
  calendarHowTo: "Where do I do that?",
  calendarApps: [
    "Google Calendar (on a computer): + next to “Other calendars”, then “From URL”; paste the address.",
    "Outlook: “Add calendar”, then “Subscribe from web”; paste the address.",
    "Apple Calendar on a Mac: “File”, then “New Calendar Subscription”. On an iPhone, tap the button above.",
  ],
  guideTitle: "How to respond",
  guideLink: "How to respond, even if you have never used GitHub",
  guideIntro:
    "Under every post you can respond: to the questions, to each other, or with a thumbs-up. You need a free GitHub account for that. This is how it works, step by step.",
  guideSections: [
    {
      title: "What is GitHub, and why?",
      paragraphs: [
        "GitHub is a website where people work on texts and software together; this group uses its conversation part because it is free, has no advertising, and keeps the responses with each post.",
      ],
      steps: [],
      links: [],
    },
    {
      title: "Making an account",
      paragraphs: ["You do this once, and it costs nothing."],
      steps: [
        "Go to github.com/signup (the link is below these steps).",
        "Enter your e-mail address and choose a password.",
        "Choose a username. The others see it with every response, together with your profile picture. Choose something recognisable, such as your first and last name (for example sanne-de-boer).",
        "GitHub e-mails you a code; enter it. You may skip the questions about your work or plans; choose the free account (“Free”).",
      ],
      links: [{ text: "Make a free account at github.com/signup", url: "https://github.com/signup" }],
    },
    {
      title: "Signing in to the responses",
      paragraphs: [],
      steps: [
        "Under a post, go to “Responses” and choose “Sign in with GitHub”.",
        "GitHub asks once whether giscus (the program that shows the responses here) may respond on your behalf. Choose “Authorize giscus”.",
        "You come back to the post. From now on you are signed in.",
      ],
      links: [],
    },
    {
      title: "Responding, replying and liking",
      paragraphs: [],
      steps: [
        "Write your response in the box “Write a comment” and choose “Comment”.",
        "To answer someone else: choose “Write a reply” under their response.",
        "To like: choose the button with the smiley face under a response, then for example the thumbs-up (👍) or the heart (❤️). Everyone sees who chose what.",
      ],
      links: [],
    },
    {
      title: "Changing or removing your response",
      paragraphs: [
        "That happens on GitHub itself: click the date of your response and GitHub opens it. There, choose the three dots (···) at the top right of your response, then “Edit” or “Delete”.",
      ],
      steps: [],
      links: [],
    },
    {
      title: "An e-mail when someone answers",
      paragraphs: [
        "When someone answers your response or mentions you (@yourname), GitHub sends you an e-mail. Had enough? Choose “unsubscribe” at the bottom of the e-mail, or “Unsubscribe” on the right of the conversation on GitHub.",
      ],
      steps: [],
      links: [{ text: "Set all your notifications on GitHub", url: "https://github.com/settings/notifications" }],
    },
    {
      title: "What not to write",
      paragraphs: [
        "Responses are public: anyone on the internet can read them, people outside the group too, and search engines can find them. So write nothing by which someone can be recognised: no names or details of patients, clients, pupils or colleagues, not even without names when the situation stays recognisable. Write about your own experience and what you learned from it.",
      ],
      steps: [],
      links: [],
    },
  ],
  guideWithoutGitHub: "Without GitHub",
  privacyNote:
    "Responses are public: anyone on the internet can read them, on GitHub too. So share nothing about patients, clients, pupils or colleagues.",
  contactIntro: "Rather not use GitHub? E-mail your response or question to",
  aboutAuthor: "About the author",
  authorWebsite: "Website",
  authorPage: "All posts by this author",
  previousPost: "Previous post",
  nextPost: "Next post",
  postNav: "More posts",
  responsesTitle: "Responses",
  responsesHeadings: (title) => ({
    none: "No responses yet — start the conversation",
    one: `1 response to “${title}”`,
    many: `{n} responses to “${title}”`,
  }),
  responseCount: (n) => (n === 0 ? "No responses yet" : n === 1 ? "1 response" : `${n} responses`),
  responsesOnGitHub: "Read and write the responses on GitHub",
  widgetUnavailable: "The responses cannot be loaded here right now.",
  responsesPreviewOff: "Responses are off in this preview, so the conversations on the live site stay clean.",
  responsesPreviewLive: "Respond to the post on the live site",
  discussionOfPrivatePost: "The post is on the cohort's closed site, with its questions and the meeting.",
  // A private cohort's conversation (issue 27): its room on GitHub, read at build (src/comments/room.ts).
  roomHeading: (n: number) =>
    n === 0 ? "The group's conversation" : n === 1 ? "1 response in the group" : `${n} responses in the group`,
  roomRespond: "Respond in the group's room",
  roomFreshness: (when: string) =>
    `New responses are on GitHub at once; this page takes them over at its next update (last updated: ${when}).`,
  roomEmpty: "No responses yet. Start the conversation in the group's room.",
  roomNotStarted: "The conversation about this post has not been opened yet; the facilitator opens it.",
  roomUnread: "The conversation could not be read at this update. You read and write it in the group's room on GitHub.",
  roomStart: "Facilitator: open it in the group's room",
  privacyNoteRoom:
    "Only the group and the facilitator read these responses, in a closed room on GitHub. Still, write nothing by which a patient, client, pupil or colleague could be recognised.",
  reaction: (kind: string, n: number) =>
    `${n} × ${({ THUMBS_UP: "thumbs up", THUMBS_DOWN: "thumbs down", LAUGH: "laugh", HOORAY: "hooray", CONFUSED: "confused", HEART: "heart", ROCKET: "rocket", EYES: "eyes" } as Record<string, string>)[kind] ?? kind}`,
  guideRoomIntro:
    "This group's responses are in a closed room on GitHub that only the group and the facilitator can read. You need a free GitHub account for it, and an invitation from the facilitator. This is how it works, step by step.",
  guideRoomSections: [
    {
      title: "What is GitHub, and why?",
      paragraphs: [
        "GitHub is a website where people work together on texts and software. This group uses a closed room there for its conversation: free, without adverts, and only those the facilitator invites can read and write in it.",
      ],
      steps: [],
      links: [],
    },
    {
      title: "Making an account",
      paragraphs: [
        "You do this once, and it costs nothing. Then give your user name to the facilitator, who invites you.",
      ],
      steps: [
        "Go to github.com/signup (the link is below these steps).",
        "Enter your e-mail address and choose a password.",
        "Choose a user name. The others in the group see it with each response. Choose something recognisable, such as your first and last name (for example sanne-de-boer).",
        "GitHub e-mails you a code; enter it. Choose the free account (“Free”).",
      ],
      links: [{ text: "Make a free account at github.com/signup", url: "https://github.com/signup" }],
    },
    {
      title: "Accepting the invitation",
      paragraphs: [],
      steps: [
        "GitHub e-mails you an invitation to the group's room (“invited you to collaborate”).",
        "In that e-mail, choose “View invitation” and then “Accept invitation”. Lost it? It is also at github.com/notifications.",
        "From then on you can read the room and respond in it. Without the invitation GitHub does not show you the room: it seems not to exist.",
      ],
      links: [{ text: "Your notifications and invitations on GitHub", url: "https://github.com/notifications" }],
    },
    {
      title: "Responding in the group's room",
      paragraphs: [],
      steps: [
        "Under a post, choose “Respond in the group's room”. You reach the conversation about that post on GitHub; sign in if GitHub asks.",
        "Write your response in the box “Write a comment” at the bottom and choose “Comment”.",
        "To answer someone: choose “Reply” under their response. To like: choose the smiley face and then, for example, 👍 or ❤️.",
        "Your response is on GitHub at once. It reaches this site at its next update, usually within two days.",
      ],
      links: [],
    },
    {
      title: "An e-mail for every new conversation",
      paragraphs: [
        "GitHub does not e-mail you by itself when the facilitator posts. If you want it to: go to the group's room on GitHub, choose “Watch” at the top right, then “Custom”, tick “Discussions” and choose “Apply”. Every new conversation then reaches your inbox, with the post and its questions, and you can answer from the e-mail.",
      ],
      steps: [],
      links: [],
    },
    {
      title: "Who can read what?",
      paragraphs: [
        "Only the people the facilitator invited, and the facilitator. GitHub keeps the responses for the group, as an e-mail service keeps your mail. This site shows them only to those who have logged in. Still, write nothing by which a patient, client, pupil or colleague could be recognised: what is said in a group can be passed on.",
      ],
      steps: [],
      links: [],
    },
  ],
  // The door of a private site (issue 26): the login page the gate shows at any address, and the footer's log-out link.
  doorTitle: "Log in",
  doorIntro: "This site is for the group only. Log in with the name and password your facilitator gave you.",
  doorName: "Name",
  doorPassword: "Password",
  doorRemember: "Remember me on this device",
  doorRememberHint: "Only on your own phone or computer: you then stay logged in for 30 days.",
  doorSubmit: "Log in",
  doorRefusal:
    "This name and password do not go together. Check that you copied them exactly, capitals too, and try again.",
  doorHelp: "No name or password, or is it not working?",
  doorContact: "E-mail your facilitator:",
  doorAskFacilitator: "Ask the facilitator of your group.",
  logOut: "Log out",
  widgetSetupIntro:
    "Responses are not set up yet. Fill in the empty fields under giscus: in content/_data/site.yaml, like this:",
  widgetSetupIds:
    "You find the ids at https://giscus.app: enter the repository there and choose the category; under “Enable giscus” they appear as data-repo-id and data-category-id. The manual, docs/reacties-instellen.md, “In English”, lists every step.",
  widgetSetupDevOnly:
    "You only see this explanation while developing. A production build leaves the responses out until they are set up.",
  draft: "Draft",
  draftNotice: "This is a draft: it is not on the public site yet.",
  previewOfPullRequest: (n) => `Preview of pull request #${n}`,
  previewOfBranch: (branch) => `Preview of branch “${branch}”`,
  preview: "Preview",
  previewLiveSite: "Go to the live site",
  pagination: "Pagination",
  newer: "Newer posts",
  older: "Older posts",
  pageOf: (n, total) => `Page ${n} of ${total}`,
  // A table in a post scrolls sideways in its own box, named for screen readers (src/markdown/render.ts).
  tableScroll: "Table",
  // The facilitator's desk: the edit link of previews, /write/, responses archived from GitHub.
  editOnGitHub: "Edit this post on GitHub",
  writeTitle: "Write a new post",
  writeIntro:
    "Start a new post here. You go on writing it in GitHub's editor and propose it there. Netlify makes a preview of it; only when you merge the proposal is the post on the site.",
  writeTitleLabel: "Title",
  writeTitleHint: "The file name and the title line below fill themselves in.",
  writeFileLabel: "File name",
  writeFileHint: "This becomes the post's address: lowercase letters, digits and hyphens, ending in .md.",
  writeAuthorLabel: "Who is writing it?",
  writeSourceLabel: "The start of the file",
  writeSourceHint:
    "Between the lines of dashes are the post's details. A line with # in front does not count: remove the # to use that line. You write the text itself at GitHub in a moment.",
  writeSubmit: "Continue on GitHub",
  writeWhere: (repository, branch) =>
    `The file goes into ${repository}, in the folder content/posts, on the branch “${branch}”.`,
  writeStepsTitle: "Then, at GitHub",
  writeSteps: [
    "Sign in if GitHub asks. You see the new file in GitHub's editor.",
    "Write the text below the second line of dashes. “Preview” shows how it will look.",
    "Click “Commit changes…”, choose “Create a new branch for this commit and start a pull request” and click “Propose changes”.",
    "Click “Create pull request”. After a few minutes Netlify has a preview ready: its link appears in the pull request (“Deploy Preview”).",
    "Read the post in the preview. Something to improve? Click “Edit this post on GitHub” there: the preview follows by itself.",
    "Done? Click “Merge pull request” in the pull request. A few minutes later the post is on the site.",
  ],
  writeNoRepository:
    "This page does not know yet which GitHub repository the posts are in. On Netlify that happens by itself. Otherwise put it in content/_data/site.yaml, with a line like this:",
  writeDefaultTitle: "Title of the post",
  writeDefaultName: "new post",
  earlierIntroArchived: "Kept from the conversation on GitHub. These responses can no longer be answered.",
  earlierIntroMixed:
    "Kept from the previous blog and from the conversation on GitHub. These responses can no longer be answered.",
  earlierTitle: (n) => `Earlier responses (${n})`,
  earlierIntro: "Kept from the previous blog. These responses can no longer be answered.",
};
