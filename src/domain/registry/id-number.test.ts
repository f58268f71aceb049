import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Violation } from '../errors.js';
import { MESSAGES_ZH_CN } from '../messages.zh-CN.js';
import {
  PROVINCE_CODES,
  ageOn,
  checkIdAgainstEntered,
  computeIdCheckChar,
  generateIdNumber,
  isIsoDate,
  normaliseIdNumberInput,
  parseIdNumber,
  upgradeLegacyIdNumber,
} from './id-number.js';

const TODAY = '2021-06-30';
const opts = { today: TODAY };

/** T4: former 湟中县 630122, still on older numbers (R9.5). */
const HUANGZHONG_BODY = '63012219750615002';
const HUANGZHONG_ID = HUANGZHONG_BODY + computeIdCheckChar(HUANGZHONG_BODY);

describe('computeIdCheckChar', () => {
  it.each([
    ['R9.4 worked example 630102…', '63010219800101001', '9'],
    ['R9.4 standard sample gives X', '11010519491231002', 'X'],
    ['R9.4 r=1 gives 0', '63010219800101000', '0'],
    ['R9.4 29 Feb body', '63010219800229001', '6'],
  ])('%s', (_rule, body, check) => {
    expect(computeIdCheckChar(body)).toBe(check);
  });

  it.each([['16 digits', '6301021980010100'], ['letter', '6301021980010100A'], ['18 digits', '630102198001010019']])(
    'R9.4 refuses a body of %s',
    (_name, body) => {
      expect(() => computeIdCheckChar(body)).toThrow(RangeError);
    },
  );
});

describe('normaliseIdNumberInput', () => {
  it.each([
    ['R9.1 trims', '  630102198001010019 ', '630102198001010019'],
    ['R9.1 inner spaces', '630102 19800101 0019', '630102198001010019'],
    ['R9.1 full-width space, NBSP, tab', '630102\u300019800101\u00A00019\t', '630102198001010019'],
    ['R9.1 zero-width space', '\u200B630102198001010019', '630102198001010019'],
    ['R9.1 full-width digits', '６３０１０２１９８００１０１００１９', '630102198001010019'],
    ['R9.1 lower-case x', '11010519491231002x', '11010519491231002X'],
    ['R9.1 full-width Ｘ', '11010519491231002Ｘ', '11010519491231002X'],
    ['R9.1 full-width ｘ', '11010519491231002ｘ', '11010519491231002X'],
    ['number becomes text', 630102198001010000, '630102198001010000'],
    ['null is empty', null, ''],
    ['object is empty', { a: 1 }, ''],
  ])('%s', (_rule, raw, expected) => {
    expect(normaliseIdNumberInput(raw)).toBe(expected);
  });
});

describe('upgradeLegacyIdNumber', () => {
  it.each([
    ['R9.6 worked example', '630102800101001', '630102198001010019'],
    ['R9.6 standard sample', '110105491231002', '11010519491231002X'],
  ])('%s', (_rule, id15, id18) => {
    expect(upgradeLegacyIdNumber(id15)).toBe(id18);
  });

  it('R9.6 refuses anything but 15 digits', () => {
    expect(() => upgradeLegacyIdNumber('63010280010100')).toThrow(RangeError);
  });
});

describe('parseIdNumber accepts', () => {
  it.each([
    ['T1', '630102198001010019', { idNumber: '630102198001010019', birthDate: '1980-01-01', sex: 'M', addressCode: '630102', provinceCode: '63' }],
    ['R9 standard sample 11010519491231002X', '11010519491231002X', { idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'F', addressCode: '110105', provinceCode: '11' }],
    ['T3 lower-case x', '11010519491231002x', { idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'F' }],
    ['T4 historic county 630122 (R9.5)', HUANGZHONG_ID, { idNumber: HUANGZHONG_ID, addressCode: '630122', birthDate: '1975-06-15', sex: 'F' }],
    ['R9.1 full-width digits', '６３０１０２１９８００１０１００１９', { idNumber: '630102198001010019' }],
    ['R9.1 spaces', ' 630102 1980 0101 0019 ', { idNumber: '630102198001010019' }],
    ['R9.1 full-width space', '630102\u3000198001010019', { idNumber: '630102198001010019' }],
    ['R9.2 29 Feb in a leap year', '630102198002290016', { birthDate: '1980-02-29' }],
    ['R9.2 born today', generateIdNumber('630102', TODAY, 1), { birthDate: TODAY }],
    ['R9.2 born 1900-01-01', generateIdNumber('630102', '1900-01-01', 1), { birthDate: '1900-01-01' }],
    ['R9.3 even 17th digit is female', generateIdNumber('632801', '1990-05-05', 12), { sex: 'F' }],
    ['R9.5 address code not in any current table', generateIdNumber('639999', '1990-05-05', 1), { addressCode: '639999' }],
    ['R9 genuine number ending 000 (string)', '630102198001010000', { idNumber: '630102198001010000', sex: 'F' }],
    ['R9.6 legacy 15 digits upgraded (P44)', '630102800101001', { idNumber: '630102198001010019', birthDate: '1980-01-01', sex: 'M', upgradedFrom15: '630102800101001' }],
  ])('%s', (_rule, raw, expected) => {
    const r = parseIdNumber(raw, opts);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject(expected);
  });

  it('T1 has no upgradedFrom15 key', () => {
    const r = parseIdNumber('630102198001010019', opts);
    expect(r.ok && 'upgradedFrom15' in r.value).toBe(false);
  });
});

