/**
 * The catalogue of department data sources (issue 4 §1, POLICY.md R81 table and R88):
 * which department sends what, with which fields, and what a matched record changes in the
 * registry. Pure data plus pure functions; what offices edit (their column names) lives in
 * dept_field_mappings, versioned.
 */
import type { Decision, Violation } from '../errors.js';
import {
  DISABILITY_CATEGORY_LABELS,
  STUDENT_STAGE_LABELS,
  type AssetType,
  type ExpenditureType,
  type IncomeType,
} from '../registry/codes.js';
import { cellText, normaliseHeader, parseDateCell, parseIntegerCell, parseMoneyCell } from '../registry/cell-values.js';
import { parseIdNumber } from '../registry/id-number.js';

/** Departments that send data (R81, R88); a department API key may push every source of its department. */
export const DEPARTMENT_LABELS = {
  HEALTHCARE_SECURITY: '医保局',
  HRSS: '人社局',
  DPF: '残联',
  HEALTH: '卫健委',
  PUBLIC_SECURITY: '公安局',
  EMERGENCY: '应急管理局',
  HOUSING: '住建局',
  MARKET_REGULATION: '市场监管局',
  NATURAL_RESOURCES: '自然资源局（不动产登记）',
  PS_TRAFFIC: '公安交管部门',
  EDUCATION: '教育局',
  AGRICULTURE: '农业农村局',
  TAX: '税务局',
} as const;
export type Department = keyof typeof DEPARTMENT_LABELS;
export const DEPARTMENTS = Object.keys(DEPARTMENT_LABELS) as Department[];

export type DeptFieldType = 'ID_NUMBER' | 'TEXT' | 'DATE' | 'MONEY' | 'INTEGER' | 'ENUM';

export interface DeptField {
  /** Our field name (the key of a normalised record's data). */
  key: string;
  /** Default Chinese column header (the version-0 mapping). */
  header: string;
  type: DeptFieldType;
  required: boolean;
  /** ENUM: code → Chinese label; the cell may hold either. */
  options?: Readonly<Record<string, string>>;
}

/** What a matched record changes in the registry (source DEPARTMENT). */
export type DeptApplies =
  | { kind: 'NONE' }
  | { kind: 'EXPENDITURE'; expenditureType: ExpenditureType }
  | { kind: 'INCOME'; incomeTypes: readonly IncomeType[] }
  | { kind: 'ASSET'; assetType: AssetType }
  | { kind: 'PERSON'; fields: readonly ('disabilityCategory' | 'disabilityGrade' | 'healthStatus' | 'seriousIllness' | 'employment' | 'studentStage')[] }
  | { kind: 'CATEGORY'; category: 'FANGFANPIN' };

export interface DeptSource {
  code: string;
  /** 'ANY': a key of any department may push it. */
  department: Department | 'ANY';
  departmentName: string;
  datasetName: string;
  fields: readonly DeptField[];
  eventDateField: string | null;
  amountField: string | null;
  applies: DeptApplies;
}

const ID: DeptField = { key: 'idNumber', header: '身份证号', type: 'ID_NUMBER', required: true };
const NAME: DeptField = { key: 'name', header: '姓名', type: 'TEXT', required: true };
const BIRTH: DeptField = { key: 'birthDate', header: '出生日期', type: 'DATE', required: false };
const PERSON = [ID, NAME, BIRTH] as const;

const f = (key: string, header: string, type: DeptFieldType, required = false, options?: Record<string, string>): DeptField =>
  options ? { key, header, type, required, options } : { key, header, type, required };

const STUDENT_STAGES = Object.fromEntries(Object.entries(STUDENT_STAGE_LABELS).filter(([k]) => k !== 'NONE'));

