import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, createQueryClient } from '../../components/AppProviders';
import type { BenefitRecipientList } from '../../features/assessments/api';
import { readRecipientQuery, writeRecipientQuery } from '../../features/assessments/recipient-query';
import BenefitRecipientListPage from './BenefitRecipientListPage';

const session = {
  user: { id: 'u1', username: 'clerk1', displayName: '李经办', roles: ['TOWNSHIP_CLERK'], permissions: ['registry:read', 'registry:export'], regionCode: '630102', regionName: '城东区', mustChangePassword: false },
  csrfToken: 'csrf-abc',
  idleTimeoutMinutes: 30,
};

const base = {
  countyCode: '630102', regionCode: '630102001001', regionPath: '乐家湾镇 · 一村', urbanRural: 'RURAL', headIdNumber: '6301**********0011', memberCount: 4,
  monthlyAmountFen: 14_800, sinceMonth: '2021-01', lastAssessmentId: 'a1', lastAssessedOn: '2025-11-20', lastClassification: 'DIBAO',
};
const body: BenefitRecipientList = {
  today: '2026-12-01',
  noticeDays: 30,
  counts: { active: 12, gradualExit: 3, stopped: 5, due: 2, overdue: 1, periodicDue: 4, periodicOverdue: 2, unregistered: 7, monthlyTotalFen: 2_220_000 },
  page: 1,
  pageSize: 20,
  total: 3,
  items: [
    {
      ...base, householdId: 'h1', householdNo: 'H0001', headName: '马有福', status: 'GRADUAL_EXIT', gradualExitFrom: '2025-11', gradualExitUntil: '2026-10',
      gradualExitSchedule: [{ fromMonth: '2025-11', untilMonth: '2026-04', amountFen: 14_800 }, { fromMonth: '2026-05', untilMonth: '2026-10', amountFen: 7_400 }],
      review: { stage: 'OVERDUE', periodEnd: '2026-10-31', daysLeft: -31, text: '渐退期已于2026-10-31期满，尚未重新核算，仍按渐退期金额发放；应即入户核查并重新核算（R44.3）' },
      periodicReview: null,
    },
    {
      ...base, householdId: 'h2', householdNo: 'H0002', headName: '韩德明', status: 'GRADUAL_EXIT', gradualExitFrom: '2026-01', gradualExitUntil: '2026-12', gradualExitSchedule: null,
      review: { stage: 'REVIEW_DUE', periodEnd: '2026-12-31', daysLeft: 30, text: '渐退期本月（2026-12）期满，应于2026-12-31前入户核查并重新核算，结果自2027-01起执行（R44.3）' },
      periodicReview: null,
    },
    {
      ...base, householdId: 'h3', householdNo: 'H0003', headName: '马秀兰', status: 'ACTIVE', gradualExitFrom: null, gradualExitUntil: null, gradualExitSchedule: null, review: null,
      periodicReview: { stage: 'OVERDUE', reviewClass: 'UNSTABLE', intervalMonths: 6, extension: null, lastReviewedOn: '2026-05-20', countsFrom: '2026-05-20', dueOn: '2026-11-20', daysLeft: -11, text: '定期复核已于2026-11-20到期，尚未复核（R42）' },
    },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe('BenefitRecipientListPage (R42, R44.3, R85)', () => {
  it('shows the region’s figures, each 渐退 household’s standing and each periodic review; a figure opens its list', async () => {
    const asked: string[] = [];
    const json = (b: unknown) => new Response(JSON.stringify(b), { status: 200, headers: { 'content-type': 'application/json' } });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = String(input);
        if (url.startsWith('/api/auth/session')) return json(session);
        if (url.startsWith('/api/benefit-recipients')) {
          asked.push(url);
          return json(body);
        }
        return json({ items: [] });
      }),
    );
    const router = createMemoryRouter([{ path: '/benefit-recipients', element: <BenefitRecipientListPage /> }], { initialEntries: ['/benefit-recipients'] });
    render(
      <AppProviders queryClient={createQueryClient()}>
        <RouterProvider router={router} />
      </AppProviders>,
    );
    const counts = await screen.findByTestId('recipient-counts');
    await waitFor(() => expect(within(counts).getByText('22,200.00')).toBeTruthy());
    expect(screen.getByRole('link', { name: 'H0001' }).getAttribute('href')).toBe('/households/h1?tab=assessment');
    const tags = screen.getAllByTestId('gradual-exit-review').map((t) => t.textContent);
    expect(tags).toEqual(['期满未复核（逾期31天）', '本月期满复核（剩30天）']);
    expect(screen.getByTestId('periodic-review').textContent).toBe('逾期未复核（逾期11天）');
    // R44.2: only the stepped-down household is marked, and its tag says the schedule
    const stepped = screen.getAllByTestId('stepped-down');
    expect(stepped).toHaveLength(1);
    expect(stepped[0]!.closest('tr')?.textContent).toContain('马有福');
    fireEvent.mouseEnter(stepped[0]!);
    expect(await screen.findByText('逐步减发：2025-11至2026-04每月148.00元，2026-05至2026-10每月74.00元')).toBeTruthy();
    fireEvent.click(within(counts).getByText('渐退期满未复核'));
    await waitFor(() => expect(router.state.location.search).toBe('?review=OVERDUE'));
    await waitFor(() => expect(asked.at(-1)).toContain('review=OVERDUE'));
    fireEvent.click(within(counts).getByText('定期复核逾期'));
    await waitFor(() => expect(router.state.location.search).toBe('?review=PERIODIC_OVERDUE'));
    await waitFor(() => expect(asked.at(-1)).toContain('review=PERIODIC_OVERDUE'));
    // 导出 Excel exports the list as filtered, every page of it.
    expect(screen.getByTestId('recipient-export').getAttribute('href')).toBe('/api/benefit-recipients/export?review=PERIODIC_OVERDUE');
    fireEvent.click(within(counts).getByText('在册待核定'));
    await waitFor(() => expect(router.state.location.search).toBe('?status=UNREGISTERED'));
    await waitFor(() => expect(asked.at(-1)).toContain('status=UNREGISTERED'));
  });
});

describe('recipient list query in the URL', () => {
  it('keeps what is valid and drops the rest; the defaults stay out of the URL', () => {
    const q = readRecipientQuery(new URLSearchParams('region=630102&status=PAID&review=OVERDUE&page=0&pageSize=20'));
    expect(q).toEqual({ region: '630102', review: 'OVERDUE' });
    expect(readRecipientQuery(new URLSearchParams('review=PERIODIC_DUE'))).toEqual({ review: 'PERIODIC_DUE' });
    expect(readRecipientQuery(new URLSearchParams('review=PERIODIC'))).toEqual({});
    expect(readRecipientQuery(new URLSearchParams('status=UNREGISTERED'))).toEqual({ status: 'UNREGISTERED' });
    expect(writeRecipientQuery({ ...q, page: 1, pageSize: 20 }).toString()).toBe('region=630102&review=OVERDUE');
    expect(writeRecipientQuery({ status: 'STOPPED', page: 3, pageSize: 50 }).toString()).toBe('status=STOPPED&page=3&pageSize=50');
  });
});
