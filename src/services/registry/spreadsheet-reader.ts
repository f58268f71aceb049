/**
 * Streaming readers for uploaded spreadsheets (stack-notes §6): exceljs'
 * stream.xlsx.WorkbookReader for .xlsx (never the non-streaming API, which needs 0.5–1 GB
 * for 100 k rows) and csv-parse for .csv (UTF-8 with or without BOM, or GB18030/GBK as
 * Excel on a Chinese Windows saves it). Rows come out one at a time with their row number
 * as Excel shows it; cell values are left as the libraries deliver them (cell-values.ts
 * understands them).
 */
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import { AppError } from '../../domain/errors.js';

export interface SheetRow {
  /** 1-based, as Excel shows it. */
  rowNo: number;
  /** Cell values, 0-based (column A is index 0); missing cells are undefined. */
  values: unknown[];
}

export type SpreadsheetFormat = 'xlsx' | 'csv';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Format from the file name; the content must agree (an .xls renamed to .xlsx is refused). */
export function spreadsheetFormatOf(fileName: string, content: Buffer): SpreadsheetFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) {
    if (!content.subarray(0, 4).equals(ZIP_MAGIC)) throw new AppError('IMPORT_FILE_TYPE', { message: 'not an xlsx (zip) file' });
    return 'xlsx';
  }
  if (lower.endsWith('.csv')) {
    if (content.subarray(0, 4).equals(ZIP_MAGIC) || content.subarray(0, 4).equals(OLE_MAGIC)) {
      throw new AppError('IMPORT_FILE_TYPE', { message: 'a workbook named .csv' });
    }
    return 'csv';
  }
  throw new AppError('IMPORT_FILE_TYPE', { message: `unsupported file type: ${fileName}` });
}

/**
 * Rows of the sheet(s) in order, in batches (one per parsed chunk, so that a large file
 * costs one await per batch, not per row). xlsx: every worksheet in turn; the caller stops
 * when it has what it needs.
 */
export function readSpreadsheetRows(fileName: string, content: Buffer): AsyncGenerator<SheetRow[]> {
  return spreadsheetFormatOf(fileName, content) === 'xlsx' ? readXlsxRows(content) : readCsvRows(content);
}

interface ExcelRowLike {
  number: number;
  values: unknown;
}

/** The parts of exceljs' WorkbookReader that feed XML entries to its SAX parser (lib/stream/xlsx/workbook-reader.js). */
interface WorkbookReaderInternals extends AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader> {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}
type WorkbookReaderClass = new (input: Readable, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>) => WorkbookReaderInternals;

/** Decode a byte stream as UTF-8 across chunk boundaries. */
async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const s = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (s) yield s;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/**
 * exceljs 4.4 decodes every inflated chunk of the sheet XML on its own (utils/parse-sax.js),
 * so a Chinese character split across two chunks turns into '��' — in any large sheet with
 * Chinese text. It passes string chunks through untouched, so this reader hands it text
 * decoded with a streaming decoder (setEncoding for entries, a TextDecoder for sheets).
 */
class Utf8WorkbookReader extends (ExcelJS.stream.xlsx.WorkbookReader as unknown as WorkbookReaderClass) {
  override _parseRels(entry: Readable) {
    entry.setEncoding('utf8');
    return super._parseRels(entry);
  }
  override _parseWorkbook(entry: Readable) {
    entry.setEncoding('utf8');
    return super._parseWorkbook(entry);
  }
  override _parseStyles(entry: Readable) {
    entry.setEncoding('utf8');
    return super._parseStyles(entry);
  }
  override _parseSharedStrings(entry: Readable) {
    entry.setEncoding('utf8');
    return super._parseSharedStrings(entry);
  }
  override _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
    return super._parseWorksheet(utf8Text(iterator), sheetNo);
  }
}

/** Worksheets of an xlsx, each as an async sequence of row batches. */
export async function* readXlsxSheets(content: Buffer): AsyncGenerator<AsyncGenerator<SheetRow[]>> {
  const reader = new Utf8WorkbookReader(Readable.from([content]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell exceljs which numbers are dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      yield (async function* () {
        // parse() hands over the rows of each parsed chunk together.
        const events$ = { [Symbol.asyncIterator]: () => sheet.parse() } as AsyncIterable<Array<{ eventType: string; value: unknown }>>;
        for await (const events of events$) {
          const batch: SheetRow[] = [];
          for (const e of events) {
            if (e.eventType !== 'row') continue;
            const row = e.value as ExcelRowLike;
            const values = row.values;
            batch.push({ rowNo: row.number, values: Array.isArray(values) ? values.slice(1) : [] });
          }
          if (batch.length > 0) yield batch;
        }
      })();
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('IMPORT_FILE_UNREADABLE', { message: 'xlsx could not be read', cause: e });
  }
}

async function* readXlsxRows(content: Buffer): AsyncGenerator<SheetRow[]> {
  for await (const sheet of readXlsxSheets(content)) {
    try {
      yield* sheet;
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('IMPORT_FILE_UNREADABLE', { message: 'xlsx worksheet could not be read', cause: e });
    }
  }
}

/** 'utf-8' when the bytes are valid UTF-8 (BOM or not), else GB18030 (a superset of GBK/GB2312). */
export function detectCsvEncoding(content: Buffer): 'utf-8' | 'gb18030' {
  return isUtf8(content) ? 'utf-8' : 'gb18030';
}

/** ~256 KB: about a thousand rows per batch, so progress is reported about every thousand rows. */
const CHUNK = 1 << 18;

/** UTF-8 chunks of the file (csv-parse works on UTF-8 bytes); GB18030 is decoded and re-encoded. */
function* utf8Chunks(content: Buffer): Generator<Buffer> {
  if (detectCsvEncoding(content) === 'utf-8') {
    for (let i = 0; i < content.length; i += CHUNK) yield content.subarray(i, i + CHUNK);
    return;
  }
  const decoder = new TextDecoder('gb18030');
  for (let i = 0; i < content.length; i += CHUNK) {
    const s = decoder.decode(content.subarray(i, i + CHUNK), { stream: true });
    if (s) yield Buffer.from(s, 'utf8');
  }
  const tail = decoder.decode();
  if (tail) yield Buffer.from(tail, 'utf8');
}

async function* readCsvRows(content: Buffer): AsyncGenerator<SheetRow[]> {
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  let rowNo = 0;
  let batch: SheetRow[] = [];
  let error: unknown = null;
  parser.on('data', (values: string[]) => {
    rowNo += 1;
    batch.push({ rowNo, values });
  });
  const ended = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('error', (e) => {
      error = e;
      resolve();
    });
  });
  const fail = () => new AppError('IMPORT_FILE_UNREADABLE', { message: `csv could not be parsed near row ${rowNo + 1}`, cause: error });
  for (const chunk of utf8Chunks(content)) {
    parser.write(chunk);
    // Let the parser hand over the records of this chunk.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (error) throw fail();
    if (batch.length > 0) {
      const out = batch;
      batch = [];
      yield out;
    }
  }
  parser.end();
  await ended;
  if (error) throw fail();
  if (batch.length > 0) yield batch;
}
