import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, createQueryClient } from '../../../components/AppProviders';
import type { MemberView } from '../../households/api';
import { MemberPolicyFactsDrawer } from './MemberPolicyFactsDrawer';
import { PolicyFactsCell } from './PolicyFactsCell';

const ALL_ABLE = { eating: true, dressing: true, gettingInOutOfBed: true, usingToilet: true, walkingIndoors: true, bathing: true };

function member(policyFacts: Partial<MemberView['policyFacts']>, person: Partial<MemberView['person']> = {}): MemberView {
  return {
    memberId: 'm1',
    relationship: 'HEAD',
    active: true,
    joinedOn: '2020-01-01',
    leftOn: null,
    leftReason: null,
    person: {
      id: '11111111-1111-4111-8111-111111111111',
      name: '才让卓玛',
      idNumber: '6323**********0021',
      sex: 'F',
      birthDate: '1950-01-01',
      age: 76,
      ethnicity: '藏族',
      phone: null,
      bankName: null,
      bankAccount: null,
      labourCapacity: 'NONE',
      healthStatus: 'CHRONIC',
      seriousIllness: null,
      disabilityCategory: null,
      disabilityGrade: null,
      severeDisability: false,
      employment: null,
      studentStage: null,
      ...person,
    },
    policyFacts: { meansTestExclusion: null, selfCare: null, support: null, obligors: null, disabilityComponents: null, jobReferrals: null, updatedAt: null, ...policyFacts },
  };
}

function renderDrawer(m: MemberView) {
  render(
    <AppProviders queryClient={createQueryClient()}>
      <MemberPolicyFactsDrawer householdId="22222222-2222-4222-8222-222222222222" member={m} canWrite onClose={() => {}} />
    </AppProviders>,
  );
}

/** fetch answering every request 200 {}; the mock, to read what the drawer sent. */
function stubSave() {
  const fetchMock = vi.fn(async () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** Click 保存 and read the body of the PUT it sent (after `stubSave`). */
async function savedBody(): Promise<Record<string, unknown>> {
  const fetchMock = vi.mocked(fetch);
  fireEvent.click(screen.getByRole('button', { name: '保存' }));
  await waitFor(() => expect(fetchMock).toHaveBeenCalled());
  const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
  return JSON.parse(String(init.body)) as Record<string, unknown>;
}

describe('MemberPolicyFactsDrawer (R53 care level)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows 半护理 for 2 failed activities (worked example 4: cannot bathe, cannot dress)', async () => {
    renderDrawer(member({ selfCare: { ...ALL_ABLE, bathing: false, dressing: false, assessedOn: '2026-01-15' } }));
    const level = await screen.findByTestId('care-level');
    expect(level.textContent).toContain('半护理');
    expect(level.textContent).toContain('2项不能自主完成');
    expect((screen.getByRole('checkbox', { name: '自主洗澡' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: '自主吃饭' }) as HTMLInputElement).checked).toBe(true);
  });

  it('shows 全护理 for 4 failed activities, and updates live while ticking', async () => {
    renderDrawer(member({ selfCare: { ...ALL_ABLE, bathing: false, dressing: false, gettingInOutOfBed: false, usingToilet: false, assessedOn: '2026-01-15' } }));
    const level = await screen.findByTestId('care-level');
    expect(level.textContent).toContain('全护理');
    expect(level.textContent).toContain('4项不能自主完成');
    // Ticking 自主如厕 (can do it again) leaves 3 failed → 半护理.
    fireEvent.click(screen.getByRole('checkbox', { name: '自主如厕' }));
    await waitFor(() => expect(screen.getByTestId('care-level').textContent).toContain('半护理'));
  });

  it('keeps 未登记 apart from an empty obligor list', async () => {
    renderDrawer(member({ obligors: [] }));
    expect(await screen.findByTestId('no-obligors')).toBeTruthy();
    // the obligors' 已登记 is the last one (the jobs offered by the employment services come before)
    expect((screen.getAllByRole('radio', { name: '已登记' }).at(-1) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: '未评估' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByTestId('care-level')).toBeNull();
  });

  it('sends null for 未评估/未登记 and the six booleans with the date once assessed', async () => {
    const fetchMock = stubSave();
    renderDrawer(member({ meansTestExclusion: 'PRISON', selfCare: { ...ALL_ABLE, bathing: false, assessedOn: '2026-01-15' } }));
    await screen.findByTestId('care-level');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/households/22222222-2222-4222-8222-222222222222/members/11111111-1111-4111-8111-111111111111/policy-facts');
    expect(init.method).toBe('PUT');
    expect(JSON.parse(String(init.body))).toEqual({
      meansTestExclusion: 'PRISON',
      selfCare: { ...ALL_ABLE, bathing: false, assessedOn: '2026-01-15' },
      support: null,
      obligors: null,
      disabilityComponents: null,
      jobReferrals: null,
    });
  });
});

describe('MemberPolicyFactsDrawer (R56 mode of support)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a recorded 集中供养 with its institution and sends it back unchanged', async () => {
    stubSave();
    const support = { mode: 'INSTITUTIONAL', institution: '泽库县中心敬老院', homeCondition: null, since: '2024-03-01' };
    renderDrawer(member({ support }));
    expect(((await screen.findByRole('radio', { name: '集中供养' })) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('供养机构') as HTMLInputElement).value).toBe('泽库县中心敬老院');
    expect((await savedBody()).support).toEqual(support);
  });

  it('switching to 分散供养 drops the institution (it belongs to 集中供养 only) and keeps the start date', async () => {
    stubSave();
    renderDrawer(member({ support: { mode: 'INSTITUTIONAL', institution: '泽库县中心敬老院', homeCondition: null, since: '2024-03-01' } }));
    fireEvent.click(await screen.findByRole('radio', { name: '分散供养' }));
    expect(await screen.findByText('社区居住患病情形')).toBeTruthy();
    expect(screen.queryByLabelText('供养机构')).toBeNull();
    expect((await savedBody()).support).toEqual({ mode: 'HOME', institution: null, homeCondition: null, since: '2024-03-01' });
  });

  it('keeps a community resident\'s mental illness (R55 uplift) of home support', async () => {
    stubSave();
    const support = { mode: 'HOME', institution: null, homeCondition: 'MENTAL_ILLNESS', since: '2025-06-01' };
    renderDrawer(member({ support }));
    expect(await screen.findByText('社区居住的精神病患者')).toBeTruthy();
    expect((await savedBody()).support).toEqual(support);
  });
});

