import type { TariffDocument } from '@seekcost/pricing';

/**
 * One difference between two versions of the price data.
 *
 * @example
 * ```ts
 * const change: TariffChange = { kind: 'period-ended', subject: 'deepseek-flash/2026-09-10', before: null, after: '2026-12-01T00:00Z', summary: 'deepseek-flash/2026-09-10: ended at 2026-12-01T00:00Z (was open)' };
 * ```
 */
export interface TariffChange {
  readonly kind: 'period-added' | 'period-removed' | 'period-ended' | 'period-reopened' | 'period-moved' | 'repriced' | 'tiers-changed' | 'id-added' | 'id-removed' | 'id-changed' | 'calendar-changed' | 'model-added' | 'model-removed';
  /** What changed: a period id, a model id or a calendar id. */
  readonly subject: string;
  readonly before: unknown;
  readonly after: unknown;
  /** One line for people. */
  readonly summary: string;
}

type Period = TariffDocument['models'][string]['periods'][number];

/**
 * What changed between two price-data documents: periods added, removed, ended (an open period got
 * an end), reopened, moved (start or end changed), re-priced (a tier's prices in a currency), tier
 * conditions changed; ids whose routes or retirement changed; holiday lists changed. Each change
 * has the before and after values.
 *
 * @example
 * ```ts
 * diffTariffs(oldDoc, newDoc).map((c) => c.summary);
 * // ['deepseek-v4-pro/2026-09-10: ended at 2026-12-01T00:00Z', 'deepseek-v4-pro/2026-12-01: added from 2026-12-01T00:00Z ...']
 * ```
 */
export function diffTariffs(before: TariffDocument, after: TariffDocument): TariffChange[] {
  const changes: TariffChange[] = [];
  const periodsOf = (doc: TariffDocument) => {
    const map = new Map<string, Period>();
    for (const model of Object.values(doc.models)) for (const p of model.periods) map.set(p.id, p);
    return map;
  };
  for (const id of Object.keys(after.models)) if (!(id in before.models)) changes.push({ kind: 'model-added', subject: id, before: null, after: after.models[id]?.displayName, summary: `model ${id}: added` });
  for (const id of Object.keys(before.models)) if (!(id in after.models)) changes.push({ kind: 'model-removed', subject: id, before: before.models[id]?.displayName, after: null, summary: `model ${id}: removed` });
  const old = periodsOf(before);
  const now = periodsOf(after);
  for (const [id, p] of now) {
    const q = old.get(id);
    if (q === undefined) {
      changes.push({ kind: 'period-added', subject: id, before: null, after: p, summary: `${id}: added, ${p.from} to ${p.to ?? 'open'}: ${ratesText(p)}` });
      continue;
    }
    if (q.to === null && p.to !== null) changes.push({ kind: 'period-ended', subject: id, before: q.to, after: p.to, summary: `${id}: ended at ${p.to} (was open)` });
    else if (q.to !== null && p.to === null) changes.push({ kind: 'period-reopened', subject: id, before: q.to, after: p.to, summary: `${id}: open again (ended at ${q.to})` });
    else if (q.to !== p.to || q.from !== p.from) changes.push({ kind: 'period-moved', subject: id, before: { from: q.from, to: q.to }, after: { from: p.from, to: p.to }, summary: `${id}: ${q.from}..${q.to ?? 'open'} -> ${p.from}..${p.to ?? 'open'}` });
    if (q.from !== p.from && q.to === p.to) {
      /* reported above as moved */
    }
    const oldTiers = new Map(q.tiers.map((t) => [t.tier, t]));
    for (const tier of p.tiers) {
      const o = oldTiers.get(tier.tier);
      if (o === undefined) continue;
      for (const currency of ['USD', 'CNY'] as const) {
        const a = o.prices[currency];
        const b = tier.prices[currency];
        const key = (r: typeof a) => (r === undefined ? 'none' : `${r.cacheHit}/${r.cacheMiss}/${r.output}`);
        if (key(a) !== key(b)) {
          changes.push({ kind: 'repriced', subject: id, before: a ?? null, after: b ?? null, summary: `${id} ${tier.tier} ${currency}: hit/miss/output per 1M ${key(a)} -> ${key(b)}` });
        }
      }
    }
    const shape = (x: Period) => JSON.stringify(x.tiers.map((t) => [t.tier, t.when ?? null]));
    if (shape(q) !== shape(p)) changes.push({ kind: 'tiers-changed', subject: id, before: q.tiers.map((t) => [t.tier, t.when ?? null]), after: p.tiers.map((t) => [t.tier, t.when ?? null]), summary: `${id}: tiers or their windows changed` });
  }
  for (const [id, q] of old) if (!now.has(id)) changes.push({ kind: 'period-removed', subject: id, before: q, after: null, summary: `${id}: removed (${q.from} to ${q.to ?? 'open'})` });
  for (const [id, entry] of Object.entries(after.ids)) {
    const o = before.ids[id];
    if (o === undefined) changes.push({ kind: 'id-added', subject: id, before: null, after: entry, summary: `id ${id}: added` });
    else if (JSON.stringify([o.routes.map((r) => [r.from, r.to, r.model, r.mode ?? null]), o.retiredAt ?? null]) !== JSON.stringify([entry.routes.map((r) => [r.from, r.to, r.model, r.mode ?? null]), entry.retiredAt ?? null])) {
      changes.push({ kind: 'id-changed', subject: id, before: { routes: o.routes, retiredAt: o.retiredAt ?? null }, after: { routes: entry.routes, retiredAt: entry.retiredAt ?? null }, summary: `id ${id}: routes or retirement changed${o.retiredAt !== entry.retiredAt ? ` (retired ${o.retiredAt ?? 'never'} -> ${entry.retiredAt ?? 'never'})` : ''}` });
    }
  }
  for (const id of Object.keys(before.ids)) if (!(id in after.ids)) changes.push({ kind: 'id-removed', subject: id, before: before.ids[id], after: null, summary: `id ${id}: removed` });
  for (const [id, calendar] of Object.entries(after.calendars)) {
    const o = before.calendars[id];
    const key = (c: typeof o) => JSON.stringify(c === undefined ? null : [c.coversFrom, c.coversTo, c.dates]);
    if (key(o) !== key(calendar)) changes.push({ kind: 'calendar-changed', subject: id, before: o ?? null, after: calendar, summary: `calendar ${id}: dates or coverage changed (covers ${o?.coversFrom ?? '-'}..${o?.coversTo ?? '-'} -> ${calendar.coversFrom}..${calendar.coversTo})` });
  }
  return changes;
}

function ratesText(p: Period): string {
  return p.tiers.map((t) => `${t.tier} ${Object.entries(t.prices).map(([c, r]) => `${c} ${r?.cacheHit}/${r?.cacheMiss}/${r?.output}`).join(' ')}`).join('; ');
}
