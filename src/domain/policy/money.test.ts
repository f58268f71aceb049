import { describe, expect, it } from 'vitest';
import { compareProducts, divRoundHalfUp, formatYuan, mulDivHalfUp, ratioOf, roundPayable, type RoundingMode } from './money.js';

describe('money (POLICY.md §0.3, P45)', () => {
  it.each<[string, number, number, RoundingMode, number]>([
    ['P45 half up to yuan, below half', 1234549, 100, 'ROUND_HALF_UP_YUAN', 12300],
    ['P45 half up to yuan, exactly half', 12350, 1, 'ROUND_HALF_UP_YUAN', 12400],
    ['P45 half up to yuan, exact rational 148', 177600, 12, 'ROUND_HALF_UP_YUAN', 14800],
    ['P45 half up to jiao', 12345, 1, 'ROUND_HALF_UP_JIAO', 12350],
    ['P45 half up to jiao, below half', 12344, 1, 'ROUND_HALF_UP_JIAO', 12340],
    ['P45 up to yuan', 12301, 1, 'ROUND_UP_YUAN', 12400],
    ['P45 up to yuan, already whole', 12300, 1, 'ROUND_UP_YUAN', 12300],
    ['P45 no rounding keeps fen (half up from the exact rational)', 10, 3, 'NO_ROUNDING', 3],
    ['P45 no rounding, 2/3 fen', 2, 3, 'NO_ROUNDING', 1],
    ['R29 negative gap pays nothing', -500, 1, 'ROUND_UP_YUAN', 0],
  ])('%s: %d/%d by %s → %d', (_rule, num, den, mode, expected) => {
    expect(roundPayable(num, den, mode)).toBe(expected);
  });

  it.each([
    [0, '0.00元'],
    [5, '0.05元'],
    [123456, '1,234.56元'],
    [100000000, '1,000,000.00元'],
    [-1500, '-15.00元'],
  ])('formatYuan(%d) = %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it('divides exactly with half-up rounding, also beyond 2^53', () => {
    expect(divRoundHalfUp(5, 2)).toBe(3);
    expect(divRoundHalfUp(-5, 2)).toBe(-3);
    expect(divRoundHalfUp(4, 3)).toBe(1);
    expect(mulDivHalfUp(9_007_199_254_740_991, 3, 3)).toBe(9_007_199_254_740_991);
  });

  it('R23 compares products exactly (no float error)', () => {
    // 0.1 + 0.2 style traps: 3 × 1/10 vs 3/10
    expect(compareProducts([3, 1], [3, 1])).toBe(0);
    expect(compareProducts([9_007_199_254_740_991, 10], [9_007_199_254_740_990, 10])).toBe(1);
    expect(compareProducts([2, 3], [7])).toBe(-1);
  });

  it.each([
    [1.5, 3, 2],
    [0.3, 3, 10],
    [2, 2, 1],
    [0.125, 1, 8],
  ])('ratioOf(%d) = %d/%d', (x, num, den) => {
    const r = ratioOf(x);
    expect(r.num / r.den).toBe(num / den);
    expect(r.num * den).toBe(num * r.den);
  });
});
