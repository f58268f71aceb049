/**
 * Registry import (issue 2 §9): the template's columns, and the pure checks of one row and
 * of a whole file. Cells arrive as exceljs or csv-parse deliver them (see cell-values.ts);
 * nothing here reads the clock (`today` is passed in) or the database (regions are passed
 * in as data). The comparison with the registry lives in import-plan.rules.ts.
 */
import type { Violation } from '../errors.js';
import { cellText, normaliseHeader, parseDateCell, parseMoneyCell, parsePhoneCell } from './cell-values.js';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  DISABILITY_CATEGORY_LABELS,
  DISABILITY_GRADE_LABELS,
  EMPLOYMENT_LABELS,
  HEALTH_LABELS,
  LABOUR_CAPACITY_LABELS,
  MEANS_TEST_EXCLUSION_LABELS,
  RELATIONSHIP_LABELS,
  SELF_CARE_ACTIVITY_LABELS,
  STUDENT_STAGE_LABELS,
  SUPPORT_MODE_LABELS,
  URBAN_RURAL_LABELS,
  type Category,
  type IncomeType,
  type Relationship,
  type SelfCareActivity,
  type UrbanRural,
} from './codes.js';
import type { MeansTestExclusion, SupportMode } from '../policy/assessment.types.js';
import { checkIdAgainstEntered, parseIdNumber, type Sex } from './id-number.js';
import { regionLevelOf } from './region-code.js';
import { SELF_CARE_ACTIVITIES } from './self-care.js';

// ---------------------------------------------------------------------------------------
// Columns

export interface ImportColumn {
  key: string;
  /** Chinese header as the template writes it (without the required '*'). */
  header: string;
  required: boolean;
  /** Household fields must agree on every row of one 户编号. */
  level: 'household' | 'person';
  /** Rule shown in the template's 填写说明 sheet and in docs/import.md. */
  rule: string;
  /** Labels accepted (besides the English codes), for code-list columns. */
  allowed?: readonly string[];
  /** Other headers people use for the same column (normalised form). */
  aliases?: readonly string[];
}

const labelsOf = (t: Record<string, string>) => Object.values(t);

