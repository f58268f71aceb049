import { DownloadOutlined } from '@ant-design/icons';
import { Button, Form, Row, Select, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CLASSIFICATION_LABELS } from '../../../../src/domain/policy/assessment-summary';
import type { Classification } from '../../../../src/domain/policy/assessment.types';
import { scheduleText } from '../../../../src/domain/policy/gradual-exit-schedule';
import { DataTable } from '../../components/DataTable';
import { FigureCard } from '../../components/FigureCard';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { benefitRecipientExportUrl, type BenefitRecipientList, type BenefitRecipientQuery } from '../../features/assessments/api';
import { GradualExitReviewTag, PeriodicReviewTag, RecipientStatusTag } from '../../features/assessments/components/RecipientTags';
import { useBenefitRecipients } from '../../features/assessments/hooks';
import { DEFAULT_PAGE_SIZE, readRecipientQuery, writeRecipientQuery } from '../../features/assessments/recipient-query';
import { usePermissions } from '../../features/auth/hooks/usePermissions';
import { RegionTreeSelect } from '../../features/regions/components/RegionTreeSelect';
import { labelOf, URBAN_RURAL_LABELS } from '../../lib/labels';
import { formatFen } from '../../lib/money';

type Item = BenefitRecipientList['items'][number];

const STATUS_OPTIONS = [
  { value: '', label: '在保（正常享受和渐退期）' },
  { value: 'ACTIVE', label: '正常享受' },
  { value: 'GRADUAL_EXIT', label: '渐退期' },
  { value: 'STOPPED', label: '已停保' },
  { value: 'UNREGISTERED', label: '在册待核定（无待遇记录）' },
];
const REVIEW_OPTIONS = [
  { value: '', label: '全部' },
  { value: 'DUE', label: '渐退：30日内期满（含逾期）' },
  { value: 'OVERDUE', label: '渐退：期满未复核' },
  { value: 'PERIODIC_DUE', label: '定期复核：30日内到期（含逾期）' },
  { value: 'PERIODIC_OVERDUE', label: '定期复核：逾期未复核' },
];
const PERIODIC = new Set(['PERIODIC_DUE', 'PERIODIC_OVERDUE']);
const columns: TableProps<Item>['columns'] = [
  {
    title: '户编号',
    dataIndex: 'householdNo',
    fixed: 'left',
    width: 190,
    render: (no: string, r) => <Link to={`/households/${r.householdId}?tab=assessment`}>{no}</Link>,
  },
  { title: '户主', dataIndex: 'headName', width: 90, render: (v: string | null) => v ?? '—' },
  { title: '待遇状态', dataIndex: 'status', width: 90, render: (v: string) => <RecipientStatusTag status={v} /> },
  {
    title: '本月保障金（元）',
    dataIndex: 'monthlyAmountFen',
    width: 120,
    align: 'right',
    // 在册待核定 has no benefit record: nothing the platform pays, not a 0 it decided
    render: (v: number, r) => (r.status === 'UNREGISTERED' ? '—' : formatFen(v)),
  },
  {
    title: '渐退期',
    key: 'exit',
    width: 170,
    render: (_, r) =>
      r.gradualExitFrom ? (
        <>
          {`${r.gradualExitFrom} 至 ${r.gradualExitUntil ?? '?'}`}
          {r.gradualExitSchedule && (
            // R44.2: the amount column is this month's; the schedule says the rest
            <Tooltip title={`逐步减发：${scheduleText(r.gradualExitSchedule)}`}>
              <Tag color="orange" style={{ marginInlineStart: 4 }} data-testid="stepped-down">
                逐步减发
              </Tag>
            </Tooltip>
          )}
        </>
      ) : (
        '—'
      ),
  },
  {
    title: '复核',
    key: 'review',
    width: 170,
    render: (_, r) => (r.review ? <GradualExitReviewTag review={r.review} /> : r.periodicReview ? <PeriodicReviewTag review={r.periodicReview} /> : '—'),
  },
  { title: '最近核算', dataIndex: 'lastAssessedOn', width: 110, render: (v: string | null) => v ?? '—' },
  {
    title: '最近结论',
    dataIndex: 'lastClassification',
    width: 150,
    render: (v: string | null) => (v ? (CLASSIFICATION_LABELS[v as Classification] ?? v) : '尚未核算'),
  },
  { title: '享受起始月', dataIndex: 'sinceMonth', width: 100, render: (v: string | null) => v?.slice(0, 7) ?? '—' },
  { title: '身份证号', dataIndex: 'headIdNumber', width: 180, render: (v: string | null) => v ?? '—' },
  { title: '所属区域', dataIndex: 'regionPath', width: 200, ellipsis: true },
  { title: '城乡', dataIndex: 'urbanRural', width: 60, render: (v: string) => labelOf(URBAN_RURAL_LABELS, v) },
  { title: '人数', dataIndex: 'memberCount', width: 60, align: 'right' },
];

