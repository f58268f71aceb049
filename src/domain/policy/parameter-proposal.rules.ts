/**
 * Rules for proposing a parameter version (issue 3 §1, POLICY.md §19 and §0.3): pure checks
 * of a proposal as typed by an official, the normalisation of published money standards,
 * and the Chinese wording of a version for summaries and screens. Used by the use cases in
 * src/services/policy and by the web app (preview of the normalised standard).
 */
import type { Decision, Violation } from '../errors.js';
import { parseMoneyCell } from '../registry/cell-values.js';
import { parameterValueText } from './parameter-text.js';
import { compareVersions, type RankedVersion } from './resolve-parameters.js';
import {
  findParameterDefinition,
  isIsoDate,
  validateParameterValue,
  type MoneyStandard,
  type ParameterConfidence,
  type ParameterDefinition,
  type PublishedUnit,
  type UrbanRural,
} from './parameter-catalog.js';

export const PROPOSAL_STATUSES = ['DRAFT', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  DRAFT: '待审批',
  APPROVED: '已批准',
  REJECTED: '已驳回',
  WITHDRAWN: '已撤回',
};

export const PARAMETER_URBAN_RURAL_LABELS: Record<UrbanRural, string> = { ALL: '城乡通用', URBAN: '城市', RURAL: '农村' };

/** Where a version applies, as the policy screens write it: '城东区（农村）', or '青海省' for both. */
export function parameterScopeText(v: { regionName?: string | null; regionCode: string; urbanRural: string }): string {
  const place = v.regionName ?? v.regionCode;
  return v.urbanRural === 'ALL' ? place : `${place}（${PARAMETER_URBAN_RURAL_LABELS[v.urbanRural as UrbanRural] ?? v.urbanRural}）`;
}
export const PUBLISHED_UNIT_LABELS: Record<PublishedUnit, string> = {
  YUAN_PER_PERSON_MONTH: '元/人·月',
  YUAN_PER_PERSON_YEAR: '元/人·年',
};
export const CONFIDENCE_LABELS: Record<ParameterConfidence, string> = { OFFICIAL: '官方', PLACEHOLDER: '占位值，待确认' };

/** Region levels a parameter version may be keyed by: province (2), 市州 (4), county (6). */
export const PARAMETER_REGION_CODE = /^\d{2}(\d{2}){0,2}$/;

const CJK = /[\u4e00-\u9fff]/;

/** A published standard as typed: amount in 元 (number or decimal text) and its unit. */
export interface MoneyStandardInput {
  amount: unknown;
  unit: unknown;
}

/** Integer division by 12, half up (amounts are ≥ 0). */
const perMonthHalfUp = (annualFen: number) => Math.floor((annualFen + 6) / 12);

/**
 * §0.3: a published standard → canonical monthly fen plus the published figure. Yuan are
 * read digit by digit (no floating point); per-year figures are divided by 12 and rounded
 * half up to the fen. `path` prefixes the violations (e.g. 'value').
 */
export function normaliseMoneyStandard(input: unknown, path = 'value'): Decision<MoneyStandard> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, violations: [{ path: `${path}.amount`, code: 'POLICY_MONEY_INVALID' }] };
  }
  const { amount, unit } = input as MoneyStandardInput;
  const violations: Violation[] = [];
  if (unit !== 'YUAN_PER_PERSON_MONTH' && unit !== 'YUAN_PER_PERSON_YEAR') {
    violations.push({ path: `${path}.unit`, code: 'POLICY_MONEY_UNIT_INVALID' });
  }
  const fen: Decision<number> =
    amount === undefined || amount === null || amount === ''
      ? { ok: false, violations: [{ path: `${path}.amount`, code: 'POLICY_MONEY_INVALID' }] }
      : parseMoneyCell(amount, `${path}.amount`);
  if (!fen.ok) violations.push(...fen.violations.map((v) => ({ ...v, path: `${path}.amount` })));
  if (violations.length || !fen.ok) return { ok: false, violations };
  const u = unit as PublishedUnit;
  return {
    ok: true,
    value: {
      monthlyFen: u === 'YUAN_PER_PERSON_MONTH' ? fen.value : perMonthHalfUp(fen.value),
      // fen / 100 is exact enough to print back: at most two decimals, safely inside 2^53.
      published: { amount: fen.value / 100, unit: u },
    },
  };
}

export { moneyStandardText, parameterValueText } from './parameter-text.js';

/** '提议修改 P01 低保标准（630123 农村）：每人每月 450.00元，2027-01-01起施行' */
export function versionSummary(
  verb: string,
  v: { code: string; regionCode: string; urbanRural: string; effectiveFrom: string; value: unknown },
): string {
  const def = findParameterDefinition(v.code);
  const ur = PARAMETER_URBAN_RURAL_LABELS[v.urbanRural as UrbanRural] ?? v.urbanRural;
  return `${verb} ${v.code} ${def?.name ?? ''}（${v.regionCode} ${ur}）：${parameterValueText(def, v.value)}，${v.effectiveFrom}起施行`;
}

/** What a proposer typed (already past the HTTP schema). */
export interface ProposalInput {
  code: string;
  regionCode: string;
  urbanRural?: string | undefined;
  effectiveFrom: string;
  value: unknown;
  confidence: string;
  reason: string;
  basisDocument?: string | null | undefined;
  note?: string | null | undefined;
}