export const IMPORT_COLUMNS = [
  { key: 'householdNo', header: '户编号', required: true, level: 'household', aliases: ['户号', '家庭编号'],
    rule: '同一家庭的每名成员填写相同的户编号（最多32个字符）；系统中已有的户编号将更新该户' },
  { key: 'regionCode', header: '村(社区)代码', required: true, level: 'household', aliases: ['村社区代码', '村代码', '社区代码', '村(居)代码'],
    rule: '12位村（社区）统计用区划代码，须在本人管辖范围内' },
  { key: 'address', header: '家庭住址', required: false, level: 'household', aliases: ['住址', '地址'], rule: '最多200个字' },
  { key: 'urbanRural', header: '城乡类别', required: true, level: 'household', aliases: ['城乡'],
    rule: '城市或农村', allowed: labelsOf(URBAN_RURAL_LABELS) },
  { key: 'name', header: '姓名', required: true, level: 'person', rule: '最多50个字' },
  { key: 'idNumber', header: '身份证号', required: true, level: 'person', aliases: ['身份证号码', '公民身份号码', '身份证'],
    rule: '18位公民身份号码（15位旧号码自动升为18位，末位x可小写）；请把该列单元格设为“文本”格式，否则Excel会把号码变成科学计数法并丢失末几位' },
  { key: 'relationship', header: '与户主关系', required: true, level: 'person', aliases: ['与户主的关系', '关系'],
    rule: '每户有且只有一名“户主”', allowed: labelsOf(RELATIONSHIP_LABELS) },
  { key: 'sex', header: '性别', required: false, level: 'person', rule: '可不填（按身份证号确定）；填写时须与身份证号一致', allowed: ['男', '女'] },
  { key: 'birthDate', header: '出生日期', required: false, level: 'person',
    rule: '可不填（按身份证号确定）；填写时须与身份证号一致，如1980-01-01、1980/1/1、19800101、1980年1月1日' },
  { key: 'ethnicity', header: '民族', required: false, level: 'person', rule: '如汉族、藏族、回族、土族、撒拉族、蒙古族（最多16个字）' },
  { key: 'phone', header: '联系电话', required: false, level: 'person', aliases: ['电话', '手机号码', '手机号', '联系方式'],
    rule: '11位手机号或带区号的固定电话（如0971-8123456）' },
  { key: 'labourCapacity', header: '劳动能力', required: false, level: 'person', rule: '', allowed: labelsOf(LABOUR_CAPACITY_LABELS) },
  { key: 'healthStatus', header: '健康状况', required: false, level: 'person', rule: '', allowed: labelsOf(HEALTH_LABELS) },
  { key: 'seriousIllness', header: '重病名称', required: false, level: 'person', rule: '健康状况为重病时填写（最多100个字）' },
  { key: 'disabilityCategory', header: '残疾类别', required: false, level: 'person', rule: '', allowed: labelsOf(DISABILITY_CATEGORY_LABELS) },
  { key: 'disabilityGrade', header: '残疾等级', required: false, level: 'person', rule: '1至4，或一级至四级', allowed: labelsOf(DISABILITY_GRADE_LABELS) },
  { key: 'employment', header: '就业状况', required: false, level: 'person', rule: '', allowed: labelsOf(EMPLOYMENT_LABELS) },
  { key: 'studentStage', header: '在校情况', required: false, level: 'person', rule: '', allowed: labelsOf(STUDENT_STAGE_LABELS) },
  { key: 'bankName', header: '开户银行', required: false, level: 'person', rule: '最多60个字' },
  { key: 'bankAccount', header: '银行账号', required: false, level: 'person', aliases: ['银行卡号'],
    rule: '6至40位数字；请把该列单元格设为“文本”格式' },
  { key: 'categories', header: '保障类别', required: false, level: 'household', aliases: ['保障类型', '人员类别'],
    rule: '家庭的保障类别，填在户主行；可填多个，用顿号、逗号、分号或斜杠分隔，如“低保、防返贫监测”。已有的类别不会因未填写而取消',
    allowed: labelsOf(CATEGORY_LABELS) },
  { key: 'categoryFrom', header: '认定日期', required: false, level: 'household',
    rule: '保障类别的认定（起始）日期，不能晚于导入当天；不填时，户中已有的类别不变，新类别按导入当天认定' },
  { key: 'incomeWage', header: '年工资性收入(元)', required: false, level: 'person', rule: '该成员收入期间内的金额，单位元，最多两位小数' },
  { key: 'incomeOperating', header: '年经营净收入(元)', required: false, level: 'person', rule: '同上' },
  { key: 'incomeProperty', header: '年财产净收入(元)', required: false, level: 'person', rule: '同上' },
  { key: 'incomeTransfer', header: '年转移净收入(元)', required: false, level: 'person', rule: '同上' },
  { key: 'incomeStart', header: '收入起始日期', required: false, level: 'person',
    rule: '收入期间的第一天；与收入截止日期同时填写或同时不填。不填时为导入日前12个完整自然月' },
  { key: 'incomeEnd', header: '收入截止日期', required: false, level: 'person', rule: '收入期间的最后一天，不早于收入起始日期' },
  // 救助认定信息: a person not counted in the household (R15), and of 特困人员 the facts the care
  // level and the care standard are decided by (R53 self-care, R56 mode of support, R55). The
  // rest (obligors, a 多重残疾's categories, jobs offered) is entered on the household page.
  { key: 'meansTestExclusion', header: '不计入家庭人口原因', required: false, level: 'person', aliases: ['不计入家庭成员原因', '不计入原因'],
    rule: '按规定不计入共同生活家庭成员的人员填写原因（现役义务兵等省定情形按本地规定，P48）；原因不再存在时填“无”',
    allowed: [...labelsOf(MEANS_TEST_EXCLUSION_LABELS), '无'] },
  { key: 'supportMode', header: '供养方式', required: false, level: 'person', aliases: ['特困供养方式'],
    rule: '特困人员的供养方式；填写时须同时填写供养起始日期', allowed: labelsOf(SUPPORT_MODE_LABELS) },
  { key: 'supportInstitution', header: '供养机构', required: false, level: 'person', aliases: ['供养机构名称'],
    rule: '集中供养时填写供养服务机构名称（最多100个字）；分散供养不填' },
  { key: 'supportSince', header: '供养起始日期', required: false, level: 'person', rule: '按本供养方式供养的起始日期，不能晚于导入当天' },
  { key: 'selfCareUnable', header: '不能自理项目', required: false, level: 'person', aliases: ['不能自理的项目', '生活不能自理项目'],
    rule: '生活自理能力评估中不能独立完成的项目，可填多项，用顿号、逗号或分号分隔，如“洗澡、穿衣”；六项都能独立完成填“无”。填写时须同时填写自理能力评估日期',
    allowed: [...labelsOf(SELF_CARE_ACTIVITY_LABELS), '无'] },
  { key: 'selfCareAssessedOn', header: '自理能力评估日期', required: false, level: 'person', aliases: ['生活自理能力评估日期'],
    rule: '生活自理能力评估的日期，不能晚于导入当天' },
] as const satisfies readonly ImportColumn[];

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

export const IMPORT_HEADER_BY_KEY = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.header])) as Record<ImportColumnKey, string>;

const COLUMN_NO = Object.fromEntries(IMPORT_COLUMNS.map((c, i) => [c.key, i])) as Record<ImportColumnKey, number>;

const KEY_BY_HEADER = new Map<string, ImportColumnKey>();
for (const c of IMPORT_COLUMNS as readonly ImportColumn[]) {
  KEY_BY_HEADER.set(normaliseHeader(c.header), c.key as ImportColumnKey);
  for (const a of c.aliases ?? []) KEY_BY_HEADER.set(normaliseHeader(a), c.key as ImportColumnKey);
}

const INCOME_COLUMNS = [
  ['incomeWage', 'WAGE'],
  ['incomeOperating', 'OPERATING'],
  ['incomeProperty', 'PROPERTY'],
  ['incomeTransfer', 'TRANSFER'],
] as const satisfies ReadonlyArray<readonly [ImportColumnKey, IncomeType]>;

/** The four income types the template carries. */
export const IMPORT_INCOME_TYPES: readonly IncomeType[] = INCOME_COLUMNS.map(([, t]) => t);

/** A problem in the file: `path` is the column key ('' for the whole file), `rowNo` as Excel shows it (0: no row). */
export interface ImportViolation extends Violation {
  rowNo: number;
  path: ImportColumnKey | '';
  /** The cell as the user typed it. */
  value: string | null;
}

// ---------------------------------------------------------------------------------------
// Header row

