/**
 * Row ids made by the application: UUID version 7 (RFC 9562 §5.7), a 48-bit Unix time in
 * milliseconds followed by random bits. Ids made one after the other sort in the order they
 * were made, so a primary key (and every index led by such an id, like `household_id`) grows at
 * its right edge: a batch that writes a thousand rows touches a few index pages instead of a
 * thousand random ones, and rows written together (an import's households, a batch's
 * decisions) are read together later. `gen_random_uuid()` (version 4) stays the column default
 * for rows the database makes itself.
 *
 * Within one millisecond the 12 bits after the version count up (RFC 9562 §6.2, method 1), so
 * the ids of one process are strictly increasing; if more than 4,096 are made in one
 * millisecond, or the clock steps back, the time part moves on past the last one used.
 */
import { randomFillSync } from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const POOL = 8 * 1024;
const pool = Buffer.alloc(POOL);
let poolAt = POOL;

/** `n` random bytes from a pool refilled 8 KB at a time (one system call per ≈ 1,000 ids). */
function randomAt(n: number): number {
  if (poolAt + n > POOL) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const at = poolAt;
  poolAt += n;
  return at;
}

/** A generator of version-7 ids with its own clock state (`newId` is the process's one). */
export function createIdGenerator(): (now?: number) => string {
  let lastMs = -1;
  let counter = 0;
  return (now = Date.now()) => {
    if (now > lastMs) {
      lastMs = now;
      // Start each millisecond's counter in its lower half so that it rarely overflows.
      counter = pool[randomAt(1)]! & 0x7f;
    } else if (++counter > 0xfff) {
      lastMs++;
      counter = 0;
    }
    const r = randomAt(8);
    const hi = Math.floor(lastMs / 0x1000000); // the upper 24 of 48 bits
    const lo = lastMs % 0x1000000;
    return (
      HEX[(hi >>> 16) & 0xff]! + HEX[(hi >>> 8) & 0xff]! + HEX[hi & 0xff]! + HEX[(lo >>> 16) & 0xff]! + '-' +
      HEX[(lo >>> 8) & 0xff]! + HEX[lo & 0xff]! + '-' +
      HEX[0x70 | (counter >>> 8)]! + HEX[counter & 0xff]! + '-' +
      HEX[0x80 | (pool[r]! & 0x3f)]! + HEX[pool[r + 1]!]! + '-' +
      HEX[pool[r + 2]!]! + HEX[pool[r + 3]!]! + HEX[pool[r + 4]!]! + HEX[pool[r + 5]!]! + HEX[pool[r + 6]!]! + HEX[pool[r + 7]!]!
    );
  };
}

/** A new UUID version 7, `now` in milliseconds since 1970 (the clock by default). */
export const newId = createIdGenerator();

/** The millisecond time a version-7 id was made at (for tests and diagnostics). */
export function idTime(id: string): number {
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
