import { describe, expect, it } from 'vitest';
import { createIdGenerator, idTime, newId } from './ids.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId (UUID version 7)', () => {
  it.each<[string, number]>([
    ['the epoch', 0],
    ['a date in 2026', Date.UTC(2026, 10, 29, 23, 30)],
    ['the last millisecond of 48 bits', 2 ** 48 - 1],
  ])('carries the millisecond it was made at, with version 7 and variant 10 (%s)', (_, ms) => {
    const id = createIdGenerator()(ms);
    expect(id).toMatch(UUID_V7);
    expect(idTime(id)).toBe(ms);
  });

  it('sorts in the order made, within a millisecond and across the clock stepping back', () => {
    const newId = createIdGenerator();
    const base = Date.UTC(2030, 0, 1);
    const ids = [newId(base), newId(base), newId(base), newId(base + 5), newId(base + 1), newId(base + 5), newId(base + 6)];
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // A clock that stepped back keeps the last time used.
    expect(idTime(ids[4]!)).toBe(base + 5);
  });

  it('moves to the next millisecond when one millisecond runs out of its 4,096 counter values', () => {
    const newId = createIdGenerator();
    const base = Date.UTC(2031, 0, 1);
    const ids = Array.from({ length: 5000 }, () => newId(base));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(5000);
    expect(idTime(ids[0]!)).toBe(base);
    expect(idTime(ids[4999]!)).toBe(base + 1);
    // The next real millisecond continues after it.
    expect(newId(base + 1) > ids[4999]!).toBe(true);
  });

  it('makes increasing ids from the clock by default', () => {
    const ids = Array.from({ length: 1000 }, () => newId());
    expect([...ids].sort()).toEqual(ids);
    expect(Math.abs(idTime(ids[0]!) - Date.now())).toBeLessThan(60_000);
  });

  it('has random bits that differ between ids of one millisecond', () => {
    const newId = createIdGenerator();
    const base = Date.UTC(2032, 0, 1);
    const tails = new Set(Array.from({ length: 200 }, () => newId(base).slice(19)));
    expect(tails.size).toBe(200);
  });
});
