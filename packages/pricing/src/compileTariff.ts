import type { z } from 'zod';
import { buildTariff } from './buildTariff.ts';
import { PriceDataError } from './errors.ts';
import { findForbiddenKeys } from './schema/findForbiddenKeys.ts';
import { tariffDocumentSchema, tariffDocumentV1Schema, type TariffDocument } from './schema/tariffSchema.ts';
import type { Tariff } from './tariff.ts';

/**
 * Validates a price-data document (any JSON value) and compiles it into an indexed {@link Tariff}.
 * Checks everything a billing system relies on: the zod schema, then that each model's periods and
 * each id's routes follow each other with no gap or overlap, that tier windows do not overlap (so
 * with the default tier they tile the day), that every tier publishes the same currencies, and that
 * every reference resolves, that every instant and date exists (strictly, see {@link toEpochMs}), and
 * that no key is `__proto__` (refused, not skipped). Reads format 2 and format 1 (upgraded in memory,
 * with no metered items); any other `formatVersion` is a {@link PriceDataError} naming it. Any problem
 * throws a {@link PriceDataError} listing each bad field's path.
 *
 * @example
 * ```ts
 * import { compileTariff, deepseekTariffDocument } from '@seekcost/pricing';
 * // Any parsed price-data JSON will do; here, a copy of the bundled document:
 * const tariff = compileTariff(structuredClone(deepseekTariffDocument));
 * tariff.models.get('deepseek-v4-pro')?.periods.length; // => 6
 * compileTariff({ ...deepseekTariffDocument, formatVersion: 3 }); // throws PriceDataError
 * ```
 */
export function compileTariff(input: unknown): Tariff {
  const forbidden = findForbiddenKeys(input);
  if (forbidden.length > 0) throw new PriceDataError(forbidden);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new PriceDataError([{ path: '', reason: 'must be a price-data document (a JSON object)' }]);
  }
  const version = (input as { formatVersion?: unknown }).formatVersion;
  if (version === 1) {
    // Format 1 is format 2 without metered items: upgrade in memory, price no metered item.
    const v1 = tariffDocumentV1Schema.safeParse(input);
    if (!v1.success) throw issuesOf(v1.error.issues);
    const upgraded: TariffDocument = { ...v1.data, formatVersion: 2, meteredItems: {} };
    return buildTariff(upgraded, 1);
  }
  if (version !== 2) {
    throw new PriceDataError([
      {
        path: 'formatVersion',
        reason: `must be 1 or 2 (this version of @seekcost/pricing reads formats 1 and 2), got ${JSON.stringify(version) ?? 'nothing'}`,
      },
    ]);
  }
  const parsed = tariffDocumentSchema.safeParse(input);
  if (!parsed.success) throw issuesOf(parsed.error.issues);
  return buildTariff(parsed.data);
}

function issuesOf(issues: readonly z.core.$ZodIssue[]): PriceDataError {
  return new PriceDataError(
    issues.flatMap((issue) => {
      const path = issue.path.map(String).join('.');
      // zod puts an unknown key's issue on the object that holds it; name the key itself instead.
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({ path: path === '' ? key : `${path}.${key}`, reason: 'is not a field of the price-data format' }));
      }
      return [{ path, reason: issue.message }];
    }),
  );
}
