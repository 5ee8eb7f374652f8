// npm run new -- "Titel van het bericht" [--author <id>] [--date YYYY-MM-DD] [--tags a,b]
// Writes content/posts/<slug>.md and prints where it is and where it will be published.
import { createPost, parseTags } from "../src/commands/new-post.ts";
import { askAuthor, canAsk } from "../src/commands/prompt.ts";
import { commandArgs, runTool } from "../src/commands/tool-error.ts";

const usage = 'Usage: npm run new -- "Titel van het bericht" [--author <id>] [--date YYYY-MM-DD] [--tags a,b]';

await runTool(async () => {
  const { values, positionals } = commandArgs(
    {
      author: { type: "string" },
      date: { type: "string" },
      tags: { type: "string" },
    },
    usage,
  );
  const post = await createPost(
    process.cwd(),
    { title: positionals.join(" "), author: values.author, date: values.date, tags: parseTags(values.tags) },
    canAsk() ? (authors) => askAuthor(authors) : undefined,
  );
  console.log(
    `Written: ${post.file}\nIt will be published at ${post.url}\nPreview it with npm start; it goes live when it is merged.`,
  );
  return 0;
});
