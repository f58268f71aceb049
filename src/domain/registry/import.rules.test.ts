import { describe, expect, it } from 'vitest';
import { formatMessage, MESSAGES_ZH_CN } from '../messages.zh-CN.js';
import { computeIdCheckChar, generateIdNumber } from './id-number.js';
import {
  IMPORT_COLUMNS,
  cellsByKey,
  checkImportFile,
  defaultIncomePeriod,
  isEmptyRow,
  isImportHeaderRow,
  mapImportHeader,
  shanghaiDate,
  validateImportRow,
  type ImportCells,
  type ImportRecord,
  type ImportRecordPartial,
  type ImportRegionInfo,
} from './import.rules.js';

const TODAY = '2026-03-02';
const OPTS = { today: TODAY, incomePeriod: defaultIncomePeriod(TODAY) };
const ID = generateIdNumber('630102', '1980-01-01', 1); // odd sequence → male
const VILLAGE = '630102001001';

const base: ImportCells = {
  householdNo: 'H001',
  regionCode: VILLAGE,
  urbanRural: '城市',
  name: '张三',
  idNumber: ID,
  relationship: '户主',
};

function row(over: ImportCells, rowNo = 2) {
  return validateImportRow(rowNo, { ...base, ...over }, OPTS);
}
function ok(over: ImportCells): ImportRecord {
  const r = row(over);
  if (!r.ok) throw new Error(JSON.stringify(r.violations));
  return r.value;
}
function codes(over: ImportCells): Array<[string, string]> {
  const r = row(over);
  return r.ok ? [] : r.violations.map((v) => [v.path, v.code]);
}

describe('dates of the import', () => {
  it.each([
    ['UTC evening is the next day in Shanghai', '2026-03-01T17:00:00Z', '2026-03-02'],
    ['UTC morning is the same day', '2026-03-02T02:00:00Z', '2026-03-02'],
    ['15:59 UTC is still that day', '2026-12-31T15:59:59Z', '2026-12-31'],
  ])('shanghaiDate: %s', (_n, at, date) => {
    expect(shanghaiDate(new Date(at))).toBe(date);
  });
  it.each([
    ['mid-month', '2026-03-02', '2025-03-01', '2026-02-28'],
    ['January crosses the year', '2026-01-15', '2025-01-01', '2025-12-31'],
    ['leap February ends on the 29th', '2024-03-10', '2023-03-01', '2024-02-29'],
    ['first of the month', '2026-07-01', '2025-07-01', '2026-06-30'],
  ])('defaultIncomePeriod: %s', (_n, today, start, end) => {
    expect(defaultIncomePeriod(today)).toEqual({ start, end });
  });

  it.each([
    ['R18 / P04 = 6 months', '2026-03-02', 6, '2025-09-01', '2026-02-28'],
    ['R18 / P04 = 24 months', '2026-01-15', 24, '2024-01-01', '2025-12-31'],
  ])('defaultIncomePeriod: %s', (_n, today, months, start, end) => {
    expect(defaultIncomePeriod(today, months)).toEqual({ start, end });
  });
});

