/**
 * Money arithmetic of the policy engine (POLICY.md §0.3): integer fen everywhere, exact
 * comparisons through integer cross-multiplication (BigInt only when a product leaves the
 * safe-integer range), one rounding step for a payable amount (P45). Pure; no floats are
 * compared against a line.
 */

/** P45 options. */
export type RoundingMode = 'ROUND_HALF_UP_YUAN' | 'ROUND_HALF_UP_JIAO' | 'ROUND_UP_YUAN' | 'NO_ROUNDING';
export const ROUNDING_MODES: readonly RoundingMode[] = ['ROUND_HALF_UP_YUAN', 'ROUND_HALF_UP_JIAO', 'ROUND_UP_YUAN', 'NO_ROUNDING'];

export const ROUNDING_LABELS: Readonly<Record<RoundingMode, string>> = {
  ROUND_HALF_UP_YUAN: '四舍五入到元',
  ROUND_HALF_UP_JIAO: '四舍五入到角',
  ROUND_UP_YUAN: '不足1元按1元计（向上取整到元）',
  NO_ROUNDING: '不取整（精确到分）',
};

/** An exact non-negative rational, e.g. a multiplier 1.5 = 3/2 or a rate 0.3 = 3/10. */
export interface Ratio {
  num: number;
  den: number;
}

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * Integer n / d rounded half away from zero (half up for the non-negative amounts we pay).
 * n, d integers, d > 0.
 */
export function divRoundHalfUp(n: number, d: number): number {
  if (Math.abs(n) > MAX || d > MAX) return bigDivRoundHalfUp(BigInt(n), BigInt(d));
  const neg = n < 0;
  const a = neg ? -n : n;
  let q = Math.floor(a / d);
  let r = a - q * d;
  // float division of large operands can be one off: correct it
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  const res = r * 2 >= d ? q + 1 : q;
  return neg ? -res : res;
}

/** Integer n / d rounded up (towards +∞), d > 0. */
export function divCeil(n: number, d: number): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  return r > 0 ? q + 1 : q;
}

function bigDivRoundHalfUp(n: bigint, d: bigint): number {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = a / d;
  const r = a - q * d;
  const res = r * 2n >= d ? q + 1n : q;
  return Number(neg ? -res : res);
}

/** a × b / c rounded half up, exact (a, b, c integers, c > 0). */
export function mulDivHalfUp(a: number, b: number, c: number): number {
  const p = a * b;
  if (Math.abs(p) <= MAX) return divRoundHalfUp(p, c);
  return bigDivRoundHalfUp(BigInt(a) * BigInt(b), BigInt(c));
}

/** Exact product of integers, as a number when safe and as a bigint otherwise. */
function product(factors: readonly number[]): number | bigint {
  let p = 1;
  for (let i = 0; i < factors.length; i++) {
    const next = p * factors[i]!;
    if (Math.abs(next) > MAX) {
      let big = BigInt(p);
      for (let j = i; j < factors.length; j++) big *= BigInt(factors[j]!);
      return big;
    }
    p = next;
  }
  return p;
}

/** Sign of (Π left − Π right), exact for integer factors. */
export function compareProducts(left: readonly number[], right: readonly number[]): -1 | 0 | 1 {
  const l = product(left);
  const r = product(right);
  if (typeof l === 'number' && typeof r === 'number') return l < r ? -1 : l > r ? 1 : 0;
  const lb = BigInt(l);
  const rb = BigInt(r);
  return lb < rb ? -1 : lb > rb ? 1 : 0;
}

/**
 * A decimal parameter (1.5, 0.3, 2) as an exact ratio of integers. Parameters are entered
 * with a few decimals; the decimal text of the number is taken literally.
 */
export function ratioOf(x: number): Ratio {
  if (Number.isInteger(x)) return { num: x, den: 1 };
  const text = String(x);
  const dot = text.indexOf('.');
  if (dot >= 0 && !text.includes('e')) {
    const decimals = text.length - dot - 1;
    const den = 10 ** decimals;
    return { num: Math.round(x * den), den };
  }
  // exponent notation (very small values): fall back to 1e-12 resolution
  const den = 1e12;
  return { num: Math.round(x * den), den };
}

/** fen × ratio rounded half up to whole fen. */
export function applyRatio(fen: number, r: Ratio): number {
  return mulDivHalfUp(fen, r.num, r.den);
}

/**
 * Round an exact amount num/den fen to a payable amount by P45. Negative amounts are not
 * payable and come back as 0.
 */
export function roundPayable(num: number, den: number, mode: RoundingMode): number {
  if (num <= 0) return 0;
  switch (mode) {
    case 'ROUND_HALF_UP_YUAN':
      return divRoundHalfUp(num, den * 100) * 100;
    case 'ROUND_HALF_UP_JIAO':
      return divRoundHalfUp(num, den * 10) * 10;
    case 'ROUND_UP_YUAN':
      return divCeil(num, den * 100) * 100;
    case 'NO_ROUNDING':
      return divRoundHalfUp(num, den);
  }
}

/** Round whole fen by P45 (the same as roundPayable with den 1). */
export function roundFen(fen: number, mode: RoundingMode): number {
  return roundPayable(fen, 1, mode);
}

function group(n: number): string {
  const s = String(n);
  if (s.length <= 3) return s;
  let out = '';
  const head = s.length % 3;
  if (head > 0) out = s.slice(0, head);
  for (let i = head; i < s.length; i += 3) out += (out ? ',' : '') + s.slice(i, i + 3);
  return out;
}

/** 123456 → '1,234.56元' (always two decimals). */
export function formatYuan(fen: number): string {
  const neg = fen < 0;
  const abs = neg ? -fen : fen;
  const yuan = Math.floor(abs / 100);
  const cents = abs - yuan * 100;
  return `${neg ? '-' : ''}${group(yuan)}.${cents < 10 ? '0' : ''}${cents}元`;
}

/** Yuan with at most two decimals → fen, or null when not whole fen. */
export function yuanToFen(yuan: number): number | null {
  const fen = Math.round(yuan * 100);
  return Math.abs(yuan * 100 - fen) < 1e-6 ? fen : null;
}
