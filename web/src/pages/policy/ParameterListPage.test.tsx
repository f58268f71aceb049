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
  valueText: '每人每月 450.00元（公布标准 每人每年 5,400.00元）', confidence: 'PLACEHOLDER', basis: 'R27 [L]', note: '待确认：省厅文件未下发',
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

/** A route's answer other than 200. */
class Reply {
  constructor(readonly status: number, readonly body: unknown) {}
}

function stubApi(routes: Record<string, unknown>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    const key = Object.keys(routes).find((k) => url.startsWith(k));
    const answer = key ? routes[key] : { items: [] };
    const [status, body] = answer instanceof Reply ? [answer.status, answer.body] : [200, answer];
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
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

/** Pick the date, give a reason, submit the open proposal form; the body it POSTed. */
async function submitProposal(fetchMock: ReturnType<typeof stubApi>, effectiveFrom: string, reason: string) {
  const date = screen.getByPlaceholderText('如 2027-01-01');
  fireEvent.mouseDown(date);
  fireEvent.change(date, { target: { value: effectiveFrom } });
  fireEvent.keyDown(date, { key: 'Enter', code: 'Enter' });
  fireEvent.change(screen.getByTestId('propose-reason'), { target: { value: reason } });
  fireEvent.click(screen.getByTestId('propose-submit'));
  const calls = () => fetchMock.mock.calls as unknown as [RequestInfo | URL, RequestInit | undefined][];
  const isProposal = ([u, i]: [RequestInfo | URL, RequestInit | undefined]) => String(u).startsWith('/api/policy/proposals') && i?.method === 'POST';
  await waitFor(() => expect(calls().some(isProposal)).toBe(true));
  const [, init] = calls().find(isProposal)!;
  return JSON.parse(String(init!.body)) as { code: string; effectiveFrom: string; value: unknown };
}

afterEach(() => {
  vi.unstubAllGlobals();
  apiClient.setCsrfToken(null);
});

describe('ParameterListPage', () => {
  it('shows the monthly standard with the published annual figure, the source region and the placeholder tag', async () => {
    stubApi({ '/api/auth/session': session, '/api/policy/parameters': list });
    renderPage(<ParameterListPage />);
    expect((await screen.findByTestId('value-P01-RURAL')).textContent).toBe('每人每月 450.00元（公布标准 每人每年 5,400.00元）');
    const table = screen.getByTestId('parameter-table');
    expect(within(table).getByText('占位值，待确认')).toBeTruthy();
    expect(within(table).getByText('官方')).toBeTruthy();
    expect(within(table).getByText('（继承）')).toBeTruthy();

    fireEvent.click(await screen.findByTestId('propose-P01-RURAL'));
    const amount = (await screen.findByTestId('propose-amount')) as HTMLInputElement;
    expect(amount.value).toBe('5400');
    expect((await screen.findByTestId('money-normalised')).textContent).toBe('折合 每人每月 450.00元（公布标准 每人每年 5,400.00元）');
    fireEvent.change(amount, { target: { value: '6000' } });
    await waitFor(() => expect(screen.getByTestId('money-normalised').textContent).toBe('折合 每人每月 500.00元（公布标准 每人每年 6,000.00元）'));
  });
});

describe('ProposeParameterModal', () => {
  const p22 = {
    code: 'P22', name: '特困认定时限', kind: 'STRUCT', basis: 'R57 [U]', scope: 'REGION', byUrbanRural: false, mayBeOfficial: false, urbanRural: 'ALL',
    inForce: version({
      id: 'v3', code: 'P22', name: '特困认定时限', regionCode: '63', regionName: '青海省', urbanRural: 'ALL',
      value: { townshipInvestigationWorkingDays: 15, publicityDays: 7, confirmationWorkingDays: 10 },
      valueText: '乡镇调查：15个工作日，公示：7天，县级确认：10个工作日', isDefault: true,
    }),
    inherited: true, upcoming: null, pendingCount: 0,
  };
  const p45 = {
    code: 'P45', name: '救助金额取整规则', kind: 'ENUM', basis: 'R29 [U]', scope: 'REGION', byUrbanRural: false, mayBeOfficial: false, urbanRural: 'ALL',
    inForce: version({ id: 'v4', code: 'P45', name: '救助金额取整规则', regionCode: '63', regionName: '青海省', urbanRural: 'ALL', value: 'ROUND_HALF_UP_YUAN', valueText: '四舍五入到元', isDefault: true }),
    inherited: true, upcoming: null, pendingCount: 0,
  };

  it('edits a structured parameter field by field, in Chinese, and proposes the value as stored', async () => {
    const fetchMock = stubApi({ '/api/auth/session': session, '/api/policy/parameters': { ...list, items: [p22, p45] }, '/api/policy/proposals': { id: 'new' } });
    renderPage(<ParameterListPage />);
    fireEvent.click(await screen.findByTestId('propose-P22-ALL'));
    // One labelled control per field, filled with the value in force; no JSON to type.
    const publicity = (await screen.findByLabelText('公示')) as HTMLInputElement;
    expect(publicity.value).toBe('7');
    expect((screen.getByLabelText('乡镇调查') as HTMLInputElement).value).toBe('15');
    expect((screen.getByLabelText('县级确认') as HTMLInputElement).value).toBe('10');
    expect(screen.queryByTestId('propose-json')).toBeNull();

    fireEvent.change(publicity, { target: { value: '10' } });
    const body = await submitProposal(fetchMock, '2027-01-01', '按省厅通知延长公示期');
    expect(body).toMatchObject({ code: 'P22', effectiveFrom: '2027-01-01' });
    expect(body.value).toEqual({ townshipInvestigationWorkingDays: 15, publicityDays: 10, confirmationWorkingDays: 10 });
  }, 30_000);

  it('says why a structure equal to the version in force was refused (POLICY_PROPOSAL_UNCHANGED)', async () => {
    const unchanged = new Reply(409, {
      error: { code: 'POLICY_PROPOSAL_UNCHANGED', message: 'POLICY_PROPOSAL_UNCHANGED', details: [{ path: 'value', code: 'POLICY_PROPOSAL_UNCHANGED', params: { code: 'P22', effectiveFrom: '2021-01-01' } }] },
      requestId: 'r1',
    });
    const fetchMock = stubApi({ '/api/auth/session': session, '/api/policy/parameters': { ...list, items: [p22] }, '/api/policy/proposals': unchanged });
    renderPage(<ParameterListPage />);
    fireEvent.click(await screen.findByTestId('propose-P22-ALL'));
    await screen.findByLabelText('公示');
    await submitProposal(fetchMock, '2027-01-01', '再次确认公示期');
    expect(await screen.findByText('提议的P22数值和可信度与2021-01-01起施行的现行版本相同，不会改变任何核算，无需提议')).toBeTruthy();
  }, 30_000);

  it('types a rate as a percentage and leaves an empty optional amount out (P05)', async () => {
    const p05 = {
      ...p45, code: 'P05', name: '就业成本扣减', kind: 'STRUCT', basis: 'R21.1 [QH-SRC]/[L]', byUrbanRural: true, urbanRural: 'RURAL',
      inForce: version({
        id: 'v6', code: 'P05', name: '就业成本扣减', regionCode: '63', regionName: '青海省', urbanRural: 'ALL', isDefault: true,
        value: { mode: 'SHARE_OF_MLA_STANDARD_PER_EMPLOYED_MEMBER', rate: 0.3, capMultipleOfStandard: 1, documentedWorkersOnly: true },
        valueText: '扣减方式：每名就业成员按低保标准的比例，比例：30%，每人上限（低保标准的倍数）：1倍，仅限有就业证明的人员：是',
      }),
    };
    const fetchMock = stubApi({ '/api/auth/session': session, '/api/policy/parameters': { ...list, items: [p05] }, '/api/policy/proposals': { id: 'new' } });
    renderPage(<ParameterListPage />);
    fireEvent.click(await screen.findByTestId('propose-P05-RURAL'));
    const rate = (await screen.findByLabelText('比例')) as HTMLInputElement;
    expect(rate.value).toBe('30');
    expect((screen.getByLabelText('每人每月固定金额') as HTMLInputElement).value).toBe('');
    fireEvent.change(rate, { target: { value: '25' } });
    expect((await submitProposal(fetchMock, '2027-01-01', '按省厅通知调整扣减比例')).value).toEqual({
      mode: 'SHARE_OF_MLA_STANDARD_PER_EMPLOYED_MEMBER', rate: 0.25, capMultipleOfStandard: 1, documentedWorkersOnly: true,
    });
  }, 30_000);

  it('declares a major emergency as P61 text, so that reviews are extended while it stands (R42)', async () => {
    const p61 = {
      ...p45, code: 'P61', name: '重大突发事件期间延期复核', kind: 'STRUCT', basis: 'R42 [V2]',
      inForce: version({
        id: 'v7', code: 'P61', name: '重大突发事件期间延期复核', regionCode: '63', regionName: '青海省', urbanRural: 'ALL', isDefault: true,
        value: { allowed: true, defaultExtensionMonths: 3 }, valueText: '允许延期：是，默认延期：3个月',
      }),
    };
    const fetchMock = stubApi({ '/api/auth/session': session, '/api/policy/parameters': { ...list, items: [p61] }, '/api/policy/proposals': { id: 'new' } });
    renderPage(<ParameterListPage />);
    fireEvent.click(await screen.findByTestId('propose-P61-ALL'));
    const emergency = (await screen.findByLabelText('已宣布的重大突发事件')) as HTMLInputElement;
    expect(emergency.value).toBe('');
    expect(screen.queryByTestId('propose-json')).toBeNull();
    fireEvent.change(emergency, { target: { value: ' 积石山6.2级地震 ' } });
    expect((await submitProposal(fetchMock, '2026-12-18', '省政府启动地震应急响应')).value).toEqual({
      allowed: true, defaultExtensionMonths: 3, emergency: '积石山6.2级地震',
    });
  }, 30_000);

  it('keeps JSON for a table-like value and says in words what the typed JSON means', async () => {
    const p19 = {
      ...p45, code: 'P19', name: '家庭财产认定规则', kind: 'STRUCT', basis: 'R25, R50 [L]',
      inForce: version({ id: 'v5', code: 'P19', name: '家庭财产认定规则', regionCode: '63', regionName: '青海省', urbanRural: 'ALL', value: { configured: false }, valueText: '已配置：否', isDefault: true }),
    };
    stubApi({ '/api/auth/session': session, '/api/policy/parameters': { ...list, items: [p19] } });
    renderPage(<ParameterListPage />);
    fireEvent.click(await screen.findByTestId('propose-P19-ALL'));
    expect((await screen.findByTestId('propose-json-preview')).textContent).toBe('即：已配置：否');
    fireEvent.change(screen.getByTestId('propose-json'), { target: { value: '{"configured": true, "rules": {"housing": {"maxDwellings": 1}}}' } });
    await waitFor(() => expect(screen.getByTestId('propose-json-preview').textContent).toBe('即：已配置：是，规则：住房（最多套数：1）'));
    fireEvent.change(screen.getByTestId('propose-json'), { target: { value: '{"configured": ' } });
    await waitFor(() => expect(screen.queryByTestId('propose-json-preview')).toBeNull());
    expect(screen.getByText(/当前内容还不是有效的JSON/)).toBeTruthy();
  }, 30_000);

  it('names the options of a choice in Chinese', async () => {
    stubApi({ '/api/auth/session': session, '/api/policy/parameters': { ...list, items: [p22, p45] } });
    renderPage(<ParameterListPage />);
    fireEvent.click(await screen.findByTestId('propose-P45-ALL'));
    const select = await screen.findByTestId('propose-enum');
    expect(within(select).getByText('四舍五入到元')).toBeTruthy();
    fireEvent.mouseDown(within(select).getByRole('combobox'));
    expect(await screen.findByText('不足1元按1元计（向上取整到元）')).toBeTruthy();
  }, 30_000);

  it('R44.2: choosing 逐步减发 for P62 says that P77 must be configured too', async () => {
    const p62 = {
      ...p45, code: 'P62', name: '渐退期救助金', basis: 'R44.2 [L]',
      inForce: version({ id: 'v5', code: 'P62', name: '渐退期救助金', regionCode: '63', regionName: '青海省', urbanRural: 'ALL', value: 'UNCHANGED', valueText: '不变', isDefault: true }),
    };
    stubApi({ '/api/auth/session': session, '/api/policy/parameters': { ...list, items: [p62] } });
    renderPage(<ParameterListPage />);
    fireEvent.click(await screen.findByTestId('propose-P62-ALL'));
    const select = await screen.findByTestId('propose-enum');
    expect(screen.queryByTestId('propose-p62-needs-p77')).toBeNull();
    fireEvent.mouseDown(within(select).getByRole('combobox'));
    fireEvent.click(await screen.findByText('逐步减发'));
    expect((await screen.findByTestId('propose-p62-needs-p77')).textContent).toContain('P77');
  }, 30_000);
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

  it('says before approving which households a standard re-assesses; a time limit offers no what-if and re-assesses nothing', async () => {
    const sessionWithRuns = { ...session, user: { ...session.user, permissions: [...session.user.permissions, 'reassessment:run'] } };
    stubApi({
      '/api/auth/session': sessionWithRuns,
      '/api/policy/proposals': {
        items: [
          { ...version({ id: 'p01', status: 'DRAFT', reviewedBy: null, reviewedByName: null, reviewedAt: null }), mine: false, replaces: null },
          { ...version({ id: 'p10', code: 'P10', name: '低保公示期', urbanRural: 'ALL', value: 10, valueText: '10天', status: 'DRAFT', reviewedBy: null, reviewedByName: null, reviewedAt: null }), mine: false, replaces: null },
        ],
      },
    });
    renderPage(<ProposalListPage />);
    expect(await screen.findByTestId('what-if-p01')).toBeTruthy();
    expect(screen.queryByTestId('what-if-p10')).toBeNull();

    fireEvent.click(screen.getByTestId('approve-p01'));
    expect((await screen.findByTestId('approve-confirm-value')).textContent).toBe('城东区（农村）：每人每月 450.00元（公布标准 每人每年 5,400.00元），2027-01-01起施行');
    expect(screen.getByTestId('approve-confirm-reassess').textContent).toContain('正式重新核算');
    fireEvent.click(screen.getByRole('button', { name: /取\s*消/ }));
    await waitFor(() => expect(screen.queryByTestId('approve-confirm-value')).toBeNull());

    fireEvent.click(screen.getByTestId('approve-p10'));
    expect((await screen.findByTestId('approve-confirm-value')).textContent).toBe('城东区：10天，2027-01-01起施行');
    expect(screen.queryByTestId('approve-confirm-reassess')).toBeNull();
  }, 30_000);
});
