import type { TariffChange } from './diffTariffTypes.ts';
import type { TariffDocument } from './schema/tariffSchema.ts';

type Period = TariffDocument['models'][string]['periods'][number];
type Calendar = TariffDocument['calendars'][string];

// Ids, period ids and calendar names are the data's own strings ('constructor', '__proto__' and
// 'toString' included): they are only ever looked up in Maps built from own keys, never as plain
// object properties, so nothing inherited can answer for them.
const entries = <T>(record: Readonly<Record<string, T>>): Map<string, T> => new Map(Object.keys(record).map((k) => [k, record[k] as T]));

/**
 * The structural differences between two price-data documents: models, periods, ids and calendars
 * added or removed; periods ended, reopened or moved; tiers re-priced or re-conditioned; routes,
 * retirements and holiday lists (dates, coverage, time zone, make-up days) changed; and every other
 * field that differs (sources, checked dates, notes, confidences, limits, names) as `field-changed`
 * with its path. Any difference between the documents yields at least one change.
 *
 * @example
 * ```ts
 * const doc = getBundledTariff().document;
 * diffTariffDocuments(doc, { ...doc, checked: '2027-01-01' }).map((c) => c.summary); // ['checked: "2026-12-03" -> "2027-01-01"']
 * ```
 */
export function diffTariffDocuments(before: TariffDocument, after: TariffDocument): TariffChange[] {
  const changes: TariffChange[] = [];
  const oldModels = entries(before.models);
  const newModels = entries(after.models);
  for (const [id, model] of newModels)
    if (!oldModels.has(id)) changes.push({ kind: 'model-added', subject: id, before: null, after: model.displayName, summary: `model ${id}: added` });
  for (const [id, model] of oldModels)
    if (!newModels.has(id)) changes.push({ kind: 'model-removed', subject: id, before: model.displayName, after: null, summary: `model ${id}: removed` });
  const old = periodsOf(before);
  const now = periodsOf(after);
  for (const [id, p] of now) {
    const q = old.get(id);
    if (q === undefined) {
      changes.push({ kind: 'period-added', subject: id, before: null, after: p, summary: `${id}: added, ${p.from} to ${p.to ?? 'open'}: ${ratesText(p)}` });
      continue;
    }
    if (q.to === null && p.to !== null)
      changes.push({ kind: 'period-ended', subject: id, before: q.to, after: p.to, summary: `${id}: ended at ${p.to} (was open)` });
    else if (q.to !== null && p.to === null)
      changes.push({ kind: 'period-reopened', subject: id, before: q.to, after: p.to, summary: `${id}: open again (ended at ${q.to})` });
    else if (q.to !== p.to || q.from !== p.from) {
      changes.push({
        kind: 'period-moved',
        subject: id,
        before: { from: q.from, to: q.to },
        after: { from: p.from, to: p.to },
        summary: `${id}: ${q.from}..${q.to ?? 'open'} -> ${p.from}..${p.to ?? 'open'}`,
      });
    }
    if (q.from !== p.from && (q.to === null) !== (p.to === null)) {
      changes.push({ kind: 'period-moved', subject: id, before: { from: q.from }, after: { from: p.from }, summary: `${id}: starts ${q.from} -> ${p.from}` });
    }
    const oldTiers = new Map(q.tiers.map((t) => [t.tier, t]));
    for (const tier of p.tiers) {
      const o = oldTiers.get(tier.tier);
      if (o === undefined) continue;
      for (const currency of ['USD', 'CNY'] as const) {
        const a = o.prices[currency];
        const b = tier.prices[currency];
        const key = (r: typeof a) => (r === undefined ? 'none' : `${r.cacheHit}/${r.cacheMiss}/${r.output}`);
        if (key(a) !== key(b))
          changes.push({
            kind: 'repriced',
            subject: id,
            before: a ?? null,
            after: b ?? null,
            summary: `${id} ${tier.tier} ${currency}: hit/miss/output per 1M ${key(a)} -> ${key(b)}`,
          });
      }
    }
    const shape = (x: Period) => x.tiers.map((t) => [t.tier, t.when ?? null]);
    if (JSON.stringify(shape(q)) !== JSON.stringify(shape(p)))
      changes.push({ kind: 'tiers-changed', subject: id, before: shape(q), after: shape(p), summary: `${id}: tiers or their windows changed` });
  }
  for (const [id, q] of old)
    if (!now.has(id)) changes.push({ kind: 'period-removed', subject: id, before: q, after: null, summary: `${id}: removed (${q.from} to ${q.to ?? 'open'})` });

  const oldIds = entries(before.ids);
  const newIds = entries(after.ids);
  const routing = (e: TariffDocument['ids'][string]) => JSON.stringify([e.routes.map((r) => [r.from, r.to, r.model, r.mode ?? null]), e.retiredAt ?? null]);
  for (const [id, entry] of newIds) {
    const o = oldIds.get(id);
    if (o === undefined) changes.push({ kind: 'id-added', subject: id, before: null, after: entry, summary: `id ${id}: added` });
    else if (routing(o) !== routing(entry)) {
      const retired = o.retiredAt !== entry.retiredAt ? ` (retired ${o.retiredAt ?? 'never'} -> ${entry.retiredAt ?? 'never'})` : '';
      changes.push({
        kind: 'id-changed',
        subject: id,
        before: { routes: o.routes, retiredAt: o.retiredAt ?? null },
        after: { routes: entry.routes, retiredAt: entry.retiredAt ?? null },
        summary: `id ${id}: routes or retirement changed${retired}`,
      });
    }
  }
  for (const [id, entry] of oldIds)
    if (!newIds.has(id)) changes.push({ kind: 'id-removed', subject: id, before: entry, after: null, summary: `id ${id}: removed` });

  const oldCalendars = entries(before.calendars);
  const newCalendars = entries(after.calendars);
  const days = (c: Calendar) => JSON.stringify([c.timeZone, c.coversFrom, c.coversTo, c.dates.map((d) => [d.from, d.to]), c.makeUpWorkdays ?? []]);
  for (const [id, calendar] of newCalendars) {
    const o = oldCalendars.get(id);
    if (o === undefined) changes.push({ kind: 'calendar-added', subject: id, before: null, after: calendar, summary: `calendar ${id}: added` });
    else if (days(o) !== days(calendar)) {
      const zone = o.timeZone === calendar.timeZone ? '' : `; time zone ${o.timeZone} -> ${calendar.timeZone}`;
      changes.push({
        kind: 'calendar-changed',
        subject: id,
        before: o,
        after: calendar,
        summary: `calendar ${id}: dates, coverage, time zone or make-up days changed (covers ${o.coversFrom}..${o.coversTo} -> ${calendar.coversFrom}..${calendar.coversTo}${zone})`,
      });
    }
  }
  for (const [id, calendar] of oldCalendars)
    if (!newCalendars.has(id)) changes.push({ kind: 'calendar-removed', subject: id, before: calendar, after: null, summary: `calendar ${id}: removed` });

  const oldLeaves = leaves(before);
  const newLeaves = leaves(after);
  const skip = (path: readonly string[]) => coveredAbove(path, before, after, old, now);
  for (const [key, leaf] of newLeaves) {
    const was = oldLeaves.get(key);
    if (was?.value !== leaf.value && !skip(leaf.path)) changes.push(fieldChange(leaf.path, was?.value, leaf.value));
  }
  for (const [key, leaf] of oldLeaves) if (!newLeaves.has(key) && !skip(leaf.path)) changes.push(fieldChange(leaf.path, leaf.value, undefined));
  return changes;
}