/** Whether a row is the header: it names both 姓名 and 身份证号 (so a title row above is skipped). */
export function isImportHeaderRow(cells: readonly unknown[]): boolean {
  let name = false;
  let id = false;
  for (const c of cells) {
    const key = KEY_BY_HEADER.get(normaliseHeader(cellText(c)));
    if (key === 'name') name = true;
    else if (key === 'idNumber') id = true;
  }
  return name && id;
}

export interface ImportHeader {
  /** Cell index of each known column; unknown columns are ignored. */
  indexByKey: Partial<Record<ImportColumnKey, number>>;
  /** The same as [key, index] pairs (the hot loop walks this). */
  columns: ReadonlyArray<readonly [ImportColumnKey, number]>;
  violations: ImportViolation[];
}

/** Map header cells to columns; missing required and repeated columns are violations. */
export function mapImportHeader(cells: readonly unknown[], rowNo: number): ImportHeader {
  const indexByKey: Partial<Record<ImportColumnKey, number>> = {};
  const violations: ImportViolation[] = [];
  cells.forEach((c, i) => {
    const text = cellText(c);
    const key = KEY_BY_HEADER.get(normaliseHeader(text));
    if (!key) return;
    if (indexByKey[key] !== undefined) {
      violations.push({ rowNo, path: key, code: 'IMPORT_COLUMN_DUPLICATE', params: { column: IMPORT_HEADER_BY_KEY[key] }, value: text });
      return;
    }
    indexByKey[key] = i;
  });
  for (const c of IMPORT_COLUMNS) {
    if (c.required && indexByKey[c.key] === undefined) {
      violations.push({ rowNo, path: c.key, code: 'IMPORT_COLUMN_MISSING', params: { column: c.header }, value: null });
    }
  }
  return { indexByKey, columns: Object.entries(indexByKey) as [ImportColumnKey, number][], violations };
}

/** Cells of one data row by column key. */
export type ImportCells = Partial<Record<ImportColumnKey, unknown>>;

export function cellsByKey(header: ImportHeader, cells: readonly unknown[]): ImportCells {
  const out: ImportCells = {};
  const cols = header.columns;
  for (let i = 0; i < cols.length; i++) {
    const [key, index] = cols[i]!;
    const v = cells[index];
    if (v !== undefined && v !== null) out[key] = v;
  }
  return out;
}

export function isEmptyRow(cells: readonly unknown[]): boolean {
  for (const c of cells) if (c !== undefined && c !== null && cellText(c) !== '') return false;
  return true;
}

// ---------------------------------------------------------------------------------------
// Dates of the import

/** The calendar date in Asia/Shanghai (UTC+8, no daylight saving) of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Default income period: the `months` full calendar months before `today` (R18; `months` is
 * P04, 12 by default: '2026-03-02' → 2025-03-01…2026-02-28).
 */
export function defaultIncomePeriod(today: string, months = 12): { start: string; end: string } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const firstOfMonth = Date.UTC(y, m - 1, 1);
  const end = new Date(firstOfMonth - 86_400_000).toISOString().slice(0, 10);
  const start = new Date(Date.UTC(y, m - 1 - months, 1)).toISOString().slice(0, 10);
  return { start, end };
}

// ---------------------------------------------------------------------------------------
// One row

export interface ImportIncome {
  incomeType: IncomeType;
  amountFen: number;
}

/** A valid row. Optional fields are null when the cell was empty (an empty cell never erases data). */
export interface ImportRecord {
  rowNo: number;
  householdNo: string;
  regionCode: string;
  countyCode: string;
  address: string | null;
  urbanRural: UrbanRural;
  name: string;
  idNumber: string;
  sex: Sex;
  birthDate: string;
  relationship: Relationship;
  ethnicity: string | null;
  phone: string | null;
  labourCapacity: string | null;
  healthStatus: string | null;
  seriousIllness: string | null;
  disabilityCategory: string | null;
  disabilityGrade: number | null;
  employment: string | null;
  studentStage: string | null;
  bankName: string | null;
  bankAccount: string | null;
  categories: Category[] | null;
  categoryFrom: string | null;
  incomes: ImportIncome[];
  incomeStart: string;
  incomeEnd: string;
  /** R15 reason the person is not counted as the row gives it ({ code: null }: 无); null: the row says nothing */
  exclusion: { code: MeansTestExclusion | null } | null;
  /** R56 供养方式 as the row gives it; null: the row says nothing (what is recorded stays) */
  support: ImportSupport | null;
  /** R53 self-care assessment as the row gives it; null: the row says nothing */
  selfCare: ImportSelfCare | null;
}

export interface ImportSupport {
  mode: SupportMode;
  /** 集中供养 only */
  institution: string | null;
  since: string;
}

export interface ImportSelfCare {
  /** the activities the person cannot do alone (R53); empty: all six */
  unable: SelfCareActivity[];
  assessedOn: string;
}

/** What could be read from an invalid row (used by the file-wide checks). */
export type ImportRecordPartial = Partial<ImportRecord> & { rowNo: number };

export type ImportRowResult =
  | { ok: true; value: ImportRecord }
  | { ok: false; violations: ImportViolation[]; partial: ImportRecordPartial };

export interface ImportRowOptions {
  /** Import date (Asia/Shanghai), 'YYYY-MM-DD'. */
  today: string;
  /** Default income period when the row gives none. */
  incomePeriod: { start: string; end: string };
}

const ANY_SPACE = /[\s\u200B-\u200D\u2060\uFEFF]+/g;

