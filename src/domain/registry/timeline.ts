import {
  ASSET_TYPE_LABELS,
  CARE_LEVEL_LABELS,
  CATEGORY_LABELS,
  describeDisabilityComponents,
  describeSupportArrangement,
  EXPENDITURE_TYPE_LABELS,
  INCOME_TYPE_LABELS,
  JOB_REFERRAL_OUTCOME_LABELS,
  MEANS_TEST_EXCLUSION_LABELS,
  OBLIGOR_INABILITY_GROUND_LABELS,
  RELATIONSHIP_LABELS,
  SUPPORT_MODE_LABELS,
  URBAN_RURAL_LABELS,
} from './codes.js';
import { careLevelOf } from './self-care.js';
import type { DisabilityComponent, JobReferralFacts, SupportArrangementFacts } from '../policy/assessment.types.js';
import { auditActionLabel } from '../audit-actions.js';
import { formatYuan as formatMoney } from '../policy/money.js';

/** Chinese names of fields that appear in a household's change history. */
export const FIELD_LABELS: Record<string, string> = {
  householdNo: '户编号',
  regionCode: '所属村(社区)',
  address: '家庭住址',
  urbanRural: '城乡类别',
  status: '状态',
  headPersonId: '户主',
  name: '姓名',
  idNumber: '身份证号',
  sex: '性别',
  birthDate: '出生日期',
  ethnicity: '民族',
  phone: '联系电话',
  bankName: '开户银行',
  bankAccount: '银行账号',
  labourCapacity: '劳动能力',
  healthStatus: '健康状况',
  seriousIllness: '重病名称',
  disabilityCategory: '残疾类别',
  disabilityGrade: '残疾等级',
  employment: '就业状况',
  studentStage: '在校情况',
  relationship: '与户主关系',
  joinedOn: '加入日期',
  leftOn: '离开日期',
  leftReason: '离开原因',
  active: '是否在户',
  category: '类别',
  effectiveFrom: '生效日期',
  effectiveTo: '终止日期',
  reason: '原因',
  incomeType: '收入类型',
  amountFen: '金额(分)',
  periodStart: '起始日期',
  periodEnd: '截止日期',
  assetType: '财产类型',
  valueFen: '价值(分)',
  quantity: '数量',
  description: '说明',
  source: '来源',
  expenditureType: '支出类型',
  meansTestExclusion: '不计入家庭人口情形',
  selfCare: '生活自理能力评估',
  support: '供养方式',
  disabilityComponents: '多重残疾各类别等级',
  jobReferrals: '就业服务机构介绍工作',
  obligors: '法定赡养/抚养/扶养义务人',
  assessedOn: '评估日期',
};

export interface TimelineEventInput {
  action: string;
  before: unknown;
  after: unknown;
}

function label(table: Record<string, string>, v: unknown): string {
  return typeof v === 'string' ? (table[v] ?? v) : String(v ?? '');
}

/** One line of Chinese for a change (e.g. 「添加家庭成员：张三（子女）」). */
export function summariseEvent(e: TimelineEventInput): string {
  const a = (e.after ?? {}) as Record<string, unknown>;
  const b = (e.before ?? {}) as Record<string, unknown>;
  const base = auditActionLabel(e.action);
  switch (e.action) {
    case 'member.add':
    case 'member.move-in':
      return `${base}：${a.name ?? ''}（${label(RELATIONSHIP_LABELS, a.relationship)}）${a.fromHouseholdNo ? `，原户 ${a.fromHouseholdNo}` : ''}`;
    case 'member.move-out':
      return `${base}：${a.name ?? ''}，迁至 ${a.toHouseholdNo ?? ''}`;
    case 'member.remove':
      return `${base}：${b.name ?? ''}，原因：${a.leftReason ?? ''}`;
    case 'person.create':
    case 'person.update':
    case 'person.import-create':
    case 'person.import-update':
      return `${base}：${a._name ?? a.name ?? b.name ?? ''}`;
    case 'income.add':
      return `${base}：${label(INCOME_TYPE_LABELS, a.incomeType)} ${formatYuan(a.amountFen)}（${a.periodStart ?? ''} 至 ${a.periodEnd ?? ''}）`;
    case 'income.remove':
      return `${base}：${label(INCOME_TYPE_LABELS, b.incomeType)} ${formatYuan(b.amountFen)}`;
    case 'asset.add':
      return `${base}：${label(ASSET_TYPE_LABELS, a.assetType)} ${a.description ?? ''}`;
    case 'asset.remove':
      return `${base}：${label(ASSET_TYPE_LABELS, b.assetType)} ${b.description ?? ''}`;
    case 'expenditure.add':
      return `${base}：${label(EXPENDITURE_TYPE_LABELS, a.expenditureType)} ${formatYuan(a.amountFen)}（${a.periodStart ?? ''} 至 ${a.periodEnd ?? ''}）`;
    case 'expenditure.remove':
      return `${base}：${label(EXPENDITURE_TYPE_LABELS, b.expenditureType)} ${formatYuan(b.amountFen)}`;
    case 'person.policy-facts':
      // a 多重残疾's categories and jobs offered only where recorded (they concern few people)
      return `${base}：${a._name ?? ''}（${POLICY_FACT_KEYS.filter((k) => (k !== 'disabilityComponents' && k !== 'jobReferrals') || a[k])
        .map((k) => `${FIELD_LABELS[k]}：${describePolicyFact(k, a[k] ?? null, true)}`)
        .join('；')}）`;
    case 'category.add':
      return `${base}：${label(CATEGORY_LABELS, a.category)}，自 ${a.effectiveFrom ?? ''} 起`;
    case 'assessment.run':
    case 'assessment.dept-review':
    case 'benefit.transition':
    case 'benefit.review-class':
    case 'clue.raised':
    case 'clue.merged':
    case 'clue.assign':
    case 'clue.visit':
    case 'clue.close':
    case 'clue.escalate':
      // The policy engine writes its own Chinese one-liner (issue 3 §5).
      return `${base}：${typeof a._summary === 'string' ? a._summary : ''}`;
    case 'category.end':
      return `${base}：${label(CATEGORY_LABELS, a.category)}，至 ${a.effectiveTo ?? ''}，原因：${a.reason ?? ''}`;
    default:
      return base;
  }
}

