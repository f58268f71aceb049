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

/** Lines per chunk of `toCopyCsvChunks`. */
const CHUNK_LINES = 2000;

/**
 * Like toCopyCsv, as UTF-8 chunks of whole lines for one `copyCsv` call. Each chunk is
 * encoded as soon as it is complete, so the concatenated strings die young instead of
 * piling up on the heap (a large import otherwise spends most of its time in GC).
 */
export function toCopyCsvChunks(rows: readonly (readonly unknown[])[]): Buffer[] {
  const chunks: Buffer[] = [];
  let out = '';
  let n = 0;
  for (const r of rows) {
    for (let i = 0; i < r.length; i++) out += (i ? ',' : '') + copyField(r[i]);
    out += '\n';
    if (++n === CHUNK_LINES) {
      chunks.push(Buffer.from(out));
      out = '';
      n = 0;
    }
  }
  if (out) chunks.push(Buffer.from(out));
  return chunks;
}
