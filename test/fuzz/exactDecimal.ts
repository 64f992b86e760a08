// Exact decimal arithmetic on BigInt for the fuzz oracle: independent of decimal.js and of the
// library's exactAmount, so a bug in either cannot hide behind the same bug here.

/** value = units / 10^scale */
export interface Exact {
  readonly units: bigint;
  readonly scale: number;
}

/** Parses '12', '-0.25', '1e-7', '3.5E+2' exactly; throws on anything else (a bug in the test). */
export function exact(text: string): Exact {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (m === null) throw new Error(`exact: not a decimal: ${text}`);
  const fraction = m[3] ?? '';
  const exponent = Number(m[4] ?? '0');
  let units = BigInt(`${m[2]}${fraction}`);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: m[1] === '-' ? -units : units, scale };
}

export const fromInteger = (n: number | bigint): Exact => ({ units: BigInt(n), scale: 0 });

export function mul(a: Exact, b: Exact): Exact {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function add(a: Exact, b: Exact): Exact {
  const scale = Math.max(a.scale, b.scale);
  return { units: a.units * 10n ** BigInt(scale - a.scale) + b.units * 10n ** BigInt(scale - b.scale), scale };
}

/** Divides by 10^n (exact). */
export function shift(a: Exact, n: number): Exact {
  return { units: a.units, scale: a.scale + n };
}

export function compare(a: Exact, b: Exact): number {
  const d = add(a, { units: -b.units, scale: b.scale }).units;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Plain notation, no trailing zeros, no exponent: what Decimal#toFixed() prints. */
export function show(a: Exact): string {
  let { units, scale } = a;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

export type Rounding = 'half-even' | 'half-up' | 'half-down' | 'up' | 'down' | 'ceil' | 'floor';

/** Rounds to `decimals` places with a named mode; returns the integer count of 10^-decimals. */
export function roundTo(a: Exact, decimals: number, mode: Rounding): bigint {
  if (a.scale <= decimals) return a.units * 10n ** BigInt(decimals - a.scale);
  const divisor = 10n ** BigInt(a.scale - decimals);
  const negative = a.units < 0n;
  const magnitude = negative ? -a.units : a.units;
  const down = magnitude / divisor;
  const rest = magnitude % divisor;
  let away: boolean;
  if (rest === 0n) away = false;
  else if (mode === 'up') away = true;
  else if (mode === 'down') away = false;
  else if (mode === 'ceil') away = !negative;
  else if (mode === 'floor') away = negative;
  else {
    const twice = rest * 2n;
    if (twice !== divisor) away = twice > divisor;
    else away = mode === 'half-up' ? true : mode === 'half-down' ? false : down % 2n === 1n;
  }
  const rounded = away ? down + 1n : down;
  return negative ? -rounded : rounded;
}