function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Text of a code-list cell for matching: half-width, no spaces, upper-case. */
function codeKey(s: string): string {
  return halfWidth(s).replace(ANY_SPACE, '').toUpperCase();
}

function codeMatcher<T extends string>(table: Record<T, string>, aliases: Record<string, T> = {}): (text: string) => T | null {
  const map = new Map<string, T>();
  for (const [code, label] of Object.entries(table) as [T, string][]) {
    map.set(codeKey(code), code);
    map.set(codeKey(label), code);
  }
  for (const [alias, code] of Object.entries(aliases)) map.set(codeKey(alias), code);
  return (text) => map.get(codeKey(text)) ?? null;
}

const matchUrbanRural = codeMatcher(URBAN_RURAL_LABELS, { 城镇: 'URBAN', 城: 'URBAN', 乡村: 'RURAL', 农: 'RURAL' });
const matchRelationship = codeMatcher(RELATIONSHIP_LABELS, {
  本人: 'HEAD', 户主本人: 'HEAD',
  妻子: 'SPOUSE', 丈夫: 'SPOUSE', 妻: 'SPOUSE', 夫: 'SPOUSE',
  子: 'CHILD', 女: 'CHILD', 儿子: 'CHILD', 女儿: 'CHILD', 长子: 'CHILD', 次子: 'CHILD', 长女: 'CHILD', 次女: 'CHILD',
  父亲: 'PARENT', 母亲: 'PARENT', 父: 'PARENT', 母: 'PARENT',
  孙子: 'GRANDCHILD', 孙女: 'GRANDCHILD', 外孙: 'GRANDCHILD', 外孙女: 'GRANDCHILD',
  祖父: 'GRANDPARENT', 祖母: 'GRANDPARENT', 外祖父: 'GRANDPARENT', 外祖母: 'GRANDPARENT',
  兄: 'SIBLING', 弟: 'SIBLING', 姐: 'SIBLING', 妹: 'SIBLING', 哥哥: 'SIBLING', 弟弟: 'SIBLING', 姐姐: 'SIBLING', 妹妹: 'SIBLING',
  儿媳: 'CHILD_IN_LAW', 女婿: 'CHILD_IN_LAW',
});
const matchSex = codeMatcher({ M: '男', F: '女' } as Record<Sex, string>, { 男性: 'M', 女性: 'F' });
const matchLabour = codeMatcher(LABOUR_CAPACITY_LABELS, { 丧失劳动能力: 'NONE', 部分劳动能力: 'PARTIAL' });
const matchHealth = codeMatcher(HEALTH_LABELS, { 患重病: 'SERIOUS', 患慢性病: 'CHRONIC' });
const matchDisability = codeMatcher(DISABILITY_CATEGORY_LABELS, {
  视力: 'VISUAL', 听力: 'HEARING', 言语: 'SPEECH', 肢体: 'PHYSICAL', 智力: 'INTELLECTUAL', 精神: 'MENTAL', 多重: 'MULTIPLE',
});
const matchGrade = codeMatcher(DISABILITY_GRADE_LABELS, { '1级': '1', '2级': '2', '3级': '3', '4级': '4', 壹级: '1', 贰级: '2', 叁级: '3', 肆级: '4' });
const matchEmployment = codeMatcher(EMPLOYMENT_LABELS, { 务工: 'MIGRANT', 在岗: 'EMPLOYED', 无业: 'UNEMPLOYED' });
const matchStudent = codeMatcher(STUDENT_STAGE_LABELS, { 否: 'NONE', 无: 'NONE', 不在校: 'NONE', 幼儿园: 'PRESCHOOL', 大学: 'UNDERGRAD', 中专: 'VOCATIONAL', 职高: 'VOCATIONAL' });
const matchCategory = codeMatcher(CATEGORY_LABELS, {
  低保对象: 'DIBAO', 最低生活保障: 'DIBAO', 低保户: 'DIBAO',
  特困人员: 'TEKUN', 特困供养: 'TEKUN', 特困供养人员: 'TEKUN',
  防返贫: 'FANGFANPIN', 防止返贫监测对象: 'FANGFANPIN', 防返贫监测对象: 'FANGFANPIN',
  低保边缘家庭: 'DIBAO_EDGE', 低保边缘: 'DIBAO_EDGE',
  刚性支出困难家庭: 'RIGID_EXPENDITURE', 支出型困难: 'RIGID_EXPENDITURE',
  其他困难: 'OTHER',
});

const matchSupportMode = codeMatcher(SUPPORT_MODE_LABELS, { 集中: 'INSTITUTIONAL', 机构供养: 'INSTITUTIONAL', 分散: 'HOME', 居家供养: 'HOME' });
/** A self-care activity as offices write it: with or without 自主/独立/不能, 进食 for 吃饭, 上厕所 for 如厕. */
const matchSelfCareActivity = (() => {
  const byCode = codeMatcher(SELF_CARE_ACTIVITY_LABELS, {
    吃饭: 'eating', 进食: 'eating', 穿衣: 'dressing', 穿脱衣服: 'dressing', 上下床: 'gettingInOutOfBed', 起床: 'gettingInOutOfBed',
    如厕: 'usingToilet', 上厕所: 'usingToilet', 室内行走: 'walkingIndoors', 行走: 'walkingIndoors', 洗澡: 'bathing',
  });
  return (t: string) => byCode(t.replace(/^(不能|无法|不能够)?(自主|独立|自行)?/, '')) ?? byCode(t);
})();
const NONE_UNABLE = new Set(['无', '没有', '全部能自理', '能自理', '全自理']);
const NO_EXCLUSION = new Set(['无', '否', '没有']);
const matchExclusion = codeMatcher(MEANS_TEST_EXCLUSION_LABELS, {
  宗教教职人员: 'CLERGY_AWAY_3Y', 服刑: 'PRISON', 在押服刑: 'PRISON', 戒毒: 'DRUG_REHABILITATION', 强制戒毒: 'DRUG_REHABILITATION',
  失踪: 'DECLARED_MISSING', 宣告失踪: 'DECLARED_MISSING', 义务兵: 'CONSCRIPT_IN_ACTIVE_SERVICE', 服兵役: 'CONSCRIPT_IN_ACTIVE_SERVICE',
});

