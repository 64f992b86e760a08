import type { Tariff } from '../tariff.ts';
import { canonicalJson } from './canonicalJson.ts';
import { sha256Hex } from './sha256Hex.ts';

// Computed once per compiled tariff (a tariff is frozen, so its fingerprint never changes).
const fingerprints = new WeakMap<Tariff, string>();

/**
 * A stable fingerprint of the price data a tariff was compiled from: `sha256:` and the SHA-256 of
 * its document as canonical JSON (object keys sorted at every level, no whitespace). Two tariffs
 * with the same fingerprint price every record the same; any change to the data (a price, a window,
 * a holiday, a note) changes it. Ledger snapshots carry it so a merge refuses shards priced with
 * other data.
 *
 * @example
 * ```ts
 * import { getBundledTariff } from '@seekcost/pricing';
 * import { tariffFingerprint } from '@seekcost/pricing/ledger';
 * tariffFingerprint(getBundledTariff()).startsWith('sha256:'); // => true
 * ```
 */
export function tariffFingerprint(tariff: Tariff): string {
  let fingerprint = fingerprints.get(tariff);
  if (fingerprint === undefined) {
    fingerprint = `sha256:${sha256Hex(canonicalJson(tariff.document))}`;
    fingerprints.set(tariff, fingerprint);
  }
  return fingerprint;
}
