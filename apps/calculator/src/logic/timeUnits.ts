// Time lengths the calculator's own logic and components use, defined once here. The pricing
// package keeps its rule constants internal (packages/pricing/src/rules.ts is not exported), so the
// app has its own; these are calendar facts, not pricing rules.

/** Milliseconds in a minute, an hour, a (UTC) day and a week. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

/** Minutes in a day: tier windows are minutes of a zone's day. */
export const DAY_MINUTES = 1440;

/** How far ahead the page looks for the next tier change and the cheapest hour: the next 7 days. */
export const LOOK_AHEAD_MS = WEEK_MS;
