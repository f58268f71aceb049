import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, createQueryClient } from '../../components/AppProviders';
import { apiClient } from '../../lib/api-client';
import type { ReassessmentChanges, ReassessmentView } from '../../features/assessments/api';
import ReassessmentDetailPage from './ReassessmentDetailPage';

// jsdom has no canvas: the chart is a labelled box here.
vi.mock('../../components/EChart', () => ({
  EChart: ({ ariaLabel }: { ariaLabel: string }) => <div role="img" aria-label={ariaLabel} />,
}));

const session = {
  user: { id: 'u1', username: 'pa1', displayName: '张政策', roles: ['POLICY_ADMIN'], permissions: ['policy:read'], regionCode: '630102', regionName: '城东区', mustChangePassword: false },
  csrfToken: 'csrf-abc',
  idleTimeoutMinutes: 30,
};

function runView(status: string, processed: number): ReassessmentView {
  const done = status === 'DONE';
  return {
    id: 'run-1', mode: 'WHAT_IF', status, regionCode: '630102', regionName: '城东区', referenceDate: '2026-12-01',
    total: 1, processed, error: null, basedOnRunId: null, appliedRunId: null,
    createdAt: '2026-11-30T19:16:00.000Z', startedAt: '2026-11-30T19:16:01.000Z', finishedAt: done ? '2026-11-30T19:16:03.000Z' : null, createdByName: '张政策',
    parameters: [{ id: 'v1', code: 'P01', name: '低保标准', regionCode: '630102', urbanRural: 'RURAL', effectiveFrom: '2026-12-01', status: 'DRAFT', value: { amount: '560', unit: 'YUAN_PER_PERSON_MONTH' } }],
    summary: {
      households: processed,
      totals: done ? { AMOUNT_UP: 1 } : {},
      monthlyBeforeFen: done ? 90_000 : 0, monthlyAfterFen: done ? 108_000 : 0, monthlyDiffFen: done ? 18_000 : 0, yearlyDiffFen: done ? 200_000 : 0,
      byCounty: done
        ? [{ countyCode: '630102', countyName: '城东区', households: 1, changes: { AMOUNT_UP: 1 }, monthlyBeforeFen: 90_000, monthlyAfterFen: 108_000, monthlyDiffFen: 18_000, yearlyDiffFen: 200_000 }]
        : [],
    },
  };
}

const changed: ReassessmentChanges = {
  items: [{ householdId: 'h1', householdNo: '6301020010010001', headName: '马德明', countyCode: '630102', change: 'AMOUNT_UP', beforeClassification: 'DIBAO', afterClassification: 'DIBAO', beforeAmountFen: 90_000, afterAmountFen: 108_000, yearlyDiffFen: 200_000, errorCode: null }],
};

afterEach(() => {
  vi.unstubAllGlobals();
  apiClient.setCsrfToken(null);
});

describe('ReassessmentDetailPage', () => {
  it('reads the list of households again when a run opened while it worked has finished', async () => {
    // The run is still working when the page opens: the list is empty then. The run finishes
    // once the page has asked for that list; its households must appear without a reload.
    let finished = false;
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = String(input);
        if (url.startsWith('/api/auth/session')) return json(session);
        if (url.startsWith('/api/policy/reassessments/run-1/changes')) {
          const body = finished ? changed : { items: [] };
          finished = true;
          return json(body);
        }
        if (url.startsWith('/api/policy/reassessments/run-1')) return json(finished ? runView('DONE', 1) : runView('RUNNING', 0));
        return json({ items: [] });
      }),
    );
    const router = createMemoryRouter([{ path: '/policy/reassessments/:id', element: <ReassessmentDetailPage /> }], { initialEntries: ['/policy/reassessments/run-1'] });
    render(
      <AppProviders queryClient={createQueryClient()}>
        <RouterProvider router={router} />
      </AppProviders>,
    );
    expect(await within(await screen.findByTestId('reassessment-status')).findByText('核算中')).toBeTruthy();
    expect(await screen.findByText('马德明')).toBeTruthy();
    expect(within(screen.getByTestId('reassessment-status')).getByText('已完成')).toBeTruthy();
    // The year's figure is the run's own (each household's months), not 12 × the monthly one on the page.
    const figures = within(screen.getByTestId('reassessment-figures'));
    expect(figures.getByText('今后12个月资金变化')).toBeTruthy();
    expect(screen.getByTestId('reassessment-figures').textContent).toContain('2,000.00');
    // Each household's own 12-month change beside its monthly amounts.
    const row = screen.getByText('马德明').closest('tr')!;
    expect(row.textContent).toContain('2,000.00');
    expect(screen.getByRole('link', { name: '6301020010010001' }).getAttribute('href')).toBe('/households/h1?tab=assessment');
  }, 30_000);

  it('links a what-if that was applied to the run that applied it, instead of offering to apply it again', async () => {
    const applied = { ...runView('DONE', 1), parameters: [{ ...runView('DONE', 1).parameters[0]!, status: 'APPROVED' }] };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = String(input);
        const body = url.startsWith('/api/auth/session')
          ? { ...session, user: { ...session.user, permissions: ['policy:read', 'reassessment:run'] } }
          : url.startsWith('/api/policy/reassessments/run-1/changes')
            ? changed
            : url.startsWith('/api/policy/reassessments/run-1')
              ? { ...applied, appliedRunId: 'run-2' }
              : { items: [] };
        return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      }),
    );
    const router = createMemoryRouter(
      [
        { path: '/policy/reassessments/:id', element: <ReassessmentDetailPage /> },
      ],
      { initialEntries: ['/policy/reassessments/run-1'] },
    );
    render(
      <AppProviders queryClient={createQueryClient()}>
        <RouterProvider router={router} />
      </AppProviders>,
    );
    expect(await screen.findByTestId('applied-run')).toBeTruthy();
    expect(screen.queryByTestId('apply-reassessment')).toBeNull();
    fireEvent.click(screen.getByTestId('applied-run'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/policy/reassessments/run-2'));
  }, 30_000);
});
