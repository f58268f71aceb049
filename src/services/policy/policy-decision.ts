/**
 * The shared core of an officer's 核算 and of a batch re-assessment: run the pure engine on
 * loaded facts, decide the recipient transition, and (when applying) write the decision, the
 * recipient status and its dated event in the caller's transaction.
 */
import { hash } from 'node:crypto';
import { assessHousehold } from '../../domain/policy/assess-household.rules.js';
import type { Assessment, ExplanationStep, ParameterSet } from '../../domain/policy/assessment.types.js';
import { RECIPIENT_STATUS_LABELS, summariseAssessment, yuan } from '../../domain/policy/assessment-summary.js';
import { decideRecipientTransition, type Transition } from '../../domain/policy/lifecycle.rules.js';
import type { Violation } from '../../domain/errors.js';
import { BinaryCopyWriter, blockMemory, type CopyBlockPool } from '../../db/copy-binary.js';
import { newId } from '../../db/ids.js';
import type { Tx } from '../../db/database.js';
import type { AuditInput } from '../../db/repos/audit.repo.js';
import {
  copyAssessments,
  encodeAssessment,
  endHouseholdCategory,
  insertBenefitStatusEvents,
  markBenefitStatusesReviewed,
  touchBenefitStatuses,
  findCategoryStarts,
  upsertBenefitStatuses,
  type AssessmentInsert,
  type BenefitStatusEventInsert,
  type BenefitStatusInsert,
} from '../../db/repos/assessments.repo.js';
import type { LoadedHousehold } from './load-household-facts.js';

export type DecisionOutcome =
  | { ok: true; assessment: Assessment; transition: Transition | null }
  | { ok: false; violations: Violation[] };

const LIFECYCLE_SECTION = '待遇变动（R4、R44）';

/**
 * Run the engine and decide the recipient transition. `explain: false` (quiet) gives the same
 * outcome without building the explanation: a batch assesses every household twice and
 * explains only the decisions it stores.
 */
export function decide(loaded: LoadedHousehold, params: ParameterSet, referenceDate: string, decisionDate: string, opts: { explain?: boolean } = {}): DecisionOutcome {
  const explain = opts.explain !== false;
  const d = assessHousehold(loaded.facts, params, referenceDate, { explain });
  if (!d.ok) return { ok: false, violations: d.violations };
  const assessment = d.value;
  const t = decideRecipientTransition({
    recipient: loaded.facts.recipient,
    result: assessment.result,
    decisionDate,
    params,
    hasDibaoCategory: loaded.facts.categories.includes('DIBAO'),
    explain,
  });
  let explanation: ExplanationStep[] = assessment.explanation;
  if (t.steps.length > 0) {
    let n = explanation.length;
    explanation = [...explanation, ...t.steps.map((s) => ({ ...s, n: ++n, section: LIFECYCLE_SECTION }))];
  }
  return { ok: true, assessment: { ...assessment, explanation }, transition: t.transition };
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
  /** MANUAL: an officer's 核算; BATCH: a re-assessment run; DEPT_DATA: new department data (a review only, R81) */
  trigger: 'MANUAL' | 'BATCH' | 'DEPT_DATA';
  runId: string | null;
  actorId: string | null;
  /** builds an audit event for this household (the caller fills who/when) */
  audit: (e: Omit<AuditInput, 'at' | 'actorId' | 'actorName' | 'requestId' | 'ip'>) => AuditInput;
}

/** The rows one decision writes; built in memory so that a batch writes a chunk at once. */
export interface PreparedDecision {
  assessmentId: string;
  assessment: AssessmentInsert;
  benefit: BenefitStatusInsert | null;
  event: BenefitStatusEventInsert | null;
  /** end the household's DIBAO category on this day (a stop, R4) */
  endDibaoOn: string | null;
  /** point an unchanged recipient status at the new decision */
  touch: boolean;
  /** the decision's counted income, kept on the recipient's status as the base of R44's "rise" */
  baseline: { countedByType: Record<string, number>; perCapitaMonthlyFen: number };
  /** an officer's 核算 is the recipient's periodic review (R42): its day; null for a batch or department data */
  reviewedOn: string | null;
  audit: AuditInput[];
}

