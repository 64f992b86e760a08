/**
 * Puts the keys of a JSON value in the order of a reference value with the same content, at every
 * depth. Used to give a recorded request body back the key order its client sent (see
 * restoreClientKeyOrder.ts): only the order may change, so any difference in content (a key, an
 * array length, a leaf value) throws, naming the JSON path, rather than passing a different body
 * off as the recorded one.
 */

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `value` with the keys of every object in `reference`'s order; throws when the two differ in
 * anything but key order.
 *
 * @example
 * ```ts
 * JSON.stringify(reorderKeysLike({ required: ['a'], type: 'object' }, { type: 'object', required: ['a'] }));
 * // => '{"type":"object","required":["a"]}'
 * reorderKeysLike({ type: 'object' }, { type: 'array' }); // throws Error
 * ```
 */
export function reorderKeysLike(value: unknown, reference: unknown, path = '$'): unknown {
  if (Array.isArray(reference)) {
    if (!Array.isArray(value) || value.length !== reference.length) {
      throw new Error(`${path}: expected an array of ${reference.length} items, got ${JSON.stringify(value)}`);
    }
    return value.map((item, index) => reorderKeysLike(item, reference[index], `${path}[${index}]`));
  }
  if (isPlainObject(reference)) {
    if (!isPlainObject(value)) throw new Error(`${path}: expected an object, got ${JSON.stringify(value)}`);
    const keys = Object.keys(reference);
    const extra = Object.keys(value).filter((key) => !Object.hasOwn(reference, key));
    const missing = keys.filter((key) => !Object.hasOwn(value, key));
    if (extra.length > 0 || missing.length > 0) {
      throw new Error(`${path}: keys differ from the reference (extra: ${JSON.stringify(extra)}, missing: ${JSON.stringify(missing)})`);
    }
    return Object.fromEntries(keys.map((key) => [key, reorderKeysLike(value[key], reference[key], `${path}.${key}`)]));
  }
  if (!Object.is(value, reference)) throw new Error(`${path}: expected ${JSON.stringify(reference)}, got ${JSON.stringify(value)}`);
  return value;
}