describe('MemberPolicyFactsDrawer (R49/R31 categories of a 多重残疾)', () => {
  afterEach(() => vi.unstubAllGlobals());
  const MULTIPLE = { disabilityCategory: 'MULTIPLE', disabilityGrade: 2, healthStatus: 'DISABLED', severeDisability: true };

  it('flags a 多重残疾 whose categories are not recorded, or out of date, on the member row', async () => {
    const cell = (m: MemberView) =>
      render(
        <AppProviders queryClient={createQueryClient()}>
          <PolicyFactsCell householdId="h" member={m} canWrite />
        </AppProviders>,
      );
    const { unmount } = cell(member({}, MULTIPLE));
    expect(await screen.findByText('多重残疾类别未登记')).toBeTruthy();
    unmount();
    const recorded = cell(member({ disabilityComponents: [{ category: 'PHYSICAL', grade: 2 }, { category: 'VISUAL', grade: 3 }] }, MULTIPLE));
    expect(await screen.findByRole('button', { name: '救助认定信息' })).toBeTruthy();
    expect(screen.queryByText(/多重残疾类别/)).toBeNull();
    recorded.unmount();
    // the certificate re-graded to 一级 since: the categories are out of date
    cell(member({ disabilityComponents: [{ category: 'PHYSICAL', grade: 2 }, { category: 'VISUAL', grade: 3 }] }, { ...MULTIPLE, disabilityGrade: 1 }));
    expect(await screen.findByText('多重残疾类别待更新')).toBeTruthy();
  });

  it('has no such section for a member without a 多重残疾 certificate', async () => {
    renderDrawer(member({}, { disabilityCategory: 'PHYSICAL', disabilityGrade: 2 }));
    expect(await screen.findByText('供养方式（特困人员）')).toBeTruthy();
    expect(screen.queryByText('多重残疾各类别等级')).toBeNull();
  });

  it('shows the recorded categories of a 多重残疾 certificate and sends them back unchanged', async () => {
    stubSave();
    const components = [{ category: 'PHYSICAL', grade: 2 }, { category: 'VISUAL', grade: 3 }];
    renderDrawer(member({ disabilityComponents: components }, MULTIPLE));
    expect(await screen.findByText('多重残疾各类别等级')).toBeTruthy();
    expect(screen.getByText(/残疾证：多重残疾二级/)).toBeTruthy();
    expect(screen.getByText('肢体残疾')).toBeTruthy();
    expect(screen.getByText('视力残疾')).toBeTruthy();
    expect((await savedBody()).disabilityComponents).toEqual(components);
  });

  it('names the categories recorded for a certificate since changed from 多重残疾, and clears them on saving', async () => {
    stubSave();
    renderDrawer(member({ disabilityComponents: [{ category: 'VISUAL', grade: 3 }, { category: 'PHYSICAL', grade: 2 }] }, { disabilityCategory: 'PHYSICAL', disabilityGrade: 2 }));
    expect(await screen.findByText('残疾证已不是多重残疾，原登记的多重残疾各类别等级（肢体残疾二级、视力残疾三级）保存时将清除')).toBeTruthy();
    expect(screen.queryByText('多重残疾各类别等级')).toBeNull();
    expect((await savedBody()).disabilityComponents).toBeNull();
  });

  it('does not save 已登记 with a category left blank', async () => {
    const fetchMock = stubSave();
    renderDrawer(member({}, MULTIPLE));
    const recorded = (await screen.findAllByRole('radio', { name: '已登记' }))[0]!;
    fireEvent.click(recorded);
    expect((await screen.findAllByText('残疾类别')).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findAllByText('请选择残疾类别')).length).toBe(2);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('MemberPolicyFactsDrawer (R43 jobs offered)', () => {
  afterEach(() => vi.unstubAllGlobals());
  const offer = (referredOn: string, outcome: string, note: string | null = null) => ({ referredOn, position: `泽库县保洁公司保洁员（${referredOn}）`, outcome, note });
  const THREE_REFUSED = [offer('2026-03-02', 'REFUSED_UNJUSTIFIED'), offer('2026-05-11', 'REFUSED_UNJUSTIFIED', '称路途远'), offer('2026-08-20', 'REFUSED_UNJUSTIFIED')];

  it('shows a recorded list and sends it back unchanged', async () => {
    stubSave();
    const referrals = [offer('2026-02-10', 'ACCEPTED'), offer('2026-06-15', 'REFUSED_JUSTIFIED', '住院治疗中')];
    renderDrawer(member({ jobReferrals: referrals }));
    expect(await screen.findByText('就业服务机构介绍工作（R43）')).toBeTruthy();
    expect(screen.getByDisplayValue('泽库县保洁公司保洁员（2026-02-10）')).toBeTruthy();
    expect(screen.getByDisplayValue('住院治疗中')).toBeTruthy();
    expect(screen.getByText('接受')).toBeTruthy();
    expect(screen.getByText('有正当理由拒绝')).toBeTruthy();
    expect(screen.queryByTestId('r43-run')).toBeNull();
    expect((await savedBody()).jobReferrals).toEqual(referrals);
  });

  it('sends an empty list for 已登记 without any job offered', async () => {
    stubSave();
    renderDrawer(member({ jobReferrals: [] }));
    expect(await screen.findByTestId('no-job-referrals')).toBeTruthy();
    expect((await savedBody()).jobReferrals).toEqual([]);
  });

  it('warns of three refusals without good reason in a row as the latest, and not once a job was accepted after them', async () => {
    const { unmount } = render(
      <AppProviders queryClient={createQueryClient()}>
        <MemberPolicyFactsDrawer householdId="h" member={member({ jobReferrals: [offer('2026-01-05', 'ACCEPTED'), ...THREE_REFUSED] })} canWrite onClose={() => {}} />
      </AppProviders>,
    );
    expect((await screen.findByTestId('r43-run')).textContent).toContain('已连续3次无正当理由拒绝介绍的工作：成员有劳动能力的，按R43减发或停发其本人低保金');
    unmount();
    renderDrawer(member({ jobReferrals: [...THREE_REFUSED, offer('2026-10-09', 'ACCEPTED')] }));
    expect(await screen.findByText('就业服务机构介绍工作（R43）')).toBeTruthy();
    expect((await screen.findAllByText('无正当理由拒绝')).length).toBe(3);
    expect(screen.queryByTestId('r43-run')).toBeNull();
  });

  it('updates the warning while entering: removing the latest refusal leaves two in a row', async () => {
    renderDrawer(member({ jobReferrals: THREE_REFUSED }));
    expect(await screen.findByTestId('r43-run')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: '删除介绍的工作' })[2]!);
    await waitFor(() => expect(screen.queryByTestId('r43-run')).toBeNull());
  });

  it('does not save 已登记 with a row left blank', async () => {
    const fetchMock = stubSave();
    renderDrawer(member({}));
    await screen.findByText('就业服务机构介绍工作（R43）');
    // the first 已登记 is that of the jobs offered (the obligors' comes after it)
    fireEvent.click(screen.getAllByRole('radio', { name: '已登记' })[0]!);
    expect(await screen.findByTestId('no-job-referrals')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /添加介绍的工作/ }));
    expect(await screen.findByText('介绍日期')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('请选择介绍日期')).toBeTruthy();
    expect(screen.getByText('请输入介绍的工作')).toBeTruthy();
    expect(screen.getByText('请选择结果')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('flags three refusals without good reason in a row on the member row, and not two', async () => {
    const cell = (m: MemberView) =>
      render(
        <AppProviders queryClient={createQueryClient()}>
          <PolicyFactsCell householdId="h" member={m} canWrite />
        </AppProviders>,
      );
    const { unmount } = cell(member({ jobReferrals: THREE_REFUSED }));
    expect(await screen.findByText('连续拒绝就业3次')).toBeTruthy();
    unmount();
    cell(member({ jobReferrals: THREE_REFUSED.slice(1) }));
    expect(await screen.findByRole('button', { name: '救助认定信息' })).toBeTruthy();
    expect(screen.queryByText(/连续拒绝就业/)).toBeNull();
  });
});
