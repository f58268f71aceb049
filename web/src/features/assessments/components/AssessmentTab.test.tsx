import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AssessmentResult } from '../../../../../src/domain/policy/assessment.types';
import { AppProviders, createQueryClient } from '../../../components/AppProviders';
import { AssessmentTab } from './AssessmentTab';

const decided = { id: 'a1', referenceDate: '2026-12-01', trigger: 'MANUAL', runId: null, classification: 'TEKUN_ONLY', perCapitaMonthlyFen: 0, standardMonthlyFen: 47_000, dibaoAmountFen: null, createdAt: '2026-11-30T22:35:00.000Z', createdByName: '演示乡镇经办' };

const result: AssessmentResult = {
  referenceDate: '2026-12-01',
  window: { from: '2025-12', to: '2026-11', months: 12 },
  householdSize: 0,
  countedIncomeFen: 0,
  countedByType: {},
  perCapitaMonthlyFen: 0,
  standardMonthlyFen: 47_000,
  urbanRural: 'RURAL',
  property: { result: 'PASS', findings: [] },
  dibao: { eligible: 'NO', monthlyAmountFen: null, method: 'DIFFERENCE' },
  isNationalEdge: 'NO',
  isQhRuralLowIncome: 'NO',
  rigidExpenditure: 'NO',
  fangfanpin: false,
  members: [{ personId: 'p1', name: '旦正', noLabourCapacity: true, tekun: 'YES', careLevel: 'PARTIAL_CARE', tekunSupportMonthlyFen: 89_433, singlePerson: 'NO', singlePersonAmountFen: null }],
  classification: 'TEKUN_ONLY',
  categories: ['TEKUN'],
  referrals: [],
} as AssessmentResult;

function stubApi(routes: Record<string, unknown>) {
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
    const key = Object.keys(routes).find((k) => String(input).startsWith(k));
    return new Response(JSON.stringify(key ? routes[key] : {}), { status: key ? 200 : 404, headers: { 'content-type': 'application/json' } });
  }));
}

afterEach(() => vi.unstubAllGlobals());

