/**
 * Rows → CSV text for `RawTx.copyCsv` (COPY … WITH (FORMAT csv)). null/undefined become an
 * unquoted empty field (NULL); strings are always quoted, so '' stays an empty string.
 */
export function copyField(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.includes('"') ? `"${s.replace(/"/g, '""')}"` : `"${s}"`;
}

export function toCopyCsv(rows: readonly (readonly unknown[])[]): string {
  let out = '';
  for (const r of rows) {
    let line = '';
    for (let i = 0; i < r.length; i++) line += (i ? ',' : '') + copyField(r[i]);
    out += line + '\n';
  }
  return out;
}

const BLOCK = 1 << 20;

/**
 * Writes COPY CSV (same format as copyField/toCopyCsv) into 1 MB UTF-8 blocks, one line
 * at a time: no file-sized string is ever built and the line strings die young. Building
 * one big string instead kept the whole rope alive and made a large import spend most of
 * its CPU time in GC and in flattening it for the driver.
 */
export class CopyCsvWriter {
  private readonly blocks: Buffer[] = [];
  private buf = Buffer.allocUnsafe(BLOCK);
  private pos = 0;
  /** The current line; short-lived, encoded into the block at endLine(). */
  private line = '';
  private first = true;

  /** One field of the current line (null/undefined → NULL; strings quoted; objects as JSON). */
  field(v: unknown): this {
    if (v === null || v === undefined) return this.raw('');
    if (typeof v === 'number') return this.raw(String(v));
    if (typeof v === 'boolean') return this.raw(v ? 't' : 'f');
    return this.text(typeof v === 'string' ? v : JSON.stringify(v));
  }

  /** A quoted text field. */
  text(s: string): this {
    const q = s.includes('"') ? s.replace(/"/g, '""') : s;
    this.line += (this.first ? '"' : ',"') + q + '"';
    this.first = false;
    return this;
  }

  /** An unquoted field (numbers, or '' for NULL). */
  raw(s: string): this {
    this.line += this.first ? s : ',' + s;
    this.first = false;
    return this;
  }

  endLine(): void {
    const line = this.line + '\n';
    const max = line.length * 3;
    if (this.buf.length - this.pos < max) {
      if (this.pos > 0) this.blocks.push(this.buf.subarray(0, this.pos));
      this.buf = Buffer.allocUnsafe(Math.max(BLOCK, max));
      this.pos = 0;
    }
    this.pos += this.buf.write(line, this.pos);
    this.line = '';
    this.first = true;
  }

  /** The written blocks, for one `RawTx.copyCsv` call. */
  finish(): Buffer[] {
    if (this.pos > 0) this.blocks.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.alloc(0);
    this.pos = 0;
    return this.blocks;
  }
}

/** Like toCopyCsv, as UTF-8 blocks for one `copyCsv` call. */
export function toCopyCsvChunks(rows: readonly (readonly unknown[])[]): Buffer[] {
  const w = new CopyCsvWriter();
  for (const r of rows) {
    for (let i = 0; i < r.length; i++) w.field(r[i]);
    w.endLine();
  }
  return w.finish();
}