const CATEGORY_SPLIT = /[、,，;；/／]+/;
const SCIENTIFIC = /^[+-]?\d+(\.\d+)?E[+-]?\d+$/i;

/** The value to hand to parseIdNumber: numbers stay numbers (precision check); objects are unwrapped. */
function rawIdValue(v: unknown): unknown {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'object' && 'result' in (v as object)) {
    const r = (v as { result?: unknown }).result;
    if (typeof r === 'number') return r;
  }
  return cellText(v);
}

/**
 * The checks of one row, as methods (no closures per row: this runs for every row of
 * files with hundreds of thousands of rows). Each cell's text is computed once.
 */
class RowCheck {
  readonly violations: ImportViolation[] = [];
  readonly p: ImportRecordPartial;
  /** Cell texts by column number (an array: objects with varying key order are slow). */
  private readonly texts: (string | undefined)[] = new Array(IMPORT_COLUMNS.length);

  constructor(
    readonly rowNo: number,
    readonly cells: ImportCells,
  ) {
    this.p = { rowNo };
  }

  text(key: ImportColumnKey): string {
    const n = COLUMN_NO[key];
    let t = this.texts[n];
    if (t === undefined) {
      const v = this.cells[key];
      t = v === undefined ? '' : typeof v === 'string' ? plainText(v) : cellText(v);
      this.texts[n] = t;
    }
    return t;
  }

  fail(key: ImportColumnKey, code: string, params?: Violation['params']): void {
    const value = this.text(key);
    this.violations.push(params ? { rowNo: this.rowNo, path: key, code, params, value } : { rowNo: this.rowNo, path: key, code, value });
  }

  required(key: ImportColumnKey): string | null {
    const t = this.text(key);
    if (t !== '') return t;
    this.fail(key, 'FIELD_REQUIRED', { field: IMPORT_HEADER_BY_KEY[key] });
    return null;
  }

  fits(key: ImportColumnKey, t: string, max: number): boolean {
    if (t.length <= max || Array.from(t).length <= max) return true;
    this.fail(key, 'FIELD_TOO_LONG', { field: IMPORT_HEADER_BY_KEY[key], max });
    return false;
  }

  optionalText(key: ImportColumnKey, max: number): string | null {
    const t = collapseSpaces(this.text(key));
    return t === '' || !this.fits(key, t, max) ? null : t;
  }

  code<T extends string>(key: ImportColumnKey, match: (t: string) => T | null, allowed: readonly string[]): T | null {
    const t = this.text(key);
    if (t === '') return null;
    const c = match(t);
    if (c === null) this.fail(key, 'IMPORT_CODE_UNKNOWN', { field: IMPORT_HEADER_BY_KEY[key], value: t, allowed: allowed.join('、') });
    return c;
  }

  /** Digits-only identifiers that Excel may have turned into numbers. */
  numberLike(key: ImportColumnKey): string | null {
    const v = this.cells[key];
    if (typeof v === 'number') {
      if (Number.isSafeInteger(v) && v >= 0) return String(v);
      this.fail(key, 'IMPORT_NUMBER_PRECISION_LOST', { field: IMPORT_HEADER_BY_KEY[key] });
      return null;
    }
    const t = halfWidth(this.text(key)).replace(ANY_SPACE, '');
    if (SCIENTIFIC.test(t)) {
      this.fail(key, 'IMPORT_NUMBER_PRECISION_LOST', { field: IMPORT_HEADER_BY_KEY[key] });
      return null;
    }
    return t;
  }

  date(key: ImportColumnKey): string | null | undefined {
    if (this.text(key) === '') return null;
    const d = parseDateCell(this.cells[key], key);
    if (d.ok) return d.value;
    this.fail(key, d.violations[0]!.code, d.violations[0]!.params);
    return undefined;
  }
}

const EDGE_SPACE = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;
const NEEDS_TRIM = /^[\s\u200B-\u200D\u2060\uFEFF]|[\s\u200B-\u200D\u2060\uFEFF]$/;

/** cellText for a string cell (the common case), without the regex replace when nothing needs trimming. */
function plainText(s: string): string {
  return NEEDS_TRIM.test(s) ? s.replace(EDGE_SPACE, '') : s;
}

function collapseSpaces(s: string): string {
  return /[\s\u200B-\u200D\u2060\uFEFF]/.test(s) ? s.replace(ANY_SPACE, ' ') : s;
}