/** Keyed by source code (the key is the code). */
const CATALOGUE: Record<string, Omit<DeptSource, 'code'>> = {
  MEDICAL_SETTLEMENT: {
    department: 'HEALTHCARE_SECURITY',
    departmentName: DEPARTMENT_LABELS.HEALTHCARE_SECURITY,
    datasetName: '医疗费用结算',
    fields: [
      ...PERSON,
      f('settlementNo', '结算单号', 'TEXT'),
      f('settlementDate', '结算日期', 'DATE', true),
      f('admissionDate', '入院日期', 'DATE'),
      f('dischargeDate', '出院日期', 'DATE'),
      f('visitType', '就诊类型', 'ENUM', false, { INPATIENT: '住院', OUTPATIENT: '门诊', CHRONIC_OUTPATIENT: '门诊慢特病' }),
      f('hospital', '医疗机构', 'TEXT'),
      f('diagnosis', '诊断', 'TEXT'),
      f('totalFen', '医疗总费用', 'MONEY', true),
      f('fundPaidFen', '基本医保支付', 'MONEY'),
      f('seriousIllnessPaidFen', '大病保险支付', 'MONEY'),
      f('assistancePaidFen', '医疗救助支付', 'MONEY'),
      f('outOfPocketFen', '个人自付', 'MONEY', true),
    ],
    eventDateField: 'settlementDate',
    amountField: 'outOfPocketFen',
    applies: { kind: 'EXPENDITURE', expenditureType: 'MEDICAL_OUT_OF_POCKET' },
  },
  HRSS_EMPLOYMENT: {
    department: 'HRSS',
    departmentName: DEPARTMENT_LABELS.HRSS,
    datasetName: '就业失业登记',
    fields: [
      ...PERSON,
      f('registrationType', '登记类型', 'ENUM', true, { UNEMPLOYED: '失业登记', EMPLOYED: '就业登记', BENEFIT_START: '领取失业保险金', BENEFIT_END: '失业保险金停发' }),
      f('registrationDate', '登记日期', 'DATE', true),
      f('employer', '用人单位', 'TEXT'),
      f('monthlyWageFen', '月工资', 'MONEY'),
    ],
    eventDateField: 'registrationDate',
    amountField: 'monthlyWageFen',
    applies: { kind: 'PERSON', fields: ['employment'] },
  },
  HRSS_PENSION: {
    department: 'HRSS',
    departmentName: DEPARTMENT_LABELS.HRSS,
    datasetName: '养老金发放',
    fields: [
      ...PERSON,
      f('pensionType', '养老金类型', 'ENUM', true, { RESIDENT_BASIC: '城乡居民基本养老保险', EMPLOYEE: '城镇职工基本养老保险', OTHER: '其他养老金' }),
      f('paymentDate', '发放日期', 'DATE', true),
      f('amountFen', '发放金额', 'MONEY', true),
    ],
    eventDateField: 'paymentDate',
    amountField: 'amountFen',
    applies: { kind: 'INCOME', incomeTypes: ['PENSION_RESIDENT_BASIC', 'PENSION_OTHER'] },
  },
  DISABILITY_CERT: {
    department: 'DPF',
    departmentName: DEPARTMENT_LABELS.DPF,
    datasetName: '残疾人证',
    fields: [
      ...PERSON,
      f('certNo', '残疾人证号', 'TEXT'),
      f('disabilityCategory', '残疾类别', 'ENUM', true, DISABILITY_CATEGORY_LABELS),
      f('disabilityGrade', '残疾等级', 'ENUM', true, { '1': '一级', '2': '二级', '3': '三级', '4': '四级' }),
      f('issueDate', '发证日期', 'DATE', true),
      f('certStatus', '证件状态', 'ENUM', false, { VALID: '有效', CANCELLED: '注销' }),
    ],
    eventDateField: 'issueDate',
    amountField: null,
    applies: { kind: 'PERSON', fields: ['disabilityCategory', 'disabilityGrade'] },
  },
  SERIOUS_ILLNESS: {
    department: 'HEALTH',
    departmentName: DEPARTMENT_LABELS.HEALTH,
    datasetName: '重特大疾病',
    fields: [...PERSON, f('diseaseName', '疾病名称', 'TEXT', true), f('diagnosisDate', '确诊日期', 'DATE', true), f('hospital', '确诊机构', 'TEXT')],
    eventDateField: 'diagnosisDate',
    amountField: null,
    applies: { kind: 'PERSON', fields: ['healthStatus', 'seriousIllness'] },
  },
  PS_DEATH: {
    department: 'PUBLIC_SECURITY',
    departmentName: DEPARTMENT_LABELS.PUBLIC_SECURITY,
    datasetName: '死亡人员',
    fields: [...PERSON, f('deathDate', '死亡日期', 'DATE', true), f('cancellationDate', '户籍注销日期', 'DATE')],
    eventDateField: 'deathDate',
    amountField: null,
    applies: { kind: 'NONE' },
  },
  PS_HUKOU_MOVE: {
    department: 'PUBLIC_SECURITY',
    departmentName: DEPARTMENT_LABELS.PUBLIC_SECURITY,
    datasetName: '户籍迁移',
    fields: [
      ...PERSON,
      f('moveType', '迁移类型', 'ENUM', true, { IN: '迁入', OUT: '迁出' }),
      f('moveDate', '迁移日期', 'DATE', true),
      f('fromAddress', '迁出地', 'TEXT'),
      f('toAddress', '迁入地', 'TEXT'),
    ],
    eventDateField: 'moveDate',
    amountField: null,
    applies: { kind: 'NONE' },
  },
  DISASTER_LOSS: {
    department: 'EMERGENCY',
    departmentName: DEPARTMENT_LABELS.EMERGENCY,
    datasetName: '受灾人员',
    fields: [
      ...PERSON,
      f('disasterType', '灾害类型', 'TEXT', true),
      f('disasterDate', '受灾日期', 'DATE', true),
      f('lossFen', '直接经济损失', 'MONEY'),
      f('houseDamage', '房屋损毁程度', 'ENUM', false, { NONE: '无', MINOR: '一般损坏', SEVERE: '严重损坏', COLLAPSED: '倒塌' }),
    ],
    eventDateField: 'disasterDate',
    amountField: 'lossFen',
    applies: { kind: 'NONE' },
  },
  HOUSING_SAFETY: {
    department: 'HOUSING',
    departmentName: DEPARTMENT_LABELS.HOUSING,
    datasetName: '住房安全鉴定',
    fields: [
      ...PERSON,
      f('address', '房屋地址', 'TEXT'),
      f('appraisalLevel', '鉴定等级', 'ENUM', true, { A: 'A级', B: 'B级', C: 'C级', D: 'D级' }),
      f('appraisalDate', '鉴定日期', 'DATE', true),
    ],
    eventDateField: 'appraisalDate',
    amountField: null,
    applies: { kind: 'NONE' },
  },
  BUSINESS_REG: {
    department: 'MARKET_REGULATION',
    departmentName: DEPARTMENT_LABELS.MARKET_REGULATION,
    datasetName: '经营主体登记',
    fields: [
      ...PERSON,
      f('entityName', '主体名称', 'TEXT', true),
      f('creditCode', '统一社会信用代码', 'TEXT'),
      f('entityType', '主体类型', 'ENUM', false, { COMPANY: '企业', INDIVIDUAL: '个体工商户', COOPERATIVE: '农民专业合作社' }),
      f('registeredCapitalFen', '注册资本', 'MONEY'),
      f('registrationDate', '登记日期', 'DATE', true),
      f('entityStatus', '登记状态', 'ENUM', false, { ACTIVE: '存续', CANCELLED: '注销', REVOKED: '吊销' }),
    ],
    eventDateField: 'registrationDate',
    amountField: 'registeredCapitalFen',
    applies: { kind: 'ASSET', assetType: 'BUSINESS' },
  },
  REAL_ESTATE: {
    department: 'NATURAL_RESOURCES',
    departmentName: DEPARTMENT_LABELS.NATURAL_RESOURCES,
    datasetName: '不动产登记',
    fields: [
      ...PERSON,
      f('certNo', '不动产权证号', 'TEXT'),
      f('location', '坐落', 'TEXT', true),
      f('usage', '用途', 'ENUM', false, { RESIDENTIAL: '住宅', COMMERCIAL: '商业', OFFICE: '办公', OTHER: '其他' }),
      f('areaSqm', '建筑面积(平方米)', 'INTEGER'),
      f('registrationDate', '登记日期', 'DATE', true),
      f('valueFen', '交易价格', 'MONEY'),
    ],
    eventDateField: 'registrationDate',
    amountField: 'valueFen',
    applies: { kind: 'ASSET', assetType: 'HOUSE' },
  },
  VEHICLE: {
    department: 'PS_TRAFFIC',
    departmentName: DEPARTMENT_LABELS.PS_TRAFFIC,
    datasetName: '机动车登记',
    fields: [
      ...PERSON,
      f('plateNo', '号牌号码', 'TEXT', true),
      f('vehicleType', '车辆类型', 'TEXT'),
      f('brand', '品牌型号', 'TEXT'),
      f('registrationDate', '登记日期', 'DATE', true),
      f('priceFen', '购置价格', 'MONEY'),
    ],
    eventDateField: 'registrationDate',
    amountField: 'priceFen',
    applies: { kind: 'ASSET', assetType: 'VEHICLE' },
  },
  STUDENT: {
    department: 'EDUCATION',
    departmentName: DEPARTMENT_LABELS.EDUCATION,
    datasetName: '学生资助/学籍',
    fields: [
      ...PERSON,
      f('school', '学校', 'TEXT', true),
      f('stage', '学段', 'ENUM', true, STUDENT_STAGES),
      f('aidType', '资助项目', 'TEXT'),
      f('aidFen', '资助金额', 'MONEY'),
      f('termStartDate', '学期开始日期', 'DATE', true),
    ],
    eventDateField: 'termStartDate',
    amountField: 'aidFen',
    applies: { kind: 'PERSON', fields: ['studentStage'] },
  },
  FANGFANPIN: {
    department: 'AGRICULTURE',
    departmentName: DEPARTMENT_LABELS.AGRICULTURE,
    datasetName: '防返贫监测对象',
    fields: [
      ...PERSON,
      f('monitorType', '监测对象类型', 'ENUM', false, { UNSTABLE: '脱贫不稳定户', EDGE: '边缘易致贫户', SUDDEN: '突发严重困难户' }),
      f('monitorStatus', '监测状态', 'ENUM', true, { MONITORED: '监测中', RISK_ELIMINATED: '风险消除' }),
      f('identifiedDate', '识别日期', 'DATE', true),
      f('riskEliminatedDate', '风险消除日期', 'DATE'),
    ],
    eventDateField: 'identifiedDate',
    amountField: null,
    applies: { kind: 'CATEGORY', category: 'FANGFANPIN' },
  },
  TAX_INCOME: {
    department: 'TAX',
    departmentName: DEPARTMENT_LABELS.TAX,
    datasetName: '个人收入',
    fields: [
      ...PERSON,
      f('incomeItem', '所得项目', 'TEXT'),
      f('periodStart', '所属期起', 'DATE', true),
      f('periodEnd', '所属期止', 'DATE', true),
      f('incomeFen', '收入额', 'MONEY', true),
      f('withholder', '扣缴单位', 'TEXT'),
    ],
    eventDateField: 'periodEnd',
    amountField: 'incomeFen',
    applies: { kind: 'INCOME', incomeTypes: ['WAGE'] },
  },
  DEPT_FLAG: {
    department: 'ANY',
    departmentName: '任一部门',
    datasetName: '部门预警标识',
    fields: [
      ...PERSON,
      f('department', '预警部门', 'TEXT', true),
      f('reason', '预警原因', 'TEXT', true),
      f('level', '预警等级', 'ENUM', false, { RED: '红色', ORANGE: '橙色', YELLOW: '黄色' }),
      f('flagDate', '预警日期', 'DATE'),
    ],
    eventDateField: 'flagDate',
    amountField: null,
    applies: { kind: 'NONE' },
  },
};