describe('header row', () => {
  it.each<[string, unknown[], boolean]>([
    ['template headers', ['户编号*', '姓名*', '身份证号*'], true],
    ['spaces, full-width and (必填)', [' 姓 名 ', '身份证号（必填）'], true],
    ['alias 身份证号码', ['姓名', '身份证号码'], true],
    ['merged title row', ['城东区低收入家庭名单', null, null], false],
    ['only 姓名', ['姓名', '电话'], false],
    ['rich text header', [{ richText: [{ text: '姓' }, { text: '名' }] }, '身份证号'], true],
  ])('%s', (_n, cells, expected) => {
    expect(isImportHeaderRow(cells)).toBe(expected);
  });

  it('maps columns in any order, ignores unknown ones and reports missing required ones', () => {
    const h = mapImportHeader(['备注', '身份证号 *', '姓名', '与户主关系', '户编号', '村（社区）代码'], 3);
    expect(h.indexByKey).toMatchObject({ idNumber: 1, name: 2, relationship: 3, householdNo: 4, regionCode: 5 });
    expect(h.violations).toEqual([
      { rowNo: 3, path: 'urbanRural', code: 'IMPORT_COLUMN_MISSING', params: { column: '城乡类别' }, value: null },
    ]);
    expect(cellsByKey(h, ['x', ID, '张三', '户主', 'H1', VILLAGE])).toEqual({ idNumber: ID, name: '张三', relationship: '户主', householdNo: 'H1', regionCode: VILLAGE });
  });

  it('reports a repeated column', () => {
    const h = mapImportHeader(IMPORT_COLUMNS.map((c) => c.header).concat('姓名'), 1);
    expect(h.violations.map((v) => v.code)).toEqual(['IMPORT_COLUMN_DUPLICATE']);
  });

  it.each<[string, unknown[], boolean]>([
    ['no cells', [], true],
    ['blanks and spaces', [undefined, null, '  ', '\u3000'], true],
    ['a value', [undefined, '张三'], false],
    ['a zero', [0], false],
  ])('isEmptyRow: %s', (_n, cells, expected) => {
    expect(isEmptyRow(cells)).toBe(expected);
  });
});

