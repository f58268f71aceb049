/**
 * Import files for tests: rows of cells → CSV (UTF-8 with BOM, or GB18030) or xlsx (the
 * non-streaming exceljs Workbook is fine for small test files), plus a multipart body for
 * POST /api/imports, and unique identity numbers / household numbers per test.
 */
import { randomBytes, randomInt } from 'node:crypto';
import ExcelJS from 'exceljs';
import { generateIdNumber } from '../../src/domain/registry/id-number.js';
import { IMPORT_COLUMNS } from '../../src/domain/registry/import.rules.js';

/** Villages of 城东区 (630102) from the seed. */
export const VILLAGE_A = '630102001001';
export const VILLAGE_B = '630102001004';
/** A village of 城中区 (630103), outside a 城东区 user's scope. */
export const VILLAGE_OTHER_COUNTY = '630103001003';

const usedIds = new Set<string>();

/** A valid identity number not used before in this process (random birth date and sequence). */
export function uniqueIdNumber(opts: { county?: string; sex?: 'M' | 'F' } = {}): string {
  for (;;) {
    const y = 1940 + randomInt(0, 65);
    const m = 1 + randomInt(0, 12);
    const d = 1 + randomInt(0, 28);
    let seq = randomInt(0, 1000);
    if (opts.sex) seq = (seq - (seq % 2)) + (opts.sex === 'M' ? 1 : 0);
    if (seq > 999) seq -= 2;
    const id = generateIdNumber(opts.county ?? '630102', `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, seq);
    if (!usedIds.has(id)) {
      usedIds.add(id);
      return id;
    }
  }
}

export function uniqueHouseholdNo(prefix = 'T'): string {
  return `${prefix}${randomBytes(5).toString('hex').toUpperCase()}`;
}

/** One row of the template as header → value. */
export type TemplateRow = Record<string, unknown>;

export const TEMPLATE_HEADERS: string[] = IMPORT_COLUMNS.map((c) => c.header);

/** A member row with sensible defaults (household head of a new household in VILLAGE_A). */
export function memberRow(over: TemplateRow = {}): TemplateRow {
  return {
    户编号: 'H',
    '村(社区)代码': VILLAGE_A,
    家庭住址: '东关大街1号',
    城乡类别: '城市',
    姓名: '张三',
    身份证号: uniqueIdNumber(),
    与户主关系: '户主',
    ...over,
  };
}

/** Rows → a sheet: header row (given headers, or the union of row keys in template order) then values. */
export function toGrid(rows: TemplateRow[], headers?: string[]): unknown[][] {
  const hs = headers ?? TEMPLATE_HEADERS.filter((h) => rows.some((r) => h in r));
  return [hs, ...rows.map((r) => hs.map((h) => r[h] ?? null))];
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(grid: unknown[][]): string {
  return grid.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** UTF-8 CSV (with BOM by default). */
export function csvFile(grid: unknown[][], opts: { bom?: boolean } = {}): Buffer {
  return Buffer.from((opts.bom ?? true ? '\uFEFF' : '') + csvText(grid), 'utf8');
}

/**
 * GB18030 CSV, as Excel on a Chinese Windows saves "CSV (逗号分隔)". Encoded by hand for the
 * characters the tests use (Node has a GB18030 decoder but no encoder).
 */
export function gbkCsvFile(grid: unknown[][]): Buffer {
  const text = csvText(grid);
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = GBK_TABLE.get(ch);
      if (!bytes) throw new Error(`gbkCsvFile: no GBK bytes for '${ch}' in the test table`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

let gbkTable: Map<string, number[]> | null = null;
/** Built once by decoding every two-byte GBK code with the platform's GB18030 decoder. */
const GBK_TABLE = {
  get(ch: string): number[] | undefined {
    if (!gbkTable) {
      gbkTable = new Map();
      const dec = new TextDecoder('gb18030');
      for (let hi = 0x81; hi <= 0xfe; hi++) {
        for (let lo = 0x40; lo <= 0xfe; lo++) {
          if (lo === 0x7f) continue;
          const s = dec.decode(Uint8Array.from([hi, lo]));
          if (s.length === 1 && s !== '\uFFFD' && !gbkTable.has(s)) gbkTable.set(s, [hi, lo]);
        }
      }
    }
    return gbkTable.get(ch);
  },
};

/**
 * xlsx with the non-streaming Workbook. `title` adds a merged title row above the header;
 * `trailingEmptyRows` adds formatted but empty rows at the end (as Excel leaves them).
 */
export async function xlsxFile(
  grid: unknown[][],
  opts: { title?: string; trailingEmptyRows?: number; sheetName?: string; textColumns?: string[] } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheetName ?? '名单');
  if (opts.title) {
    ws.addRow([opts.title]);
    ws.mergeCells(1, 1, 1, Math.max(2, grid[0]?.length ?? 2));
  }
  for (const r of grid) ws.addRow(r);
  const header = grid[0] as string[];
  for (const name of opts.textColumns ?? []) {
    const i = header.indexOf(name);
    if (i >= 0) ws.getColumn(i + 1).numFmt = '@';
  }
  for (let i = 0; i < (opts.trailingEmptyRows ?? 0); i++) {
    const row = ws.addRow([]);
    row.getCell(1).border = { top: { style: 'thin' } };
    row.getCell(2).value = '';
  }
  wb.addWorksheet('说明').addRow(['本页不是数据']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A multipart/form-data body with one file field, for app.inject. */
export function multipartFile(fileName: string, content: Buffer, field = 'file') {
  const boundary = `----jz${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