/** A proposal ready to store (region existence and scope are the use case's job). */
export interface CheckedProposal {
  def: ParameterDefinition;
  code: string;
  regionCode: string;
  urbanRural: UrbanRural;
  effectiveFrom: string;
  value: unknown;
  confidence: ParameterConfidence;
  reason: string;
  /** OFFICIAL: the document the value rests on; PLACEHOLDER: what is still to be confirmed. */
  note: string | null;
}

/** 'P05.rate: expected …' (catalog check) → { path: 'value.rate', … }. */
function toValueViolation(def: ParameterDefinition, problem: string): Violation {
  const at = problem.indexOf(': ');
  const rawPath = at > 0 ? problem.slice(0, at) : def.code;
  const path = rawPath.startsWith(def.code) ? `value${rawPath.slice(def.code.length)}` : 'value';
  return { path, code: 'POLICY_VALUE_INVALID', params: { problem: at > 0 ? problem.slice(at + 2) : problem } };
}

/**
 * Check a proposal: known code, region key of the right level, urban/rural split only where
 * the catalog has one, a real date, a value of the catalog's shape (money normalised per
 * §0.3), a Chinese reason, and for OFFICIAL a document reference.
 */
export function checkProposal(input: ProposalInput): Decision<CheckedProposal> {
  const def = findParameterDefinition(input.code);
  if (!def) return { ok: false, violations: [{ path: 'code', code: 'POLICY_PARAMETER_UNKNOWN', params: { code: input.code } }] };
  const violations: Violation[] = [];

  if (!PARAMETER_REGION_CODE.test(input.regionCode)) {
    violations.push({ path: 'regionCode', code: 'POLICY_REGION_LEVEL' });
  } else if (def.scope === 'NATIONAL' && input.regionCode.length !== 2) {
    violations.push({ path: 'regionCode', code: 'POLICY_PARAMETER_PROVINCE_ONLY', params: { code: def.code } });
  }

  const urbanRural = (input.urbanRural ?? 'ALL') as UrbanRural;
  if (!['ALL', 'URBAN', 'RURAL'].includes(urbanRural)) {
    violations.push({ path: 'urbanRural', code: 'FIELD_INVALID', params: { field: 'urbanRural', rule: 'enum' } });
  } else if (!def.byUrbanRural && urbanRural !== 'ALL') {
    violations.push({ path: 'urbanRural', code: 'POLICY_URBAN_RURAL_NOT_SPLIT', params: { code: def.code } });
  }

  if (!isIsoDate(input.effectiveFrom)) violations.push({ path: 'effectiveFrom', code: 'POLICY_EFFECTIVE_DATE_INVALID' });

  let value: unknown = input.value;
  if (def.kind === 'MONEY_STANDARD') {
    const m = normaliseMoneyStandard(input.value, 'value');
    if (m.ok) value = m.value;
    else violations.push(...m.violations);
  }
  if (!violations.some((v) => v.path.startsWith('value'))) {
    violations.push(...validateParameterValue(def, value).map((p) => toValueViolation(def, p)));
  }

  const reason = input.reason.trim();
  if (reason === '' || !CJK.test(reason)) violations.push({ path: 'reason', code: 'POLICY_REASON_REQUIRED' });

  const confidence = input.confidence as ParameterConfidence;
  const basisDocument = input.basisDocument?.trim() ?? '';
  const extraNote = input.note?.trim() ?? '';
  if (confidence !== 'OFFICIAL' && confidence !== 'PLACEHOLDER') {
    violations.push({ path: 'confidence', code: 'FIELD_INVALID', params: { field: 'confidence', rule: 'enum' } });
  } else if (confidence === 'OFFICIAL' && basisDocument === '') {
    violations.push({ path: 'basisDocument', code: 'POLICY_BASIS_DOCUMENT_REQUIRED' });
  }

  if (violations.length) return { ok: false, violations };
  const note =
    confidence === 'OFFICIAL'
      ? [`文件依据：${basisDocument}`, extraNote].filter(Boolean).join('；')
      : [basisDocument ? `参考：${basisDocument}` : '', extraNote || `待确认：${reason}`].filter(Boolean).join('；');
  return {
    ok: true,
    value: { def, code: def.code, regionCode: input.regionCode, urbanRural, effectiveFrom: input.effectiveFrom, value, confidence, reason, note },
  };
}

/** A stored version, as far as choosing the one in force needs it. */
export interface VersionKey extends RankedVersion {
  status: string;
}

/**
 * The approved version in force on `onDate` for `regionCode` and `urbanRural`, from versions
 * on the region's path, in the engine's order (`compareVersions`).
 */
export function pickVersionInForce<T extends VersionKey>(rows: readonly T[], regionCode: string, onDate: string, urbanRural: UrbanRural): T | null {
  const candidates = rows.filter(
    (r) =>
      r.status === 'APPROVED' &&
      regionCode.startsWith(r.regionCode) &&
      r.effectiveFrom <= onDate &&
      (r.urbanRural === 'ALL' || r.urbanRural === urbanRural),
  );
  candidates.sort(compareVersions);
  return candidates[0] ?? null;
}
