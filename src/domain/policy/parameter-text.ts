/**
 * A parameter value in Chinese (issue 3 §1), as the parameter list, a version's history, the
 * proposals and their audit summaries show it: every field of a structured value with its
 * label, every option code with its name, and each figure written by the shape the catalog
 * gives it (元, 倍, %, 个月, 个工作日 …), instead of the JSON it is stored as. A code or a
 * field without a label is shown as it is, never dropped.
 */
import { AREA_TYPE_LABELS, LIVESTOCK_SPECIES_LABELS, MEANS_TEST_EXCLUSION_LABELS, VEHICLE_PURPOSE_LABELS } from '../registry/codes.js';
import { formatPercent } from './explain.js';
import { formatYuan, ROUNDING_LABELS } from './money.js';
import type { FieldSpec, MoneyStandard, ParameterDefinition, ValueSpec, WorkingDayCalendar } from './parameter-catalog.js';

/** Labels of the fields of structured values, by field name; `P17.mode` overrides `mode` for one parameter. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  // P05 employment costs (R21.1)
  mode: '扣减方式',
  rate: '比例',
  capMultipleOfStandard: '每人上限（低保标准的倍数）',
  fixedMonthlyFen: '每人每月固定金额',
  documentedWorkersOnly: '仅限有就业证明的人员',
  // P06 pension exclusion (R22)
  scope: '不计入范围',
  window: '适用期间',
  centralMinimumByYear: '各年中央确定的基础养老金最低标准',
  // P09 gradual exit (R44)
  lengthMonths: '渐退期',
  minimumMonths: '最短',
  // P17, P18 benefit methods (R29, R32)
  'P17.mode': '计发办法',
  floorShareOfStandard: '最低按低保标准的比例',
  method: '计发办法',
  bands: '档次',
  code: '代码',
  label: '名称',
  shareOfStandard: '低保标准的比例',
  monthlyFen: '每月金额',
  // P19 property rules (R25, R50)
  configured: '已配置',
  rules: '规则',
  financialAssets: '金融资产',
  maxMultipleOfAnnualStandard: '上限（年低保标准×人数的倍数）',
  housing: '住房',
  maxDwellings: '最多套数',
  vehicles: '机动车',
  maxCount: '最多辆数',
  maxValueFen: '单项价值上限',
  exemptPurposes: '不计入的用途',
  business: '经营主体',
  'P19.allowed': '允许持有',
  livestock: '牲畜',
  maxSheepUnitsPerCapita: '每人羊单位上限',
  sheepUnitsPerHead: '每头折合羊单位',
  ...LIVESTOCK_SPECIES_LABELS,
  applies: '设限',
  // P21 care standards (R55)
  basis: '计算基数',
  minimumShares: '最低比例',
  fullSelfCare: '全自理',
  partialCare: '半护理',
  fullCare: '全护理',
  institutionalUpliftRate: '集中供养上浮比例',
  previousYearMinimumWageMonthlyFenByYear: '各年月最低工资标准',
  // P22, P23 extreme-poverty procedure (R57, R59)
  townshipInvestigationWorkingDays: '乡镇调查',
  publicityDays: '公示',
  confirmationWorkingDays: '县级确认',
  objectionDecisionWorkingDays: '异议处理决定',
  // P24–P31 temporary assistance (R63–R70)
  baseStandard: '计算基数',
  maxMonths: '最多月数',
  multipleOfStandard: '额度（标准的倍数）',
  base: '计算基数',
  perPerson: '按人计算',
  capMultipleOfMonthlyStandard: '上限（月低保标准的倍数）',
  slaDays: '办理时限',
  financeCheckRequired: '须核对家庭经济状况',
  s13EffectiveFrom: '新规（S13）施行日期',
  preS13CapFen: '此前小金额先行救助上限',
  firstReliefHours: '先行救助',
  paperworkWorkingDays: '补齐手续',
  maxTimesPerCausePerYear: '同一事由每年最多次数',
  repeatNeedsCountyVerification: '再次救助须县级核实',
  amountFen: '备用金额度',
  replenishBelowShare: '余额低于此比例时补足',
  // P32–P35 prevention of return, alerts (R74–R81)
  byYear: '各年监测收入线',
  identificationDays: '识别时限',
  villagePublicityMinDays: '村级公示至少',
  triggers: '触发条件',
  sourceDepartment: '数据来源',
  description: '说明',
  thresholdFen: '金额阈值',
  thresholdShareOfPrevYearRuralIncome: '阈值（上年农村居民人均可支配收入的倍数）',
  pushCadence: '推送频次',
  // P38 rigid expenditure (R47)
  expenditureShareThreshold: '刚性支出占家庭总收入比例',
  validityMonths: '认定有效期',
  // P40, P41, P43 schedules and dates (R2, R4, R86, R92)
  frequency: '上报周期',
  dayOfMonth: '每月上报日',
  eligibility: '认定条件按',
  monthlyEntitlement: '按月待遇按',
  paymentDayOfMonth: '每月发放日',
  payFrom: '起发月份',
  // P47 area types, P55–P57, P60, P61, P64
  byRegion: '各地区',
  addOns: '加发项目',
  category: '对象',
  perHouseholdMonthlyFen: '每户每月最低',
  source: '病种范围',
  illnesses: '病种',
  longTermListing: '长期公布',
  fields: '公布内容',
  allowed: '允许延期',
  defaultExtensionMonths: '默认延期',
  emergency: '已宣布的重大突发事件',
  population: '人口口径',
  area: '地域口径',
  annualFenByYear: '各年人均可支配收入',
  // P76 jobs refused (R43)
  'P76.mode': '办法',
  reduceRate: '减发比例（本人份额的）',
  // P77 stepped-down gradual exit (R44.2)
  fullMonths: '前期全额发放月数',
  stepMonths: '每次减发间隔',
  stepRate: '每次减发比例（原金额的）',
  floorRate: '最低发放比例（原金额的）',
};

/** Names of the option codes of ENUM fields and code lists. */
const OPTION_LABELS: Readonly<Record<string, string>> = {
  ...ROUNDING_LABELS,
  ...AREA_TYPE_LABELS,
  ...MEANS_TEST_EXCLUSION_LABELS,
  SHARE_OF_MLA_STANDARD_PER_EMPLOYED_MEMBER: '每名就业成员按低保标准的比例',
  SHARE_OF_MINIMUM_WAGE_PER_EMPLOYED_MEMBER: '每名就业成员按最低工资标准的比例',
  FIXED_AMOUNT_PER_EMPLOYED_MEMBER: '每名就业成员固定金额',
  NONE: '不扣减',
  COUNTY_DECIDES: '由县级民政部门逐案决定',
  STOP_OWN_SHARE: '停发本人份额',
  REDUCE_OWN_SHARE: '按比例减发本人份额',
  CENTRAL_MINIMUM: '中央确定的基础养老金',
  ALL_BASIC_PENSION: '全部基础养老金',
  DIFFERENCE: '补差',
  BANDED: '分档',
  PREVIOUS_YEAR_MINIMUM_WAGE: '上年度最低工资标准',
  MLA_STANDARD: '低保标准',
  URBAN_MLA_MONTHLY: '城市月低保标准',
  APPLICABLE_MLA_MONTHLY: '适用的月低保标准',
  HEALTHCARE_SECURITY: '医保',
  HUMAN_RESOURCES_SOCIAL_SECURITY: '人社',
  DISABLED_PERSONS_FEDERATION: '残联',
  HEALTH_COMMISSION: '卫健',
  EMERGENCY_MANAGEMENT: '应急管理',
  PUBLIC_SECURITY: '公安',
  EDUCATION: '教育',
  AGRICULTURE_RURAL_AFFAIRS: '农业农村',
  HOUSING_NATURAL_RESOURCES: '住建、自然资源',
  MARKET_REGULATION: '市场监管',
  TAX_HOUSING_PROVIDENT_FUND: '税务、住房公积金',
  PUBLIC_SECURITY_TRAFFIC: '公安交管',
  ON_EVENT: '即时',
  EVERY_10_DAYS: '每10天',
  MONTHLY: '每月',
  QUARTERLY: '每季度',
  ACCEPTANCE_DATE: '受理之日',
  APPLICATION_DATE: '申请之日',
  FIRST_DAY_OF_BENEFIT_MONTH: '待遇月第一天',
  LAST_DAY_OF_BENEFIT_MONTH: '待遇月最后一天',
  MONTH_AFTER_DECISION: '决定的次月',
  DECISION_MONTH: '决定当月',
  APPLICANT_REGISTRATION_COUNTY: '申请人户籍所在县',
  HABITUAL_RESIDENCE_COUNTY: '经常居住地所在县',
  HOUSEHOLD_REGISTRATION_TYPE: '按户籍性质',
  CONTRACTED_LAND_OR_COLLECTIVE_INCOME: '按是否承包土地或参与集体经济收益分配',
  ELDERLY: '老年人',
  MINOR: '未成年人',
  SEVERE_DISABILITY: '重度残疾人',
  SERIOUS_ILLNESS: '重病患者',
  MEDICAL_ASSISTANCE_CATALOGUE: '医疗救助病种目录',
  CUSTOM_LIST: '自定清单',
  APPLICANT_NAME: '申请人姓名',
  HOUSEHOLD_SIZE: '家庭人口数',
  PROGRAMME: '救助项目',
  AMOUNT: '救助金额',
  REASON_CATEGORY: '救助事由类别',
  UNCHANGED: '保持原金额',
  STEPPED_DOWN: '逐步减发',
  EMPLOYMENT_OR_BUSINESS_ONLY: '仅就业或经营收入增加',
  ANY_INCOME_RISE: '任何收入增加',
  ALL_RESIDENTS: '全体居民',
  URBAN_RESIDENTS: '城镇居民',
  RURAL_RESIDENTS: '农村居民',
  PREFECTURE: '市州',
  COUNTY: '县（区）',
  PROVINCE: '全省',
  MLA_HOUSEHOLD_PROPERTY_RULE: '低保家庭财产规定',
  EDGE_HOUSEHOLD_PROPERTY_RULE: '低保边缘家庭财产规定',
  DEATH_OR_MISSING: '死亡或被宣告失踪',
  REGAINED_LABOUR_CAPACITY: '具备或恢复劳动能力',
  IMPRISONMENT: '在监狱服刑',
  INCOME_PROPERTY_NOT_MET: '收入或财产不再符合',
  ABLE_OBLIGOR: '义务人具备履行能力',
  VOLUNTARY_EXIT: '本人申请退出',
  // P19 vehicles: purposes that do not count (an asset's 车辆用途, details.purpose)
  ...VEHICLE_PURPOSE_LABELS,
};