describe('parseIdNumber refuses', () => {
  it.each<[string, unknown, { today: string; acceptLegacy15?: boolean }, string[], Record<string, unknown>?]>([
    ['T2 wrong check character', '630102198001010018', opts, ['ID_NUMBER_CHECK'], { expected: '9' }],
    ['R9.4 X where a digit is due', '63010219800101001X', opts, ['ID_NUMBER_CHECK'], { expected: '9' }],
    ['required: null', null, opts, ['ID_NUMBER_REQUIRED']],
    ['required: undefined', undefined, opts, ['ID_NUMBER_REQUIRED']],
    ['required: blanks', ' \u3000 ', opts, ['ID_NUMBER_REQUIRED']],
    ['precision: JS number', 630102198001010000, opts, ['ID_NUMBER_PRECISION_LOST']],
    ['precision: JS number even when exact', 630102800101001, opts, ['ID_NUMBER_PRECISION_LOST']],
    ['precision: 6.30102E+17', '6.30102E+17', opts, ['ID_NUMBER_PRECISION_LOST']],
    ['precision: 6.30102198001010E+17', '6.30102198001010E+17', opts, ['ID_NUMBER_PRECISION_LOST']],
    ['precision: lower-case e', '6.30102198001010e+17', opts, ['ID_NUMBER_PRECISION_LOST']],
    ['precision: 18 digits ending 000 with wrong check', '630102198001011000', opts, ['ID_NUMBER_PRECISION_LOST']],
    ['precision: 17 digits ending 000', '63010219800101000', opts, ['ID_NUMBER_PRECISION_LOST']],
    ['precision: 16 digits ending 000', '6301021980010000', opts, ['ID_NUMBER_PRECISION_LOST']],
    ['length: 17 digits', '63010219800101001', opts, ['ID_NUMBER_LENGTH'], { length: 17 }],
    ['length: 19 digits', '6301021980010100190', opts, ['ID_NUMBER_LENGTH'], { length: 19 }],
    ['length: 15 digits when legacy refused (P44 off)', '630102800101001', { today: TODAY, acceptLegacy15: false }, ['ID_NUMBER_LENGTH'], { length: 15 }],
    ['R9.1 letter inside', '63010219800101A019', opts, ['ID_NUMBER_CHARS']],
    ['R9.1 X inside', '6301021980010X0019', opts, ['ID_NUMBER_CHARS']],
    ['R9.1 hyphen', '630102-198001010019', opts, ['ID_NUMBER_CHARS']],
    ['R9.6 legacy with letter', '63010280010100X', opts, ['ID_NUMBER_CHARS']],
    ['R9.1 full stop, wrong length too', '6301021980.0101001', opts, ['ID_NUMBER_CHARS']],
    ['R9.1 not a string', { text: '630102198001010019' }, opts, ['ID_NUMBER_CHARS']],
    ['province 00', generateIdNumber('000102', '1980-01-01', 1), opts, ['ID_NUMBER_PROVINCE'], { provinceCode: '00' }],
    ['province 16', generateIdNumber('160102', '1980-01-01', 1), opts, ['ID_NUMBER_PROVINCE'], { provinceCode: '16' }],
    ['province 99', generateIdNumber('990102', '1980-01-01', 1), opts, ['ID_NUMBER_PROVINCE']],
    ['R9.2 19800230', '63010219800230001' + computeIdCheckChar('63010219800230001'), opts, ['ID_NUMBER_BIRTH_DATE'], { birthDate: '19800230' }],
    ['R9.2 19810229 (not leap)', '63010219810229001' + computeIdCheckChar('63010219810229001'), opts, ['ID_NUMBER_BIRTH_DATE']],
    ['R9.2 19001301 month 13', '63010219001301001' + computeIdCheckChar('63010219001301001'), opts, ['ID_NUMBER_BIRTH_DATE']],
    ['R9.2 day 00', '63010219800100001' + computeIdCheckChar('63010219800100001'), opts, ['ID_NUMBER_BIRTH_DATE']],
    ['R9.2 tomorrow', generateIdNumber('630102', '2021-07-01', 1), opts, ['ID_NUMBER_BIRTH_DATE'], { birthDate: '20210701' }],
    ['R9.2 far future', generateIdNumber('630102', '2099-01-01', 1), opts, ['ID_NUMBER_BIRTH_DATE']],
    ['R9.2 before 1900', generateIdNumber('630102', '1899-12-31', 1), opts, ['ID_NUMBER_BIRTH_DATE']],
    ['R9.6 legacy with bad date 800230', '630102800230001', opts, ['ID_NUMBER_BIRTH_DATE']],
    ['several at once', '99010219800230002X', opts, ['ID_NUMBER_PROVINCE', 'ID_NUMBER_BIRTH_DATE', 'ID_NUMBER_CHECK']],
  ])('%s', (_rule, raw, o, codes, params) => {
    const r = parseIdNumber(raw, o);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.violations.map((v) => v.code)).toEqual(codes);
    expect(r.violations.every((v) => v.path === 'idNumber')).toBe(true);
    if (params) expect(r.violations[0]?.params).toEqual(params);
  });

  it('refuses a malformed today', () => {
    expect(() => parseIdNumber('630102198001010019', { today: '2021/06/30' })).toThrow(RangeError);
  });
});

