/**
 * Chinese labels and the one-line summary of a decision (timeline, lists, audit). Pure;
 * shared by the server and the web app.
 */
import type { AssessmentResult, Classification, MemberOutcome } from './assessment.types.js';
import { formatYuan } from './money.js';
import { CARE_LEVEL_LABELS } from '../registry/codes.js';

export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  DIBAO: '低保',
  DIBAO_SINGLE_PERSON: '单人保（低保）',
  TEKUN_ONLY: '特困（个人）',
  DIBAO_EDGE: '低保边缘家庭',
  QH_RURAL_LOW_INCOME: '农牧区低收入贫困家庭',
  RIGID_EXPENDITURE: '刚性支出困难家庭',
  NONE: '不符合救助条件',
  UNDETERMINED: '待人工核定',
};

export const RECIPIENT_STATUS_LABELS: Record<string, string> = {
  ACTIVE: '正常享受',
  GRADUAL_EXIT: '渐退期',
  STOPPED: '已停保',
  /** not a status: on the 低保 roster with none (the 低保对象 list's 在册待核定) */
  UNREGISTERED: '在册待核定',
};

export const REASSESSMENT_CHANGE_LABELS: Record<string, string> = {
  NEW_ELIGIBLE: '新符合低保条件',
  LOST_ELIGIBILITY: '不再符合（停保）',
  GRADUAL_EXIT: '进入渐退期',
  AMOUNT_UP: '保障金增加',
  AMOUNT_DOWN: '保障金减少',
  UNCHANGED: '无变化',
  REFUSED: '无法核算',
};

/** 12345 fen → '123.45元' (grouped): the engine's money format. */
export const yuan = formatYuan;

export function summariseAssessment(r: Pick<AssessmentResult, 'classification' | 'perCapitaMonthlyFen' | 'standardMonthlyFen' | 'dibao' | 'householdSize'>): string {
  const parts = [
    `核算结果：${CLASSIFICATION_LABELS[r.classification]}`,
    `家庭人口${r.householdSize}人`,
    `月人均收入${yuan(r.perCapitaMonthlyFen)}`,
    `低保标准${yuan(r.standardMonthlyFen)}`,
  ];
  if (r.dibao.monthlyAmountFen != null && r.dibao.eligible !== 'NO') parts.push(`月保障金${yuan(r.dibao.monthlyAmountFen)}`);
  return parts.join('，');
}

/**
 * What members are owed on their own, beside the household's 低保: each 特困 person's support
 * standard with the care level (R55, R53), or 待核定 when a figure is missing, and each
 * 单人保 member's amount (R31). Empty when no member qualifies on his or her own.
 */
export function memberBenefitLines(members: readonly MemberOutcome[]): string[] {
  const out: string[] = [];
  for (const m of members) {
    if (m.tekun === 'YES') {
      const care = m.careLevel ? `，${CARE_LEVEL_LABELS[m.careLevel]}` : '';
      out.push(m.tekunSupportMonthlyFen != null ? `${m.name}：特困供养${yuan(m.tekunSupportMonthlyFen)}/月${care}` : `${m.name}：特困人员，供养标准待核定${care}`);
    }
    if (m.singlePerson === 'YES') {
      out.push(m.singlePersonAmountFen != null ? `${m.name}：单人保${yuan(m.singlePersonAmountFen)}/月` : `${m.name}：单人保，金额待核定`);
    }
  }
  return out;
}
