/**
 * Citizen identity numbers (公民身份号码, GB 11643-1999) — POLICY.md R9, R2, P44.
 * Pure: the reference date (`today`) is always passed in as 'YYYY-MM-DD'.
 */
import type { Decision, Violation } from '../errors.js';

export type Sex = 'M' | 'F';

export interface ParsedIdNumber {
  /** 18 characters, upper-case X. */
  idNumber: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
  /** Six-digit county code at the time of issue (may be historic, R9.5). */
  addressCode: string;
  provinceCode: string;
  /** The normalised 15-digit number this one was upgraded from (R9.6). */
  upgradedFrom15?: string;
}

export interface ParseIdNumberOptions {
  /** 'YYYY-MM-DD'; birth dates after it are refused (R9.2). */
  today: string;
  /** P44, default true: accept 15-digit legacy numbers and upgrade them. */
  acceptLegacy15?: boolean;
}

/** GB/T 2260 province-level codes (first two digits). */
export const PROVINCE_CODES: readonly string[] = [
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
];
const PROVINCES = new Set(PROVINCE_CODES);

export function isProvinceCode(code: string): boolean {
  return PROVINCES.has(code);
}

/** R9.2 platform choice. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const PATH = 'idNumber';

/** Whitespace of any kind, including U+3000, NBSP and zero-width characters. */
const ANY_SPACE = /[\s\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Trim, drop all inner whitespace, turn full-width digits and Ｘ/ｘ into ASCII and
 * upper-case the check character. Numbers become their decimal text; other types ''.
 */
export function normaliseIdNumberInput(raw: unknown): string {
  if (typeof raw === 'number' || typeof raw === 'bigint') return String(raw);
  if (typeof raw !== 'string') return '';
  return raw
    .replace(ANY_SPACE, '')
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF38\uFF58x]/g, 'X');
}