export function prepareDecision(s: StoreInput): PreparedDecision {
  const { facts } = s.loaded;
  const { assessment, transition } = s.outcome;
  const r = assessment.result;
  const assessmentId = newId();
  const baseline = { countedByType: r.countedByType, perCapitaMonthlyFen: r.perCapitaMonthlyFen };
  const reviewedOn = s.trigger === 'MANUAL' ? s.decisionDate : null;
  const row: AssessmentInsert = {
    id: assessmentId,
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
    // Computed only for decisions that are stored (a what-if assesses every household twice),
    // with the one-shot `hash`: `createHash(…).update()` took ≈ 20 µs for these ≈ 2.4 KB of
    // mostly Chinese text, the one-shot ≈ 3 µs (docs/benchmarks.md).
    inputsDigest: hash('sha256', JSON.stringify([facts, assessment.parametersUsed, s.referenceDate]), 'hex'),
    createdBy: s.actorId,
  };
  const audit: AuditInput[] = [];
  if (s.trigger !== 'BATCH') {
    audit.push(
      s.audit({
        action: s.trigger === 'DEPT_DATA' ? 'assessment.dept-review' : 'assessment.run',
        entityType: 'assessment',
        entityId: assessmentId,
        householdId: facts.householdId,
        countyCode: facts.countyCode,
        source: 'SYSTEM',
        after: { _summary: `${summariseAssessment(r)}（基准日${s.referenceDate}）`, classification: r.classification, perCapitaMonthlyFen: r.perCapitaMonthlyFen, dibaoAmountFen: r.dibao.monthlyAmountFen },
      }),
    );
  }
  if (!transition) {
    // A review on department data does not become the recipient's baseline: the next officer's
    // 核算 still compares income with the last decision that was acted on (R44 rise).
    return { assessmentId, assessment: row, benefit: null, event: null, endDibaoOn: null, touch: !!s.loaded.benefit && s.trigger !== 'DEPT_DATA', baseline, reviewedOn, audit };
  }
  const effectiveMonth = `${transition.effectiveMonth}-01`;
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
  return {
    assessmentId,
    assessment: row,
    benefit: {
      householdId: facts.householdId,
      countyCode: facts.countyCode,
      status: transition.to,
      monthlyAmountFen: transition.monthlyAmountFen,
      sinceMonth: s.loaded.benefit?.sinceMonth ?? effectiveMonth,
      gradualExitFrom: transition.gradualExitFrom ? `${transition.gradualExitFrom}-01` : null,
      gradualExitUntil: transition.gradualExitUntil ? `${transition.gradualExitUntil}-01` : null,
      gradualExitSchedule: transition.gradualExitSchedule,
      lastAssessmentId: assessmentId,
      lastCountedByType: baseline.countedByType,
      lastPerCapitaMonthlyFen: baseline.perCapitaMonthlyFen,
      // kept only when the status is first written (R42: a review counts from here until an officer's 核算)
      registeredOn: s.decisionDate,
    },
    event: {
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
    // The benefit stops from the month after the decision (R4): the category ends on the
    // last day of the decision month.
    endDibaoOn: transition.to === 'STOPPED' ? lastDayBefore(effectiveMonth) : null,
    touch: false,
    baseline,
    reviewedOn,
    audit,
  };
}

/** A decision as a batch keeps it once its assessment row is encoded. */
export type BatchedDecision = Omit<PreparedDecision, 'assessment'> & { householdId: string };

/**
 * A batch as plain data, to move between threads: a worker thread works out a chunk and the
 * main thread writes it (reassess-workers.ts). The blocks are the encoded assessment rows.
 */
export interface DecisionBatchData {
  blocks: Uint8Array[];
  items: BatchedDecision[];
}

/**
 * Decisions gathered to be written in a few statements (a batch's chunk, or one 核算). Each
 * decision's assessment row — its explanation, result and parameters, ≈ 12 KB of JSON — is
 * encoded for COPY when the decision is added, so that those objects die young: held as
 * objects until a chunk of a thousand was written, they outlived the young generation and
 * copying them was most of an applied run's garbage-collection time (`docs/benchmarks.md`).
 */
export class DecisionBatch {
  private rows: BinaryCopyWriter | null = null;
  /** the encoded rows, once the batch is closed (toData, or a batch made from data) */
  private blocks: Uint8Array[] | null = null;
  private written = false;
  /** set once the rows were copied: their memory is no longer read */
  private copied = false;
  private readonly items: BatchedDecision[] = [];

  /** The rows are encoded into blocks of `pool` when given (see CopyBlockPool). */
  constructor(private readonly pool?: CopyBlockPool) {}

  add(d: PreparedDecision): void {
    if (this.written || this.blocks) throw new Error('DecisionBatch already closed');
    encodeAssessment((this.rows ??= new BinaryCopyWriter(this.pool)), d.assessment);
    const { assessment, ...rest } = d;
    this.items.push({ ...rest, householdId: assessment.householdId });
  }

  /** Close the batch and give it as data (see DecisionBatchData); nothing can be added afterwards. */
  toData(): DecisionBatchData {
    if (this.written || this.blocks) throw new Error('DecisionBatch already closed');
    this.blocks = this.rows ? this.rows.finish() : [];
    this.rows = null;
    return { blocks: this.blocks, items: this.items };
  }

  /**
   * A batch from data another thread made. Its audit events lack who and when (the thread
   * that made them has no request context); `stamp` fills them.
   */
  static fromData(data: DecisionBatchData, stamp: (e: AuditInput) => AuditInput): DecisionBatch {
    const b = new DecisionBatch();
    b.blocks = data.blocks.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength));
    for (const d of data.items) b.items.push({ ...d, audit: d.audit.map(stamp) });
    return b;
  }

  /**
   * Once copied, the memory of the encoded rows, for a pool to reuse (or the thread that
   * encoded them to get back); the batch lets go of it. Empty before the rows were copied.
   */
  releaseBlocks(): ArrayBuffer[] {
    if (!this.copied || !this.blocks) return [];
    const memory = blockMemory(this.blocks);
    this.blocks = [];
    return memory;
  }

  /** The decisions' audit events (the caller appends them, with its own, in the transaction). */
  audit(): AuditInput[] {
    return this.items.flatMap((d) => d.audit);
  }

  /** Write the decisions, their recipient statuses and dated events. A batch is written once. */
  async write(tx: Tx): Promise<void> {
    if (this.written) throw new Error('DecisionBatch written twice');
    this.written = true;
    const items = this.items;
    if (items.length === 0) return;
    this.blocks ??= this.rows ? this.rows.finish() : [];
    this.rows = null;
    await copyAssessments(tx, this.blocks);
    this.copied = true;
    await receivingSinceCategory(tx, items);
    await upsertBenefitStatuses(tx, items.flatMap((d) => (d.benefit ? [d.benefit] : [])));
    await insertBenefitStatusEvents(tx, items.flatMap((d) => (d.event ? [d.event] : [])));
    for (const d of items) if (d.endDibaoOn) await endHouseholdCategory(tx, d.householdId, 'DIBAO', d.endDibaoOn);
    await touchBenefitStatuses(
      tx,
      items
        .filter((d) => d.touch)
        .map((d) => ({
          householdId: d.householdId,
          assessmentId: d.assessmentId,
          countedByType: d.baseline.countedByType,
          perCapitaMonthlyFen: d.baseline.perCapitaMonthlyFen,
        })),
    );
    await markBenefitStatusesReviewed(tx, items.flatMap((d) => (d.reviewedOn ? [{ householdId: d.householdId, on: d.reviewedOn }] : [])));
  }
}