export const DEPT_SOURCES: readonly DeptSource[] = Object.entries(CATALOGUE).map(([code, s]) => ({ code, ...s }));

const BY_CODE = new Map(DEPT_SOURCES.map((s) => [s.code, s]));

export function findDeptSource(code: string): DeptSource | null {
  return BY_CODE.get(code) ?? null;
}

/** May a key of `department` push data of `source`? */
export function departmentMayPush(source: DeptSource, department: string): boolean {
  return source.department === 'ANY' || source.department === department;
}

// ---------------------------------------------------------------------------------------
// Mappings: our field → their column name

export type DeptMapping = Readonly<Record<string, string>>;

/** Version 0: the catalogue's Chinese headers. */
export function defaultDeptMapping(source: DeptSource): Record<string, string> {
  return Object.fromEntries(source.fields.map((fd) => [fd.key, fd.header]));
}

/** The column a field is read from: the mapping's name, else the default header. */
export function columnOf(source: DeptSource, mapping: DeptMapping, key: string): string {
  const fd = source.fields.find((x) => x.key === key);
  const name = mapping[key]?.trim();
  return name ? name : (fd?.header ?? key);
}

/**
 * Check a mapping an office saves: only known fields, non-empty names, and no column name
 * used for two fields. Returns the mapping completed with defaults for fields not named.
 */
