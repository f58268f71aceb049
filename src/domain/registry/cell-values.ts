/**
 * Values from spreadsheet cells as exceljs delivers them (Date, number, string, boolean,
 * `{ richText: [{ text }] }`, formula `{ formula, result }`, hyperlink `{ text, hyperlink }`,
 * error `{ error }`) or as csv-parse delivers them (strings). Pure; no clock.
 *
 * Every parser takes an optional violation `path` (the caller knows the column); an empty
 * cell is refused with the parser's own code, so check emptiness first with
 * `cellText(v) === ''` when the column is optional or to report FIELD_REQUIRED instead.
 */
import type { Decision, Violation } from '../errors.js';

const EDGE_SPACE = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;
const ANY_SPACE = /[\s\u200B-\u200D\u2060\uFEFF]/g;
const PLAIN_ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Unwrap exceljs rich text, formula, hyperlink and error objects to a primitive or Date. */
function unwrapCell(value: unknown, depth = 0): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value;
  if (typeof value !== 'object' || depth > 4) return null;
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    return o.richText.map((run: unknown) => {
      const t = run && typeof run === 'object' ? (run as { text?: unknown }).text : undefined;
      return typeof t === 'string' ? t : '';
    }).join('');
  }
  if ('result' in o) return unwrapCell(o.result, depth + 1);
  if ('formula' in o || 'sharedFormula' in o) return null;
  if ('text' in o) return unwrapCell(o.text, depth + 1);
  if (typeof o.error === 'string') return o.error;
  return null;
}

/** Full-width ASCII forms (U+FF01–FF5E, incl. ０-９ （ ） ， ． －) and U+3000 to ASCII. */
function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isValidDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

function utcDateText(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** Flatten a cell to trimmed text; '' for empty. A Date at UTC midnight becomes 'YYYY-MM-DD'. */
export function cellText(value: unknown): string {
  const v = unwrapCell(value);
  if (v === null) return '';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return 'Invalid Date';
    return v.getTime() % 86_400_000 === 0 ? utcDateText(v) : v.toISOString();
  }
  return String(v).replace(EDGE_SPACE, '');
}

function invalid<T>(code: string, value: unknown, path: string): Decision<T> {
  const violation: Violation = { path, code, params: { value: cellText(value) } };
  return { ok: false, violations: [violation] };
}

// ---------------------------------------------------------------------------------------
// Dates

/** Last serial of the 1900 date system (9999-12-31). */
const MAX_EXCEL_SERIAL = 2_958_465;
const DAY_MS = 86_400_000;

/**
 * Dates: Excel serials (1900 system; serial 60 is Excel's fictitious 1900-02-29 and is
 * refused; a time fraction is dropped), JS Dates (UTC fields), numbers or strings written
 * YYYYMMDD, and strings '1980-01-01', '1980/1/1', '1980.1.1', '1980年1月1日' (full-width
 * digits and a trailing time of day allowed). Returns 'YYYY-MM-DD'.
 */
export function parseDateCell(value: unknown, path = ''): Decision<string> {
  const v = unwrapCell(value);
  const fail = (): Decision<string> => invalid('CELL_DATE_INVALID', value, path);
  const ok = (y: number, m: number, d: number): Decision<string> =>
    isValidDate(y, m, d) ? { ok: true, value: `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` } : fail();

  if (v instanceof Date) return Number.isNaN(v.getTime()) ? fail() : { ok: true, value: utcDateText(v) };

  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return fail();
    if (Number.isInteger(v) && v >= 10_000_101 && v <= 99_991_231) {
      return ok(Math.floor(v / 10_000), Math.floor(v / 100) % 100, v % 100);
    }
    const serial = Math.floor(v);
    if (serial < 1 || serial === 60 || serial > MAX_EXCEL_SERIAL) return fail();
    // Serials 1–59 count from 1899-12-31; from 61 on, Excel's phantom 29 Feb 1900 shifts them by one.
    const epoch = serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
    return { ok: true, value: utcDateText(new Date(epoch + serial * DAY_MS)) };
  }

  if (typeof v !== 'string') return fail();
  // Fast path for the common 'YYYY-MM-DD' (same result as the general parse below).
  if (v.length === 10 && PLAIN_ISO_DATE.test(v)) return ok(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10)));
  const s = toHalfWidth(v)
    .replace(EDGE_SPACE, '')
    .replace(/(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)$/, '')
    .replace(ANY_SPACE, '');
  let m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(s);
  if (m) return ok(Number(m[1]), Number(m[3]), Number(m[4]));
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/.exec(s);
  if (m) return ok(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return ok(Number(m[1]), Number(m[2]), Number(m[3]));
  return fail();
}

