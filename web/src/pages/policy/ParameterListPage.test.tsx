import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, createQueryClient } from '../../components/AppProviders';
import { apiClient } from '../../lib/api-client';
import ParameterListPage from './ParameterListPage';
import ProposalListPage from './ProposalListPage';

const session = {
  user: { id: 'u1', username: 'admin', displayName: '张三', roles: ['POLICY_ADMIN'], permissions: ['policy:read', 'policy:manage'], regionCode: '630102', regionName: '城东区', mustChangePassword: false },
  csrfToken: 'csrf-abc',
  idleTimeoutMinutes: 30,
};

const version = (over: Record<string, unknown>) => ({
  id: 'v1', code: 'P01', name: '低保标准', regionCode: '630102', regionName: '城东区', urbanRural: 'RURAL', effectiveFrom: '2027-01-01',
  value: { monthlyFen: 45000, published: { amount: 5400, unit: 'YUAN_PER_PERSON_YEAR' } },
  valueText: '每人每月 450.00元（公布标准 每人每年 5400.00元）', confidence: 'PLACEHOLDER', basis: 'R27 [L]', note: '待确认：省厅文件未下发',
  reason: '提高标准', status: 'APPROVED', isDefault: false, createdBy: 'u2', createdByName: '李四', createdAt: '2026-03-02T02:00:00.000Z',
  reviewedBy: 'u3', reviewedByName: '王五', reviewedAt: '2026-03-03T02:00:00.000Z', reviewNote: null, ...over,
});

const list = {
  regionCode: '630102', regionName: '城东区', date: '2027-01-01',
  items: [
    { code: 'P01', name: '低保标准', kind: 'MONEY_STANDARD', basis: 'R27 [L]', scope: 'REGION', byUrbanRural: true, mayBeOfficial: false, urbanRural: 'RURAL', inForce: version({}), inherited: false, upcoming: null, pendingCount: 2 },
    { code: 'P10', name: '低保公示期', kind: 'DAYS', basis: 'R36 [V2]', scope: 'REGION', byUrbanRural: false, mayBeOfficial: true, urbanRural: 'ALL', inForce: version({ id: 'v2', code: 'P10', regionCode: '63', regionName: '青海省', urbanRural: 'ALL', value: 7, valueText: '7天', confidence: 'OFFICIAL', isDefault: true }), inherited: true, upcoming: null, pendingCount: 0 },
  ],
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

function renderPage(element: React.ReactNode) {
  const router = createMemoryRouter([{ path: '/', element }], { initialEntries: ['/'] });
  render(
    <AppProviders queryClient={createQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  apiClient.setCsrfToken(null);
});

describe('ParameterListPage', () => {
  it('shows the monthly standard with the published annual figure, the source region and the placeholder tag', async () => {
    stubApi({ '/api/auth/session': session, '/api/policy/parameters': list });
    renderPage(<ParameterListPage />);
    expect((await screen.findByTestId('value-P01-RURAL')).textContent).toBe('每人每月 450.00元（公布标准 每人每年 5400.00元）');
    const table = screen.getByTestId('parameter-table');
    expect(within(table).getByText('占位值，待确认')).toBeTruthy();
    expect(within(table).getByText('官方')).toBeTruthy();
    expect(within(table).getByText('（继承）')).toBeTruthy();

    fireEvent.click(await screen.findByTestId('propose-P01-RURAL'));
    const amount = (await screen.findByTestId('propose-amount')) as HTMLInputElement;
    expect(amount.value).toBe('5400');
    expect((await screen.findByTestId('money-normalised')).textContent).toBe('折合 每人每月 450.00元（公布标准 每人每年 5400.00元）');
    fireEvent.change(amount, { target: { value: '6000' } });
    await waitFor(() => expect(screen.getByTestId('money-normalised').textContent).toBe('折合 每人每月 500.00元（公布标准 每人每年 6000.00元）'));
  });
});

describe('ProposalListPage', () => {
  it('disables 批准 on the user’s own proposal and offers 撤回 instead', async () => {
    stubApi({
      '/api/auth/session': session,
      '/api/policy/proposals': {
        items: [
          { ...version({ id: 'mine', status: 'DRAFT', createdBy: 'u1', reviewedBy: null, reviewedByName: null, reviewedAt: null }), mine: true, replaces: null },
          { ...version({ id: 'theirs', status: 'DRAFT', reviewedBy: null, reviewedByName: null, reviewedAt: null }), mine: false, replaces: { id: 'v0', regionCode: '63', effectiveFrom: '2021-01-01', valueText: '每人每月 400.00元' } },
        ],
      },
    });
    renderPage(<ProposalListPage />);
    const own = (await screen.findByTestId('approve-mine')) as HTMLButtonElement;
    expect(own.disabled).toBe(true);
    expect(screen.getByTestId('withdraw-mine')).toBeTruthy();
    expect((screen.getByTestId('approve-theirs') as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByTestId('withdraw-theirs')).toBeNull();
    expect(screen.getByText('原值：每人每月 400.00元')).toBeTruthy();
  });
});