export function checkDeptMapping(source: DeptSource, input: Record<string, string>): Decision<Record<string, string>> {
  const violations: Violation[] = [];
  const known = new Set(source.fields.map((x) => x.key));
  for (const key of Object.keys(input)) if (!known.has(key)) violations.push({ path: key, code: 'DEPT_MAPPING_FIELD_UNKNOWN', params: { field: key } });
  const out: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const fd of source.fields) {
    const raw = input[fd.key];
    const name = raw === undefined ? fd.header : raw.trim();
    if (name === '') {
      violations.push({ path: fd.key, code: 'DEPT_MAPPING_COLUMN_EMPTY', params: { field: fd.header } });
      continue;
    }
    if (name.length > 60) {
      violations.push({ path: fd.key, code: 'FIELD_TOO_LONG', params: { field: fd.header, max: 60 } });
      continue;
    }
    const norm = normaliseHeader(name);
    const other = seen.get(norm);
    if (other) violations.push({ path: fd.key, code: 'DEPT_MAPPING_COLUMN_DUPLICATE', params: { column: name, field: other } });
    else seen.set(norm, fd.header);
    out[fd.key] = name;
  }
  return violations.length ? { ok: false, violations } : { ok: true, value: out };
}

/** Required columns missing from a file's header row (path = the expected column name). */
export function checkDeptHeader(source: DeptSource, mapping: DeptMapping, headers: readonly string[]): Violation[] {
  const present = new Set(headers.map((h) => normaliseHeader(h)));
  const out: Violation[] = [];
  for (const fd of source.fields) {
    const column = columnOf(source, mapping, fd.key);
    if (fd.required && !present.has(normaliseHeader(column))) out.push({ path: column, code: 'DEPT_COLUMN_MISSING', params: { column } });
  }
  return out;
}