describe('validateImportRow: accepted forms', () => {
  it('a minimal row, with sex and birth date from the identity number and the default income period', () => {
    expect(ok({})).toMatchObject({
      rowNo: 2,
      householdNo: 'H001',
      regionCode: VILLAGE,
      countyCode: '630102',
      urbanRural: 'URBAN',
      name: '张三',
      idNumber: ID,
      sex: 'M',
      birthDate: '1980-01-01',
      relationship: 'HEAD',
      address: null,
      phone: null,
      categories: null,
      incomes: [],
      incomeStart: '2025-03-01',
      incomeEnd: '2026-02-28',
    });
  });

  it.each<[string, ImportCells, Partial<ImportRecord>]>([
    ['ID with spaces', { idNumber: ` ${ID.slice(0, 6)} ${ID.slice(6)} ` }, { idNumber: ID }],
    ['ID in full-width digits', { idNumber: ID.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) }, { idNumber: ID }],
    ['lower-case x', { idNumber: lowerXId() }, { idNumber: lowerXId().toUpperCase() }],
    ['15-digit legacy number is upgraded', { idNumber: '630102800101001' }, { idNumber: `63010219800101001${computeIdCheckChar('63010219800101001')}` }],
    ['ID as rich text', { idNumber: { richText: [{ text: ID.slice(0, 9) }, { text: ID.slice(9) }] } }, { idNumber: ID }],
    ['region code as a number', { regionCode: 630102001001 }, { regionCode: VILLAGE }],
    ['household number as a number', { householdNo: 1001 }, { householdNo: '1001' }],
    ['URBAN code', { urbanRural: 'rural' }, { urbanRural: 'RURAL' }],
    ['农村', { urbanRural: '农村' }, { urbanRural: 'RURAL' }],
    ['relationship alias 妻子', { relationship: '妻子' }, { relationship: 'SPOUSE' }],
    ['relationship code', { relationship: 'child' }, { relationship: 'CHILD' }],
    ['sex 男 matches', { sex: '男' }, { sex: 'M' }],
    ['birth date as Excel serial', { birthDate: 29221 }, { birthDate: '1980-01-01' }],
    ['birth date 1980/1/1', { birthDate: '1980/1/1' }, { birthDate: '1980-01-01' }],
    ['birth date 19800101', { birthDate: '19800101' }, { birthDate: '1980-01-01' }],
    ['birth date 1980年1月1日', { birthDate: '1980年1月1日' }, { birthDate: '1980-01-01' }],
    ['birth date as Date', { birthDate: new Date(Date.UTC(1980, 0, 1)) }, { birthDate: '1980-01-01' }],
    ['phone with hyphens', { phone: '138-1234-5678' }, { phone: '13812345678' }],
    ['disability grade 二级', { disabilityGrade: '二级' }, { disabilityGrade: 2 }],
    ['disability grade number', { disabilityGrade: 3 }, { disabilityGrade: 3 }],
    ['labour label', { labourCapacity: '部分丧失劳动能力' }, { labourCapacity: 'PARTIAL' }],
    ['bank account with spaces', { bankAccount: '6230 0000 0000 0018' }, { bankAccount: '6230000000000018' }],
    ['categories with mixed separators', { categories: '防返贫监测，低保/ 低保' }, { categories: ['DIBAO', 'FANGFANPIN'] }],
    ['category date', { categories: '低保', categoryFrom: '2025年6月1日' }, { categoryFrom: '2025-06-01' }],
    ['incomes in yuan → fen', { incomeWage: '1,234.5', incomeTransfer: 0 }, { incomes: [{ incomeType: 'WAGE', amountFen: 123450 }, { incomeType: 'TRANSFER', amountFen: 0 }] }],
    ['explicit income period', { incomeStart: '2025-01-01', incomeEnd: '2025-12-31' }, { incomeStart: '2025-01-01', incomeEnd: '2025-12-31' }],
    ['address and name spaces collapse', { address: ' 东关 大街  1号 ', name: ' 才让  多杰 ' }, { address: '东关 大街 1号', name: '才让 多杰' }],
    ['R56 集中供养 with its institution', { supportMode: '集中供养', supportInstitution: '城东区中心敬老院', supportSince: '2025/1/1' },
      { support: { mode: 'INSTITUTIONAL', institution: '城东区中心敬老院', since: '2025-01-01' } }],
    ['R56 分散 (short form)', { supportMode: '分散', supportSince: '2024-05-01' }, { support: { mode: 'HOME', institution: null, since: '2024-05-01' } }],
    ['R53 activities as offices write them, in the national order', { selfCareUnable: '不能自主洗澡；穿衣,上厕所', selfCareAssessedOn: '2026年1月10日' },
      { selfCare: { unable: ['dressing', 'usingToilet', 'bathing'], assessedOn: '2026-01-10' } }],
    ['R53 六项都能自理: 无', { selfCareUnable: '无', selfCareAssessedOn: 46000 }, { selfCare: { unable: [], assessedOn: '2025-12-09' } }],
    ['no 救助认定信息: nothing to record', {}, { exclusion: null, support: null, selfCare: null }],
    ['R15 服刑 (short form)', { meansTestExclusion: '服刑' }, { exclusion: { code: 'PRISON' } }],
    ['R15 the label', { meansTestExclusion: '现役义务兵' }, { exclusion: { code: 'CONSCRIPT_IN_ACTIVE_SERVICE' } }],
    ['R15 无: no longer excluded', { meansTestExclusion: '无' }, { exclusion: { code: null } }],
  ])('%s', (_n, over, expected) => {
    expect(ok(over)).toMatchObject(expected);
  });
});

function lowerXId(): string {
  for (let seq = 0; seq < 1000; seq++) {
    const id = generateIdNumber('630102', '1975-06-15', seq);
    if (id.endsWith('X')) return id.slice(0, 17) + 'x';
  }
  throw new Error('no X id');
}

