/**
 * The shared core of an officer's 核算 and of a batch re-assessment: run the pure engine on
 * loaded facts, decide the recipient transition, and (when applying) write the decision, the
 * recipient status and its dated event in the caller's transaction.
 */
import { createHash } from 'node:crypto';
import { assessHousehold } from '../../domain/policy/assess-household.rules.js';
import type { Assessment, ExplanationStep, ParameterSet } from '../../domain/policy/assessment.types.js';
import { RECIPIENT_STATUS_LABELS, summariseAssessment, yuan } from '../../domain/policy/assessment-summary.js';
import { decideRecipientTransition, type Transition } from '../../domain/policy/lifecycle.rules.js';
import type { Violation } from '../../domain/errors.js';
import type { Executor } from '../../db/database.js';
import type { AuditInput } from '../../db/repos/audit.repo.js';
import {
  endHouseholdCategory,
  insertAssessments,
  insertBenefitStatusEvents,
  touchBenefitStatus,
  upsertBenefitStatus,
} from '../../db/repos/assessments.repo.js';
import type { LoadedHousehold } from './load-household-facts.js';

export type DecisionOutcome =
  | { ok: true; assessment: Assessment; transition: Transition | null; digest: string }
  | { ok: false; violations: Violation[] };

const LIFECYCLE_SECTION = '待遇变动（R4、R44）';

export function decide(loaded: LoadedHousehold, params: ParameterSet, referenceDate: string, decisionDate: string): DecisionOutcome {
  const d = assessHousehold(loaded.facts, params, referenceDate);
  if (!d.ok) return { ok: false, violations: d.violations };
  const assessment = d.value;
  const t = decideRecipientTransition({
    recipient: loaded.facts.recipient,
    result: assessment.result,
    decisionDate,
    params,
    hasDibaoCategory: loaded.facts.categories.includes('DIBAO'),
  });
  let explanation: ExplanationStep[] = assessment.explanation;
  if (t.steps.length > 0) {
    let n = explanation.length;
    explanation = [...explanation, ...t.steps.map((s) => ({ ...s, n: ++n, section: LIFECYCLE_SECTION }))];
  }
  const digest = createHash('sha256')
    .update(JSON.stringify([loaded.facts, assessment.parametersUsed, referenceDate]))
    .digest('hex');
  return { ok: true, assessment: { ...assessment, explanation }, transition: t.transition, digest };
}

export function transitionSummary(t: Transition): string {
  const to = RECIPIENT_STATUS_LABELS[t.to] ?? t.to;
  const from = t.from ? RECIPIENT_STATUS_LABELS[t.from] ?? t.from : '（首次登记）';
  const exit = t.to === 'GRADUAL_EXIT' && t.gradualExitFrom && t.gradualExitUntil ? `，渐退期${t.gradualExitFrom}至${t.gradualExitUntil}` : '';
  return `低保待遇：${from} → ${to}，自${t.effectiveMonth}起，月保障金${yuan(t.monthlyAmountFen)}${exit}。${t.reasonText}`;
}

export interface StoreInput {
  loaded: LoadedHousehold;
  outcome: Extract<DecisionOutcome, { ok: true }>;
  referenceDate: string;
  decisionDate: string;
  trigger: 'MANUAL' | 'BATCH';
  runId: string | null;
  actorId: string | null;
  /** builds an audit event for this household (the caller fills who/when) */
  audit: (e: Omit<AuditInput, 'at' | 'actorId' | 'actorName' | 'requestId' | 'ip'>) => AuditInput;
}

/**
 * Write one decision (assessment row, recipient status, dated event, end of the DIBAO
 * category on a stop) and return the audit events to append in the same transaction.
 */
export async function storeDecision(tx: Executor, s: StoreInput): Promise<{ assessmentId: string; audit: AuditInput[] }> {
  const { facts } = s.loaded;
  const { assessment, transition } = s.outcome;
  const r = assessment.result;
  const [row] = await insertAssessments(tx, [
    {
      countyCode: facts.countyCode,
      householdId: facts.householdId,
      referenceDate: s.referenceDate,
      trigger: s.trigger,
      runId: s.runId,
      classification: r.classification,
      perCapitaMonthlyFen: r.perCapitaMonthlyFen,
      standardMonthlyFen: r.standardMonthlyFen,
      dibaoAmountFen: r.dibao.monthlyAmountFen,
      result: r,
      explanation: assessment.explanation,
      parametersUsed: assessment.parametersUsed,
      inputsDigest: s.outcome.digest,
      createdBy: s.actorId,
    },
  ]);
  const assessmentId = row!.id;
  const audit: AuditInput[] = [];
  if (s.trigger === 'MANUAL') {
    audit.push(
      s.audit({
        action: 'assessment.run',
        entityType: 'assessment',
        entityId: assessmentId,
        householdId: facts.householdId,
        countyCode: facts.countyCode,
        source: 'SYSTEM',
        after: { _summary: `${summariseAssessment(r)}（基准日${s.referenceDate}）`, classification: r.classification, perCapitaMonthlyFen: r.perCapitaMonthlyFen, dibaoAmountFen: r.dibao.monthlyAmountFen },
      }),
    );
  }
  if (transition) {
    const effectiveMonth = `${transition.effectiveMonth}-01`;
    await upsertBenefitStatus(tx, {
      householdId: facts.householdId,
      countyCode: facts.countyCode,
      status: transition.to,
      monthlyAmountFen: transition.monthlyAmountFen,
      sinceMonth: s.loaded.benefit?.sinceMonth ?? effectiveMonth,
      gradualExitFrom: transition.gradualExitFrom ? `${transition.gradualExitFrom}-01` : null,
      gradualExitUntil: transition.gradualExitUntil ? `${transition.gradualExitUntil}-01` : null,
      lastAssessmentId: assessmentId,
    });
    await insertBenefitStatusEvents(tx, [
      {
        countyCode: facts.countyCode,
        householdId: facts.householdId,
        fromStatus: transition.from,
        toStatus: transition.to,
        effectiveMonth,
        monthlyAmountFen: transition.monthlyAmountFen,
        assessmentId,
        reason: transition.reasonText,
        decidedOn: s.decisionDate,
        createdBy: s.actorId,
      },
    ]);
    if (transition.to === 'STOPPED') {
      // The benefit stops from the month after the decision (R4): the category ends on the
      // last day of the decision month.
      await endHouseholdCategory(tx, facts.householdId, 'DIBAO', lastDayBefore(effectiveMonth));
    }
    audit.push(
      s.audit({
        action: 'benefit.transition',
        entityType: 'benefit_status',
        entityId: facts.householdId,
        householdId: facts.householdId,
        countyCode: facts.countyCode,
        source: 'SYSTEM',
        before: s.loaded.benefit ? { status: s.loaded.benefit.status, monthlyAmountFen: s.loaded.benefit.monthlyAmountFen } : null,
        after: { _summary: transitionSummary(transition), status: transition.to, monthlyAmountFen: transition.monthlyAmountFen, effectiveMonth: transition.effectiveMonth },
      }),
    );
  } else if (s.loaded.benefit) {
    await touchBenefitStatus(tx, facts.householdId, assessmentId);
  }
  return { assessmentId, audit };
}

function lastDayBefore(firstOfMonth: string): string {
  const d = new Date(`${firstOfMonth}T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}