const URBAN_RURAL_ALLOWED = labelsOf(URBAN_RURAL_LABELS);
const RELATIONSHIP_ALLOWED = labelsOf(RELATIONSHIP_LABELS);
const LABOUR_ALLOWED = labelsOf(LABOUR_CAPACITY_LABELS);
const HEALTH_ALLOWED = labelsOf(HEALTH_LABELS);
const DISABILITY_ALLOWED = labelsOf(DISABILITY_CATEGORY_LABELS);
const GRADE_ALLOWED = ['1', '2', '3', '4', ...labelsOf(DISABILITY_GRADE_LABELS)];
const EMPLOYMENT_ALLOWED = labelsOf(EMPLOYMENT_LABELS);
const STUDENT_ALLOWED = labelsOf(STUDENT_STAGE_LABELS);
const CATEGORY_ALLOWED = labelsOf(CATEGORY_LABELS).join('、');
const SUPPORT_MODE_ALLOWED = labelsOf(SUPPORT_MODE_LABELS);
const EXCLUSION_ALLOWED = [...labelsOf(MEANS_TEST_EXCLUSION_LABELS), '无'];
const SELF_CARE_ALLOWED = [...labelsOf(SELF_CARE_ACTIVITY_LABELS), '无'].join('、');

/**
 * Check one data row. Each column gives at most one violation; `path` is the column key.
 * Household agreement, heads and duplicates across rows are checked by checkImportFile.
 */
export function validateImportRow(rowNo: number, cells: ImportCells, opts: ImportRowOptions): ImportRowResult {
  const c = new RowCheck(rowNo, cells);
  const p = c.p;

  // Household fields
  if (c.required('householdNo') !== null) {
    const no = c.numberLike('householdNo');
    if (no !== null && c.fits('householdNo', no, 32)) p.householdNo = no;
  }
  if (c.required('regionCode') !== null) {
    const rc = c.numberLike('regionCode');
    if (rc !== null) {
      if (rc.length === 12 && regionLevelOf(rc) === 5) {
        p.regionCode = rc;
        p.countyCode = rc.slice(0, 6);
      } else c.fail('regionCode', 'IMPORT_REGION_CODE_INVALID', { value: c.text('regionCode') });
    }
  }
  if (c.required('urbanRural') !== null) {
    const ur = c.code('urbanRural', matchUrbanRural, URBAN_RURAL_ALLOWED);
    if (ur) p.urbanRural = ur;
  }
  p.address = c.optionalText('address', 200);

  // Person
  const name = c.required('name');
  if (name !== null) {
    const n = collapseSpaces(name);
    if (c.fits('name', n, 50)) p.name = n;
  }
  const id = parseIdNumber(rawIdValue(cells.idNumber), { today: opts.today });
  if (id.ok) {
    p.idNumber = id.value.idNumber;
    p.sex = id.value.sex;
    p.birthDate = id.value.birthDate;
  } else {
    const v = id.violations[0]!;
    c.fail('idNumber', v.code, v.params);
  }
  if (c.required('relationship') !== null) {
    const rel = c.code('relationship', matchRelationship, RELATIONSHIP_ALLOWED);
    if (rel) p.relationship = rel;
  }
  const sex = c.code('sex', matchSex, ['男', '女']);
  const birth = c.date('birthDate');
  if (id.ok && (sex !== null || birth)) {
    for (const v of checkIdAgainstEntered(id.value, { sex, birthDate: birth ?? null })) {
      c.fail(v.path === 'sex' ? 'sex' : 'birthDate', v.code, v.params);
    }
  }
  p.ethnicity = c.optionalText('ethnicity', 16);
  p.phone = null;
  if (c.text('phone') !== '') {
    const ph = parsePhoneCell(cells.phone, 'phone');
    if (ph.ok) p.phone = ph.value;
    else c.fail('phone', ph.violations[0]!.code, ph.violations[0]!.params);
  }
  p.labourCapacity = c.code('labourCapacity', matchLabour, LABOUR_ALLOWED);
  p.healthStatus = c.code('healthStatus', matchHealth, HEALTH_ALLOWED);
  p.seriousIllness = c.optionalText('seriousIllness', 100);
  p.disabilityCategory = c.code('disabilityCategory', matchDisability, DISABILITY_ALLOWED);
  const grade = c.code('disabilityGrade', matchGrade, GRADE_ALLOWED);
  p.disabilityGrade = grade === null ? null : Number(grade);
  p.employment = c.code('employment', matchEmployment, EMPLOYMENT_ALLOWED);
  p.studentStage = c.code('studentStage', matchStudent, STUDENT_ALLOWED);
  p.bankName = c.optionalText('bankName', 60);
  p.bankAccount = null;
  if (c.text('bankAccount') !== '') {
    const acct = c.numberLike('bankAccount');
    if (acct !== null) {
      const digits = acct.replace(/-/g, '');
      if (/^\d{6,40}$/.test(digits)) p.bankAccount = digits;
      else c.fail('bankAccount', 'IMPORT_BANK_ACCOUNT_INVALID', { value: c.text('bankAccount') });
    }
  }

  // Categories (household level)
  p.categories = null;
  const catText = c.text('categories');
  if (catText !== '') {
    const found: Category[] = [];
    const unknown: string[] = [];
    for (const part of catText.split(CATEGORY_SPLIT)) {
      const t = part.trim();
      if (t === '') continue;
      const cat = matchCategory(t);
      if (cat === null) unknown.push(t);
      else if (!found.includes(cat)) found.push(cat);
    }
    if (unknown.length > 0) {
      c.fail('categories', 'IMPORT_CODE_UNKNOWN', { field: IMPORT_HEADER_BY_KEY.categories, value: unknown.join('、'), allowed: CATEGORY_ALLOWED });
    } else if (found.length > 0) {
      p.categories = CATEGORIES.filter((x) => found.includes(x));
    }
  }
  p.categoryFrom = null;
  const from = c.date('categoryFrom');
  if (from) {
    if (from > opts.today) c.fail('categoryFrom', 'IMPORT_DATE_IN_FUTURE', { field: IMPORT_HEADER_BY_KEY.categoryFrom, value: from });
    else p.categoryFrom = from;
  }

  // Incomes
  const incomes: ImportIncome[] = [];
  for (let i = 0; i < INCOME_COLUMNS.length; i++) {
    const [key, incomeType] = INCOME_COLUMNS[i]!;
    if (c.text(key) === '') continue;
    const m = parseMoneyCell(cells[key], key);
    if (m.ok) incomes.push({ incomeType, amountFen: m.value });
    else c.fail(key, m.violations[0]!.code, m.violations[0]!.params);
  }
  p.incomes = incomes;
  const start = c.date('incomeStart');
  const end = c.date('incomeEnd');
  if (start === null && end === null) {
    p.incomeStart = opts.incomePeriod.start;
    p.incomeEnd = opts.incomePeriod.end;
  } else if (start === null) c.fail('incomeStart', 'FIELD_REQUIRED', { field: IMPORT_HEADER_BY_KEY.incomeStart });
  else if (end === null) c.fail('incomeEnd', 'FIELD_REQUIRED', { field: IMPORT_HEADER_BY_KEY.incomeEnd });
  else if (start !== undefined && end !== undefined) {
    if (start > end) c.fail('incomeEnd', 'IMPORT_INCOME_PERIOD_INVALID', { start, end });
    else {
      p.incomeStart = start;
      p.incomeEnd = end;
    }
  }

  checkExclusion(c);
  checkSupport(c, opts.today);
  checkSelfCare(c, opts.today);

  if (c.violations.length > 0) return { ok: false, violations: c.violations, partial: p };
  return { ok: true, value: p as ImportRecord };
}