function periodsOf(doc: TariffDocument): Map<string, Period> {
  const map = new Map<string, Period>();
  for (const model of entries(doc.models).values()) for (const p of model.periods) map.set(p.id, p);
  return map;
}

function ratesText(p: Period): string {
  return p.tiers
    .map(
      (t) =>
        `${t.tier} ${Object.entries(t.prices)
          .map(([c, r]) => `${c} ${r?.cacheHit}/${r?.cacheMiss}/${r?.output}`)
          .join(' ')}`,
    )
    .join('; ');
}

interface Leaf {
  readonly path: readonly string[];
  /** The JSON text of the value (a primitive, or `[]` / `{}` for an empty container). */
  readonly value: string;
}

/** Every primitive of the document by path; periods are keyed by their id, so moving one is not a cascade. */
function leaves(doc: TariffDocument): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  const walk = (value: unknown, path: string[]) => {
    if (Array.isArray(value)) {
      if (value.length === 0) out.set(JSON.stringify(path), { path, value: '[]' });
      const byId = path[path.length - 1] === 'periods';
      value.forEach((item, i) =>
        walk(item, [
          ...path,
          byId && typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string'
            ? `[${(item as { id: string }).id}]`
            : String(i),
        ]),
      );
    } else if (typeof value === 'object' && value !== null) {
      const keys = Object.keys(value);
      if (keys.length === 0) out.set(JSON.stringify(path), { path, value: '{}' });
      for (const key of keys) walk((value as Record<string, unknown>)[key], [...path, key]);
    } else {
      out.set(JSON.stringify(path), { path, value: JSON.stringify(value) ?? 'undefined' });
    }
  };
  walk(doc, []);
  return out;
}

