/**
 * Rows → PostgreSQL COPY text format (`COPY … FROM STDIN`, the default format): fields
 * separated by a tab, one line per row, NULL as `\N`, and only backslash, tab, newline and
 * carriage return escaped. Strings and objects (as JSON) go in as they are.
 *
 * Why not CSV: the bulk writes carry JSON (stored explanations, audit before/after), and CSV
 * doubles every quote, so each value had to be copied by a regex replace and grew by a tenth;
 * JSON never holds a raw tab, newline or carriage return, and rarely a backslash, so in text
 * format the common case is one regex test and one UTF-8 write (2.3× less Node time per
 * stored decision, `docs/benchmarks.md`).
 */

const ESCAPES = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * A string escaped for COPY text format. The test for "nothing to escape" is four `includes`
 * rather than one regular expression: on a stored explanation (≈ 8,000 UTF-16 units, mostly
 * CJK) V8's character-class scan took ≈ 60 µs and the four searches ≈ 1 µs.
 */
export function escapeCopyText(s: string): string {
  return s.includes('\\') || s.includes('\t') || s.includes('\n') || s.includes('\r') ? s.replace(ESCAPES, (c) => ESCAPED[c]!) : s;
}

const BLOCK = 1 << 20;
const TAB = 9;
const NEWLINE = 10;

/**
 * Writes COPY text rows into 1 MB UTF-8 blocks, field by field: no file-sized string is ever
 * built and a field's string dies as soon as it is encoded (a large import once spent most of
 * its CPU time in garbage collection and in flattening one big string for the driver).
 */
export class CopyWriter {
  private readonly blocks: Buffer[] = [];
  private buf = Buffer.allocUnsafe(BLOCK);
  private pos = 0;
  private first = true;

  /** One field of the current row: null/undefined → NULL, numbers and booleans as PostgreSQL reads them, objects as JSON. */
  field(v: unknown): this {
    if (v === null || v === undefined) return this.null();
    if (typeof v === 'number') return this.raw(String(v));
    if (typeof v === 'boolean') return this.raw(v ? 't' : 'f');
    return this.text(typeof v === 'string' ? v : JSON.stringify(v));
  }

  /** A text field ('' stays an empty string). */
  text(s: string): this {
    return this.raw(escapeCopyText(s));
  }

  /** A NULL field. */
  null(): this {
    return this.raw('\\N');
  }

  /** A field written as it is (already escaped, or known to need no escape: numbers, uuids, dates). */
  raw(s: string): this {
    this.reserve(s.length * 3 + 1);
    if (this.first) this.first = false;
    else this.buf[this.pos++] = TAB;
    this.pos += this.buf.write(s, this.pos);
    return this;
  }

  endLine(): void {
    this.reserve(1);
    this.buf[this.pos++] = NEWLINE;
    this.first = true;
  }

  /** The written blocks, for one COPY. The writer is empty afterwards. */
  finish(): Buffer[] {
    if (this.pos > 0) this.blocks.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.alloc(0);
    this.pos = 0;
    return this.blocks.splice(0);
  }

  /** Room for `bytes` more in the current block (UTF-8 takes at most 3 bytes per UTF-16 unit). */
  private reserve(bytes: number): void {
    if (this.buf.length - this.pos >= bytes) return;
    if (this.pos > 0) this.blocks.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(Math.max(BLOCK, bytes));
    this.pos = 0;
  }
}

/** Rows of values (see `CopyWriter.field`) as COPY text blocks, for one COPY. */
export function toCopyRows(rows: readonly (readonly unknown[])[]): Buffer[] {
  const w = new CopyWriter();
  for (const r of rows) {
    for (let i = 0; i < r.length; i++) w.field(r[i]);
    w.endLine();
  }
  return w.finish();
}