/** Longest text a value is shown with; the stored value stays whole (the JSON in the edit form). */
const MAX_TEXT = 400;

/** The label of a field of a structured value (the parameter's own override first). */
export function fieldLabel(code: string, name: string): string {
  return FIELD_LABELS[`${code}.${name}`] ?? FIELD_LABELS[name] ?? name;
}

export function optionLabel(option: string): string {
  return OPTION_LABELS[option] ?? option;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A period { from, to } (P06's window), written '2021-01-01至2025-12-31' rather than field by field. */
const isPeriod = (spec: ValueSpec | FieldSpec): boolean => spec.type === 'STRUCT' && Object.keys(spec.fields).sort().join() === 'from,to';

/** '每人每月 450.00元', with '（公布标准 每人每年 5,400.00元）' when published per year (§0.3). */
export function moneyStandardText(m: MoneyStandard): string {
  const monthly = `每人每月 ${formatYuan(m.monthlyFen)}`;
  if (m.published.unit !== 'YUAN_PER_PERSON_YEAR') return monthly;
  const annualFen = Math.round(m.published.amount * 100);
  return `${monthly}（公布标准 每人每年 ${formatYuan(annualFen)}）`;
}

function isMoneyStandard(v: unknown): v is MoneyStandard {
  return isObject(v) && typeof v.monthlyFen === 'number' && isObject(v.published);
}

function calendarText(v: Partial<WorkingDayCalendar>): string {
  const years = v.coveredYears ?? [];
  if (years.length === 0) return '未录入节假日';
  return `已录入${years.join('、')}年：节假日${(v.holidays ?? []).length}天，调休上班${(v.makeUpWorkdays ?? []).length}天`;
}

/** A value of a shape the catalog does not describe (P19's rules): labelled keys, 元 for '…Fen'. */
function looseText(code: string, v: unknown, key = ''): string {
  if (v === null || v === undefined) return '不限';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return key.endsWith('Fen') ? formatYuan(v) : String(v);
  if (typeof v === 'string') return optionLabel(v);
  if (Array.isArray(v)) return v.length ? v.map((x) => looseText(code, x)).join('、') : '无';
  if (isObject(v)) {
    const parts = Object.entries(v).map(([k, x]) => `${fieldLabel(code, k)}${isObject(x) ? `（${looseText(code, x, k)}）` : `：${looseText(code, x, k)}`}`);
    return parts.join('，');
  }
  return String(v);
}

function specText(code: string, spec: ValueSpec | FieldSpec | undefined, v: unknown): string {
  if (v === null) return '未设置';
  if (!spec) return looseText(code, v);
  switch (spec.type) {
    case 'MONEY_STANDARD':
      return isMoneyStandard(v) ? moneyStandardText(v) : looseText(code, v);
    case 'FEN':
      return typeof v === 'number' ? formatYuan(v) : looseText(code, v);
    case 'MULTIPLIER':
      return `${String(v)}倍`;
    case 'RATE':
      return typeof v === 'number' ? formatPercent(v) : String(v);
    case 'MONTHS':
      return `${String(v)}个月`;
    case 'DAYS':
      return `${String(v)}天`;
    case 'WORKING_DAYS':
      return `${String(v)}个工作日`;
    case 'HOURS':
      return `${String(v)}小时`;
    case 'BOOLEAN':
      return v === true ? '是' : v === false ? '否' : String(v);
    case 'FRACTION':
      return isObject(v) ? `${String(v.numerator)}/${String(v.denominator)}` : String(v);
    case 'ENUM':
      return typeof v === 'string' ? optionLabel(v) : String(v);
    case 'CALENDAR':
      return isObject(v) ? calendarText(v) : String(v);
    case 'INTEGER':
    case 'DATE':
    case 'TEXT':
    case 'CODE':
      return String(v);
    case 'OBJECT':
      return looseText(code, v);
    case 'LIST': {
      if (!Array.isArray(v)) return looseText(code, v);
      if (v.length === 0) return '无';
      const of = spec.of.type === 'CODE' ? undefined : spec.of;
      const items = v.map((x) => (of ? specText(code, of, x) : typeof x === 'string' ? optionLabel(x) : looseText(code, x)));
      return of?.type === 'STRUCT' ? items.map((t) => `（${t}）`).join('') : items.join('、');
    }
    case 'YEAR_MAP':
    case 'REGION_MAP': {
      if (!isObject(v)) return looseText(code, v);
      const keys = Object.keys(v).sort();
      if (keys.length === 0) return '无';
      return keys.map((k) => `${spec.type === 'YEAR_MAP' ? `${k}年` : `${k}：`}${specText(code, spec.of, v[k])}`).join('，');
    }
    case 'STRUCT': {
      if (!isObject(v)) return looseText(code, v);
      if (isPeriod(spec)) return typeof v.to === 'string' ? `${String(v.from)}至${v.to}` : `${String(v.from)}起`;
      const parts: string[] = [];
      // An item's identifying code (P35's trigger codes) says nothing an officer reads when the
      // item is described in words; it stays in the stored value and the JSON editor.
      const described = typeof v.description === 'string' && v.description !== '';
      for (const [name, field] of Object.entries(spec.fields)) {
        if (v[name] === undefined) continue;
        if (described && field.type === 'CODE') continue;
        const text = specText(code, field, v[name]);
        const nested = field.type === 'STRUCT' && !isPeriod(field);
        parts.push(nested ? `${fieldLabel(code, name)}（${text}）` : `${fieldLabel(code, name)}：${text}`);
      }
      // Keys the catalog does not know are kept visible.
      for (const name of Object.keys(v)) if (!(name in spec.fields)) parts.push(`${fieldLabel(code, name)}：${looseText(code, v[name], name)}`);
      return parts.join('，');
    }
  }
}

/** The shape of a parameter's whole value. */
function specOf(def: ParameterDefinition): ValueSpec | undefined {
  switch (def.kind) {
    case 'STRUCT':
      return def.fields ? { type: 'STRUCT', fields: def.fields } : { type: 'OBJECT' };
    case 'LIST':
      return { type: 'LIST', of: def.items ?? { type: 'CODE' } };
    case 'ENUM':
      return { type: 'ENUM', options: def.options ?? [] };
    default:
      return { type: def.kind };
  }
}

/** A parameter's value in Chinese, e.g. P22 → '乡镇调查：15个工作日，公示：7天，县级确认：10个工作日'. */
export function parameterValueText(def: ParameterDefinition | undefined, value: unknown): string {
  if (value === null || value === undefined) return '未配置';
  const text = def ? specText(def.code, specOf(def), value) : looseText('', value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}
