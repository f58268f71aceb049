import { describe, expect, it } from 'vitest';
import { formatMessage } from '../messages.zh-CN.js';
import {
  cellText,
  normaliseHeader,
  parseBooleanCell,
  parseDateCell,
  parseIntegerCell,
  parseMoneyCell,
  parsePhoneCell,
} from './cell-values.js';

const utc = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h));

describe('cellText', () => {
  it.each<[string, unknown, string]>([
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['string trimmed', '  张三 ', '张三'],
    ['full-width space and NBSP trimmed', '\u3000张三\u00A0', '张三'],
    ['zero-width space trimmed', '\u200B张三\uFEFF', '张三'],
    ['inner spaces kept', '张 三', '张 三'],
    ['number', 42, '42'],
    ['large number', 630102198001010000, '630102198001010000'],
    ['boolean', true, 'true'],
    ['Date at UTC midnight', utc(1980, 1, 1), '1980-01-01'],
    ['Date with a time', utc(1980, 1, 1, 8), '1980-01-01T08:00:00.000Z'],
    ['exceljs rich text', { richText: [{ text: ' 张' }, { font: { bold: true }, text: '三 ' }] }, '张三'],
    ['exceljs formula result', { formula: 'A1&B1', result: ' 城东区 ' }, '城东区'],
    ['exceljs shared formula result', { sharedFormula: 'C2', result: 12 }, '12'],
    ['exceljs formula without result', { formula: 'A1' }, ''],
    ['exceljs hyperlink', { text: 'a@b.cn', hyperlink: 'mailto:a@b.cn' }, 'a@b.cn'],
    ['exceljs hyperlink with rich text', { text: { richText: [{ text: '链接' }] }, hyperlink: 'https://x' }, '链接'],
    ['exceljs error', { error: '#N/A' }, '#N/A'],
    ['formula resulting in error', { formula: '1/0', result: { error: '#DIV/0!' } }, '#DIV/0!'],
    ['unknown object', { foo: 1 }, ''],
  ])('%s', (_name, value, expected) => {
    expect(cellText(value)).toBe(expected);
  });
});

