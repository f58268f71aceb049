import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, createQueryClient } from '../../components/AppProviders';
import { apiClient } from '../../lib/api-client';
import DeptDataPage from '../../pages/monitoring/DeptDataPage';

const session = (permissions: string[]) => ({
  user: { id: 'u1', username: 'dept', displayName: '部门数据员', roles: ['DEPT_DATA_CLERK'], permissions, regionCode: '63', regionName: '青海省', mustChangePassword: false },
  csrfToken: 'csrf-abc',
  idleTimeoutMinutes: 30,
});

const medical = {
  code: 'MEDICAL_SETTLEMENT', department: 'HEALTHCARE_SECURITY', departmentName: '医保局', datasetName: '医疗费用结算',
  fields: [{ key: 'idNumber', header: '身份证号', type: 'ID_NUMBER', required: true }, { key: 'outOfPocketFen', header: '个人自付', type: 'MONEY', required: true }],
  eventDateField: 'settlementDate', amountField: 'outOfPocketFen', applies: '登记刚性支出：医疗费用个人负担部分', mappingVersion: 2,
  mapping: { idNumber: '身份证号', outOfPocketFen: '自付金额' },
};

const invalidBatch = {
  id: 'b1', sourceCode: 'MEDICAL_SETTLEMENT', channel: 'UPLOAD', fileName: '医保2月.csv', mappingVersion: 2, status: 'INVALID', totalRows: 3, processedRows: 3,
  matched: 0, unmatched: 0, mismatched: 0, errorCount: 1, factsApplied: 0, cluesRaised: 0, failureCode: null, sentBy: '部门数据员',
  receivedAt: '2026-03-02T02:00:00.000Z', finishedAt: '2026-03-02T02:00:01.000Z', duplicate: false,
};

function stubApi(routes: Record<string, unknown>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    const key = Object.keys(routes).sort((a, b) => b.length - a.length).find((k) => url.startsWith(k));
    return new Response(JSON.stringify(key ? routes[key] : { items: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderAt(url: string) {
  const router = createMemoryRouter([{ path: '/monitoring/dept-data', element: <DeptDataPage /> }], { initialEntries: [url] });
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

describe('DeptDataPage', () => {
  it('lists the sources with their mapping version and shows the row report of an invalid batch', async () => {
    stubApi({
      '/api/auth/session': session(['dept:upload']),
      '/api/dept/sources': { items: [medical] },
      '/api/dept/batches/b1/errors': { items: [{ rowNo: 3, column: '自付金额', code: 'CELL_MONEY_INVALID', message: '“1,2x”不是有效的金额', value: '1,2x' }], total: 1 },
      '/api/dept/batches/b1': invalidBatch,
      '/api/dept/batches': { items: [invalidBatch] },
    });
    renderAt('/monitoring/dept-data?source=MEDICAL_SETTLEMENT&batch=b1');
    expect(await screen.findByText('第2版')).toBeTruthy();
    const result = await screen.findByTestId('dept-batch-result');
    expect(await within(result).findByText('“1,2x”不是有效的金额')).toBeTruthy();
    expect(within(result).getByText('下载错误报告').closest('a')?.getAttribute('href')).toBe('/api/dept/batches/b1/report');
    expect(screen.queryByText('部门接口密钥')).toBeNull();
  }, 30_000);

  it('shows only the key section to a system administrator', async () => {
    stubApi({ '/api/auth/session': session(['dept:keys']), '/api/dept/keys': { items: [] } });
    renderAt('/monitoring/dept-data');
    expect(await screen.findByText('部门接口密钥')).toBeTruthy();
    expect(screen.queryByText('数据源')).toBeNull();
  });
});