describe('validateImportRow: refused forms', () => {
  it.each<[string, ImportCells, Array<[string, string]>]>([
    ['required fields missing', { householdNo: '', name: ' ', relationship: null, urbanRural: '' }, [
      ['householdNo', 'FIELD_REQUIRED'], ['urbanRural', 'FIELD_REQUIRED'], ['name', 'FIELD_REQUIRED'], ['relationship', 'FIELD_REQUIRED'],
    ]],
    ['ID as a number (Excel kept 15 digits)', { idNumber: 630102198001010000 }, [['idNumber', 'ID_NUMBER_PRECISION_LOST']]],
    ['ID in scientific notation', { idNumber: '6.30102E+17' }, [['idNumber', 'ID_NUMBER_PRECISION_LOST']]],
    ['ID with a wrong check digit', { idNumber: ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1') }, [['idNumber', 'ID_NUMBER_CHECK']]],
    ['ID missing', { idNumber: '' }, [['idNumber', 'ID_NUMBER_REQUIRED']]],
    ['sex does not match the ID', { sex: '女' }, [['sex', 'ID_NUMBER_SEX_MISMATCH']]],
    ['birth date does not match the ID', { birthDate: '1980-01-02' }, [['birthDate', 'ID_NUMBER_BIRTH_MISMATCH']]],
    ['birth date unreadable', { birthDate: '不详' }, [['birthDate', 'CELL_DATE_INVALID']]],
    ['unknown relationship', { relationship: '邻居' }, [['relationship', 'IMPORT_CODE_UNKNOWN']]],
    ['unknown urban/rural', { urbanRural: '牧区' }, [['urbanRural', 'IMPORT_CODE_UNKNOWN']]],
    ['region code of a county', { regionCode: '630102' }, [['regionCode', 'IMPORT_REGION_CODE_INVALID']]],
    ['region code with letters', { regionCode: '63010200100A' }, [['regionCode', 'IMPORT_REGION_CODE_INVALID']]],
    ['bank account lost to a number', { bankAccount: 6230000000000000018 }, [['bankAccount', 'IMPORT_NUMBER_PRECISION_LOST']]],
    ['bank account with letters', { bankAccount: '6230-abc' }, [['bankAccount', 'IMPORT_BANK_ACCOUNT_INVALID']]],
    ['phone too short', { phone: '12345' }, [['phone', 'CELL_PHONE_INVALID']]],
    ['money with 3 decimals', { incomeWage: '12.345' }, [['incomeWage', 'CELL_MONEY_PRECISION']]],
    ['negative money', { incomeOperating: -5 }, [['incomeOperating', 'CELL_MONEY_NEGATIVE']]],
    ['money as words', { incomeProperty: '约五百' }, [['incomeProperty', 'CELL_MONEY_INVALID']]],
    ['unknown category', { categories: '低保、五保' }, [['categories', 'IMPORT_CODE_UNKNOWN']]],
    ['category date in the future', { categories: '低保', categoryFrom: '2026-03-03' }, [['categoryFrom', 'IMPORT_DATE_IN_FUTURE']]],
    ['income period half given', { incomeStart: '2025-01-01' }, [['incomeEnd', 'FIELD_REQUIRED']]],
    ['income period reversed', { incomeStart: '2025-12-31', incomeEnd: '2025-01-01' }, [['incomeEnd', 'IMPORT_INCOME_PERIOD_INVALID']]],
    ['disability grade 5', { disabilityGrade: 5 }, [['disabilityGrade', 'IMPORT_CODE_UNKNOWN']]],
    ['name too long', { name: '张'.repeat(51) }, [['name', 'FIELD_TOO_LONG']]],
    ['household number too long', { householdNo: 'H'.repeat(33) }, [['householdNo', 'FIELD_TOO_LONG']]],
    ['R56 mode without its start date', { supportMode: '集中供养' }, [['supportSince', 'FIELD_REQUIRED']]],
    ['R56 institution without a mode', { supportInstitution: '敬老院', supportSince: '2025-01-01' }, [['supportMode', 'FIELD_REQUIRED']]],
    ['R56 an institution for 分散供养', { supportMode: '分散供养', supportInstitution: '敬老院', supportSince: '2025-01-01' }, [['supportInstitution', 'REGISTRY_SUPPORT_FIELD_MISMATCH']]],
    ['R56 unknown mode', { supportMode: '寄养', supportSince: '2025-01-01' }, [['supportMode', 'IMPORT_CODE_UNKNOWN']]],
    ['R56 start date in the future', { supportMode: '集中供养', supportSince: '2026-03-03' }, [['supportSince', 'IMPORT_DATE_IN_FUTURE']]],
    ['R53 activities without the assessment date', { selfCareUnable: '洗澡' }, [['selfCareAssessedOn', 'FIELD_REQUIRED']]],
    ['R53 assessment date without the activities', { selfCareAssessedOn: '2026-01-01' }, [['selfCareUnable', 'FIELD_REQUIRED']]],
    ['R53 an activity that is not one of the six', { selfCareUnable: '洗澡、做饭', selfCareAssessedOn: '2026-01-01' }, [['selfCareUnable', 'IMPORT_CODE_UNKNOWN']]],
    ['R15 a reason the rules do not know', { meansTestExclusion: '外出务工' }, [['meansTestExclusion', 'IMPORT_CODE_UNKNOWN']]],
    ['R53 assessment in the future', { selfCareUnable: '无', selfCareAssessedOn: '2026-04-01' }, [['selfCareAssessedOn', 'IMPORT_DATE_IN_FUTURE']]],
  ])('%s', (_n, over, expected) => {
    expect(codes(over)).toEqual(expected);
  });

  it('keeps what could be read from an invalid row and the raw cell value', () => {
    const r = row({ idNumber: 630102198001010000, phone: 'abc' }, 7);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.partial).toMatchObject({ rowNo: 7, householdNo: 'H001', relationship: 'HEAD', regionCode: VILLAGE });
    expect(r.partial.idNumber).toBeUndefined();
    expect(r.violations[0]).toMatchObject({ rowNo: 7, path: 'idNumber', value: '630102198001010000' });
    expect(r.violations[1]).toMatchObject({ rowNo: 7, path: 'phone', value: 'abc', params: { value: 'abc' } });
  });
});

describe('checkImportFile', () => {
  const regions = new Map<string, ImportRegionInfo>([
    [VILLAGE, { code: VILLAGE, level: 5, active: true }],
    ['630102001004', { code: '630102001004', level: 5, active: true }],
    ['630102001999', { code: '630102001999', level: 5, active: false }],
    ['630103001001', { code: '630103001001', level: 5, active: true }],
  ]);
  const ctx = { scopeRegionCode: '630102', regions };
  const rec = (rowNo: number, over: Partial<ImportRecordPartial>): ImportRecordPartial => ({
    rowNo, householdNo: 'H1', regionCode: VILLAGE, urbanRural: 'URBAN', address: null, relationship: 'CHILD', idNumber: `ID${rowNo}`,
    categories: null, categoryFrom: null, ...over,
  });
  const run = (rows: ImportRecordPartial[]) => checkImportFile(rows, ctx).map((v) => [v.rowNo, v.path, v.code]);

  it.each<[string, ImportRecordPartial[], Array<[number, string, string]>]>([
    ['a valid household', [rec(2, { relationship: 'HEAD' }), rec(3, {})], []],
    ['no head', [rec(2, {}), rec(3, {})], [[2, 'relationship', 'IMPORT_HEAD_MISSING']]],
    ['no head is not claimed when a relationship was unreadable', [rec(2, { relationship: undefined }), rec(3, {})], []],
    ['two heads', [rec(2, { relationship: 'HEAD' }), rec(3, { relationship: 'HEAD' })], [[3, 'relationship', 'IMPORT_HEAD_MULTIPLE']]],
    ['same ID twice', [rec(2, { relationship: 'HEAD', idNumber: 'X' }), rec(5, { idNumber: 'X' })], [[5, 'idNumber', 'IMPORT_ID_DUPLICATE']]],
    ['village outside the scope', [rec(2, { relationship: 'HEAD', regionCode: '630103001001' })], [[2, 'regionCode', 'IMPORT_REGION_OUT_OF_SCOPE']]],
    ['unknown village', [rec(2, { relationship: 'HEAD', regionCode: '630102001002' })], [[2, 'regionCode', 'IMPORT_REGION_NOT_FOUND']]],
    ['superseded village', [rec(2, { relationship: 'HEAD', regionCode: '630102001999' })], [[2, 'regionCode', 'IMPORT_REGION_INACTIVE']]],
    ['rows disagree on the village', [rec(2, { relationship: 'HEAD' }), rec(3, { regionCode: '630102001004' })], [[3, 'regionCode', 'IMPORT_HOUSEHOLD_FIELD_CONFLICT']]],
    ['rows disagree on urban/rural', [rec(2, { relationship: 'HEAD' }), rec(3, { urbanRural: 'RURAL' })], [[3, 'urbanRural', 'IMPORT_HOUSEHOLD_FIELD_CONFLICT']]],
    ['an empty address on a member row is fine', [rec(2, { relationship: 'HEAD', address: '1号' }), rec(3, { address: null })], []],
    ['different addresses conflict', [rec(2, { relationship: 'HEAD', address: '1号' }), rec(3, { address: '2号' })], [[3, 'address', 'IMPORT_HOUSEHOLD_FIELD_CONFLICT']]],
    ['different categories conflict', [rec(2, { relationship: 'HEAD', categories: ['DIBAO'] }), rec(3, { categories: ['TEKUN'] })], [[3, 'categories', 'IMPORT_HOUSEHOLD_FIELD_CONFLICT']]],
    ['two households are independent', [rec(2, { relationship: 'HEAD' }), rec(3, { householdNo: 'H2', relationship: 'HEAD', regionCode: '630102001004' })], []],
  ])('%s', (_n, rows, expected) => {
    expect(run(rows)).toEqual(expected);
  });

  it('names the household and the first row in the params', () => {
    const [v] = checkImportFile([rec(2, { relationship: 'HEAD', address: '1号' }), rec(4, { address: '2号' })], ctx);
    expect(v?.params).toEqual({ householdNo: 'H1', field: '家庭住址', firstRowNo: 2, firstValue: '1号' });
    expect(formatMessage(v!.code, v!.params)).toBe('户编号H1各行的“家庭住址”不一致（第2行为“1号”），同一家庭的户级信息须相同');
  });
});

describe('messages', () => {
  it('every code the rules produce has Chinese wording', () => {
    const produced = [
      'IMPORT_COLUMN_MISSING', 'IMPORT_COLUMN_DUPLICATE', 'IMPORT_CODE_UNKNOWN', 'IMPORT_NUMBER_PRECISION_LOST', 'IMPORT_BANK_ACCOUNT_INVALID',
      'IMPORT_REGION_CODE_INVALID', 'IMPORT_REGION_NOT_FOUND', 'IMPORT_REGION_NOT_VILLAGE', 'IMPORT_REGION_INACTIVE', 'IMPORT_REGION_OUT_OF_SCOPE',
      'IMPORT_DATE_IN_FUTURE', 'IMPORT_INCOME_PERIOD_INVALID', 'IMPORT_ID_DUPLICATE', 'IMPORT_HEAD_MISSING', 'IMPORT_HEAD_MULTIPLE',
      'IMPORT_HOUSEHOLD_FIELD_CONFLICT', 'IMPORT_HOUSEHOLD_OUT_OF_SCOPE', 'IMPORT_HOUSEHOLD_CANCELLED', 'IMPORT_HOUSEHOLD_COUNTY_CHANGE',
      'IMPORT_HEAD_CHANGE_OLD_HEAD_MISSING', 'REGISTRY_PERSON_IN_OTHER_HOUSEHOLD', 'IMPORT_HEADER_NOT_FOUND', 'IMPORT_NO_ROWS',
      'IMPORT_FILE_UNREADABLE', 'IMPORT_FILE_TYPE', 'FIELD_REQUIRED', 'FIELD_TOO_LONG',
    ];
    for (const c of produced) expect(MESSAGES_ZH_CN[c], c).toBeDefined();
  });

  it('fills the params of a code-list error', () => {
    const r = row({ relationship: '邻居' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatMessage(r.violations[0]!.code, r.violations[0]!.params)).toMatch(/^与户主关系“邻居”无法识别，可填写：户主、配偶/);
  });
});
