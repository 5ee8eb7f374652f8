// /schrijven/ (layouts/pages/write.njk): typing a title fills in the file name and the title line
// of the file GitHub's editor will open, with the same YAML `npm run new` writes; choosing an author
// fills in the author line; the date becomes today in the site's time zone, even when the page was
// built days ago. Without this script the form still works: the file name and the text are fields
// of their own, filled in by the build.
import { uniqueSlug, slugify } from "../model/slug.ts";
import { authorLine, dateLine, oneLine, replaceLine, titleLine } from "../model/front-matter-lines.ts";

const form = document.querySelector<HTMLFormElement>("form[data-write]");

if (form) {
  const title = form.querySelector<HTMLInputElement>("[data-write-title]")!;
  const file = form.querySelector<HTMLInputElement>("[data-write-file]")!;
  const source = form.querySelector<HTMLTextAreaElement>("[data-write-source]")!;
  const author = form.querySelector<HTMLSelectElement>("[data-write-author]");
  const { taken = "", timezone = "UTC", defaultTitle = "", defaultName = "bericht" } = form.dataset;
  const takenSlugs = new Set(taken.split(" ").filter(Boolean));

  // The fields that only work with this script appear now.
  for (const field of form.querySelectorAll<HTMLElement>("[data-write-enhanced]")) field.hidden = false;

  // `en-CA` formats a day as YYYY-MM-DD, in the site's time zone rather than the reader's.
  const today = new Intl.DateTimeFormat("en-CA", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
  source.value = replaceLine(source.value, "date", dateLine(today));

  // Once the facilitator types a file name of their own, the title no longer changes it.
  let ownName = false;
  file.addEventListener("input", () => (ownName = true));

  const fill = () => {
    const text = oneLine(title.value);
    source.value = replaceLine(source.value, "title", titleLine(text || defaultTitle));
    if (!ownName) file.value = `${uniqueSlug(slugify(text) || defaultName, (slug) => takenSlugs.has(slug))}.md`;
  };
  title.addEventListener("input", fill);
  author?.addEventListener(
    "change",
    () => (source.value = replaceLine(source.value, "author", authorLine(author.value))),
  );
  // A title the browser kept from an earlier visit (back button) is filled in again.
  if (title.value) fill();
}
