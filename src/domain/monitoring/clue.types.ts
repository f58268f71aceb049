/**
 * Shared shapes of dynamic monitoring (issue 4). Pure data.
 */

/** R80 discovery channels plus 部门预警标识 (a department flags a person directly, R81). */
export const CLUE_CHANNEL_LABELS = {
  DATA_COMPARISON: '数据比对',
  DEPT_FLAG: '部门预警标识',
  SELF_REPORT: '自主申报',
  HOME_VISIT: '入户走访',
  HOTLINE: '热线反映',
} as const;
export type ClueChannel = keyof typeof CLUE_CHANNEL_LABELS;

export const CLUE_LEVEL_LABELS = { RED: '红色', ORANGE: '橙色', YELLOW: '黄色' } as const;
export type ClueLevel = keyof typeof CLUE_LEVEL_LABELS;

export const CLUE_STATUS_LABELS = { OPEN: '待分派', ASSIGNED: '已分派', VERIFYING: '核查中', CLOSED: '已办结' } as const;
export type ClueStatus = keyof typeof CLUE_STATUS_LABELS;

/** What a clue points to (the category or action it suggests). */
export const TARGET_CATEGORY_LABELS = {
  DIBAO: '低保',
  TEKUN: '特困供养',
  DIBAO_SINGLE_PERSON: '单人保',
  DIBAO_EDGE: '低保边缘',
  RIGID_EXPENDITURE: '刚性支出困难',
  TEMPORARY: '临时救助',
  MEDICAL_ASSISTANCE: '医疗救助',
  FANGFANPIN: '防返贫监测',
  INELIGIBILITY_REVIEW: '疑似不符合（复核）',
  STOP_PAYMENT: '停发核查（死亡等）',
} as const;
export type TargetCategory = keyof typeof TARGET_CATEGORY_LABELS;

/** Issue 4 §4 outcomes of a closed clue. */
export const CLUE_OUTCOME_LABELS = {
  DIBAO: '纳入低保',
  TEKUN: '纳入特困',
  TEMPORARY: '临时救助',
  REFERRED: '转办其他部门',
  MONITORING: '纳入监测',
  RISK_ELIMINATED: '风险消除',
  EXCLUDED: '排除',
} as const;
export type ClueOutcome = keyof typeof CLUE_OUTCOME_LABELS;

/** A clue to raise (or to merge into the open clue of the same cause). */
export interface ClueCandidate {
  countyCode: string;
  /** 12-digit village/community */
  regionCode: string;
  householdId: string | null;
  personId: string | null;
  subjectName: string | null;
  subjectIdNumber: string | null;
  channel: ClueChannel;
  ruleId: string | null;
  /** same person + same cause → same key (merged while the clue is open) */
  causeKey: string;
  level: ClueLevel;
  targetCategory: TargetCategory;
  /** one line in Chinese, e.g. '医疗自付费用12个月累计 32,000.00元，超过 20,000.00元' */
  title: string;
  description: string;
  evidence: Record<string, unknown>;
  deadlineWorkingDays: number;
}
