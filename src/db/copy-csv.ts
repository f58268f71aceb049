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
