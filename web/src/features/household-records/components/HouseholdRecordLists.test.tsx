import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, createQueryClient } from '../../../components/AppProviders';
import type { MemberView } from '../../households/api';
import type { AssetView, ExpenditureView, IncomeView } from '../api';
import { AssetTab } from './AssetTab';
import { ExpenditureCard } from './ExpenditureCard';
import { IncomeTab } from './IncomeTab';

const HH = 'h1';
const members = [{ person: { id: '11111111-1111-4111-8111-111111111111', name: '马福海' } }] as unknown as MemberView[];
const provenance = { personId: null, personName: null, source: 'DEPARTMENT', sourceDetail: null, recordedByName: '王经办', recordedAt: '2026-03-01T08:00:00Z' };
const incomes: IncomeView[] = [
  { ...provenance, id: 'i1', incomeType: 'WAGE', periodStart: '2025-03-01', periodEnd: '2026-02-28', amountFen: 1_234_567, note: null },
  { ...provenance, id: 'i2', incomeType: 'OPERATING', periodStart: '2025-01-01', periodEnd: '2025-12-31', amountFen: 5, note: null },
];
const assets: AssetView[] = [
  { ...provenance, id: 'a1', assetType: 'HOUSE', description: '砖混', quantity: 1, unit: '套', valueFen: 8_000_000, species: null, vehiclePurpose: null },
  { ...provenance, id: 'a2', assetType: 'LIVESTOCK', description: '', quantity: 5, unit: '头', valueFen: 3_000_000, species: 'YAK', vehiclePurpose: null },
];
const expenditures: ExpenditureView[] = [
  { ...provenance, id: 'e1', expenditureType: 'MEDICAL_OUT_OF_POCKET', periodStart: '2025-03-01', periodEnd: '2026-02-28', amountFen: 860_000, note: null },
  { ...provenance, id: 'e2', expenditureType: 'ASSISTANCE_RECEIVED', periodStart: '2025-03-01', periodEnd: '2026-02-28', amountFen: 100_000, note: null },
];

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function stubFetch(...answers: Response[]) {
  const fetchMock = vi.fn(async () => answers.shift() ?? json(200, {}));
  vi.stubGlobal('fetch', fetchMock);
  return () => fetchMock.mock.calls.map((c) => c as unknown as [string, RequestInit]).map(([url, init]) => ({ url, method: init.method, body: init.body === undefined ? undefined : JSON.parse(String(init.body)) }));
}

function renderWith(ui: ReactNode) {
  render(<AppProviders queryClient={createQueryClient()}>{ui}</AppProviders>);
}

async function confirmDelete(rowText: string) {
  const row = (await screen.findByText(rowText)).closest('tr')!;
  fireEvent.click(within(row).getByRole('button', { name: '删除' }));
  await screen.findByText(/确定删除这条/);
  const popup = document.querySelector('.ant-popconfirm') as HTMLElement;
  fireEvent.click(within(popup).getByRole('button', { name: '删除' }));
  await screen.findByText('已删除');
}

async function pick(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  fireEvent.click(await screen.findByTitle(option));
}