// ---------------------------------------------------------------------------------------
// Numbers

/**
 * Decimal text of a number as Excel shows it (15 significant digits), so 0.1+0.2 from a
 * formula reads '0.3'. Null when it would need an exponent (|n| ≥ 1e15 or < 1e-6).
 */
function numberToDecimalText(n: number): string | null {
  if (n === 0) return '0';
  const p = Math.abs(n).toPrecision(15);
  if (p.includes('e')) return null;
  return (n < 0 ? '-' : '') + p;
}

interface DecimalParts {
  negative: boolean;
  intDigits: string;
  /** Fraction digits with trailing zeros removed. */
  fracDigits: string;
}

/** Sign, digits with optional valid thousands grouping, optional fraction. Null when malformed. */
function parseDecimalText(text: string): DecimalParts | null {
  let s = text.replace(/\u2212/g, '-');
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  if (s.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) return null;
    s = s.replace(/,/g, '');
  }
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return null;
  return {
    negative,
    intDigits: (m[1] ?? '').replace(/^0+/, ''),
    fracDigits: (m[2] ?? '').replace(/0+$/, ''),
  };
}

/** Largest amount accepted: 13 integer digits of yuan keeps fen a safe integer. */
const MAX_YUAN_DIGITS = 13;

/**
 * Money in yuan → integer fen (POLICY §0.3). Accepts numbers and strings such as
 * '1,234.56', '1234.5元', '¥12', ' ￥ 12 '. More than two decimals → CELL_MONEY_PRECISION,
 * below zero → CELL_MONEY_NEGATIVE, anything else unreadable → CELL_MONEY_INVALID.
 * Strings are converted digit by digit, never through floating point.
 */
export function parseMoneyCell(value: unknown, path = ''): Decision<number> {
  const v = unwrapCell(value);
  let text: string;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return invalid('CELL_MONEY_INVALID', value, path);
    if (v < 0) return invalid('CELL_MONEY_NEGATIVE', value, path);
    const t = numberToDecimalText(v);
    if (t === null) return invalid(v < 1 ? 'CELL_MONEY_PRECISION' : 'CELL_MONEY_INVALID', value, path);
    text = t;
  } else if (typeof v === 'string') {
    text = toHalfWidth(v).replace(/\uFFE5/g, '¥').replace(ANY_SPACE, '').replace(/\u2212/g, '-');
    // Sign may stand before or after the currency mark: '-¥12', '¥-12'.
    const sign = /^[-+]/.test(text) ? text[0]! : '';
    text = text.slice(sign.length).replace(/^(?:¥|RMB|CNY)/i, '').replace(/元$/, '');
    text = sign + text;
  } else {
    return invalid('CELL_MONEY_INVALID', value, path);
  }
  const parts = parseDecimalText(text);
  if (parts === null || parts.intDigits.length > MAX_YUAN_DIGITS) return invalid('CELL_MONEY_INVALID', value, path);
  if (parts.negative && (parts.intDigits !== '' || parts.fracDigits !== '')) return invalid('CELL_MONEY_NEGATIVE', value, path);
  if (parts.fracDigits.length > 2) return invalid('CELL_MONEY_PRECISION', value, path);
  const fen = Number(parts.intDigits || '0') * 100 + Number(parts.fracDigits.padEnd(2, '0'));
  return { ok: true, value: fen };
}

