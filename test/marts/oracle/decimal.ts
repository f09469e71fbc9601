/**
 * Exact decimal arithmetic for the oracle, on bigints scaled by 10^12: money is summed as the
 * warehouse sums numerics (exactly), and ratios are rounded half away from zero as Postgres's
 * `round(numeric, n)` does. Never floats.
 */
const DIGITS = 12;
const SCALE = 10n ** BigInt(DIGITS);

export type Dec = bigint;

export const ZERO: Dec = 0n;

/** A decimal string ("389.13", "-5", "1e2" is refused) or a JSON number, exactly. */
export function dec(value: unknown): Dec {
  const text = typeof value === 'number' ? String(value) : String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`oracle: ${JSON.stringify(value)} is not a plain decimal`);
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  if (fraction.length > DIGITS) throw new Error(`oracle: ${text} has more than ${DIGITS} decimals`);
  const units = BigInt(match[2]) * SCALE + BigInt(fraction.padEnd(DIGITS, '0') || '0');
  return match[1] === '-' ? -units : units;
}

export function fromInt(n: number | bigint): Dec {
  return BigInt(n) * SCALE;
}

export function sum(values: Iterable<Dec>): Dec {
  let total = ZERO;
  for (const v of values) total += v;
  return total;
}

export function mul(a: Dec, b: Dec): Dec {
  const product = a * b;
  if (product % SCALE !== 0n) throw new Error('oracle: a product needs more decimals than the oracle keeps');
  return product / SCALE;
}

/** a / b rounded half away from zero to `places` decimals; null when b is zero (a ratio's rule). */
export function divRound(a: Dec, b: Dec, places: number): Dec | null {
  if (b === 0n) return null;
  const numerator = a * 10n ** BigInt(places);
  const negative = numerator < 0n !== b < 0n;
  const [n, d] = [numerator < 0n ? -numerator : numerator, b < 0n ? -b : b];
  let q = n / d;
  if ((n % d) * 2n >= d) q += 1n;
  return (negative ? -q : q) * 10n ** BigInt(DIGITS - places);
}

export function round(a: Dec, places: number): Dec {
  return divRound(a, SCALE, places)!;
}

/** Canonical text: no trailing zeros ("389.1", "12", "-0.5"). Compared with the warehouse's numerics the same way. */
export function text(a: Dec | null): string | null {
  if (a === null) return null;
  const negative = a < 0n;
  const abs = negative ? -a : a;
  const whole = abs / SCALE;
  const fraction = (abs % SCALE).toString().padStart(DIGITS, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? '.' + fraction : ''}`;
}
