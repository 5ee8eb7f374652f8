// A post (and data files) written to break out of every context the site writes text into: HTML,
// attributes, meta tags, Atom (XML) and the JSON feed. test/site/hostile.build.test.ts checks that nothing
// runs and every word stays; the Nu Html Checker test, that the pages stay valid HTML all the same.
import { post } from "./site.ts";

export const title = `Een "titel" met <script>alert('titel')</script> ]]> & meer`;
export const tag = `<script>alert("tag")</script>`;
export const quotedTag = `Tag "quoted" ]]>`;
export const description = `"><script>alert('description')</script><meta name="x" content="]]>`;
export const question = `<img src=x onerror=alert('vraag')> Wat vind je van "]]>"?`;
export const location = `<script>alert('plek')</script> & "Doorn"`;
export const siteTitle = `Leergang <script>alert("site")</script> ]]> "quotes"`;
export const authorName = `Jan "<script>alert('naam')</script>" ]]>`;
export const authorBio = `<img src=x onerror=alert('bio')> bio`;

export const body = [
  "Gewone tekst met ]]> erin.",
  "<script>alert('body')</script>",
  "[een link](javascript:alert('link'))",
  `<a href="javascript:alert('raw')">raw link</a>`,
  `<img src="x" onerror="alert('img')" alt="plaatje">`,
  `<iframe srcdoc="<script>alert('srcdoc')</script>"></iframe>`,
  "Sjabloontaal blijft tekst: {{ site.title }} en {% if true %}ja{% endif %}.",
  `<p onmouseover="alert('p')">Laatste alinea.</p>`,
].join("\n\n");

/** A facilitator's page with template syntax in it: Markdown only, never run as a template. */
export const templatePage = "Ook hier blijft het tekst: {{ 1 + 1 }} en {% raw %}x{% endraw %}.";

export const slug = "kwaadaardig";

/** The hostile post and data files, to write over a copy of content/ (`buildSite({ files })`). */
export const hostileFiles = (): Record<string, string> => ({
  [`posts/${slug}.md`]: post(
    {
      title,
      date: "2026-12-24",
      author: "hacker",
      tags: [tag, quotedTag, "leergang"],
      description,
      questions: [question, "Tweede vraag"],
      session: { date: "2027-01-07", location },
      discussion: `"><script>alert('discussion')</script>`,
    },
    body,
  ),
  "sjabloon.md": `---\ntitle: Sjabloon\n---\n\n${templatePage}\n`,
  "_data/site.yaml": [
    `title: ${JSON.stringify(siteTitle)}`,
    `description: ${JSON.stringify(`</title><script>alert("site-description")</script>`)}`,
    "url: https://leergang.example.org",
    "lang: nl",
    "giscus:",
    "  repo: organisatie/reacties",
    `  repoId: ${JSON.stringify(`R_"><script>alert('repoId')</script>`)}`,
    `  category: ${JSON.stringify(`Reacties "<b>"`)}`,
    `  categoryId: ${JSON.stringify(`DIC_"onload="alert(1)`)}`,
  ].join("\n"),
  "_data/authors.yaml": [
    "marjan:\n  name: Marjan de Vries",
    "ruben:\n  name: Ruben Bakker",
    `hacker:\n  name: ${JSON.stringify(authorName)}\n  bio: ${JSON.stringify(authorBio)}\n  url: ${JSON.stringify(`https://example.org/"onmouseover="alert(1)`)}`,
  ].join("\n"),
});