/** Whole numbers: safe integers, strings like '12', '-3', '1,200', '５', '7.0'. Code CELL_INTEGER_INVALID. */
export function parseIntegerCell(value: unknown, path = ''): Decision<number> {
  const v = unwrapCell(value);
  let text: string | null;
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v)) return { ok: true, value: v === 0 ? 0 : v };
    text = Number.isFinite(v) ? numberToDecimalText(v) : null;
  } else if (typeof v === 'string') {
    text = toHalfWidth(v).replace(ANY_SPACE, '');
  } else {
    text = null;
  }
  const parts = text === null ? null : parseDecimalText(text);
  if (parts === null || parts.fracDigits !== '') return invalid('CELL_INTEGER_INVALID', value, path);
  const n = Number(parts.intDigits || '0');
  if (!Number.isSafeInteger(n)) return invalid('CELL_INTEGER_INVALID', value, path);
  return { ok: true, value: parts.negative && n !== 0 ? -n : n };
}

const TRUE_WORDS = new Set(['是', '有', 'y', 'yes', '1', 'true']);
const FALSE_WORDS = new Set(['否', '无', 'n', 'no', '0', 'false']);

/** 是/否, 有/无, Y/N, yes/no, 1/0, true/false (any case), booleans and the numbers 1/0. Code CELL_BOOLEAN_INVALID. */
export function parseBooleanCell(value: unknown, path = ''): Decision<boolean> {
  const v = unwrapCell(value);
  if (typeof v === 'boolean') return { ok: true, value: v };
  if (v === 1 || v === 0) return { ok: true, value: v === 1 };
  if (typeof v === 'string') {
    const s = toHalfWidth(v).replace(ANY_SPACE, '').toLowerCase();
    if (TRUE_WORDS.has(s)) return { ok: true, value: true };
    if (FALSE_WORDS.has(s)) return { ok: true, value: false };
  }
  return invalid('CELL_BOOLEAN_INVALID', value, path);
}

// ---------------------------------------------------------------------------------------
// Headers and phone numbers

const REQUIRED_MARK = /^\*+|\*+$|\(必填\)$/g;

/**
 * Header text for matching column names: full-width forms to ASCII (so '（）' → '()'),
 * all whitespace removed (line breaks too), and required markers dropped: a leading or
 * trailing '*' and a trailing '(必填)'.
 */
export function normaliseHeader(text: string): string {
  let s = toHalfWidth(text).replace(ANY_SPACE, '');
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(REQUIRED_MARK, '');
  }
  return s;
}

/**
 * Phone numbers → digits only. Mobile: 11 digits starting with 1, in any grouping
 * ('138 1234 5678', '138-1234-5678', '+86 138…', a number cell). Landline: area code
 * 0 + 2–3 digits and a 7–8 digit local number ('0971-8123456', '(0971)8123456',
 * '09718123456'). Code CELL_PHONE_INVALID.
 */
export function parsePhoneCell(value: unknown, path = ''): Decision<string> {
  const v = unwrapCell(value);
  const fail = (): Decision<string> => invalid('CELL_PHONE_INVALID', value, path);
  let s: string;
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v < 0) return fail();
    s = String(v);
  } else if (typeof v === 'string') {
    s = toHalfWidth(v).replace(ANY_SPACE, '');
  } else {
    return fail();
  }
  s = s.replace(/^(?:\+86|0086)-?/, '');
  if (/^86-?1\d{2}-?\d{4}-?\d{4}$/.test(s)) s = s.replace(/^86-?/, '');

  const paren = /^\((0\d{2,3})\)-?(\d{7,8})$/.exec(s);
  if (paren) return { ok: true, value: paren[1]! + paren[2]! };
  if (!/^\d+(-\d+)*$/.test(s)) return fail();

  const digits = s.replace(/-/g, '');
  if (/^1\d{10}$/.test(digits)) return { ok: true, value: digits };
  const groups = s.split('-');
  if (groups.length === 1 && /^0\d{9,11}$/.test(digits)) return { ok: true, value: digits };
  if (groups.length === 2 && /^0\d{2,3}$/.test(groups[0]!) && /^\d{7,8}$/.test(groups[1]!)) return { ok: true, value: digits };
  return fail();
}