/** Is this row the header row (it names the identity-number column)? */
export function isDeptHeaderRow(source: DeptSource, mapping: DeptMapping, cells: readonly unknown[]): boolean {
  const id = normaliseHeader(columnOf(source, mapping, 'idNumber'));
  return cells.some((c) => normaliseHeader(cellText(c)) === id);
}

// ---------------------------------------------------------------------------------------
// Rows

export type DeptValue = string | number | null;

export interface NormalisedDeptRecord {
  idNumber: string;
  name: string | null;
  birthDate: string | null;
  eventDate: string | null;
  amountFen: number | null;
  /** Every field of the source, normalised (dates 'YYYY-MM-DD', money in fen, enums as codes). */
  data: Record<string, DeptValue>;
}

export interface ParseDeptRowOptions {
  /** 'YYYY-MM-DD': identity numbers with later birth dates and event dates after it are refused. */
  today: string;
}

function optionCode(options: Readonly<Record<string, string>>, text: string): string | null {
  const t = text.replace(/\s+/g, '');
  if (t in options) return t;
  for (const [k, v] of Object.entries(options)) if (v === t) return k;
  return null;
}

/**
 * Validate and normalise one row of a department file or push. `rawRow` is keyed by the
 * department's column names (as in the header row or the pushed JSON); violations carry
 * the column name as their path.
 */