describe('parseDateCell', () => {
  it.each<[string, unknown, string]>([
    ['Excel serial 29221 = 1980-01-01', 29221, '1980-01-01'],
    ['Excel serial 1 = 1900-01-01', 1, '1900-01-01'],
    ['Excel serial 59 = 1900-02-28', 59, '1900-02-28'],
    ['Excel serial 61 = 1900-03-01 (leap-year bug)', 61, '1900-03-01'],
    ['Excel serial 44197 = 2021-01-01', 44197, '2021-01-01'],
    ['Excel serial 2958465 = 9999-12-31', 2958465, '9999-12-31'],
    ['Excel serial with time fraction', 29221.75, '1980-01-01'],
    ['number 19800101', 19800101, '1980-01-01'],
    ['JS Date at UTC midnight (exceljs)', utc(1980, 1, 1), '1980-01-01'],
    ['JS Date uses UTC fields', utc(1980, 1, 1, 23), '1980-01-01'],
    ['JS Date 29 Feb', utc(2000, 2, 29), '2000-02-29'],
    ['1980-01-01', '1980-01-01', '1980-01-01'],
    ['1980/1/1', '1980/1/1', '1980-01-01'],
    ['1980.1.1', '1980.1.1', '1980-01-01'],
    ['1980-1-31', '1980-1-31', '1980-01-31'],
    ['19800101', '19800101', '1980-01-01'],
    ['1980年1月1日', '1980年1月1日', '1980-01-01'],
    ['1980年01月01日', '1980年01月01日', '1980-01-01'],
    ['1980年1月1号', '1980年1月1号', '1980-01-01'],
    ['1980年1月1 (no 日)', '1980年1月1', '1980-01-01'],
    ['1980 年 1 月 1 日 (spaced)', '1980 年 1 月 1 日', '1980-01-01'],
    ['surrounding spaces', '  1980-01-01 ', '1980-01-01'],
    ['full-width space', '\u30001980/1/1\u3000', '1980-01-01'],
    ['full-width digits', '１９８０年１月１日', '1980-01-01'],
    ['full-width digits and separators', '１９８０－０１－０１', '1980-01-01'],
    ['full-width 8 digits', '１９８００１０１', '1980-01-01'],
    ['with time of day', '1980-01-01 00:00:00', '1980-01-01'],
    ['ISO timestamp', '1980-01-01T00:00:00.000Z', '1980-01-01'],
    ['leap day string', '2000-02-29', '2000-02-29'],
    ['exceljs formula result serial', { formula: 'DATE(1980,1,1)', result: 29221 }, '1980-01-01'],
    ['exceljs formula result Date', { formula: 'A1', result: utc(1980, 1, 1) }, '1980-01-01'],
    ['exceljs rich text', { richText: [{ text: '1980年' }, { text: '1月1日' }] }, '1980-01-01'],
  ])('%s', (_name, value, expected) => {
    expect(parseDateCell(value)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown, string]>([
    ['Excel serial 60 (fictitious 1900-02-29)', 60, '60'],
    ['Excel serial 0', 0, '0'],
    ['negative serial', -1, '-1'],
    ['serial past 9999-12-31', 2958466, '2958466'],
    ['NaN', Number.NaN, 'NaN'],
    ['19800230 number', 19800230, '19800230'],
    ['19800230 string', '19800230', '19800230'],
    ['1980-02-30', '1980-02-30', '1980-02-30'],
    ['1900-02-29 (not leap)', '1900-02-29', '1900-02-29'],
    ['2021-02-29', '2021-02-29', '2021-02-29'],
    ['month 13', '1980/13/1', '1980/13/1'],
    ['mixed separators', '1980-1/1', '1980-1/1'],
    ['two-digit year', '80-1-1', '80-1-1'],
    ['words', '不详', '不详'],
    ['empty', '', ''],
    ['null', null, ''],
    ['boolean', true, 'true'],
    ['invalid Date', new Date(Number.NaN), 'Invalid Date'],
    ['exceljs error', { error: '#VALUE!' }, '#VALUE!'],
  ])('refuses %s', (_name, value, shown) => {
    expect(parseDateCell(value, 'birthDate')).toEqual({
      ok: false,
      violations: [{ path: 'birthDate', code: 'CELL_DATE_INVALID', params: { value: shown } }],
    });
  });
});

describe('parseMoneyCell', () => {
  it.each<[string, unknown, number]>([
    ['§0.3 number yuan', 12, 1200],
    ['§0.3 number with 2 decimals', 12.34, 1234],
    ['§0.3 number with 1 decimal', 1234.5, 123450],
    ['§0.3 float noise from a formula (0.1+0.2)', 0.1 + 0.2, 30],
    ['§0.3 float noise 1234.56*3', 1234.56 * 3, 370368],
    ['§0.3 zero', 0, 0],
    ['§0.3 negative zero', -0, 0],
    ['§0.3 string 1,234.56', '1,234.56', 123456],
    ['§0.3 string 1234.5元', '1234.5元', 123450],
    ['§0.3 string ¥12', '¥12', 1200],
    ['§0.3 full-width ￥ and spaces', ' ￥ 12 ', 1200],
    ['§0.3 RMB prefix', 'RMB 450', 45000],
    ['§0.3 full-width digits and comma', '１，２３４．５６', 123456],
    ['§0.3 trailing zeros beyond 2 decimals', '12.3400', 1234],
    ['§0.3 leading zeros', '007.50', 750],
    ['§0.3 dot without integer', '.5', 50],
    ['§0.3 dot without fraction', '5.', 500],
    ['§0.3 large exact amount', '9999999999999.99', 999999999999999],
    ['§0.3 plus sign', '+12', 1200],
    ['§0.3 minus zero string', '-0.00', 0],
    ['exceljs formula result', { formula: 'B2*12', result: 5400 }, 540000],
    ['exceljs rich text', { richText: [{ text: '450' }, { text: '元' }] }, 45000],
  ])('%s', (_name, value, fen) => {
    expect(parseMoneyCell(value)).toEqual({ ok: true, value: fen });
  });

  it.each<[string, unknown, string]>([
    ['§0.3 number 12.345', 12.345, 'CELL_MONEY_PRECISION'],
    ['§0.3 string 12.345', '12.345', 'CELL_MONEY_PRECISION'],
    ['§0.3 tiny number', 1e-9, 'CELL_MONEY_PRECISION'],
    ['§0.3 string 0.001元', '0.001元', 'CELL_MONEY_PRECISION'],
    ['§0.3 negative number', -5, 'CELL_MONEY_NEGATIVE'],
    ['§0.3 negative string', '-5.00', 'CELL_MONEY_NEGATIVE'],
    ['§0.3 negative with currency first', '¥-5', 'CELL_MONEY_NEGATIVE'],
    ['§0.3 negative before currency', '-¥5', 'CELL_MONEY_NEGATIVE'],
    ['§0.3 unicode minus', '\u22125', 'CELL_MONEY_NEGATIVE'],
    ['garbage', '约五百元', 'CELL_MONEY_INVALID'],
    ['empty', '', 'CELL_MONEY_INVALID'],
    ['null', null, 'CELL_MONEY_INVALID'],
    ['bad grouping 12,34', '12,34', 'CELL_MONEY_INVALID'],
    ['two dots', '1.2.3', 'CELL_MONEY_INVALID'],
    ['only a dot', '.', 'CELL_MONEY_INVALID'],
    ['万 unit', '1.2万', 'CELL_MONEY_INVALID'],
    ['too large string', '99999999999999', 'CELL_MONEY_INVALID'],
    ['too large number', 1e20, 'CELL_MONEY_INVALID'],
    ['Infinity', Number.POSITIVE_INFINITY, 'CELL_MONEY_INVALID'],
    ['boolean', true, 'CELL_MONEY_INVALID'],
    ['Date', utc(2021, 1, 1), 'CELL_MONEY_INVALID'],
  ])('refuses %s', (_name, value, code) => {
    const r = parseMoneyCell(value, 'income');
    expect(r).toEqual({ ok: false, violations: [{ path: 'income', code, params: { value: cellText(value) } }] });
  });
});

describe('parseIntegerCell', () => {
  it.each<[string, unknown, number]>([
    ['number', 3, 3],
    ['number 3.0', 3.0, 3],
    ['float noise', 0.1 * 30, 3],
    ['negative number', -2, -2],
    ['string', ' 12 ', 12],
    ['full-width', '１２', 12],
    ['grouped', '1,200', 1200],
    ['trailing .0', '7.0', 7],
    ['negative string', '-3', -3],
    ['minus zero', '-0', 0],
    ['formula result', { formula: 'A1+1', result: 4 }, 4],
  ])('%s', (_name, value, n) => {
    expect(parseIntegerCell(value)).toEqual({ ok: true, value: n });
  });

  it.each<[string, unknown]>([
    ['fraction', 3.5],
    ['fraction string', '3.5'],
    ['empty', ''],
    ['null', null],
    ['words', '三'],
    ['unsafe', '99999999999999999'],
    ['NaN', Number.NaN],
    ['boolean', false],
  ])('refuses %s', (_name, value) => {
    expect(parseIntegerCell(value, 'size')).toEqual({
      ok: false,
      violations: [{ path: 'size', code: 'CELL_INTEGER_INVALID', params: { value: cellText(value) } }],
    });
  });
});

describe('parseBooleanCell', () => {
  it.each<[string, unknown, boolean]>([
    ['是', '是', true],
    ['否', '否', false],
    ['有', '有', true],
    ['无', '无', false],
    ['Y', 'Y', true],
    ['N', 'N', false],
    ['y', 'y', true],
    ['n', ' n ', false],
    ['Yes', 'Yes', true],
    ['NO', 'NO', false],
    ['"1"', '1', true],
    ['"0"', '0', false],
    ['true', 'true', true],
    ['FALSE', 'FALSE', false],
    ['full-width Ｙ', 'Ｙ', true],
    ['boolean true', true, true],
    ['boolean false', false, false],
    ['number 1', 1, true],
    ['number 0', 0, false],
    ['formula result', { formula: 'A1>0', result: true }, true],
  ])('%s', (_name, value, b) => {
    expect(parseBooleanCell(value)).toEqual({ ok: true, value: b });
  });

  it.each<[string, unknown]>([
    ['empty', ''],
    ['null', null],
    ['2', 2],
    ['不详', '不详'],
    ['maybe', 'maybe'],
  ])('refuses %s', (_name, value) => {
    expect(parseBooleanCell(value, 'flag')).toEqual({
      ok: false,
      violations: [{ path: 'flag', code: 'CELL_BOOLEAN_INVALID', params: { value: cellText(value) } }],
    });
  });
});

describe('normaliseHeader', () => {
  it.each([
    ['trims', '  姓名 ', '姓名'],
    ['inner whitespace and line breaks', '身份\n证 号', '身份证号'],
    ['full-width space', '姓\u3000名', '姓名'],
    ['trailing *', '姓名*', '姓名'],
    ['leading *', '*姓名', '姓名'],
    ['full-width ＊', '姓名＊', '姓名'],
    ['(必填)', '姓名(必填)', '姓名'],
    ['（必填）', '姓名（必填）', '姓名'],
    ['（必填） with spaces', '姓名 （ 必填 ）', '姓名'],
    ['* and (必填)', '姓名*（必填）', '姓名'],
    ['full-width parentheses kept as ASCII', '月收入（元）', '月收入(元)'],
    ['parenthesis inside kept', '户籍地址（县/区）*', '户籍地址(县/区)'],
    ['(必填) only at the end', '(必填)说明', '(必填)说明'],
  ])('%s', (_name, text, expected) => {
    expect(normaliseHeader(text)).toBe(expected);
  });
});

describe('parsePhoneCell', () => {
  it.each<[string, unknown, string]>([
    ['mobile', '13812345678', '13812345678'],
    ['mobile with spaces', '138 1234 5678', '13812345678'],
    ['mobile with hyphens', '138-1234-5678', '13812345678'],
    ['mobile as number', 13812345678, '13812345678'],
    ['mobile with +86', '+86 138 1234 5678', '13812345678'],
    ['mobile with 86', '8613812345678', '13812345678'],
    ['mobile full-width', '１３８１２３４５６７８', '13812345678'],
    ['landline 0971-8123456', '0971-8123456', '09718123456'],
    ['landline 010-12345678', '010-12345678', '01012345678'],
    ['landline (0971)8123456', '(0971)8123456', '09718123456'],
    ['landline full-width parentheses', '（0971）8123456', '09718123456'],
    ['landline digits only', '09718123456', '09718123456'],
    ['landline with space', '0971 8123456', '09718123456'],
    ['formula result', { formula: 'A1', result: '13812345678' }, '13812345678'],
  ])('%s', (_name, value, digits) => {
    expect(parsePhoneCell(value)).toEqual({ ok: true, value: digits });
  });

  it.each<[string, unknown]>([
    ['10-digit mobile', '1381234567'],
    ['12-digit mobile', '138123456789'],
    ['local number without area code', '8123456'],
    ['landline lost its leading 0 as a number', 9718123456],
    ['area code without 0', '971-8123456'],
    ['local part too short', '0971-812345'],
    ['extension', '0971-8123456-801'],
    ['letters', '138abcd5678'],
    ['empty', ''],
    ['null', null],
    ['fractional number', 1381234567.8],
  ])('refuses %s', (_name, value) => {
    expect(parsePhoneCell(value, 'phone')).toEqual({
      ok: false,
      violations: [{ path: 'phone', code: 'CELL_PHONE_INVALID', params: { value: cellText(value) } }],
    });
  });
});

describe('zh-CN messages', () => {
  it.each([
    ['CELL_DATE_INVALID', parseDateCell('1980-02-30')],
    ['CELL_MONEY_INVALID', parseMoneyCell('abc')],
    ['CELL_MONEY_NEGATIVE', parseMoneyCell(-1)],
    ['CELL_MONEY_PRECISION', parseMoneyCell('1.234')],
    ['CELL_INTEGER_INVALID', parseIntegerCell('x')],
    ['CELL_BOOLEAN_INVALID', parseBooleanCell('x')],
    ['CELL_PHONE_INVALID', parsePhoneCell('x')],
  ])('%s has a message showing the value', (code, r) => {
    expect(r.ok).toBe(false);
    const v = r.ok ? undefined : r.violations[0];
    expect(v?.code).toBe(code);
    const text = formatMessage(code, v?.params);
    expect(text).not.toBe(formatMessage('INTERNAL'));
    expect(text).toContain(String(v?.params?.value));
  });
});
