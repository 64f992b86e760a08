// Instants where some DeepSeek price changes, for test generators (the ledger's properties, the
// fuzz suites, the warehouse equality checks): records near these are where a wrong rule shows.
// Written by hand from ../deepseekFacts.ts's history, never read from the price data under test.

/** Period, route, retirement, holiday-calendar and per-call edges, in epoch milliseconds. */
export const PRICE_EDGES_MS: readonly number[] = [
  '2024-08-02T00:00Z',
  '2024-12-26T00:00Z',
  '2025-01-20T00:00Z',
  '2025-02-08T16:00Z',
  '2025-02-26T16:30Z',
  '2025-08-21T00:00Z',
  '2025-09-05T16:00Z',
  '2025-09-29T10:00Z',
  '2026-04-24T00:00Z',
  '2026-04-25T16:00Z',
  '2026-04-26T12:15Z',
  '2026-07-24T15:59Z',
  '2026-08-16T16:00Z',
  '2026-08-20T16:00Z',
  '2026-08-22T16:00Z',
  '2026-09-10T04:00Z',
  '2026-10-01T01:00Z',
  '2026-10-07T16:00Z',
  '2026-10-08T16:00Z',
  '2026-10-31T16:00Z',
  '2026-11-12T16:00Z',
  '2026-12-31T16:00Z',
].map((s) => Date.parse(s.replace('Z', ':00Z')));

/** UTC minutes of the day where some tier starts or ends (16:30-00:30 discount, 01-04 and 06-10 peak, Beijing midnight). */
export const DAILY_EDGE_MINUTES: readonly number[] = [0, 30, 60, 240, 360, 600, 960, 990];