/** A date cell that may not be after the import day; null when empty, undefined when refused. */
function pastDate(c: RowCheck, key: ImportColumnKey, today: string): string | null | undefined {
  const d = c.date(key);
  if (d && d > today) {
    c.fail(key, 'IMPORT_DATE_IN_FUTURE', { field: IMPORT_HEADER_BY_KEY[key], value: d });
    return undefined;
  }
  return d;
}

/** R15 不计入家庭人口原因: a reason, or 无 for none (clears a recorded one). */
function checkExclusion(c: RowCheck): void {
  c.p.exclusion = null;
  const text = c.text('meansTestExclusion');
  if (text === '') return;
  if (NO_EXCLUSION.has(text)) {
    c.p.exclusion = { code: null };
    return;
  }
  const code = c.code('meansTestExclusion', matchExclusion, EXCLUSION_ALLOWED);
  if (code) c.p.exclusion = { code };
}

/** R56 供养方式, 供养机构 and 供养起始日期: all or nothing, the institution for 集中供养 only. */
function checkSupport(c: RowCheck, today: string): void {
  c.p.support = null;
  const mode = c.code('supportMode', matchSupportMode, SUPPORT_MODE_ALLOWED);
  const institution = c.optionalText('supportInstitution', 100);
  const since = pastDate(c, 'supportSince', today);
  const given = c.text('supportMode') !== '' || c.text('supportInstitution') !== '' || c.text('supportSince') !== '';
  if (!given) return;
  if (c.text('supportMode') === '') c.fail('supportMode', 'FIELD_REQUIRED', { field: IMPORT_HEADER_BY_KEY.supportMode });
  if (c.text('supportSince') === '') c.fail('supportSince', 'FIELD_REQUIRED', { field: IMPORT_HEADER_BY_KEY.supportSince });
  if (mode === 'HOME' && institution !== null) {
    c.fail('supportInstitution', 'REGISTRY_SUPPORT_FIELD_MISMATCH', { field: IMPORT_HEADER_BY_KEY.supportInstitution, mode: SUPPORT_MODE_LABELS.INSTITUTIONAL });
  }
  if (mode && since) c.p.support = { mode, institution: mode === 'INSTITUTIONAL' ? institution : null, since };
}

/** R53 不能自理项目 and 自理能力评估日期: both or neither. */
function checkSelfCare(c: RowCheck, today: string): void {
  c.p.selfCare = null;
  const text = c.text('selfCareUnable');
  const assessedOn = pastDate(c, 'selfCareAssessedOn', today);
  if (text === '' && c.text('selfCareAssessedOn') === '') return;
  if (text === '') {
    c.fail('selfCareUnable', 'FIELD_REQUIRED', { field: IMPORT_HEADER_BY_KEY.selfCareUnable });
    return;
  }
  if (c.text('selfCareAssessedOn') === '') c.fail('selfCareAssessedOn', 'FIELD_REQUIRED', { field: IMPORT_HEADER_BY_KEY.selfCareAssessedOn });
  const unable: SelfCareActivity[] = [];
  const unknown: string[] = [];
  for (const part of text.split(CATEGORY_SPLIT)) {
    const t = part.trim();
    if (t === '' || NONE_UNABLE.has(t)) continue;
    const a = matchSelfCareActivity(t);
    if (a === null) unknown.push(t);
    else if (!unable.includes(a)) unable.push(a);
  }
  if (unknown.length > 0) {
    c.fail('selfCareUnable', 'IMPORT_CODE_UNKNOWN', { field: IMPORT_HEADER_BY_KEY.selfCareUnable, value: unknown.join('、'), allowed: SELF_CARE_ALLOWED });
    return;
  }
  if (assessedOn) c.p.selfCare = { unable: SELF_CARE_ACTIVITIES.filter((a) => unable.includes(a)), assessedOn };
}