const PRICE_FIELDS = new Set(['cacheHit', 'cacheMiss', 'output']);
const CALENDAR_FIELDS = new Set(['timeZone', 'coversFrom', 'coversTo', 'makeUpWorkdays']);
const ROUTE_FIELDS = new Set(['from', 'to', 'model', 'mode']);

/** Whether a leaf's change is already reported by one of the structural kinds above. */
function coveredAbove(
  path: readonly string[],
  before: TariffDocument,
  after: TariffDocument,
  old: ReadonlyMap<string, Period>,
  now: ReadonlyMap<string, Period>,
): boolean {
  const [section, name, part, index, field] = path;
  if (name === undefined) return false;
  const inBoth = (record: Readonly<Record<string, unknown>>) => Object.hasOwn(record, name);
  if (section === 'models') {
    if (!inBoth(before.models) || !inBoth(after.models)) return true;
    if (part !== 'periods' || index === undefined) return false;
    const periodId = index.startsWith('[') ? index.slice(1, -1) : undefined;
    if (periodId === undefined || !old.has(periodId) || !now.has(periodId)) return true;
    if (field === 'from' || field === 'to') return true;
    if (field !== 'tiers') return false;
    const tierField = path[6];
    if (tierField === 'tier' || tierField === 'when') return true;
    return tierField === 'prices' && path[8] !== undefined && PRICE_FIELDS.has(path[8]);
  }
  if (section === 'ids') {
    if (!inBoth(before.ids) || !inBoth(after.ids)) return true;
    if (part === 'retiredAt') return true;
    return part === 'routes' && field !== undefined && ROUTE_FIELDS.has(field);
  }
  if (section === 'calendars') {
    if (!inBoth(before.calendars) || !inBoth(after.calendars)) return true;
    if (part !== undefined && CALENDAR_FIELDS.has(part)) return true;
    return part === 'dates' && (field === 'from' || field === 'to');
  }
  return false;
}

function fieldChange(path: readonly string[], before: string | undefined, after: string | undefined): TariffChange {
  const subject = path
    .map((p) => (p.startsWith('[') || /^\d+$/.test(p) ? `[${p.replace(/^\[|\]$/g, '')}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
  const show = (v: string | undefined) => (v === undefined ? '(absent)' : v);
  return {
    kind: 'field-changed',
    subject,
    before: before === undefined ? null : JSON.parse(before),
    after: after === undefined ? null : JSON.parse(after),
    summary: `${subject}: ${show(before)} -> ${show(after)}`,
  };
}