export function parseDeptRow(
  source: DeptSource,
  mapping: DeptMapping,
  rawRow: Readonly<Record<string, unknown>>,
  opts: ParseDeptRowOptions,
): Decision<NormalisedDeptRecord> {
  const byColumn = new Map<string, unknown>();
  for (const [k, v] of Object.entries(rawRow)) byColumn.set(normaliseHeader(k), v);
  const violations: Violation[] = [];
  const data: Record<string, DeptValue> = {};
  for (const fd of source.fields) {
    const column = columnOf(source, mapping, fd.key);
    const raw = byColumn.get(normaliseHeader(column));
    const text = cellText(raw);
    if (text === '' && fd.type !== 'ID_NUMBER') {
      if (fd.required) violations.push({ path: column, code: 'DEPT_VALUE_REQUIRED', params: { column } });
      data[fd.key] = null;
      continue;
    }
    const bad = (vs: Violation[]) => {
      for (const v of vs) violations.push({ path: column, code: v.code, params: { ...(v.params ?? {}), column } });
    };
    switch (fd.type) {
      case 'ID_NUMBER': {
        const r = parseIdNumber(typeof raw === 'string' || typeof raw === 'number' ? raw : text || null, { today: opts.today });
        if (r.ok) data[fd.key] = r.value.idNumber;
        else bad(r.violations);
        break;
      }
      case 'TEXT':
        if (text.length > 200) bad([{ path: column, code: 'FIELD_TOO_LONG', params: { field: column, max: 200 } }]);
        else data[fd.key] = text;
        break;
      case 'DATE': {
        const r = parseDateCell(raw, column);
        if (!r.ok) bad(r.violations);
        else if (r.value > opts.today) bad([{ path: column, code: 'DEPT_DATE_IN_FUTURE', params: { value: r.value } }]);
        else data[fd.key] = r.value;
        break;
      }
      case 'MONEY': {
        const r = parseMoneyCell(raw, column);
        if (r.ok) data[fd.key] = r.value;
        else bad(r.violations);
        break;
      }
      case 'INTEGER': {
        const r = parseIntegerCell(raw, column);
        if (r.ok && r.value >= 0) data[fd.key] = r.value;
        else bad(r.ok ? [{ path: column, code: 'CELL_INTEGER_INVALID', params: { value: text } }] : r.violations);
        break;
      }
      case 'ENUM': {
        const code = optionCode(fd.options ?? {}, text);
        if (code === null) {
          bad([{ path: column, code: 'DEPT_VALUE_UNKNOWN', params: { value: text, allowed: Object.values(fd.options ?? {}).join('、') } }]);
        } else data[fd.key] = code;
        break;
      }
    }
  }
  // Cross-field rules.
  const start = data.periodStart;
  const end = data.periodEnd;
  if (typeof start === 'string' && typeof end === 'string' && end < start) {
    const column = columnOf(source, mapping, 'periodEnd');
    violations.push({ path: column, code: 'DEPT_PERIOD_REVERSED', params: { start, end, column } });
  }
  if (violations.length > 0) return { ok: false, violations };
  const num = (k: string | null) => (k && typeof data[k] === 'number' ? (data[k] as number) : null);
  const str = (k: string | null) => (k && typeof data[k] === 'string' ? (data[k] as string) : null);
  return {
    ok: true,
    value: {
      idNumber: data.idNumber as string,
      name: str('name'),
      birthDate: str('birthDate'),
      eventDate: str(source.eventDateField),
      amountFen: num(source.amountField),
      data,
    },
  };
}

