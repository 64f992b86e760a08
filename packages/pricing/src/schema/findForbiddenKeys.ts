import type { PriceDataIssue } from '../errors.ts';

// JSON.parse turns `"__proto__": {...}` into an ordinary own property, and zod's z.record then drops
// it without a word: a price file could carry a model nobody sees, or a key that sets an object's
// prototype the moment some consumer copies the data with a plain assignment. Such keys are refused
// with their path, not skipped. (`constructor` and `prototype` are ordinary keys here: every id is
// looked up in a Map, never on a plain object, so an id of that name is handled, not dangerous.)
const FORBIDDEN = '__proto__';

/**
 * Every own `__proto__` key anywhere in a JSON value, as price-data issues with their paths (e.g.
 * `models.__proto__`). Walks iteratively, so a deeply nested hostile document cannot overflow the
 * stack.
 *
 * @example
 * ```ts
 * findForbiddenKeys(JSON.parse('{"models":{"__proto__":{}}}')); // [{ path: 'models.__proto__', reason: ... }]
 * ```
 */
export function findForbiddenKeys(value: unknown): PriceDataIssue[] {
  const issues: PriceDataIssue[] = [];
  const stack: { readonly value: unknown; readonly path: string }[] = [{ value, path: '' }];
  const seen = new Set<object>();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const current = next.value;
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    for (const key of Object.keys(current)) {
      const path = next.path === '' ? key : `${next.path}.${key}`;
      if (key === FORBIDDEN) issues.push({ path, reason: 'is a forbidden key (__proto__ is refused, never skipped: it could hide data or set a prototype)' });
      else stack.push({ value: (current as Record<string, unknown>)[key], path });
    }
  }
  return issues.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
