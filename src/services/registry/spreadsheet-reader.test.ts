import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectCsvEncoding, readSpreadsheetRows, spreadsheetFormatOf, type SheetRow } from './spreadsheet-reader.js';

/** Distinct CJK strings, enough to make the sheet XML span many inflate chunks. */
function chineseRows(n: number): string[][] {
  const rows: string[][] = [['序号', '姓名', '住址']];
  for (let i = 0; i < n; i++) {
    const c = (k: number) => String.fromCharCode(0x4e00 + ((i * 7 + k * 131) % 20000));
    rows.push([String(i), `${c(1)}${c(2)}${c(3)}`, `青海省西宁市城东区${c(4)}${c(5)}路${i}号有劳动能力`]);
  }
  return rows;
}

async function readAll(fileName: string, content: Buffer): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const batch of readSpreadsheetRows(fileName, content)) out.push(...batch);
  return out;
}

async function streamedXlsx(rows: string[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => out.on('end', r));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('名单');
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

describe('readSpreadsheetRows', () => {
  const rows = chineseRows(4000);

  it('xlsx with shared strings (as Excel writes it): multi-byte characters survive chunk boundaries', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    for (const r of rows) ws.addRow(r);
    const got = await readAll('a.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(got.map((r) => r.values.map(String))).toEqual(rows);
    expect(got.map((r) => r.rowNo)).toEqual(rows.map((_, i) => i + 1));
  });

  it('xlsx with inline strings (streaming writer): multi-byte characters survive chunk boundaries', async () => {
    const got = await readAll('a.xlsx', await streamedXlsx(rows));
    expect(got.map((r) => r.values.map(String))).toEqual(rows);
  });

  it('csv in UTF-8 (with BOM), with quoted commas and line breaks, in many chunks', async () => {
    const text = '姓名,备注\r\n张三,"住址,含逗号"\r\n李四,"两\r\n行"\r\n';
    const utf8 = await readAll('a.csv', Buffer.from('\uFEFF' + text, 'utf8'));
    expect(utf8).toEqual([
      { rowNo: 1, values: ['姓名', '备注'] },
      { rowNo: 2, values: ['张三', '住址,含逗号'] },
      { rowNo: 3, values: ['李四', '两\r\n行'] },
    ]);
    const big = rows.map((r) => r.join(',')).join('\r\n');
    const got = await readAll('b.csv', Buffer.from(big, 'utf8'));
    expect(got.map((r) => r.values)).toEqual(rows);
  });

  it('detects the CSV encoding and refuses files that are not what their name says', () => {
    expect(detectCsvEncoding(Buffer.from('姓名', 'utf8'))).toBe('utf-8');
    expect(detectCsvEncoding(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]))).toBe('gb18030');
    expect(() => spreadsheetFormatOf('a.xlsx', Buffer.from('姓名,身份证号'))).toThrow(expect.objectContaining({ code: 'IMPORT_FILE_TYPE' }));
    expect(() => spreadsheetFormatOf('a.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).toThrow(expect.objectContaining({ code: 'IMPORT_FILE_TYPE' }));
    expect(spreadsheetFormatOf('名单.CSV', Buffer.from('a'))).toBe('csv');
  });

  it('a corrupt xlsx is IMPORT_FILE_UNREADABLE', async () => {
    const bad = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    await expect(readAll('bad.xlsx', bad)).rejects.toMatchObject({ code: 'IMPORT_FILE_UNREADABLE' });
  });
});
