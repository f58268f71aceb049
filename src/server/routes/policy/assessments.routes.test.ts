/**
 * Issue 3 end to end on a real database: an officer's 核算 of worked example 1 (T7), the
 * stored explanation, the recipient life cycle, refusal without a standard (R27), the
 * printable sheet, and batch re-assessment (what-if, apply, resume).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../../test/app.js';
import { createTestUser } from '../../../../test/builders/users.js';
import { createWorkedExample1 } from '../../../../test/builders/households.js';
import { FakeClock } from '../../../../test/clock.js';
import { auditEvents, benefitStatusEvents, policyParameters, reassessmentResults } from '../../../db/schema/index.js';
import { verifyAuditChain } from '../../../db/repos/audit.repo.js';
import { defaultParamValues } from '../../../domain/policy/test-fixtures.js';
import { runReassessment } from '../../../services/policy/run-reassessment.js';
import { startReassessment } from '../../../services/policy/start-reassessment.js';

let database: TestDatabase;
let t: TestApp;
let clerk: Client; // 乡镇经办, 城东区 (630102)
let policyAdmin: Client;
let otherCounty: Client; // 乡镇经办, 城中区 (630103): no standard configured there

const money = (yuan: number) => ({ monthlyFen: yuan * 100, published: { amount: yuan, unit: 'YUAN_PER_PERSON_MONTH' } });

async function insertVersion(v: { code: string; regionCode: string; urbanRural?: string; effectiveFrom: string; value: unknown; status?: string }) {
  const [r] = await database.db
    .insert(policyParameters)
    .values({
      code: v.code,
      name: v.code,
      regionCode: v.regionCode,
      urbanRural: v.urbanRural ?? 'ALL',
      effectiveFrom: v.effectiveFrom,
      value: v.value,
      confidence: 'PLACEHOLDER',
      basis: 'test',
      status: v.status ?? 'APPROVED',
      isDefault: false,
    })
    .returning({ id: policyParameters.id });
  return r!.id;
}

beforeAll(async () => {
  database = await openTestDatabase();
  t = await buildTestApp(database, { clock: new FakeClock('2022-01-15T02:00:00.000Z') });
  clerk = await loginAs(t.app, (await createTestUser(database, { roles: ['TOWNSHIP_CLERK'], regionCode: '630102' })).username);
  policyAdmin = await loginAs(t.app, (await createTestUser(database, { roles: ['POLICY_ADMIN'], regionCode: '630102' })).username);
  otherCounty = await loginAs(t.app, (await createTestUser(database, { roles: ['TOWNSHIP_CLERK'], regionCode: '630103' })).username);
  // Fictional test standard (POLICY.md worked example 1) and a configured property rule for 城东区.
  await insertVersion({ code: 'P01', regionCode: '630102', urbanRural: 'RURAL', effectiveFrom: '2021-01-01', value: money(450) });
  await insertVersion({ code: 'P19', regionCode: '630102', effectiveFrom: '2021-01-01', value: defaultParamValues().P19 });
});
afterAll(async () => {
  await t?.app.close();
  await database?.destroy();
});

describe('household 核算 (issue 3 §2–§5)', () => {
  it('T7: worked example 1 → 413.00 per capita, eligible, 148.00 per month, explained with sources and rules', async () => {
    const { id } = await createWorkedExample1(clerk);
    const r = await clerk.post(`/api/households/${id}/assessments`, {});
    expect(r.statusCode, r.body).toBe(200);
    const a = r.json();
    expect(a.referenceDate).toBe('2022-01-15');
    expect(a.result.window).toMatchObject({ from: '2021-01', to: '2021-12', months: 12 });
    expect(a.result.householdSize).toBe(4);
    expect(a.result.countedIncomeFen).toBe(1_982_400);
    expect(a.perCapitaMonthlyFen).toBe(41_300);
    expect(a.classification).toBe('DIBAO');
    expect(a.dibaoAmountFen).toBe(14_800);
    const text = (a.explanation as { rule: string | null; text: string }[]).map((s) => `${s.rule ?? ''} ${s.text}`).join('\n');
    expect(text).toContain('R21.1');
    expect(text).toContain('R22');
    expect(text).toContain('申报');
    expect(a.parametersUsed.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['P01', 'P04', 'P05', 'P06', 'P19']));
    // Not yet a recipient: no status, no transition (enrolment needs an application).
    const list = (await clerk.get(`/api/households/${id}/assessments`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.benefit).toBeNull();
  });

  it('refuses without a standard for the region and month (R27) with a Chinese message, storing nothing', async () => {
    const { id } = await createWorkedExample1(otherCounty, '630103001003');
    const r = await otherCounty.post(`/api/households/${id}/assessments`, {});
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('POLICY_STANDARD_NOT_CONFIGURED');
    expect((await otherCounty.get(`/api/households/${id}/assessments`)).json().items).toHaveLength(0);
  });

  it('a decision keeps a digest of its inputs: the same for a re-run on the same facts, another once a fact changed', async () => {
    const { id, headId } = await createWorkedExample1(clerk);
    const run = async () => {
      const r = await clerk.post(`/api/households/${id}/assessments`, {});
      expect(r.statusCode, r.body).toBe(200);
      return (r.json() as { id: string }).id;
    };
    const first = await run();
    const again = await run();
    const added = await clerk.post(`/api/households/${id}/incomes`, {
      personId: headId, incomeType: 'WAGE', amountFen: 120_000, periodStart: '2021-01-01', periodEnd: '2021-12-31', source: 'INVESTIGATED',
    });
    expect(added.statusCode, added.body).toBe(200);
    const changed = await run();
    const rows = await database.rawTransaction((raw) =>
      raw.query<{ id: string; inputs_digest: string }>('SELECT id, inputs_digest FROM assessments WHERE id = ANY($1::uuid[])', [[first, again, changed]]),
    );
    const digest = new Map(rows.map((r) => [r.id, r.inputs_digest]));
    expect(digest.get(first)).toMatch(/^[0-9a-f]{64}$/);
    expect(digest.get(again)).toBe(digest.get(first));
    expect(digest.get(changed)).toMatch(/^[0-9a-f]{64}$/);
    expect(digest.get(changed)).not.toBe(digest.get(first));
  });

  it('a 低保 household is registered as a recipient from the next month (R4) and the timeline shows it', async () => {
    const { id } = await createWorkedExample1(clerk);
    expect((await clerk.post(`/api/households/${id}/categories`, { category: 'DIBAO', effectiveFrom: '2021-01-01' })).statusCode).toBe(200);
    const r = await clerk.post(`/api/households/${id}/assessments`, {});
    expect(r.statusCode, r.body).toBe(200);
    const list = (await clerk.get(`/api/households/${id}/assessments`)).json();
    // Receiving since its category began (2021-01); this decision's amount applies from 2022-02.
    expect(list.benefit).toMatchObject({ status: 'ACTIVE', monthlyAmountFen: 14_800, sinceMonth: '2021-01' });
    expect(list.events).toHaveLength(1);
    expect(list.events[0]).toMatchObject({ fromStatus: null, toStatus: 'ACTIVE', effectiveMonth: '2022-02', decidedOn: '2022-01-15' });
    const timeline = (await clerk.get(`/api/households/${id}/timeline`)).json();
    const summaries = (timeline.items as { summary: string }[]).map((i) => i.summary);
    expect(summaries.some((s) => s.startsWith('低保待遇变动') && s.includes('正常享受') && s.includes('148.00元'))).toBe(true);
    expect(summaries.some((s) => s.startsWith('政策核算'))).toBe(true);
    // Running again with the same facts changes nothing in the status.
    await clerk.post(`/api/households/${id}/assessments`, {});
    expect((await clerk.get(`/api/households/${id}/assessments`)).json().events).toHaveLength(1);
  });

  it('R44: a recipient whose wage lifts it over the line enters 渐退, judged against the last decision kept on its status', async () => {
    const { id, headId } = await createWorkedExample1(clerk);
    expect((await clerk.post(`/api/households/${id}/categories`, { category: 'DIBAO', effectiveFrom: '2021-01-01' })).statusCode).toBe(200);
    const first = (await clerk.post(`/api/households/${id}/assessments`, {})).json() as { id: string; result: { countedByType: Record<string, number> } };
    // The status row carries the decision's counted income (the base of R44's "rise").
    const [kept] = await database.rawTransaction((raw) =>
      raw.query<{ last_counted_by_type: Record<string, number>; last_per_capita_monthly_fen: number | string }>(
        'SELECT last_counted_by_type, last_per_capita_monthly_fen FROM benefit_statuses WHERE household_id = $1',
        [id],
      ),
    );
    expect(kept!.last_counted_by_type).toEqual(first.result.countedByType);
    expect(Number(kept!.last_per_capita_monthly_fen)).toBe(41_300);
    // New work: the head earns 12,000 元 more in the same window (+250 元 per person and month).
    const res = await clerk.post(`/api/households/${id}/incomes`, {
      personId: headId, incomeType: 'WAGE', amountFen: 1_200_000, periodStart: '2021-01-01', periodEnd: '2021-12-31', source: 'INVESTIGATED',
    });
    expect(res.statusCode, res.body).toBe(200);
    const second = await clerk.post(`/api/households/${id}/assessments`, {});
    expect(second.statusCode, second.body).toBe(200);
    const list = (await clerk.get(`/api/households/${id}/assessments`)).json();
    expect(list.benefit).toMatchObject({ status: 'GRADUAL_EXIT', monthlyAmountFen: 14_800 });
    const texts = (second.json().explanation as { rule: string; text: string }[]).filter((s) => s.rule === 'R44.4').map((s) => s.text);
    expect(texts.some((s) => s.includes('工资性和经营净收入增加12,000.00元') && s.includes('属因就业创业收入超标'))).toBe(true);
  });

  it('prints the 核算表 as a PDF with an embedded Chinese font, and the print is audited', async () => {
    const { id } = await createWorkedExample1(clerk);
    const a = (await clerk.post(`/api/households/${id}/assessments`, {})).json();
    const pdf = await clerk.get(`/api/assessments/${a.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.includes(Buffer.from('/FontFile2'))).toBe(true);
    expect((await clerk.get(`/api/assessments/${a.id}`)).statusCode).toBe(200);
    const reads = await database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, a.id), inArray(auditEvents.action, ['assessment.print', 'assessment.view'])));
    expect(reads.map((r) => r.action).sort()).toEqual(['assessment.print', 'assessment.view']);
    // Out of scope: the other county's clerk gets 404.
    expect((await otherCounty.get(`/api/assessments/${a.id}/pdf`)).statusCode).toBe(404);
  });
});

describe('batch re-assessment (issue 3 §6)', () => {
  it('what-if on a draft standard changes nothing; applied after approval gives the same figures and the new standard in the explanation', async () => {
    const { id } = await createWorkedExample1(clerk);
    await clerk.post(`/api/households/${id}/categories`, { category: 'DIBAO', effectiveFrom: '2021-01-01' });
    const first = (await clerk.post(`/api/households/${id}/assessments`, {})).json();
    expect(first.dibaoAmountFen).toBe(14_800);

    const draft = await insertVersion({ code: 'P01', regionCode: '630102', urbanRural: 'RURAL', effectiveFrom: '2022-01-01', value: money(480), status: 'DRAFT' });
    const started = await policyAdmin.post('/api/policy/reassessments', { mode: 'WHAT_IF', parameterVersionIds: [draft] });
    expect(started.statusCode, started.body).toBe(200);
    await t.jobs.drain();
    const w = (await policyAdmin.get(`/api/policy/reassessments/${started.json().id}`)).json();
    expect(w.status).toBe('DONE');
    expect(w.processed).toBe(w.total);
    expect(w.summary.totals.AMOUNT_UP).toBeGreaterThanOrEqual(1);
    const mine = (await clerk.get(`/api/policy/reassessments/${w.id}/changes?change=AMOUNT_UP`)).json().items.find((i: { householdId: string }) => i.householdId === id);
    // New standard 480: employment cost 30% × 480 × 12 = 1,728 → counted 19,716 → 410.75/month;
    // (480 − 410.75) × 4 = 277.00 (R21.1, R23, R29).
    expect(mine).toMatchObject({ beforeAmountFen: 14_800, afterAmountFen: 27_700 });
    // Nothing was written for the household.
    const untouched = (await clerk.get(`/api/households/${id}/assessments`)).json();
    expect(untouched.benefit.monthlyAmountFen).toBe(14_800);
    // The officer's 核算 was the household's periodic review (R42), dated today.
    expect(untouched.benefit.periodicReview).toMatchObject({ stage: 'NOT_DUE', reviewClass: 'STABLE', lastReviewedOn: '2022-01-15' });
    expect(w.summary.yearlyDiffFen).toBe(w.summary.monthlyDiffFen * 12);
    expect(w.appliedRunId).toBeNull();

    // Applying a draft is refused; approving and applying reproduces the what-if.
    expect((await policyAdmin.post('/api/policy/reassessments', { mode: 'APPLY', parameterVersionIds: [draft] })).statusCode).toBe(409);
    await database.db.update(policyParameters).set({ status: 'APPROVED' }).where(eq(policyParameters.id, draft));
    const applied = await policyAdmin.post('/api/policy/reassessments', { mode: 'APPLY', parameterVersionIds: [draft] });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().basedOnRunId).toBe(w.id);
    await t.jobs.drain();
    const ap = (await policyAdmin.get(`/api/policy/reassessments/${applied.json().id}`)).json();
    expect(ap.status).toBe('DONE');
    expect(ap.summary.totals).toEqual(w.summary.totals);
    expect(ap.summary.monthlyDiffFen).toBe(w.summary.monthlyDiffFen);
    // The what-if now points at the run that applied it (its page offers no second application).
    expect((await policyAdmin.get(`/api/policy/reassessments/${w.id}`)).json()).toMatchObject({ appliedRunId: ap.id, basedOnRunId: null });
    expect(ap.appliedRunId).toBeNull();
    const runs = (await policyAdmin.get('/api/policy/reassessments')).json().items as { id: string; appliedRunId: string | null }[];
    expect(runs.find((r) => r.id === w.id)?.appliedRunId).toBe(ap.id);
    const list = (await clerk.get(`/api/households/${id}/assessments`)).json();
    expect(list.benefit).toMatchObject({ status: 'ACTIVE', monthlyAmountFen: 27_700 });
    // A batch re-assessment is not a review: the periodic review still counts from the officer's 核算 (R42).
    expect(list.benefit.periodicReview).toEqual(untouched.benefit.periodicReview);
    expect(list.items[0]).toMatchObject({ trigger: 'BATCH', standardMonthlyFen: 48_000 });
    // The earlier decision keeps the standard it was made with (issue 3 §4).
    expect((await clerk.get(`/api/assessments/${first.id}`)).json().standardMonthlyFen).toBe(45_000);
    // The run writes the transition's audit row and dated event with COPY: both there, chain intact.
    const transitions = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'benefit.transition'), eq(auditEvents.householdId, id)))
      .orderBy(auditEvents.seq);
    expect(transitions.at(-1)?.after).toMatchObject({ status: 'ACTIVE', monthlyAmountFen: 27_700 });
    // Who and when come from the run's context, also when a worker thread worked the chunk out (PostgreSQL).
    expect(transitions.at(-1)).toMatchObject({ actorName: '系统', source: 'SYSTEM' });
    expect(new Date(String(transitions.at(-1)!.at)).toISOString()).toBe(t.clock.now().toISOString());
    const events = await database.db.select().from(benefitStatusEvents).where(eq(benefitStatusEvents.householdId, id)).orderBy(benefitStatusEvents.createdAt);
    expect(events.at(-1)).toMatchObject({ fromStatus: 'ACTIVE', toStatus: 'ACTIVE', monthlyAmountFen: 27_700, assessmentId: list.items[0].id });
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    await database.db.update(policyParameters).set({ status: 'REJECTED' }).where(eq(policyParameters.id, draft));
  });

  it('resumes after a crash mid-run without repeating or losing a household', async () => {
    for (let i = 0; i < 3; i++) await createWorkedExample1(clerk, '630102001004');
    const draft = await insertVersion({ code: 'P01', regionCode: '630102', urbanRural: 'RURAL', effectiveFrom: '2022-01-01', value: money(470), status: 'DRAFT' });
    const ctx = { database, clock: t.clock };
    const run = await startReassessment(ctx, null, { mode: 'WHAT_IF', parameterVersionIds: [draft] });
    // "Crash" after two chunks of one household each, facts read two households at a time.
    const partial = await runReassessment(ctx, run.id, { chunkSize: 1, windowSize: 2, stopAfterChunks: 2 });
    expect(partial.status).toBe('RUNNING');
    expect(partial.processed).toBe(2);
    // Resumed with other chunk and window sizes (a window ends mid-chunk).
    const done = await runReassessment(ctx, run.id, { chunkSize: 2, windowSize: 3 });
    expect(done.status).toBe('DONE');
    expect(done.processed).toBe(run.total);
    const rows = await database.db.select().from(reassessmentResults).where(eq(reassessmentResults.runId, run.id));
    expect(rows).toHaveLength(run.total);
    expect(new Set(rows.map((r) => r.householdId)).size).toBe(run.total);
    // Running a finished run again changes nothing.
    expect((await runReassessment(ctx, run.id)).processed).toBe(run.total);
    // The same figures as a run in one go with the default chunks and windows.
    const whole = await startReassessment(ctx, null, { mode: 'WHAT_IF', parameterVersionIds: [draft] });
    expect((await runReassessment(ctx, whole.id)).summary).toEqual(done.summary);
    const figures = (rs: (typeof rows)[number][]) =>
      rs.map((x) => [x.householdId, x.change, x.beforeAmountFen, x.afterAmountFen, x.afterClassification]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(figures(await database.db.select().from(reassessmentResults).where(eq(reassessmentResults.runId, whole.id)))).toEqual(figures(rows));
    // Windows of one chunk: each next chunk is worked out from the window read ahead (on PostgreSQL).
    const oneByOne = await startReassessment(ctx, null, { mode: 'WHAT_IF', parameterVersionIds: [draft] });
    expect((await runReassessment(ctx, oneByOne.id, { chunkSize: 1, windowSize: 1 })).summary).toEqual(done.summary);
    expect(figures(await database.db.select().from(reassessmentResults).where(eq(reassessmentResults.runId, oneByOne.id)))).toEqual(figures(rows));
    await database.db.delete(policyParameters).where(inArray(policyParameters.id, [draft]));
  });

  it('worker threads (PostgreSQL) and the main thread work out the same figures for every household', async () => {
    for (let i = 0; i < 5; i++) await createWorkedExample1(clerk, '630102001004');
    const draft = await insertVersion({ code: 'P01', regionCode: '630102', urbanRural: 'RURAL', effectiveFrom: '2022-01-01', value: money(490), status: 'DRAFT' });
    const ctx = { database, clock: t.clock };
    const figures = async (runId: string) =>
      (await database.db.select().from(reassessmentResults).where(eq(reassessmentResults.runId, runId)))
        .map((x) => [x.householdId, x.change, x.beforeClassification, x.afterClassification, x.beforeAmountFen, x.afterAmountFen, x.errorCode])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const inProcess = await startReassessment(ctx, null, { mode: 'WHAT_IF', parameterVersionIds: [draft] });
    const a = await runReassessment(ctx, inProcess.id, { workers: 0, chunkSize: 2 });
    // Chunks of two households, two workers: several windows in flight at once.
    const threaded = await startReassessment(ctx, null, { mode: 'WHAT_IF', parameterVersionIds: [draft] });
    const b = await runReassessment(ctx, threaded.id, { workers: 2, chunkSize: 2 });
    expect(b.status).toBe('DONE');
    expect(b.processed).toBe(a.processed);
    expect(b.summary).toEqual(a.summary);
    expect(await figures(threaded.id)).toEqual(await figures(inProcess.id));
    expect((await figures(threaded.id)).some((f) => f[1] === 'AMOUNT_UP')).toBe(true);
    // A worker reads a chunk's facts in parts, the next while one is worked out: chunks of
    // five households read two at a time.
    const inParts = await startReassessment(ctx, null, { mode: 'WHAT_IF', parameterVersionIds: [draft] });
    const c = await runReassessment(ctx, inParts.id, { workers: 1, chunkSize: 5, windowSize: 2 });
    expect(c.summary).toEqual(a.summary);
    expect(await figures(inParts.id)).toEqual(await figures(inProcess.id));
    // Every second window worked out on the main thread between the writes, the others by the worker.
    const shared = await startReassessment(ctx, null, { mode: 'WHAT_IF', parameterVersionIds: [draft] });
    const d = await runReassessment(ctx, shared.id, { workers: 1, chunkSize: 2, windowSize: 1, mainShare: 2 });
    expect(d.summary).toEqual(a.summary);
    expect(await figures(shared.id)).toEqual(await figures(inProcess.id));
    await database.db.delete(policyParameters).where(inArray(policyParameters.id, [draft]));
  });

  it('applied one household a chunk on a worker thread (the rows’ memory going back to it each time), every decision is stored as the what-if said', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { id } = await createWorkedExample1(clerk, '630102001004');
      await clerk.post(`/api/households/${id}/categories`, { category: 'DIBAO', effectiveFrom: '2021-01-01' });
      expect((await clerk.post(`/api/households/${id}/assessments`, {})).json().dibaoAmountFen).toBe(14_800);
      ids.push(id);
    }
    const draft = await insertVersion({ code: 'P01', regionCode: '630102', urbanRural: 'RURAL', effectiveFrom: '2022-01-01', value: money(480), status: 'DRAFT' });
    const ctx = { database, clock: t.clock };
    const whatIf = await startReassessment(ctx, null, { mode: 'WHAT_IF', parameterVersionIds: [draft] });
    await runReassessment(ctx, whatIf.id, { workers: 0 });
    const predicted = new Map(
      (await database.db.select().from(reassessmentResults).where(and(eq(reassessmentResults.runId, whatIf.id), inArray(reassessmentResults.householdId, ids)))).map((r) => [r.householdId, r.afterAmountFen]),
    );
    await database.db.update(policyParameters).set({ status: 'APPROVED' }).where(eq(policyParameters.id, draft));
    const run = await startReassessment(ctx, null, { mode: 'APPLY', parameterVersionIds: [draft] });
    // One worker (PostgreSQL; in process on PGlite): each chunk's encoded rows are written, then
    // their memory goes back to the worker, which encodes a later chunk into it; every second
    // chunk is worked out on the main thread, its rows' memory going back to that thread's pool.
    const applied = await runReassessment(ctx, run.id, { workers: 1, chunkSize: 1, mainShare: 2 });
    expect(applied.status).toBe('DONE');
    for (const id of ids) {
      expect(predicted.get(id), id).toBe(27_700);
      const list = (await clerk.get(`/api/households/${id}/assessments`)).json();
      expect(list.benefit).toMatchObject({ status: 'ACTIVE', monthlyAmountFen: 27_700 });
      expect(list.items[0]).toMatchObject({ trigger: 'BATCH', runId: run.id, dibaoAmountFen: 27_700, standardMonthlyFen: 48_000 });
      // The stored explanation is whole: numbered steps, the new standard, the amount paid.
      const stored = (await clerk.get(`/api/assessments/${list.items[0].id}`)).json();
      const steps = stored.explanation as { n: number; text: string }[];
      expect(steps.map((s) => s.n)).toEqual(steps.map((_s, i) => i + 1));
      expect(steps.some((s) => s.text.includes('480.00元'))).toBe(true);
      expect(steps.some((s) => s.text.includes('277.00元'))).toBe(true);
    }
    await database.db.update(policyParameters).set({ status: 'REJECTED' }).where(eq(policyParameters.id, draft));
  });

  it('two workers on one run, each with its own windows, finish it together without repeating or losing a household', async () => {
    for (let i = 0; i < 4; i++) await createWorkedExample1(clerk, '630102001004');
    const draft = await insertVersion({ code: 'P01', regionCode: '630102', urbanRural: 'RURAL', effectiveFrom: '2022-01-01', value: money(480), status: 'DRAFT' });
    const ctx = { database, clock: t.clock };
    const run = await startReassessment(ctx, null, { mode: 'WHAT_IF', parameterVersionIds: [draft] });
    expect(run.total).toBeGreaterThanOrEqual(3);
    // Each worker reads windows of two households and moves one household per chunk, so each
    // keeps finding the cursor moved past its window by the other.
    const [a, b] = await Promise.all([
      runReassessment(ctx, run.id, { chunkSize: 1, windowSize: 2 }),
      runReassessment(ctx, run.id, { chunkSize: 1, windowSize: 2 }),
    ]);
    expect([a.status, b.status]).toEqual(['DONE', 'DONE']);
    const rows = await database.db.select().from(reassessmentResults).where(eq(reassessmentResults.runId, run.id));
    expect(rows).toHaveLength(run.total);
    expect(new Set(rows.map((r) => r.householdId)).size).toBe(run.total);
    expect(a.processed).toBe(run.total);
    await database.db.delete(policyParameters).where(inArray(policyParameters.id, [draft]));
  });
});
