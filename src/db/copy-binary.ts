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
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class BinaryCopyWriter {
  private readonly blocks: Buffer[] = [];
  private buf = Buffer.allocUnsafe(BLOCK);
  private pos = 0;
  private rows = 0;

  constructor() {
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

  /** uuid: 16 bytes */
  uuid(s: string | null | undefined): this {
    if (s === null || s === undefined) return this.null();
    if (!UUID.test(s)) throw new Error(`not a uuid: ${JSON.stringify(s)}`);
    this.reserve(20);
    this.buf.writeInt32BE(16, this.pos);
    const p = this.pos + 4;
    this.buf.write(s.slice(0, 8), p, 'hex');
    this.buf.write(s.slice(9, 13), p + 4, 'hex');
    this.buf.write(s.slice(14, 18), p + 6, 'hex');
    this.buf.write(s.slice(19, 23), p + 8, 'hex');
    this.buf.write(s.slice(24), p + 10, 'hex');
    this.pos = p + 16;
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

  /** date: 'YYYY-MM-DD', as days since 2000-01-01 */
  date(s: string | null | undefined): this {
    if (s === null || s === undefined) return this.null();
    const m = ISO_DATE.exec(s);
    const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
    if (!m || new Date(ms).toISOString().slice(0, 10) !== s) throw new Error(`not a date: ${JSON.stringify(s)}`);
    this.reserve(8);
    this.buf.writeInt32BE(4, this.pos);
    this.pos = this.buf.writeInt32BE(ms / DAY_MS - PG_EPOCH_DAYS, this.pos + 4);
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
    this.buf = Buffer.allocUnsafe(Math.max(BLOCK, bytes));
    this.pos = 0;
  }
}
