// The post as the pages get it (src/posts/post-index.ts): the schema's output plus what the build
// derives. A field added to the schema reaches `post.<field>` in the layouts without another edit;
// the summary other pages show is exactly `summaryFields`.
import { describe, expect, test } from "vitest";
import { summaryFields } from "../../src/model/posts.ts";
import { postSchema } from "../../src/model/schema.ts";
import { content, entry, index } from "../support/model.ts";

/** Fields the build turns into something richer: the author, tags, session, series step and the responses switch. */
const enriched = ["author", "tags", "session", "series", "part", "comments"];

describe("a post in the index", () => {
  const frontMatter = {
    title: "Alles ingevuld",
    date: "2026-11-26T10:00",
    author: "marjan",
    tags: ["Leren"],
    description: "Een samenvatting",
    draft: false,
    questions: ["Wat neem je mee?"],
    session: { date: "2026-12-03T13:30", location: "Doorn" },
    comments: true,
    discussion: 42,
  };
  const model = content([entry("alles", frontMatter)]);
  const [post] = index(model).posts;

  test("carries every field of the schema that the build does not enrich, as the schema gave it", () => {
    const data = model.posts[0]!.data as Record<string, unknown>;
    const passed = Object.keys(postSchema.shape).filter(
      (field) => !enriched.includes(field) && data[field] !== undefined,
    );
    expect(passed.sort()).toEqual(["date", "description", "discussion", "draft", "questions", "title"]);
    for (const field of passed) expect((post as unknown as Record<string, unknown>)[field], field).toEqual(data[field]);
  });

  test("enriches the others: the author's entry, linked tags, the session with its label, the responses switch", () => {
    expect(post!.author).toMatchObject({ id: "marjan", name: "Marjan de Vries", page: "/authors/marjan/" });
    expect(post!.tags).toEqual([{ slug: "leren", label: "Leren", url: "/tags/leren/" }]);
    expect(post!.session).toMatchObject({
      label: "donderdag 3 december 2026, 13:30",
      location: "Doorn",
      calendar: "/posts/alles/alles.ics",
    });
    expect(typeof post!.comments).toBe("boolean");
  });

  test("its summary is exactly the summary fields it has, the same values", () => {
    const present = summaryFields.filter((field) => post![field] !== undefined);
    expect(Object.keys(post!.summary).sort()).toEqual([...present].sort());
    for (const field of present) expect(post!.summary[field], field).toBe(post![field]);
  });
});