describe('AssessmentTab', () => {
  it('states a 特困 member’s support standard in the conclusion, where 月保障金 has none (R55)', async () => {
    stubApi({
      '/api/households/h1/assessments': { items: [decided], benefit: null, events: [] },
      '/api/assessments/a1': { ...decided, householdId: 'h1', result, explanation: [], parametersUsed: [] },
    });
    render(
      <AppProviders queryClient={createQueryClient()}>
        <AssessmentTab householdId="h1" canRun={false} />
      </AppProviders>,
    );
    expect((await screen.findByTestId('assessment-member-benefits')).textContent).toBe('旦正：特困供养894.33元/月，半护理');
  });

  /** The tab of a household in 渐退 whose period stands as `review` says. */
  function renderInGradualExit(
    period: { from: string; until: string },
    review: { stage: string; periodEnd: string; daysLeft: number; text: string },
    paid: { monthlyAmountFen: number; gradualExitSchedule: Array<{ fromMonth: string; untilMonth: string; amountFen: number }> | null } = { monthlyAmountFen: 14_800, gradualExitSchedule: null },
  ) {
    stubApi({
      '/api/households/h1/assessments': {
        items: [decided],
        benefit: { status: 'GRADUAL_EXIT', ...paid, sinceMonth: '2021-01', gradualExitFrom: period.from, gradualExitUntil: period.until, review, reviewClass: 'STABLE', periodicReview: null, lastAssessmentId: 'a1' },
        events: [],
      },
      '/api/assessments/a1': { ...decided, householdId: 'h1', result, explanation: [], parametersUsed: [] },
    });
    render(
      <AppProviders queryClient={createQueryClient()}>
        <AssessmentTab householdId="h1" canRun={false} />
      </AppProviders>,
    );
  }

  it('says a 渐退 period run past its end was not re-assessed and is still being paid (R44.3)', async () => {
    renderInGradualExit(
      { from: '2025-11', until: '2026-10' },
      { stage: 'OVERDUE', periodEnd: '2026-10-31', daysLeft: -30, text: '渐退期已于2026-10-31期满，尚未重新核算，仍按渐退期金额发放；应即入户核查并重新核算（R44.3）' },
    );
    expect((await screen.findByTestId('gradual-exit-review')).textContent).toBe('期满未复核（逾期30天）');
    expect(screen.getByTestId('gradual-exit-alert').textContent).toContain('仍按渐退期金额发放');
  });

  it('shows no review notice while a 渐退 period has more than 30 days to run', async () => {
    renderInGradualExit({ from: '2026-11', until: '2027-10' }, { stage: 'IN_PERIOD', periodEnd: '2027-10-31', daysLeft: 335, text: '渐退期至2027-10，期满时重新核算（R44.3）' });
    expect((await screen.findByTestId('gradual-exit-review')).textContent).toBe('渐退期中（剩335天）');
    expect(screen.queryByTestId('gradual-exit-alert')).toBeNull();
  });

  it('a stepped-down 渐退 shows this month’s amount and the whole schedule (R44.2, P77)', async () => {
    renderInGradualExit(
      { from: '2026-08', until: '2027-07' },
      { stage: 'IN_PERIOD', periodEnd: '2027-07-31', daysLeft: 242, text: '渐退期至2027-07，期满时重新核算（R44.3）' },
      { monthlyAmountFen: 14_800, gradualExitSchedule: [{ fromMonth: '2026-08', untilMonth: '2027-01', amountFen: 14_800 }, { fromMonth: '2027-02', untilMonth: '2027-07', amountFen: 7_400 }] },
    );
    expect((await screen.findByTestId('gradual-exit-schedule')).textContent).toBe('2026-08至2027-01每月148.00元，2027-02至2027-07每月74.00元（R44.2）');
    expect(within(screen.getByTestId('benefit-status')).getByText('本月保障金')).toBeTruthy();
  });

  it('an unchanged 渐退 shows no schedule', async () => {
    renderInGradualExit({ from: '2026-11', until: '2027-10' }, { stage: 'IN_PERIOD', periodEnd: '2027-10-31', daysLeft: 335, text: '渐退期至2027-10，期满时重新核算（R44.3）' });
    await screen.findByTestId('gradual-exit-review');
    expect(screen.queryByTestId('gradual-exit-schedule')).toBeNull();
    expect(within(screen.getByTestId('benefit-status')).getByText('月保障金')).toBeTruthy();
  });

  it('says what changed since the decision before: the new standard, the amount and the steps quoting them (issue 3 §6)', async () => {
    const dibao = (standardFen: number, amountFen: number): AssessmentResult =>
      ({ ...result, householdSize: 2, standardMonthlyFen: standardFen, classification: 'DIBAO', categories: ['DIBAO'], members: [], dibao: { eligible: 'YES', monthlyAmountFen: amountFen, method: 'DIFFERENCE' } }) as AssessmentResult;
    const step = (standard: string) => ({ n: 1, kind: 'INPUT', rule: 'R27', section: '标准与计算期', text: `适用农村低保标准每人每月${standard}元`, figures: [] });
    const p01 = (versionId: string, effectiveFrom: string) => ({ code: 'P01', name: '低保标准', versionId, regionCode: '632323', urbanRural: 'RURAL', effectiveFrom, confidence: 'PLACEHOLDER' });
    const newer = { ...decided, id: 'a2', trigger: 'BATCH', classification: 'DIBAO', createdAt: '2026-12-01T02:00:00.000Z', createdByName: null };
    const older = { ...decided, id: 'a1', classification: 'DIBAO' };
    stubApi({
      '/api/households/h1/assessments': { items: [newer, older], benefit: null, events: [] },
      '/api/assessments/a2': { ...newer, householdId: 'h1', result: dibao(56_000, 112_000), explanation: [step('560.00')], parametersUsed: [p01('v2', '2026-12-01')] },
      '/api/assessments/a1': { ...older, householdId: 'h1', result: dibao(50_000, 100_000), explanation: [step('500.00')], parametersUsed: [p01('v1', '2025-01-01')] },
    });
    render(
      <AppProviders queryClient={createQueryClient()}>
        <AssessmentTab householdId="h1" canRun={false} />
      </AppProviders>,
    );
    const panel = await screen.findByTestId('assessment-comparison');
    const rows = [...panel.querySelectorAll('tr.ant-table-row')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['低保标准', '500.00元/人·月', '560.00元/人·月'],
      ['月保障金', '1,000.00元', '1,120.00元'],
      ['P01 低保标准', '2025-01-01起施行（632323）', '2026-12-01起施行（632323）'],
    ]);
    expect(panel.textContent).toContain('说明中有变化的步骤（1）');
  });

  it('says a household paid normally is overdue for its periodic review, and records a new review class with its reason (R42)', async () => {
    const overdue = { stage: 'OVERDUE', reviewClass: 'STABLE', intervalMonths: 12, lastReviewedOn: '2025-11-20', countsFrom: '2025-11-20', dueOn: '2026-11-20', daysLeft: -11, text: '定期复核已于2026-11-20到期，尚未复核（上次复核2025-11-20；收入基本稳定，每12个月复核一次（P07））；应入户核查家庭经济状况并重新核算（R42）' };
    const benefit = { status: 'ACTIVE', monthlyAmountFen: 14_800, sinceMonth: '2021-01', gradualExitFrom: null, gradualExitUntil: null, review: null, reviewClass: 'STABLE', periodicReview: overdue, lastAssessmentId: 'a1' };
    const after = { ...benefit, reviewClass: 'UNSTABLE', periodicReview: { ...overdue, reviewClass: 'UNSTABLE', intervalMonths: 6, dueOn: '2026-05-20', daysLeft: -195 } };
    const sent: { method: string; url: string; body: unknown }[] = [];
    const json = (b: unknown) => new Response(JSON.stringify(b), { status: 200, headers: { 'content-type': 'application/json' } });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        const method = init?.method ?? 'GET';
        if (method === 'PUT') {
          sent.push({ method, url, body: JSON.parse(String(init?.body)) });
          return json({ items: [decided], benefit: after, events: [] });
        }
        if (url.startsWith('/api/households/h1/assessments')) return json({ items: [decided], benefit, events: [] });
        if (url.startsWith('/api/assessments/a1')) return json({ ...decided, householdId: 'h1', result, explanation: [], parametersUsed: [] });
        return json({});
      }),
    );
    render(
      <AppProviders queryClient={createQueryClient()}>
        <AssessmentTab householdId="h1" canRun />
      </AppProviders>,
    );
    expect((await screen.findByTestId('periodic-review')).textContent).toBe('逾期未复核（逾期11天）');
    expect(screen.getByTestId('periodic-review-alert').textContent).toContain('应入户核查');
    expect(screen.getByTestId('review-class').textContent).toBe('收入基本稳定，每12个月');

    fireEvent.click(screen.getByTestId('review-class-edit'));
    const form = await screen.findByTestId('review-class-form');
    fireEvent.click(within(form).getByLabelText(/收入不稳定且有劳动能力/));
    fireEvent.change(within(form).getByLabelText('理由'), { target: { value: '户主外出务工，收入随季节变化' } });
    fireEvent.click(screen.getByTestId('review-class-submit'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ method: 'PUT', url: '/api/households/h1/benefit-status/review-class', body: { reviewClass: 'UNSTABLE', reason: '户主外出务工，收入随季节变化' } });
    await waitFor(() => expect(screen.getByTestId('review-class').textContent).toBe('收入不稳定且有劳动能力，每6个月'));
  });

  it('P61: shows a review put off while a declared major emergency stands, and why (R42)', async () => {
    const extended = {
      stage: 'NOT_DUE', reviewClass: 'STABLE', intervalMonths: 12, lastReviewedOn: '2025-12-20', countsFrom: '2025-12-20', dueOn: '2027-03-20', daysLeft: 109,
      extension: { months: 3, emergency: '积石山6.2级地震', effectiveFrom: '2026-11-25', regionCode: '6302' },
      text: '下次定期复核2027-03-20（上次复核2025-12-20；收入基本稳定，每12个月复核一次（P07）；因重大突发事件“积石山6.2级地震”延期3个月（P61，2026-11-25起））',
    };
    const benefit = { status: 'ACTIVE', monthlyAmountFen: 14_800, sinceMonth: '2021-01', gradualExitFrom: null, gradualExitUntil: null, review: null, reviewClass: 'STABLE', periodicReview: extended, lastAssessmentId: 'a1' };
    const json = (b: unknown) => new Response(JSON.stringify(b), { status: 200, headers: { 'content-type': 'application/json' } });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = String(input);
        if (url.startsWith('/api/households/h1/assessments')) return json({ items: [decided], benefit, events: [] });
        if (url.startsWith('/api/assessments/a1')) return json({ ...decided, householdId: 'h1', result, explanation: [], parametersUsed: [] });
        return json({});
      }),
    );
    render(
      <AppProviders queryClient={createQueryClient()}>
        <AssessmentTab householdId="h1" canRun={false} />
      </AppProviders>,
    );
    expect((await screen.findByTestId('periodic-review')).textContent).toBe('2027-03-20复核·延期3个月');
    expect(screen.getByTestId('review-class').textContent).toBe('收入基本稳定，每12个月，因“积石山6.2级地震”延期3个月（P61）');
    expect(screen.queryByTestId('periodic-review-alert')).toBeNull();
  });

  it('says a household on the 低保 roster whose 核算 did not confirm it has no benefit record, and what to do (R43)', async () => {
    stubApi({
      '/api/households/h1/assessments': { items: [decided], benefit: null, events: [], unregisteredOnRoster: true },
      '/api/assessments/a1': { ...decided, householdId: 'h1', result, explanation: [], parametersUsed: [] },
    });
    render(
      <AppProviders queryClient={createQueryClient()}>
        <AssessmentTab householdId="h1" canRun={false} />
      </AppProviders>,
    );
    const alert = await screen.findByTestId('unregistered-on-roster');
    expect(alert.textContent).toContain('核算未确认符合条件');
    expect(alert.textContent).toContain('依程序终止低保类别');
  });
});