/**
 * 低保对象 (R42, R44, R85): who is being paid how much, which 渐退 periods end within 30 days or
 * have run past their end without the end-of-period 核算 (R44.3), and which households paid
 * normally are due or overdue for their periodic review (R42) — the township's worklist.
 */
export default function BenefitRecipientListPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readRecipientQuery(params), [params]);
  const list = useBenefitRecipients(query);
  const { can } = usePermissions();
  const set = (patch: Partial<BenefitRecipientQuery>) => setParams(writeRecipientQuery({ ...query, page: 1, ...patch }));
  const counts = list.data?.counts;
  const notice = list.data?.noticeDays ?? 30;
  const stat = (title: string, value: number | undefined, onClick: () => void, alert = false) => (
    <FigureCard title={title} value={value} suffix="户" onClick={onClick} alert={alert} col={{ xs: 12, sm: 8, xl: 4 }} />
  );

  return (
    <PageContainer
      title="低保对象"
      extra={
        can('registry:export') && (
          // The list as filtered, every page: the township's review list to take on its visits.
          <Button icon={<DownloadOutlined />} href={benefitRecipientExportUrl(query)} download data-testid="recipient-export">
            导出 Excel
          </Button>
        )
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="recipient-counts">
        {stat('正常享受', counts?.active, () => set({ status: 'ACTIVE', review: undefined }))}
        {stat('渐退期', counts?.gradualExit, () => set({ status: 'GRADUAL_EXIT', review: undefined }))}
        {stat(`渐退${notice}日内期满`, counts?.due, () => set({ status: undefined, review: 'DUE' }))}
        {stat('渐退期满未复核', counts?.overdue, () => set({ status: undefined, review: 'OVERDUE' }), true)}
        {stat(`${notice}日内定期复核`, counts?.periodicDue, () => set({ status: undefined, review: 'PERIODIC_DUE' }))}
        {stat('定期复核逾期', counts?.periodicOverdue, () => set({ status: undefined, review: 'PERIODIC_OVERDUE' }), true)}
        {stat('已停保', counts?.stopped, () => set({ status: 'STOPPED', review: undefined }))}
        {stat('在册待核定', counts?.unregistered, () => set({ status: 'UNREGISTERED', review: undefined }), true)}
        <FigureCard title="本月保障金合计" value={counts ? formatFen(counts.monthlyTotalFen) : undefined} suffix="元" col={{ xs: 12, sm: 8, xl: 4 }} />
      </Row>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item label="区域" htmlFor="recipient-filter-region">
          <RegionTreeSelect id="recipient-filter-region" value={query.region ?? null} onChange={(region) => set({ region })} placeholder="全部区域" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="待遇状态" htmlFor="recipient-filter-status">
          <Select
            id="recipient-filter-status"
            style={{ width: 220 }}
            value={query.review ? (PERIODIC.has(query.review) ? 'ACTIVE' : 'GRADUAL_EXIT') : (query.status ?? '')}
            disabled={!!query.review}
            options={STATUS_OPTIONS}
            onChange={(v: string) => set({ status: (v || undefined) as BenefitRecipientQuery['status'] })}
          />
        </Form.Item>
        <Form.Item label="复核" htmlFor="recipient-filter-review">
          <Select
            id="recipient-filter-review"
            style={{ width: 260 }}
            value={query.review ?? ''}
            options={REVIEW_OPTIONS}
            onChange={(v: string) => set({ review: (v || undefined) as BenefitRecipientQuery['review'] })}
          />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        渐退期最后一个月内入户核查并重新核算，仍高于标准的自次月起停发，低于标准的恢复正常享受（R44.3）；期满未复核的家庭仍在按渐退期金额发放。
        在册待核定：持有低保类别、但核算未确认符合条件（或尚未核算）而没有待遇记录的家庭，应入户核实后重新核算：符合的登记待遇，不符合的依程序终止低保类别并书面告知理由（R43）。
        正常享受的家庭按复核类别定期复核（收入基本稳定的按P07、收入不稳定且有劳动能力的按P08），自上次人工核算起算，尚无人工核算的自享受起始月起算；批量重新核算不算复核（R42）。
        {list.data ? `复核状态按 ${list.data.today} 计算。` : ''}
      </Typography.Paragraph>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <DataTable<Item>
        rowKey="householdId"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1670 }}
        pagination={{
          current: query.page ?? 1,
          pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (t) => `共 ${t} 户`,
          onChange: (page, size) => setParams(writeRecipientQuery({ ...query, page: size !== (query.pageSize ?? DEFAULT_PAGE_SIZE) ? 1 : page, pageSize: size })),
        }}
      />
    </PageContainer>
  );
}