// ---------------------------------------------------------------------------------------
// The whole file

export interface ImportRegionInfo {
  code: string;
  level: number;
  active: boolean;
}

/** Distinct village codes of the rows (to look up with one query). */
export function collectRegionCodes(rows: Iterable<ImportRecordPartial>): string[] {
  const out = new Set<string>();
  for (const r of rows) if (r.regionCode) out.add(r.regionCode);
  return [...out];
}

interface HouseholdAcc {
  firstRowNo: number;
  heads: number[];
  relationshipUnknown: boolean;
  fields: Map<string, { value: string; rowNo: number }>;
}

const HOUSEHOLD_FIELDS = ['regionCode', 'urbanRural', 'address', 'categories', 'categoryFrom'] as const;

function householdFieldValue(r: ImportRecordPartial, key: (typeof HOUSEHOLD_FIELDS)[number]): string | null {
  const v = r[key];
  if (v === undefined || v === null) return null;
  return Array.isArray(v) ? v.join('、') : String(v);
}

/**
 * Checks that need all rows: the village exists, is a village (level 5), is active and lies
 * inside the uploader's scope; an identity number appears once; each 户编号 has exactly one
 * 户主 and its rows agree on the household fields (an empty cell on a member row is fine).
 * Rows that could not be read are skipped field by field, so one bad cell does not cascade.
 */
export function checkImportFile(
  rows: readonly ImportRecordPartial[],
  ctx: { scopeRegionCode: string; regions: ReadonlyMap<string, ImportRegionInfo> },
): ImportViolation[] {
  const out: ImportViolation[] = [];
  const firstRowById = new Map<string, number>();
  const households = new Map<string, HouseholdAcc>();
  for (const r of rows) {
    if (r.regionCode) {
      const reg = ctx.regions.get(r.regionCode);
      const v = { rowNo: r.rowNo, path: 'regionCode' as const, value: r.regionCode, params: { value: r.regionCode } };
      if (!r.regionCode.startsWith(ctx.scopeRegionCode)) out.push({ ...v, code: 'IMPORT_REGION_OUT_OF_SCOPE' });
      else if (!reg) out.push({ ...v, code: 'IMPORT_REGION_NOT_FOUND' });
      else if (reg.level !== 5) out.push({ ...v, code: 'IMPORT_REGION_NOT_VILLAGE' });
      else if (!reg.active) out.push({ ...v, code: 'IMPORT_REGION_INACTIVE' });
    }
    if (r.idNumber) {
      const first = firstRowById.get(r.idNumber);
      if (first === undefined) firstRowById.set(r.idNumber, r.rowNo);
      else out.push({ rowNo: r.rowNo, path: 'idNumber', code: 'IMPORT_ID_DUPLICATE', params: { firstRowNo: first }, value: r.idNumber });
    }
    if (!r.householdNo) continue;
    let h = households.get(r.householdNo);
    if (!h) {
      h = { firstRowNo: r.rowNo, heads: [], relationshipUnknown: false, fields: new Map() };
      households.set(r.householdNo, h);
    }
    if (r.relationship === undefined) h.relationshipUnknown = true;
    else if (r.relationship === 'HEAD') {
      if (h.heads.length > 0) {
        out.push({ rowNo: r.rowNo, path: 'relationship', code: 'IMPORT_HEAD_MULTIPLE', params: { householdNo: r.householdNo, firstRowNo: h.heads[0]! }, value: RELATIONSHIP_LABELS.HEAD });
      }
      h.heads.push(r.rowNo);
    }
    for (const key of HOUSEHOLD_FIELDS) {
      const value = householdFieldValue(r, key);
      if (value === null) continue;
      const seen = h.fields.get(key);
      if (!seen) h.fields.set(key, { value, rowNo: r.rowNo });
      else if (seen.value !== value) {
        out.push({
          rowNo: r.rowNo,
          path: key,
          code: 'IMPORT_HOUSEHOLD_FIELD_CONFLICT',
          params: { householdNo: r.householdNo, field: IMPORT_HEADER_BY_KEY[key], firstRowNo: seen.rowNo, firstValue: seen.value },
          value,
        });
      }
    }
  }
  for (const [householdNo, h] of households) {
    if (h.heads.length === 0 && !h.relationshipUnknown) {
      out.push({ rowNo: h.firstRowNo, path: 'relationship', code: 'IMPORT_HEAD_MISSING', params: { householdNo }, value: null });
    }
  }
  return out;
}

const COLUMN_ORDER = new Map<string, number>(IMPORT_COLUMNS.map((c, i) => [c.key, i]));

/** Row order, then column order as in the template. */
export function sortImportViolations(vs: ImportViolation[]): ImportViolation[] {
  return vs.sort((a, b) => a.rowNo - b.rowNo || (COLUMN_ORDER.get(a.path) ?? -1) - (COLUMN_ORDER.get(b.path) ?? -1));
}