/**
 * A household already registered as 低保 gets its first status record from its first decision
 * (在册低保户首次核定): the amount applies from the next month (R4), but it has been receiving
 * 低保 since its DIBAO category began, and that is the status's 享受起始月.
 */
async function receivingSinceCategory(tx: Tx, items: readonly BatchedDecision[]): Promise<void> {
  const first = items.filter((d) => d.benefit && d.event && d.event.fromStatus === null);
  if (first.length === 0) return;
  const starts = await findCategoryStarts(tx, first.map((d) => d.householdId), 'DIBAO');
  for (const d of first) {
    const from = starts.get(d.householdId);
    const month = from ? `${from.slice(0, 7)}-01` : null;
    if (month && month < d.benefit!.sinceMonth) d.benefit!.sinceMonth = month;
  }
}

/** One decision, written now (an officer's 核算). */
export async function storeDecision(tx: Tx, s: StoreInput): Promise<{ assessmentId: string; audit: AuditInput[] }> {
  const d = prepareDecision(s);
  const batch = new DecisionBatch();
  batch.add(d);
  await batch.write(tx);
  return { assessmentId: d.assessmentId, audit: d.audit };
}

function lastDayBefore(firstOfMonth: string): string {
  const d = new Date(`${firstOfMonth}T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}
