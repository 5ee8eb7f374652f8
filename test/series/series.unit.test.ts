// Series (learning paths): which posts are steps, in which order, what each step shows, and what a
// dev-server save re-renders when a step changes.
import { describe, expect, test } from "vitest";
import { planRender, snapshot } from "../../src/build/dev-server/render-plan.ts";
import { content, entry, index } from "../support/model.ts";

const series = {
  stappen: { id: "stappen", title: "De 23 stappen", description: "Elke week een stap" },
  ander: { id: "ander", title: "Een andere serie" },
};
const model = (posts: ReturnType<typeof entry>[], env: Record<string, string> = {}) => content(posts, env, {}, series);
const titles = (posts: readonly { title: string }[]) => posts.map((p) => p.title);

describe("the steps of a series", () => {
  test("are ordered by date, old to new, and numbered among the steps", () => {
    const built = index(
      model([
        entry("c", { title: "Derde", date: "2026-03-01", series: "stappen" }),
        entry("a", { title: "Eerste", date: "2026-01-01", series: "stappen" }),
        entry("b", { title: "Tweede", date: "2026-02-01", series: "stappen" }),
        entry("x", { title: "Los", date: "2026-02-15" }),
      ]),
    );
    expect(built.series.map((s) => s.id)).toEqual(["stappen"]);
    expect(titles(built.series[0]!.posts)).toEqual(["Eerste", "Tweede", "Derde"]);
    const second = built.posts.find((p) => p.slug === "b")!;
    expect(second.series).toMatchObject({
      id: "stappen",
      title: "De 23 stappen",
      url: "/series/stappen/",
      step: 2,
      total: 3,
    });
    expect(second.series!.previous?.title).toBe("Eerste");
    expect(second.series!.next?.title).toBe("Derde");
    expect(built.posts.find((p) => p.slug === "x")!.series).toBeUndefined();
    // The site-wide neighbours stay what they are: by date, every post.
    expect(second.next?.title).toBe("Los");
  });

  test("with part: steps with a part first in that order, then the others by date", () => {
    const built = index(
      model([
        entry("a", { title: "Oud zonder deel", date: "2026-01-01", series: "stappen" }),
        entry("b", { title: "Deel 2", date: "2026-01-02", series: "stappen", part: 2 }),
        entry("c", { title: "Deel 1", date: "2026-05-01", series: "stappen", part: 1 }),
        entry("d", { title: "Nieuw zonder deel", date: "2026-06-01", series: "stappen" }),
      ]),
    );
    expect(titles(built.series[0]!.posts)).toEqual(["Deel 1", "Deel 2", "Oud zonder deel", "Nieuw zonder deel"]);
    expect(built.posts.find((p) => p.slug === "c")!.series).toMatchObject({ step: 1, total: 4 });
    expect(built.posts.find((p) => p.slug === "c")!.series!.previous).toBeUndefined();
  });

  test("a draft is a step only where drafts are listed, and leaves no gap in the numbers", () => {
    const posts = [
      entry("a", { date: "2026-01-01", series: "stappen" }),
      entry("b", { date: "2026-01-02", series: "stappen", draft: true }),
      entry("c", { date: "2026-01-03", series: "stappen" }),
    ];
    const production = index(model(posts, { CONTEXT: "production" }));
    expect(production.series[0]!.posts.map((p) => p.slug)).toEqual(["a", "c"]);
    expect(production.posts.find((p) => p.slug === "c")!.series).toMatchObject({ step: 2, total: 2 });
    const preview = index(model(posts, { CONTEXT: "deploy-preview", HOEDOEDEDA_DRAFTS: "true" }));
    expect(preview.posts.find((p) => p.slug === "c")!.series).toMatchObject({ step: 3, total: 3 });
  });

  test("a series without listed steps has no page; series keep the order of series.yaml", () => {
    const built = index(
      model(
        [
          entry("a", { series: "ander" }),
          entry("b", { series: "stappen" }),
          entry("c", { series: "stappen", draft: true }),
        ],
        { CONTEXT: "production" },
      ),
    );
    expect(built.series.map((s) => s.id)).toEqual(["stappen", "ander"]);
    const none = index(model([entry("c", { series: "ander", draft: true })], { CONTEXT: "production" }));
    expect(none.series).toEqual([]);
  });
});

describe("a dev-server save and the steps", () => {
  const posts = [
    entry("a", { title: "Eerste", date: "2026-01-01", series: "stappen" }),
    entry("b", { title: "Tweede", date: "2026-01-02", series: "stappen" }),
    entry("c", { title: "Derde", date: "2026-01-03", series: "stappen" }),
    entry("z", { title: "Los", date: "2026-01-04" }),
  ];
  const before = snapshot(index(model(posts)));
  const slugs = (list: readonly { slug: string }[]) => list.map((p) => p.slug).sort();

  test("a new title renders the steps that link it and the series page", () => {
    const plan = planRender(
      index(model([entry("a", { title: "Eerste, anders", date: "2026-01-01", series: "stappen" }), ...posts.slice(1)])),
      before,
      ["content/posts/a.md"],
    );
    expect(slugs(plan.posts)).toEqual(["a", "b"]);
    expect(plan.series.map((s) => s.id)).toEqual(["stappen"]);
  });

  test("a step that joins the series renders every step (the total changed) and the series page", () => {
    const plan = planRender(
      index(model([...posts.slice(0, 3), entry("z", { title: "Los", date: "2026-01-04", series: "stappen" })])),
      before,
      ["content/posts/z.md"],
    );
    expect(slugs(plan.posts)).toEqual(["a", "b", "c", "z"]);
    expect(plan.series).toHaveLength(1);
  });

  test("a body edit renders only that step", () => {
    const plan = planRender(
      index(
        model([
          posts[0]!,
          entry("b", { title: "Tweede", date: "2026-01-02", series: "stappen" }, "Nieuwe tekst."),
          ...posts.slice(2),
        ]),
      ),
      before,
      ["content/posts/b.md"],
    );
    expect(slugs(plan.posts)).toEqual(["b"]);
    expect(plan.series).toEqual([]);
  });
});
