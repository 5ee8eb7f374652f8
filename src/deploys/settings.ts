// The workflow's rhythm and Netlify's free plan, in one place: `npm run rebuild` reports with them,
// `npm run check` warns when a site's settings would not fit the free plan, and the simulation
// replays a cohort with them. The budget's defaults are the schema's (`deployDefaults`,
// src/model/schema.ts).

/** How often .github/workflows/rebuild.yml runs on its schedule (its cron says the same; a test checks). */
export const SCHEDULE_HOURS = 3;

/** Netlify's free plan: 300 credits a month; a production deploy costs 15 (docs/kosten.md). */
export const FREE_PLAN = { credits: 300, perDeploy: 15 } as const;

/** The pushes a cohort's month usually has: two or three posts and a correction or two (docs/kosten.md). */
export const PUSHES_A_MONTH = 6;