describe('checkIdAgainstEntered', () => {
  const parsed = { birthDate: '1980-01-01', sex: 'M' as const };
  it.each<[string, { birthDate?: string | null; sex?: 'M' | 'F' | null }, Array<[string, string]>]>([
    ['R9.2/R9.3 both match', { birthDate: '1980-01-01', sex: 'M' }, []],
    ['nothing entered', {}, []],
    ['nulls entered', { birthDate: null, sex: null }, []],
    ['R9.2 birth date differs', { birthDate: '1980-01-02' }, [['birthDate', 'ID_NUMBER_BIRTH_MISMATCH']]],
    ['R9.3 sex differs', { sex: 'F' }, [['sex', 'ID_NUMBER_SEX_MISMATCH']]],
    ['both differ', { birthDate: '1981-01-01', sex: 'F' }, [['birthDate', 'ID_NUMBER_BIRTH_MISMATCH'], ['sex', 'ID_NUMBER_SEX_MISMATCH']]],
  ])('%s', (_rule, entered, expected) => {
    expect(checkIdAgainstEntered(parsed, entered).map((v) => [v.path, v.code])).toEqual(expected);
  });

  it('R9.2 mismatch carries both dates', () => {
    expect(checkIdAgainstEntered(parsed, { birthDate: '1980-01-02' })[0]?.params).toEqual({ expected: '1980-01-01', entered: '1980-01-02' });
  });
});

describe('isIsoDate', () => {
  it.each<[string, unknown, boolean]>([
    ['an ordinary date', '1980-01-01', true],
    ['the last day of a 30-day month', '2026-11-30', true],
    ['29 February of a leap year', '2024-02-29', true],
    ['29 February of a century leap year', '2000-02-29', true],
    ['29 February of a non-leap year', '2026-02-29', false],
    ['29 February of a century non-leap year', '1900-02-29', false],
    ['31 of a 30-day month', '2026-04-31', false],
    ['month 00', '2026-00-10', false],
    ['month 13', '2026-13-01', false],
    ['day 00', '2026-01-00', false],
    ['day 32', '2026-01-32', false],
    ['without leading zeros', '2026-1-1', false],
    ['slashes', '2026/01/01', false],
    ['a time after it', '2026-01-01T00:00', false],
    ['a letter in the year', '20a6-01-01', false],
    ['full-width digits', '２０２６-01-01', false],
    ['empty', '', false],
    ['not a string', 20260101, false],
    ['null', null, false],
  ])('%s: %j → %s', (_, v, ok) => {
    expect(isIsoDate(v)).toBe(ok);
  });
});