/** R9.4: the 18th character for a 17-digit body. */
export function computeIdCheckChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new RangeError(`computeIdCheckChar: expected 17 digits, got '${body17}'`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** R9.6: insert '19' before the YYMMDD date and append the R9.4 check character. */
export function upgradeLegacyIdNumber(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new RangeError(`upgradeLegacyIdNumber: expected 15 digits, got '${id15}'`);
  const body = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return body + computeIdCheckChar(body);
}

/** Excel keeps 15 significant digits: '6.30102E+17', '6.30102198001010E+17'. */
const SCIENTIFIC = /^[+-]?\d+(\.\d+)?E[+-]?\d+$/i;

export function parseIdNumber(raw: unknown, opts: ParseIdNumberOptions): Decision<ParsedIdNumber> {
  assertIsoDate(opts.today, 'today');
  const fail = (code: string, params?: Violation['params']): Decision<ParsedIdNumber> => ({
    ok: false,
    violations: [params ? { path: PATH, code, params } : { path: PATH, code }],
  });

  if (raw === null || raw === undefined) return fail('ID_NUMBER_REQUIRED');
  // A number cell has already been rounded to a double (and by Excel to 15 digits).
  if (typeof raw === 'number') return fail('ID_NUMBER_PRECISION_LOST');
  if (typeof raw !== 'string' && typeof raw !== 'bigint') return fail('ID_NUMBER_CHARS');

  const text = normaliseIdNumberInput(raw);
  if (text === '') return fail('ID_NUMBER_REQUIRED');
  if (SCIENTIFIC.test(text)) return fail('ID_NUMBER_PRECISION_LOST');
  const allDigits = /^\d+$/.test(text);
  if (allDigits && text.length >= 16 && text.length <= 17 && text.endsWith('000')) {
    return fail('ID_NUMBER_PRECISION_LOST');
  }

  if (/[^\dX]/.test(text)) return fail('ID_NUMBER_CHARS');

  let idNumber: string;
  let upgradedFrom15: string | undefined;
  if (text.length === 18) {
    if (!/^\d{17}[\dX]$/.test(text)) return fail('ID_NUMBER_CHARS');
    idNumber = text;
  } else if (text.length === 15 && (opts.acceptLegacy15 ?? true)) {
    if (!allDigits) return fail('ID_NUMBER_CHARS');
    idNumber = upgradeLegacyIdNumber(text);
    upgradedFrom15 = text;
  } else {
    return fail('ID_NUMBER_LENGTH', { length: text.length });
  }

  const body = idNumber.slice(0, 17);
  const expected = computeIdCheckChar(body);
  // 18 digits ending in 000 with a wrong check character: the tail was zeroed by Excel.
  if (expected !== idNumber[17] && idNumber.endsWith('000')) return fail('ID_NUMBER_PRECISION_LOST');

  const violations: Violation[] = [];
  const provinceCode = idNumber.slice(0, 2);
  if (!PROVINCES.has(provinceCode)) violations.push({ path: PATH, code: 'ID_NUMBER_PROVINCE', params: { provinceCode } });

  const ymd = idNumber.slice(6, 14);
  const birthDate = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
  if (!isIsoDate(birthDate) || birthDate > opts.today || birthDate < EARLIEST_BIRTH_DATE) {
    violations.push({ path: PATH, code: 'ID_NUMBER_BIRTH_DATE', params: { birthDate: ymd } });
  }

  // A legacy number has no check character of its own: the upgrade computed it.
  if (expected !== idNumber[17]) violations.push({ path: PATH, code: 'ID_NUMBER_CHECK', params: { expected } });

  if (violations.length > 0) return { ok: false, violations };
  const value: ParsedIdNumber = {
    idNumber,
    birthDate,
    sex: Number(idNumber[16]) % 2 === 1 ? 'M' : 'F',
    addressCode: idNumber.slice(0, 6),
    provinceCode,
  };
  if (upgradedFrom15 !== undefined) value.upgradedFrom15 = upgradedFrom15;
  return { ok: true, value };
}

/** Compare what an operator entered with what the identity number says (R9.2, R9.3). */
export function checkIdAgainstEntered(
  parsed: Pick<ParsedIdNumber, 'birthDate' | 'sex'>,
  entered: { birthDate?: string | null; sex?: Sex | null },
): Violation[] {
  const out: Violation[] = [];
  if (entered.birthDate != null && entered.birthDate !== parsed.birthDate) {
    out.push({ path: 'birthDate', code: 'ID_NUMBER_BIRTH_MISMATCH', params: { expected: parsed.birthDate, entered: entered.birthDate } });
  }
  if (entered.sex != null && entered.sex !== parsed.sex) {
    out.push({ path: 'sex', code: 'ID_NUMBER_SEX_MISMATCH', params: { expected: parsed.sex, entered: entered.sex } });
  }
  return out;
}

/**
 * R2: age in full years (周岁) on `refDate`. A person reaches age N on the N-th birthday;
 * someone born on 29 February reaches it on 1 March in non-leap years. Negative when
 * `refDate` is before `birthDate`.
 */
export function ageOn(birthDate: string, refDate: string): number {
  assertIsoDate(birthDate, 'birthDate');
  assertIsoDate(refDate, 'refDate');
  const age = Number(refDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // Month-day strings compare correctly; '02-29' > '02-28', so the birthday counts from 1 March.
  return refDate.slice(5) < birthDate.slice(5) ? age - 1 : age;
}

/** Build a valid 18-character number (demo data and tests). `sequence` 0..999; its last digit sets the sex. */
export function generateIdNumber(addressCode: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(addressCode)) throw new RangeError(`generateIdNumber: bad address code '${addressCode}'`);
  assertIsoDate(birthDate, 'birthDate');
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`generateIdNumber: sequence must be an integer 0..999, got ${sequence}`);
  }
  const body = addressCode + birthDate.replace(/-/g, '') + String(sequence).padStart(3, '0');
  return body + computeIdCheckChar(body);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The `n` decimal digits of `s` from `at` as a number, or -1 if one is not a digit. */
function digitsAt(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * A real calendar date written 'YYYY-MM-DD'. Written without a regular expression or arrays:
 * the engine checks each member's birth date every time it works out an age, twice per
 * household in a batch run (≈ 3 % of a full-scale what-if's Node.js time before).
 */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false;
  const y = digitsAt(v, 0, 4);
  const mo = digitsAt(v, 5, 2);
  const d = digitsAt(v, 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]!);
}

function assertIsoDate(s: string, name: string): void {
  if (!isIsoDate(s)) throw new RangeError(`${name} must be a valid 'YYYY-MM-DD' date, got '${s}'`);
}
