import { describe, expect, it } from 'vitest';
import { fenToYuan, formatFen, parseYuan, yuanToFen } from './money';

describe('yuan ↔ fen', () => {
  it("adds '0.1' and '0.2' yuan to exactly 30 fen (no floating point)", () => {
    expect(yuanToFen('0.1')! + yuanToFen('0.2')!).toBe(30);
    expect(fenToYuan(yuanToFen('0.1')! + yuanToFen('0.2')!)).toBe('0.30');
  });

  it.each([
    ['12', 1200],
    ['12.3', 1230],
    ['12.30', 1230],
    ['0.01', 1],
    ['1,234.56', 123456],
    ['1234.56元', 123456],
    ['¥8.8', 880],
    ['  99.99 ', 9999],
    ['0', 0],
  ])('reads %s yuan as %i fen', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });

  it.each([
    ['12.345', '最多保留两位小数'],
    ['-1', '不能为负数'],
    ['abc', '不是有效的金额'],
    ['', '不是有效的金额'],
    ['1.2.3', '不是有效的金额'],
  ])('refuses %s with a Chinese message', (text, fragment) => {
    const r = parseYuan(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(fragment);
    expect(yuanToFen(text)).toBeNull();
  });

  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [30, '0.30'],
    [1999, '19.99'],
    [123456789, '1234567.89'],
    [-150, '-1.50'],
  ])('shows %i fen as %s yuan', (fen, text) => {
    expect(fenToYuan(fen)).toBe(text);
  });

  it('round-trips every amount from 0.00 to 20.00 yuan', () => {
    for (let fen = 0; fen <= 2000; fen++) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });

  it('refuses non-integer fen and shows a dash for missing values', () => {
    expect(() => fenToYuan(0.5)).toThrow(RangeError);
    expect(formatFen(null)).toBe('—');
    expect(formatFen(undefined)).toBe('—');
  });

  it.each([
    [0, '0.00'],
    [99_999, '999.99'],
    [100_000, '1,000.00'],
    [217_800, '2,178.00'],
    [-1_767_400, '-17,674.00'],
    [123_456_789_00, '123,456,789.00'],
  ])('shows %i fen as %s, grouped like the explanations', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });
});