describe('ageOn', () => {
  it.each([
    ['R2 day before birthday', '1980-06-15', '2040-06-14', 59],
    ['R1/R2 exactly 60 on birthday', '1980-06-15', '2040-06-15', 60],
    ['R2 day after birthday', '1980-06-15', '2040-06-16', 60],
    ['R1/R2 exactly 16', '2005-03-01', '2021-03-01', 16],
    ['R2 born today', '2021-06-30', '2021-06-30', 0],
    ['R2 29 Feb: not yet on 28 Feb of non-leap year', '2000-02-29', '2018-02-28', 17],
    ['R2 29 Feb: reached on 1 Mar of non-leap year', '2000-02-29', '2018-03-01', 18],
    ['R2 29 Feb: reached on 29 Feb of leap year', '2000-02-29', '2020-02-29', 20],
    ['R2 29 Feb: not yet on 28 Feb of leap year', '2000-02-29', '2020-02-28', 19],
    ['R2 31 Dec birthday on 1 Jan', '1949-12-31', '1950-01-01', 0],
    ['R2 ref before birth is negative', '2000-05-01', '2000-01-01', -1],
  ])('%s', (_rule, birth, ref, age) => {
    expect(ageOn(birth, ref)).toBe(age);
  });

  it('R2 refuses malformed dates', () => {
    expect(() => ageOn('1980-02-30', '2020-01-01')).toThrow(RangeError);
  });
});

describe('generateIdNumber', () => {
  it.each([
    ['R9 worked example', '630102', '1980-01-01', 1, '630102198001010019'],
    ['R9 standard sample', '110105', '1949-12-31', 2, '11010519491231002X'],
  ])('%s', (_rule, addr, birth, seq, id) => {
    expect(generateIdNumber(addr, birth, seq)).toBe(id);
  });

  it.each<[string, string, string, number]>([
    ['short address', '63010', '1980-01-01', 1],
    ['bad date', '630102', '1980-02-30', 1],
    ['sequence 1000', '630102', '1980-01-01', 1000],
    ['sequence -1', '630102', '1980-01-01', -1],
    ['sequence 1.5', '630102', '1980-01-01', 1.5],
  ])('refuses %s', (_name, addr, birth, seq) => {
    expect(() => generateIdNumber(addr, birth, seq)).toThrow(RangeError);
  });

  it('R9 property: generated numbers round-trip through parseIdNumber', () => {
    const day = 86_400_000;
    const from = Date.UTC(1900, 0, 1) / day;
    const to = Date.UTC(2021, 5, 30) / day;
    fc.assert(
      fc.property(
        fc.constantFrom(...PROVINCE_CODES),
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: from, max: to }),
        fc.integer({ min: 0, max: 999 }),
        (province, rest, dayNumber, seq) => {
          const address = province + String(rest).padStart(4, '0');
          const birth = new Date(dayNumber * day).toISOString().slice(0, 10);
          const id = generateIdNumber(address, birth, seq);
          const r = parseIdNumber(id, opts);
          expect(r).toEqual({
            ok: true,
            value: { idNumber: id, birthDate: birth, sex: seq % 2 === 1 ? 'M' : 'F', addressCode: address, provinceCode: province },
          });
          const lower = id.toLowerCase();
          expect(parseIdNumber(` ${lower.slice(0, 9)} ${lower.slice(9)}`, opts)).toEqual(r);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('zh-CN messages', () => {
  const samples: Violation[] = [
    ...[null, 630102198001010000, '630102198001', '63010219800101A019', '630102198001010018'].flatMap((raw) => {
      const r = parseIdNumber(raw, opts);
      return r.ok ? [] : r.violations;
    }),
    ...((r) => (r.ok ? [] : r.violations))(parseIdNumber('99010219800230002X', opts)),
    ...checkIdAgainstEntered({ birthDate: '1980-01-01', sex: 'M' }, { birthDate: '1980-01-02', sex: 'F' }),
  ];

  it('every identity-number code has a message whose placeholders are all in params', () => {
    expect(new Set(samples.map((v) => v.code)).size).toBe(9);
    for (const v of samples) {
      const template = MESSAGES_ZH_CN[v.code];
      expect(template, v.code).toBeDefined();
      for (const [, name] of template!.matchAll(/\{(\w+)\}/g)) expect(v.params ?? {}, v.code).toHaveProperty(name!);
    }
  });

  it('ID_NUMBER_PRECISION_LOST tells how to fix it', () => {
    expect(MESSAGES_ZH_CN.ID_NUMBER_PRECISION_LOST).toMatch(/文本/);
    expect(MESSAGES_ZH_CN.ID_NUMBER_PRECISION_LOST).toMatch(/单引号/);
  });
});
