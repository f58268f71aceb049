/**
 * Rows → PostgreSQL's binary COPY format (`COPY … FROM STDIN WITH (FORMAT binary)`), for the
 * bulk write whose rows are large: a batch run's stored decisions (≈ 13 KB each, mostly the
 * explanation's JSON). In text format the server scans every byte of a row for delimiters and
 * escapes and copies each value out character by character; in binary format each value comes
 * with its length and is taken as it is. Backend CPU of a chunk's decisions, rolled back,
 * alternated five times on the full-scale registry: 77–139 µs per decision in text format
 * against 57–75 µs in binary, the same rows stored (`docs/benchmarks.md`).
 *
 * The caller writes each row's values in the order of the COPY's columns, with the method of
 * the column's type; a value the type cannot hold is refused here, never sent.
 */

const BLOCK = 1 << 20;
/** 'PGCOPY\n\377\r\n\0', then flags and header-extension length (both 0) */
const HEADER = Buffer.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);
/** days from 1970-01-01 to 2000-01-01, PostgreSQL's epoch for dates */
const PG_EPOCH_DAYS = 10_957;
const DAY_MS = 86_400_000;
/** hex digit → value, -1 for any other character code below 128 */
const HEX = Int8Array.from({ length: 128 }, (_, c) => (c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1));
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** spare blocks a pool keeps (a chunk of a thousand stored decisions fills about thirteen) */
const POOL_MAX = 64;

/**
 * Spare blocks for the writers of one run, given back once their rows were copied. A block
 * written for the first time costs a page fault per 4 KB, and a fault costs ≈ 16 µs on the
 * virtual machines we measure on (`docs/benchmarks.md`): fresh blocks for every chunk were
 * about three faults per stored decision on each side of a worker thread's reply.
 * Blocks are never Node.js's shared small-buffer pool, so a block's memory may be moved to
 * another thread (a transfer list) and back.
 */
export class CopyBlockPool {
  private readonly free: ArrayBuffer[] = [];

  /** A block of at least `bytes` (a spare one when it is big enough). */
  take(bytes: number): Buffer {
    const spare = bytes <= BLOCK ? this.free.pop() : undefined;
    return spare ? Buffer.from(spare) : Buffer.allocUnsafeSlow(Math.max(BLOCK, bytes));
  }

  /** Blocks whose rows were copied: kept for reuse (only whole ordinary blocks, up to a limit). */
  give(buffers: Iterable<ArrayBuffer>): void {
    for (const b of buffers) if (b.byteLength === BLOCK && this.free.length < POOL_MAX && !this.free.includes(b)) this.free.push(b);
  }

  get size(): number {
    return this.free.length;
  }
}

/** The distinct memory under a writer's finished blocks: what can be transferred or given back to a pool. */
export function blockMemory(blocks: readonly Uint8Array[]): ArrayBuffer[] {
  return [...new Set(blocks.map((b) => b.buffer as ArrayBuffer))];
}

export class BinaryCopyWriter {
  private readonly blocks: Buffer[] = [];
  private buf: Buffer;
  private pos = 0;
  private rows = 0;
  private lastDate: string | null = null;
  private lastDays = NaN;

  /** Blocks come from `pool` when given (see CopyBlockPool), else are allocated. */
  constructor(private readonly pool?: CopyBlockPool) {
    this.buf = this.newBlock(BLOCK);
    this.pos = HEADER.copy(this.buf, 0);
  }

  /** Starts a row of `fields` values. */
  row(fields: number): this {
    this.reserve(2);
    this.pos = this.buf.writeInt16BE(fields, this.pos);
    this.rows += 1;
    return this;
  }

  null(): this {
    this.reserve(4);
    this.pos = this.buf.writeInt32BE(-1, this.pos);
    return this;
  }

  /** text, varchar: the UTF-8 bytes */
  text(s: string | null | undefined): this {
    if (s === null || s === undefined) return this.null();
    return this.utf8(s, false);
  }

