// Series (learning paths): the posts that name a series in `series:`, in step order. A step's place
// is its `part:` when it has one, otherwise its date: steps with a part come first, in that order,
// then the others from old to new (a path is walked forwards in time). A step's number is its
// place among the steps this build lists, so a draft left out in production leaves no gap.
import { seriesUrl } from "../model/urls.ts";
import type { Series } from "../model/content.ts";
import type { Post, PostSummary } from "../model/posts.ts";
import type { SeriesPage } from "../model/posts.ts";

/** Where a post says it belongs: its front-matter's `series` and `part`. */
export interface StepData {
  series?: string | undefined;
  part?: number | undefined;
}

function stepOrder(steps: Map<Post, StepData>) {
  return (a: Post, b: Post): number => {
    const [pa, pb] = [steps.get(a)?.part ?? Infinity, steps.get(b)?.part ?? Infinity];
    return pa !== pb ? (pa < pb ? -1 : 1) : a.date.getTime() - b.date.getTime() || a.slug.localeCompare(b.slug);
  };
}

/**
 * The series that have steps in this build (a series with none has no page), in the order of
 * series.yaml; sets each step's `series` on its post.
 */
export function groupSeries(
  posts: readonly Post[],
  data: ReadonlyMap<Post, StepData>,
  defined: Readonly<Record<string, Series>>,
): SeriesPage[] {
  const byId = new Map<string, Post[]>();
  for (const post of posts) {
    const id = data.get(post)?.series;
    if (id === undefined || !defined[id]) continue;
    byId.set(id, [...(byId.get(id) ?? []), post]);
  }
  const pages: SeriesPage[] = [];
  for (const series of Object.values(defined)) {
    const steps = byId.get(series.id);
    if (!steps) continue;
    steps.sort(stepOrder(data as Map<Post, StepData>));
    const url = seriesUrl(series.id);
    steps.forEach((post, i) => {
      post.series = {
        id: series.id,
        title: series.title,
        url,
        step: i + 1,
        total: steps.length,
        ...(steps[i - 1] ? { previous: steps[i - 1]!.summary } : {}),
        ...(steps[i + 1] ? { next: steps[i + 1]!.summary } : {}),
      };
    });
    pages.push({
      id: series.id,
      title: series.title,
      ...(series.description ? { description: series.description } : {}),
      url,
      posts: steps,
    });
  }
  return pages;
}
