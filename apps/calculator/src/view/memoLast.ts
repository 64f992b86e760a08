/**
 * A function that remembers its last call: called again with the same arguments (compared with
 * Object.is, like a hook's dependency list), it returns the remembered result without recomputing.
 * This lets the view derivation stay one plain function while typing in one field recomputes only
 * what depends on that field.
 *
 * @example
 * ```ts
 * let calls = 0;
 * const square = memoLast((n: number) => { calls++; return n * n; });
 * square(3); square(3); // => 9 both times
 * calls; // => 1
 * ```
 */
export function memoLast<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { readonly args: A; readonly value: R } | undefined;
  return (...args: A): R => {
    if (last !== undefined && last.args.length === args.length && last.args.every((arg, i) => Object.is(arg, args[i]))) return last.value;
    const value = fn(...args);
    last = { args, value };
    return value;
  };
}
