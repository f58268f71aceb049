import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, createQueryClient } from '../../components/AppProviders';
import { apiClient } from '../../lib/api-client';
import type { AuditEvent } from '../../features/audit/api';
import AuditLogPage from './AuditLogPage';

const session = {
  user: { id: 'u9', username: 'auditor', displayName: '审计员', roles: ['AUDIT_ADMIN'], permissions: ['audit:read'], regionCode: '63', regionName: '青海省', mustChangePassword: false },
  csrfToken: 'csrf-abc',
  idleTimeoutMinutes: 30,
};

const event = (over: Partial<AuditEvent>): AuditEvent => ({
  seq: 1, at: '2026-11-30T02:00:00.000Z', actorName: '李审批', actorId: 'u2', action: 'policy.parameter.approve', entityType: 'policy_parameter',
  entityId: 'v1', householdId: null, countyCode: '630102', source: 'MANUAL', before: null, after: null, requestId: 'r1', ip: '10.0.0.1', hash: 'h', ...over,
});

afterEach(() => {
  vi.unstubAllGlobals();
  apiClient.setCsrfToken(null);
});

describe('AuditLogPage', () => {
  it('names actions and objects in Chinese, with the code beside, and finds an action by its Chinese name', async () => {
    const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      const body = url.startsWith('/api/auth/session')
        ? session
        : url.startsWith('/api/audit')
          ? { items: [event({}), event({ seq: 2, action: 'person.reveal-idNumber', entityType: 'person', householdId: 'h1' }), event({ seq: 3, action: 'import.upload', entityType: 'import_batch' })], total: 3 }
          : { items: [] };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    vi.stubGlobal('fetch', fetchMock);
    const router = createMemoryRouter([{ path: '/audit', element: <AuditLogPage /> }], { initialEntries: ['/audit'] });
    render(
      <AppProviders queryClient={createQueryClient()}>
        <RouterProvider router={router} />
      </AppProviders>,
    );
    const row = (await screen.findByText('批准政策参数')).closest('tr')!;
    expect(within(row).getByText('policy.parameter.approve')).toBeTruthy();
    expect(within(row).getByText('政策参数')).toBeTruthy();
    expect(within(screen.getByText('查看完整身份证号').closest('tr')!).getByText('人员')).toBeTruthy();
    expect(within(screen.getByText('上传导入文件').closest('tr')!).getByText('导入批次')).toBeTruthy();

    // Typing 身份证 in the 操作 filter offers the reveal action; choosing it filters by its code.
    const filter = screen.getByLabelText('操作');
    fireEvent.change(filter, { target: { value: '身份证' } });
    fireEvent.click(await screen.findByText('查看完整身份证号（person.reveal-idNumber）'));
    fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    await waitFor(() => expect(fetchMock.mock.calls.some(([u]) => String(u).includes('action=person.reveal-idNumber'))).toBe(true));
  }, 30_000);
});
