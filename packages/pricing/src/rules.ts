// Rule constants used in more than one place, defined once. Internal: not exported from any entry.

/** Milliseconds in a minute, hour and day (UTC days: no leap seconds in JavaScript time). */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const DAY_MINUTES = 1440;

/**
 * Within this distance of a period start whose minute DeepSeek never published (`startConfidence`),
 * a quote carries that lower confidence and an `uncertain-cutover` warning.
 */
export const UNCERTAIN_CUTOVER_MS = 24 * HOUR_MS;

/**
 * When the caller passes the request instant instead of the completion instant, a tier edge closer
 * than this after it may have been crossed before the request completed: the quote warns.
 */
export const REQUEST_BASIS_HORIZON_MS = 10 * MINUTE_MS;

/**
 * Token counts below this add into a running sum of at most 2^52 and stay exact as doubles
 * (< 2^53); larger ones move a sum to BigInt.
 */
export const EXACT_DOUBLE_COUNT_LIMIT = 2 ** 40;

/**
 * The instants seekcost accepts, inclusive: 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z.
 * Every accepted instant is a valid Date whose ISO form has a four-digit year (so it reads back to
 * the same millisecond), and no epoch second or microsecond value lands in range by accident.
 */
export const MIN_INSTANT_MS = 0;
export const MAX_INSTANT_MS = 253_402_300_799_999;
/** The calendar dates seekcost accepts, as days since 1970-01-01: 1970-01-01 to 9999-12-31. */
export const MIN_EPOCH_DAY = 0;
export const MAX_EPOCH_DAY = 2_932_896;