// ---------------------------------------------------------------------------------------
// Matching and facts

export type DeptMatchStatus = 'MATCHED' | 'UNMATCHED' | 'NAME_MISMATCH' | 'BIRTH_MISMATCH';

export const DEPT_MATCH_STATUS_LABELS: Record<DeptMatchStatus, string> = {
  MATCHED: '已匹配',
  UNMATCHED: '未在册',
  NAME_MISMATCH: '姓名不一致',
  BIRTH_MISMATCH: '出生日期不一致',
};

const nameKey = (s: string) => s.replace(/[\s\u3000·•.]/g, '');

/** How a record matches the registry person with the same identity number (null: not in the registry). */
export function matchDeptRecord(
  record: Pick<NormalisedDeptRecord, 'name' | 'birthDate'>,
  person: { name: string; birthDate: string } | null,
): DeptMatchStatus {
  if (!person) return 'UNMATCHED';
  if (record.name !== null && nameKey(record.name) !== nameKey(person.name)) return 'NAME_MISMATCH';
  if (record.birthDate !== null && record.birthDate !== person.birthDate) return 'BIRTH_MISMATCH';
  return 'MATCHED';
}

/** A concrete change of the registry that a matched record brings. */
export type DeptFact =
  | { kind: 'EXPENDITURE'; expenditureType: ExpenditureType; periodStart: string; periodEnd: string; amountFen: number; note: string | null }
  | { kind: 'INCOME'; incomeType: IncomeType; periodStart: string; periodEnd: string; amountFen: number; note: string | null }
  | {
      kind: 'ASSET';
      assetType: AssetType;
      description: string;
      quantity: number | null;
      unit: string | null;
      valueFen: number | null;
      /** identifies the asset across batches (plate, certificate, credit code or description) */
      assetKey: string;
      details: Record<string, DeptValue>;
    }
  | { kind: 'PERSON'; patch: Partial<Record<'disabilityCategory' | 'healthStatus' | 'seriousIllness' | 'employment' | 'studentStage', string>> & { disabilityGrade?: number } }
  | { kind: 'CATEGORY_ADD'; category: 'FANGFANPIN'; effectiveFrom: string; reason: string }
  | { kind: 'CATEGORY_END'; category: 'FANGFANPIN'; effectiveTo: string; reason: string };

function monthBounds(date: string): { start: string; end: string } {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: `${date.slice(0, 7)}-01`, end: `${date.slice(0, 7)}-${String(last).padStart(2, '0')}` };
}

