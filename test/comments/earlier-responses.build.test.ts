// Earlier responses and old addresses in the content model: validated like every other file
// (file: field: what — fix), threaded for the page, and written to _redirects.
import { beforeAll, describe, expect, test } from "vitest";
import { earlierThread } from "../../src/comments/earlier.ts";
import { settingsFromEnv } from "../../src/model/build.ts";
import { loadContent } from "../../src/content/load.ts";
import { formatProblem } from "../../src/model/problems.ts";
import type { EarlierResponseData } from "../../src/model/schema.ts";
import { encodePath, redirectsFile } from "../../src/netlify/redirects.ts";
import { tempProject } from "../support/site.ts";
import type { Content } from "../../src/model/content.ts";

const site = { lang: "nl" as const, timezone: "Europe/Amsterdam" };
const response = (over: Partial<EarlierResponseData>): EarlierResponseData => ({
  author: "A",
  date: "2012-04-11T10:00",
  text: "Tekst",
  ...over,
});

describe("the thread", () => {
  test("replies under their parent, each level oldest first, whatever the order in the file", () => {
    const thread = earlierThread(
      [
        response({ id: 3, parent: 1, author: "C", date: "2012-04-11T12:00" }),
        response({ id: 1, author: "A", date: "2012-04-11T10:00" }),
        response({ id: 2, parent: 1, author: "B", date: "2012-04-11T11:00" }),
        response({ id: 4, parent: 2, author: "D", date: "2012-04-11T13:00" }),
        response({ id: 5, author: "E", date: "2012-04-10T09:00" }),
      ],
      site,
    );
    const shape = (list: typeof thread): unknown[] =>
      list.map((c) => (c.replies.length ? [c.author, shape(c.replies)] : c.author));
    expect(shape(thread)).toEqual(["E", ["A", [["B", ["D"]], "C"]]]);
  });

  test("dates in the site's language and time zone, anchors as WordPress had them", () => {
    const [nl] = earlierThread([response({ id: 12, date: "2012-04-11T23:30:00Z" })], site);
    expect(nl).toMatchObject({
      anchor: "comment-12",
      dateLabel: "12 april 2012",
      datetime: "2012-04-12T01:30:00+02:00",
    });
    const [en] = earlierThread([response({ date: "2012-04-11T23:30:00Z" })], { lang: "en", timezone: "Europe/London" });
    expect(en).toMatchObject({ dateLabel: "12 April 2012", datetime: "2012-04-12T00:30:00+01:00" });
    expect(en!.anchor).toBeUndefined();
  });

  test("a loop of parents does not lose the responses", () => {
    const thread = earlierThread([response({ id: 1, parent: 2 }), response({ id: 2, parent: 1 })], site);
    expect(thread).toHaveLength(2);
  });
});

describe("validation, with the build's messages", () => {
  let content: Content;
  const lines = () => content.problems.map(formatProblem);

  beforeAll(() => {
    const root = tempProject({
      files: {
        "posts/welkom-in-de-leergang.comments.yaml": [
          "- id: 1",
          "  author: Sanne",
          "  date: 2012-04-11T14:03",
          "  text: Mooi.",
          "- id: 1",
          "  parent: 7",
          "  auteur: Joris",
          "  date: 11-04-2012",
          "  url: niet-een-adres",
          '  text: ""',
          "- Alleen tekst",
        ].join("\n"),
        "posts/bestaat-niet.comments.yaml": "- author: A\n  date: 2012-04-11\n  text: B\n",
        "posts/leren-in-netwerken.comments.yaml": "author: A\n",
        "_data/redirects.yaml":
          '/2012/04/11/oud/: /posts/welkom-in-de-leergang/\noud-zonder-slash: /posts/x/\n/goed/: "niet goed"\n/ook-goed/: https://example.org/elders\n',
      },
    });
    content = loadContent(root, settingsFromEnv({}));
  });

  test("every problem in every response, with the response's number and the field", () => {
    const file = "content/posts/welkom-in-de-leergang.comments.yaml";
    expect(lines()).toEqual(
      expect.arrayContaining([
        `${file}: response 2: auteur: is not a known field — did you mean \`author\`?`,
        expect.stringMatching(
          new RegExp(
            `^${file}: response 2: date: "11-04-2012" puts the day first — write the year first: \`date: 2012-04-11\``,
          ),
        ),
        `${file}: response 2: url: is not a web address — write it like \`url: https://example.org\``,
        expect.stringMatching(new RegExp(`^${file}: response 2: text: is empty — `)),
        `${file}: response 3: must be a response with \`author\`, \`date\` and \`text\` indented below \`-\`, not "Alleen tekst"`,
      ]),
    );
  });

  test("ids used twice and parents that are not there", () => {
    expect(lines()).toEqual(
      expect.arrayContaining([
        "content/posts/welkom-in-de-leergang.comments.yaml: response 2: id: 1 is used twice — give each response its own id",
        "content/posts/welkom-in-de-leergang.comments.yaml: response 2: parent: 7 is not the id of a response in this file — use one of the ids above, or remove `parent`",
      ]),
    );
  });

  test("responses without their post, and a file that is not a list", () => {
    expect(lines()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^content\/posts\/bestaat-niet\.comments\.yaml: file: belongs to no post — /),
        expect.stringMatching(/^content\/posts\/leren-in-netwerken\.comments\.yaml: responses: must be a list — /),
      ]),
    );
  });

  test("redirects: old paths must be paths, targets paths or web addresses", () => {
    expect(lines()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^content\/_data\/redirects\.yaml: oud-zonder-slash: is not a path on the old site — it must start with `\/`/,
        ),
        expect.stringMatching(
          /^content\/_data\/redirects\.yaml: \/goed\/: must be a path on this site starting with `\/`/,
        ),
      ]),
    );
    expect(content.redirects).toEqual([
      { from: "/2012/04/11/oud/", to: "/posts/welkom-in-de-leergang/" },
      { from: "/ook-goed/", to: "https://example.org/elders" },
    ]);
  });

  test("the valid response is still read", () => {
    expect(content.posts.find((p) => p.slug === "welkom-in-de-leergang")?.earlierResponses[0]).toEqual({
      id: 1,
      author: "Sanne",
      date: "2012-04-11T14:03",
      text: "Mooi.",
    });
  });
});

describe("_redirects", () => {
  test("one `from to 301` line each, encoded as browsers ask for it", () => {
    expect(
      redirectsFile([
        { from: "/2012/05/02/ümlaut/", to: "/posts/umlaut/" },
        { from: "/a%20b/", to: "https://example.org/x" },
      ])
        .split("\n")
        .slice(1),
    ).toEqual([
      "/2012/05/02/%C3%BCmlaut/ /posts/umlaut/ 301",
      "/2012/05/02/%c3%bcmlaut/ /posts/umlaut/ 301",
      "/a%20b/ https://example.org/x 301",
      "",
    ]);
    expect(encodePath("/%c3%bc/")).toBe("/%C3%BC/");
  });
});