  /** jsonb: format version 1, then the JSON text */
  jsonb(json: string | null | undefined): this {
    if (json === null || json === undefined) return this.null();
    return this.utf8(json, true);
  }

  /** uuid: 16 bytes (parsed by hand: the regular expression and five hex writes cost ≈ 2.5 µs a uuid, a stored decision has three) */
  uuid(s: string | null | undefined): this {
    if (s === null || s === undefined) return this.null();
    if (s.length !== 36) throw new Error(`not a uuid: ${JSON.stringify(s)}`);
    this.reserve(20);
    this.buf.writeInt32BE(16, this.pos);
    let p = this.pos + 4;
    for (let i = 0; i < 36; i += 2) {
      if (i === 8 || i === 13 || i === 18 || i === 23) {
        if (s.charCodeAt(i) !== 45) throw new Error(`not a uuid: ${JSON.stringify(s)}`);
        i -= 1; // the next pair starts after the dash
        continue;
      }
      const hi = HEX[s.charCodeAt(i)] ?? -1;
      const lo = HEX[s.charCodeAt(i + 1)] ?? -1;
      if (hi < 0 || lo < 0) throw new Error(`not a uuid: ${JSON.stringify(s)}`);
      this.buf[p++] = (hi << 4) | lo;
    }
    this.pos = p;
    return this;
  }

  /** bigint (int8): a safe integer */
  int8(v: number | null | undefined): this {
    if (v === null || v === undefined) return this.null();
    if (!Number.isSafeInteger(v)) throw new Error(`not an int8: ${v}`);
    this.reserve(12);
    this.buf.writeInt32BE(8, this.pos);
    this.pos = this.buf.writeBigInt64BE(BigInt(v), this.pos + 4);
    return this;
  }

  /** date: 'YYYY-MM-DD', as days since 2000-01-01 (the last one converted is kept: a batch's rows share their dates) */
  date(s: string | null | undefined): this {
    if (s === null || s === undefined) return this.null();
    let days = s === this.lastDate ? this.lastDays : NaN;
    if (Number.isNaN(days)) {
      const m = ISO_DATE.exec(s);
      const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
      if (!m || new Date(ms).toISOString().slice(0, 10) !== s) throw new Error(`not a date: ${JSON.stringify(s)}`);
      days = ms / DAY_MS - PG_EPOCH_DAYS;
      this.lastDate = s;
      this.lastDays = days;
    }
    this.reserve(8);
    this.buf.writeInt32BE(4, this.pos);
    this.pos = this.buf.writeInt32BE(days, this.pos + 4);
    return this;
  }

  /** Rows written so far. */
  get count(): number {
    return this.rows;
  }

  /** The written blocks with the trailer, for one COPY. The writer is empty afterwards. */
  finish(): Buffer[] {
    this.reserve(2);
    this.pos = this.buf.writeInt16BE(-1, this.pos);
    this.blocks.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.alloc(0);
    this.pos = 0;
    return this.blocks.splice(0);
  }

  private utf8(s: string, jsonbVersion: boolean): this {
    const head = jsonbVersion ? 5 : 4;
    this.reserve(head + s.length * 3);
    if (jsonbVersion) this.buf[this.pos + 4] = 1;
    const n = this.buf.write(s, this.pos + head);
    this.buf.writeInt32BE(n + head - 4, this.pos);
    this.pos += head + n;
    return this;
  }

  /** Room for `bytes` more in the current block (UTF-8 takes at most 3 bytes per UTF-16 unit). */
  private reserve(bytes: number): void {
    if (this.buf.length - this.pos >= bytes) return;
    if (this.pos > 0) this.blocks.push(this.buf.subarray(0, this.pos));
    this.buf = this.newBlock(bytes);
    this.pos = 0;
  }

  private newBlock(bytes: number): Buffer {
    return this.pool ? this.pool.take(bytes) : Buffer.allocUnsafeSlow(Math.max(BLOCK, bytes));
  }
}