/** An amount in a change record: '1,234.56元', or '' when the value is not whole fen. */
export function formatYuan(fen: unknown): string {
  return typeof fen === 'number' && Number.isSafeInteger(fen) ? formatMoney(fen) : '';
}

const POLICY_FACT_KEYS = ['meansTestExclusion', 'selfCare', 'support', 'obligors', 'disabilityComponents', 'jobReferrals'] as const;

/** One registry policy fact (person_policy_facts) in Chinese; null is 未登记 (or 无 for the exclusion). */
function describePolicyFact(key: (typeof POLICY_FACT_KEYS)[number], v: unknown, brief = false): string {
  if (key === 'meansTestExclusion') return v ? label(MEANS_TEST_EXCLUSION_LABELS, v) : '无';
  if (v === null || v === undefined) return '未登记';
  if (key === 'selfCare') {
    const s = v as Parameters<typeof careLevelOf>[0] & { assessedOn?: string };
    return `${CARE_LEVEL_LABELS[careLevelOf(s)]}（${s.assessedOn ?? ''} 评估）`;
  }
  if (key === 'support') {
    const s = v as SupportArrangementFacts;
    return brief ? label(SUPPORT_MODE_LABELS, s.mode) : describeSupportArrangement(s);
  }
  if (key === 'disabilityComponents') return Array.isArray(v) ? describeDisabilityComponents(v as DisabilityComponent[]) : '';
  if (key === 'jobReferrals') {
    const offers = Array.isArray(v) ? (v as JobReferralFacts[]) : [];
    if (offers.length === 0) return '无';
    if (brief) return `${offers.length}次`;
    return offers.map((o) => `${o.referredOn} ${o.position}（${label(JOB_REFERRAL_OUTCOME_LABELS, o.outcome)}）`).join('、');
  }
  const list = Array.isArray(v) ? (v as { name?: string; relationship?: string; inabilityGround?: string | null }[]) : [];
  if (list.length === 0) return '无';
  if (brief) return `${list.length}人`;
  return list
    .map((o) => `${o.name ?? ''}（${o.relationship ?? ''}，${o.inabilityGround ? label(OBLIGOR_INABILITY_GROUND_LABELS, o.inabilityGround) : '有履行能力'}）`)
    .join('、');
}

/** Field-level changes of an update as {field (Chinese), before, after}, with code labels resolved. */
export function describeChanges(e: TimelineEventInput): { field: string; before: unknown; after: unknown }[] {
  if (e.action === 'person.policy-facts') {
    const a = (e.after ?? {}) as Record<string, unknown>;
    const b = (e.before ?? {}) as Record<string, unknown>;
    return POLICY_FACT_KEYS.filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null)).map((k) => ({
      field: FIELD_LABELS[k]!,
      before: describePolicyFact(k, b[k] ?? null),
      after: describePolicyFact(k, a[k] ?? null),
    }));
  }
  if (!e.action.endsWith('update') && !e.action.endsWith('.end')) return [];
  const a = (e.after ?? {}) as Record<string, unknown>;
  const b = (e.before ?? {}) as Record<string, unknown>;
  // Keys starting with '_' are context (e.g. the person's name), not changes.
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !k.startsWith('_'));
  return keys
    .filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null))
    .map((k) => ({
      field: FIELD_LABELS[k] ?? k,
      before: k === 'urbanRural' ? label(URBAN_RURAL_LABELS, b[k]) : (b[k] ?? null),
      after: k === 'urbanRural' ? label(URBAN_RURAL_LABELS, a[k]) : (a[k] ?? null),
    }));
}
