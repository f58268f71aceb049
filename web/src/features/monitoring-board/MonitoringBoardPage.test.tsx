import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, createQueryClient } from '../../components/AppProviders';
import { apiClient } from '../../lib/api-client';
import MonitoringBoardPage from '../../pages/monitoring/MonitoringBoardPage';
import type { MonitoringBoard } from './api';

// jsdom has no canvas: the chart is a labelled box here.
vi.mock('../../components/EChart', () => ({
  EChart: ({ ariaLabel }: { ariaLabel: string }) => <div role="img" aria-label={ariaLabel} />,
}));

const session = {
  user: { id: 'u1', username: 'clerk', displayName: '张三', roles: ['TOWNSHIP_CLERK'], permissions: ['monitoring:read'], regionCode: '630102', regionName: '城东区', mustChangePassword: false },
  csrfToken: 'csrf-abc',
  idleTimeoutMinutes: 30,
};

const board: MonitoringBoard = {
  regionCode: '630102', regionName: '城东区', from: '2025-04-11', to: '2026-04-10', today: '2026-04-10', ageUnit: 'WORKING_DAYS',
  calendarUncoveredYears: [2025],
  totals: { open: 4, overdue: 3, raised: 10, closed: 7, closedWithinDeadline: 6, withinDeadlineRate: 6 / 7 },
  ageBuckets: ['D0_5', 'D6_10', 'D11_20', 'D21_PLUS'],
  openByLevelAge: [
    { level: 'RED', byBucket: { D0_5: 1, D6_10: 0, D11_20: 0, D21_PLUS: 1 }, total: 2 },
    { level: 'ORANGE', byBucket: { D0_5: 0, D6_10: 1, D11_20: 0, D21_PLUS: 0 }, total: 1 },
    { level: 'YELLOW', byBucket: { D0_5: 0, D6_10: 0, D11_20: 0, D21_PLUS: 1 }, total: 1 },
  ],
  overdueByLevel: [{ level: 'RED', count: 1 }, { level: 'ORANGE', count: 1 }, { level: 'YELLOW', count: 1 }],
  overdueByEscalation: [{ escalationLevel: 0, count: 1 }, { escalationLevel: 1, count: 1 }, { escalationLevel: 2, count: 1 }],
  byStatus: [{ status: 'OPEN', count: 1 }, { status: 'CLOSED', count: 7 }],
  byChannel: [{ channel: 'DATA_COMPARISON', count: 8 }],
  byOutcome: [{ outcome: 'DIBAO', count: 2 }, { outcome: 'EXCLUDED', count: 1 }],
  daysToAssistance: { count: 5, median: 8, p90: 16 },
  daysToClose: { count: 7, median: 6, p90: 14 },
  rules: [
    { ruleId: 'r1', code: 'MED', name: '医疗支出骤增', level: 'RED', raised: 4, closed: 3, confirmed: 2, excluded: 1, precision: 2 / 3 },
    { ruleId: 'r2', code: 'JOB', name: '失业登记', level: 'ORANGE', raised: 4, closed: 3, confirmed: 3, excluded: 0, precision: 1 },
  ],
  byChildRegion: [{ code: '630102001', name: '东关大街街道', open: 3, overdue: 2, closed: 4 }],
};

function stubApi(routes: Record<string, unknown>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    const key = Object.keys(routes).find((k) => url.startsWith(k));
    return new Response(JSON.stringify(key ? routes[key] : { items: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  apiClient.setCsrfToken(null);
});

describe('MonitoringBoardPage', () => {
  it('shows the KPI cards, the charts, the rule precision and the link to the overdue clues', async () => {
    const fetchMock = stubApi({ '/api/auth/session': session, '/api/monitoring/board': board, '/api/regions': { items: [] } });
    const router = createMemoryRouter([{ path: '/monitoring/board', element: <MonitoringBoardPage /> }], { initialEntries: ['/monitoring/board?from=2025-04-11'] });
    render(
      <AppProviders queryClient={createQueryClient()}>
        <RouterProvider router={router} />
      </AppProviders>,
    );
    expect(within(await screen.findByTestId('board-kpi-open')).getByText('4')).toBeTruthy();
    expect(within(screen.getByTestId('board-kpi-overdue')).getByText('3')).toBeTruthy();
    expect(screen.getByTestId('board-kpi-median-value').textContent).toBe('8 / 16');
    expect(screen.getByText(/工作日历（P39）未录入 2025 年/)).toBeTruthy();
    expect(String(fetchMock.mock.calls.find(([u]) => String(u).startsWith('/api/monitoring/board'))![0])).toContain('from=2025-04-11');

    await waitFor(() => expect(within(screen.getByTestId('chart-open-by-age')).getByRole('img')).toBeTruthy());
    expect(within(screen.getByTestId('chart-outcomes')).getByRole('img')).toBeTruthy();
    expect(within(screen.getByTestId('chart-by-region')).getByRole('img')).toBeTruthy();

    const table = screen.getByTestId('board-rule-table');
    expect(within(table).getAllByTestId('rule-precision').map((e) => e.textContent)).toEqual(['66.7%', '100.0%']);
    fireEvent.click(within(table).getAllByText('精准率')[0]!);
    fireEvent.click(within(table).getAllByText('精准率')[0]!);
    await waitFor(() => expect(within(table).getAllByTestId('rule-precision').map((e) => e.textContent)).toEqual(['100.0%', '66.7%']));

    expect(screen.getByTestId('board-overdue-link').getAttribute('href')).toBe('/monitoring/clues?overdue=true');
  }, 30_000);
});