/** What a matched record changes (empty for sources that only feed warnings). */
export function deptFactsOf(source: DeptSource, record: NormalisedDeptRecord): DeptFact[] {
  const d = record.data;
  const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  const n = (k: string) => (typeof d[k] === 'number' ? (d[k] as number) : null);
  const a = source.applies;
  switch (a.kind) {
    case 'NONE':
      return [];
    case 'EXPENDITURE': {
      const end = s('dischargeDate') ?? s('settlementDate')!;
      const startCandidate = s('admissionDate') ?? end;
      const start = startCandidate <= end ? startCandidate : end;
      const note = [s('hospital'), s('diagnosis')].filter(Boolean).join(' ') || null;
      return [{ kind: 'EXPENDITURE', expenditureType: a.expenditureType, periodStart: start, periodEnd: end, amountFen: n('outOfPocketFen') ?? 0, note }];
    }
    case 'INCOME': {
      if (source.code === 'HRSS_PENSION') {
        const { start, end } = monthBounds(s('paymentDate')!);
        const incomeType: IncomeType = s('pensionType') === 'RESIDENT_BASIC' ? 'PENSION_RESIDENT_BASIC' : 'PENSION_OTHER';
        return [{ kind: 'INCOME', incomeType, periodStart: start, periodEnd: end, amountFen: n('amountFen') ?? 0, note: null }];
      }
      const note = [s('incomeItem'), s('withholder')].filter(Boolean).join(' ') || null;
      return [{ kind: 'INCOME', incomeType: a.incomeTypes[0]!, periodStart: s('periodStart')!, periodEnd: s('periodEnd')!, amountFen: n('incomeFen') ?? 0, note }];
    }
    case 'ASSET': {
      if (a.assetType === 'BUSINESS') {
        if (s('entityStatus') === 'CANCELLED' || s('entityStatus') === 'REVOKED') return [];
        return [{
          kind: 'ASSET', assetType: 'BUSINESS', description: s('entityName')!, quantity: null, unit: null, valueFen: n('registeredCapitalFen'),
          assetKey: s('creditCode') ?? s('entityName')!,
          details: { creditCode: s('creditCode'), entityType: s('entityType'), registrationDate: s('registrationDate') },
        }];
      }
      if (a.assetType === 'HOUSE') {
        return [{
          kind: 'ASSET', assetType: 'HOUSE', description: s('location')!, quantity: n('areaSqm'), unit: n('areaSqm') === null ? null : '平方米',
          valueFen: n('valueFen'), assetKey: s('certNo') ?? s('location')!,
          details: { certNo: s('certNo'), usage: s('usage'), registrationDate: s('registrationDate') },
        }];
      }
      return [{
        kind: 'ASSET', assetType: a.assetType, description: [s('plateNo'), s('brand')].filter(Boolean).join(' '), quantity: 1, unit: '辆',
        valueFen: n('priceFen'), assetKey: s('plateNo') ?? '',
        details: { plateNo: s('plateNo'), vehicleType: s('vehicleType'), registrationDate: s('registrationDate') },
      }];
    }
    case 'PERSON': {
      if (source.code === 'DISABILITY_CERT') {
        if (s('certStatus') === 'CANCELLED') return [];
        return [{ kind: 'PERSON', patch: { disabilityCategory: s('disabilityCategory')!, disabilityGrade: Number(s('disabilityGrade')) } }];
      }
      if (source.code === 'SERIOUS_ILLNESS') return [{ kind: 'PERSON', patch: { healthStatus: 'SERIOUS', seriousIllness: s('diseaseName')! } }];
      if (source.code === 'HRSS_EMPLOYMENT') {
        const t = s('registrationType');
        if (t === 'UNEMPLOYED' || t === 'BENEFIT_START') return [{ kind: 'PERSON', patch: { employment: 'UNEMPLOYED' } }];
        if (t === 'EMPLOYED') return [{ kind: 'PERSON', patch: { employment: 'EMPLOYED' } }];
        return [];
      }
      if (source.code === 'STUDENT') return [{ kind: 'PERSON', patch: { studentStage: s('stage')! } }];
      return [];
    }
    case 'CATEGORY': {
      if (s('monitorStatus') === 'RISK_ELIMINATED') {
        return [{ kind: 'CATEGORY_END', category: a.category, effectiveTo: s('riskEliminatedDate') ?? s('identifiedDate')!, reason: '农业农村部门：风险消除' }];
      }
      return [{ kind: 'CATEGORY_ADD', category: a.category, effectiveFrom: s('identifiedDate')!, reason: '农业农村部门：纳入防返贫监测' }];
    }
  }
}