describe('household record lists (收入, 财产, 刚性支出)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('收入: shows the total, labels the provenance and deletes after confirmation', async () => {
    const calls = stubFetch();
    renderWith(<IncomeTab householdId={HH} incomes={incomes} members={members} canWrite />);
    expect((await screen.findByTestId('income-total')).textContent).toBe('12,345.72');
    expect(screen.getAllByText('部门数据')).toHaveLength(2);
    expect(screen.getAllByText('全户')).toHaveLength(2);
    await confirmDelete('工资性收入');
    expect(calls()).toEqual([{ url: `/api/households/${HH}/incomes/i1/remove`, method: 'POST', body: {} }]);
  });

  it('收入: readers see no 登记收入 and no 删除', async () => {
    renderWith(<IncomeTab householdId={HH} incomes={incomes} members={members} canWrite={false} />);
    await screen.findByTestId('income-total');
    expect(screen.queryByRole('button', { name: /登记收入/ })).toBeNull();
    expect(screen.queryByRole('button', { name: '删除' })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: '操作' })).toBeNull();
  });

  it('收入: sends the period as dates and the amount in 分, and maps amountFen onto 金额（元）', async () => {
    const calls = stubFetch(
      json(400, { error: { code: 'VALIDATION_FAILED', message: 'bad', details: [{ path: '/amountFen', code: 'FIELD_INVALID', params: {} }] }, requestId: 'r1' }),
    );
    renderWith(<IncomeTab householdId={HH} incomes={incomes} members={members} canWrite />);
    fireEvent.click(await screen.findByRole('button', { name: /登记收入/ }));
    const dialog = await screen.findByRole('dialog');
    await pick('成员', '马福海');
    await pick('收入类型', '经营净收入');
    const [from, to] = within(dialog).getAllByPlaceholderText(/日期/) as HTMLInputElement[];
    for (const [input, value] of [[from!, '2025-03-01'], [to!, '2026-02-28']] as const) {
      fireEvent.mouseDown(input);
      fireEvent.focus(input);
      fireEvent.change(input, { target: { value } });
      fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
    }
    fireEvent.change(within(dialog).getByLabelText('金额（元）'), { target: { value: '7200' } });
    fireEvent.change(within(dialog).getByLabelText('备注'), { target: { value: '  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('金额格式不正确')).toBeTruthy();
    expect(calls()).toEqual([
      {
        url: `/api/households/${HH}/incomes`,
        method: 'POST',
        body: {
          personId: '11111111-1111-4111-8111-111111111111',
          incomeType: 'OPERATING',
          periodStart: '2025-03-01',
          periodEnd: '2026-02-28',
          amountFen: 720_000,
          source: 'DECLARED',
          sourceDetail: null,
          note: null,
        },
      },
    ]);
  });

  it('财产: sends the value in 分 and puts a server violation of valueFen on 价值（元）', async () => {
    const calls = stubFetch(
      json(400, { error: { code: 'VALIDATION_FAILED', message: 'bad', details: [{ path: '/valueFen', code: 'FIELD_INVALID', params: {} }] }, requestId: 'r1' }),
    );
    renderWith(<AssetTab householdId={HH} assets={assets} members={members} canWrite />);
    fireEvent.click(await screen.findByRole('button', { name: /登记财产/ }));
    const dialog = await screen.findByRole('dialog');
    await pick('财产类型', '车辆');
    fireEvent.change(within(dialog).getByLabelText('描述'), { target: { value: ' 货车 ' } });
    fireEvent.change(within(dialog).getByLabelText('价值（元）'), { target: { value: '1234.5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('价值格式不正确')).toBeTruthy();
    expect(calls()).toEqual([
      {
        url: `/api/households/${HH}/assets`,
        method: 'POST',
        body: { personId: null, assetType: 'VEHICLE', description: '货车', quantity: null, unit: null, valueFen: 123_450, vehiclePurpose: null, source: 'DECLARED', sourceDetail: null },
      },
    ]);
  });

  it('财产: a herd is recorded species by species (R25): 畜种 and 数量 are required, the species is sent and listed', async () => {
    const calls = stubFetch(json(200, {}));
    renderWith(<AssetTab householdId={HH} assets={assets} members={members} canWrite />);
    expect(await screen.findByText('牲畜（牦牛）')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /登记财产/ }));
    const dialog = await screen.findByRole('dialog');
    await pick('财产类型', '牲畜');
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('牲畜须按畜种分别登记，请选择畜种')).toBeTruthy();
    expect(await within(dialog).findByText('请填写该畜种的数量')).toBeTruthy();
    expect(calls()).toEqual([]);
    await pick('畜种', '绵羊');
    fireEvent.change(within(dialog).getByLabelText('数量（头/只/匹）'), { target: { value: '20' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls()).toHaveLength(1));
    expect(calls()[0]!.body).toMatchObject({ assetType: 'LIVESTOCK', species: 'SHEEP', quantity: 20 });
    expect(calls()[0]!.body).not.toHaveProperty('vehiclePurpose');
  });

  it('财产: an invalid amount stays on the field and nothing is sent', async () => {
    const calls = stubFetch();
    renderWith(<AssetTab householdId={HH} assets={assets} members={members} canWrite />);
    fireEvent.click(await screen.findByRole('button', { name: /登记财产/ }));
    const dialog = await screen.findByRole('dialog');
    await pick('财产类型', '房产');
    fireEvent.change(within(dialog).getByLabelText('价值（元）'), { target: { value: '12.345' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(within(dialog).getByLabelText('价值（元）').getAttribute('aria-invalid')).toBe('true'));
    expect(calls()).toEqual([]);
  });

  it('刚性支出: subtracts received assistance, shows it negative, and deletes with DELETE', async () => {
    const calls = stubFetch();
    renderWith(<ExpenditureCard householdId={HH} expenditures={expenditures} members={members} canWrite />);
    expect((await screen.findByTestId('expenditure-total')).textContent).toBe('8,600.00');
    expect(screen.getByText('-1,000.00')).toBeTruthy();
    expect(within(screen.getByTestId('expenditure-card')).getByRole('button', { name: /添加刚性支出/ })).toBeTruthy();
    await confirmDelete('医疗费用个人负担部分');
    expect(calls()).toEqual([{ url: `/api/households/${HH}/expenditures/e1`, method: 'DELETE', body: undefined }]);
  });

  it('刚性支出: the add form has the R47 fields and requires type and period', async () => {
    const calls = stubFetch();
    renderWith(<ExpenditureCard householdId={HH} expenditures={expenditures} members={members} canWrite />);
    fireEvent.click(await screen.findByRole('button', { name: /添加刚性支出/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('单位：元，最多两位小数；医疗费用填报销后个人负担部分')).toBeTruthy();
    expect(within(dialog).getByPlaceholderText('如：医保局 2026 年 3 月结算数据')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('请选择支出类型')).toBeTruthy();
    expect(within(dialog).getByText('请选择支出期间')).toBeTruthy();
    expect(within(dialog).getByText('请输入金额')).toBeTruthy();
    expect(calls()).toEqual([]);
  });
});
