import { Alert, App, Button, Card, Col, Descriptions, Flex, Progress, Result, Row, Select, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { REASSESSMENT_CHANGE_LABELS } from '../../../../src/domain/policy/assessment-summary';
import { PARAMETER_URBAN_RURAL_LABELS } from '../../../../src/domain/policy/parameter-proposal.rules';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { usePermissions } from '../../features/auth/hooks/usePermissions';
import { classificationTag } from '../../features/assessments/components/AssessmentTab';
import { useReassessment, useReassessmentChanges, useStartReassessment } from '../../features/assessments/hooks';
import type { ReassessmentView } from '../../features/assessments/api';
import { formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { formatFen } from '../../lib/money';
import { describeParameterValue, RUN_STATUS, yuanSigned } from './reassessment-labels';

const EChart = lazy(() => import('../../components/EChart').then((m) => ({ default: m.EChart })));

const CHANGE_ORDER = ['NEW_ELIGIBLE', 'GRADUAL_EXIT', 'LOST_ELIGIBILITY', 'AMOUNT_UP', 'AMOUNT_DOWN', 'UNCHANGED', 'REFUSED'] as const;
const CHANGE_COLOR: Record<string, string> = {
  NEW_ELIGIBLE: '#52c41a',
  GRADUAL_EXIT: '#fa8c16',
  LOST_ELIGIBILITY: '#f5222d',
  AMOUNT_UP: '#1677ff',
  AMOUNT_DOWN: '#722ed1',
  UNCHANGED: '#bfbfbf',
  REFUSED: '#595959',
};

function Figures({ run }: { run: ReassessmentView }) {
  const s = run.summary;
  const counties = s.byCounty.map((c) => c.countyName ?? c.countyCode);
  const changeChart = {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 64 },
    xAxis: { type: 'category', data: counties },
    yAxis: { type: 'value', name: '户数', minInterval: 1 },
    series: CHANGE_ORDER.filter((k) => k !== 'UNCHANGED').map((k) => ({
      name: REASSESSMENT_CHANGE_LABELS[k],
      type: 'bar',
      stack: 'changes',
      itemStyle: { color: CHANGE_COLOR[k] },
      data: s.byCounty.map((c) => c.changes[k] ?? 0),
    })),
  };
  const costChart = {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 72, right: 16, top: 36, bottom: 56 },
    xAxis: { type: 'category', data: counties },
    yAxis: { type: 'value', name: '元/月' },
    series: [
      { name: '调整前每月', type: 'bar', itemStyle: { color: '#91caff' }, data: s.byCounty.map((c) => c.monthlyBeforeFen / 100) },
      { name: '调整后每月', type: 'bar', itemStyle: { color: '#1677ff' }, data: s.byCounty.map((c) => c.monthlyAfterFen / 100) },
    ],
  };
  return (
    <>
      <Row gutter={[12, 12]} data-testid="reassessment-figures">
        {CHANGE_ORDER.map((k) => (
          <Col key={k} xs={12} sm={8} md={6} lg={3}>
            <Card size="small">
              <Statistic title={REASSESSMENT_CHANGE_LABELS[k]} value={s.totals[k] ?? 0} suffix="户" valueStyle={{ color: CHANGE_COLOR[k] }} />
            </Card>
          </Col>
        ))}
        <Col xs={24} md={12} lg={6}>
          <Card size="small">
            <Statistic title="每月资金变化" value={yuanSigned(s.monthlyDiffFen)} />
            <Typography.Text type="secondary">
              {formatFen(s.monthlyBeforeFen)}元 → {formatFen(s.monthlyAfterFen)}元
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Card size="small">
            <Statistic title="今后12个月资金变化" value={yuanSigned(s.yearlyDiffFen)} />
            <Typography.Text type="secondary">
              自次月起12个月，按各户每月应发计（渐退期逐步减发的按减发安排，渐退期满的按停发）
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      {s.byCounty.length > 0 && (
        <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
          <Col xs={24} lg={12}>
            <Card size="small" title="各县（区）变化户数">
              <Suspense fallback={<Skeleton active />}>
                <EChart option={changeChart} ariaLabel="各县区按变化类型统计的户数柱状图" testId="chart-changes" />
              </Suspense>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title="各县（区）每月低保资金">
              <Suspense fallback={<Skeleton active />}>
                <EChart option={costChart} ariaLabel="各县区调整前后每月低保资金柱状图" testId="chart-cost" />
              </Suspense>
            </Card>
          </Col>
        </Row>
      )}
      <Card size="small" title="分县明细" style={{ marginTop: 12 }}>
        <Table
          size="small"
          rowKey="countyCode"
          pagination={false}
          scroll={{ x: 900 }}
          dataSource={s.byCounty}
          columns={[
            { title: '县（区）', dataIndex: 'countyName', render: (v: string | null, r) => v ?? r.countyCode, fixed: 'left' },
            { title: '户数', dataIndex: 'households' },
            ...CHANGE_ORDER.filter((k) => k !== 'UNCHANGED').map((k) => ({
              title: REASSESSMENT_CHANGE_LABELS[k],
              key: k,
              render: (_: unknown, r: ReassessmentView['summary']['byCounty'][number]) => r.changes[k] ?? 0,
            })),
            { title: '每月变化', dataIndex: 'monthlyDiffFen', render: (v: number) => yuanSigned(v) },
            { title: '今后12个月变化', dataIndex: 'yearlyDiffFen', render: (v: number) => yuanSigned(v) },
          ]}
        />
      </Card>
    </>
  );
}

function ChangedHouseholds({ runId, runStatus }: { runId: string; runStatus: string }) {
  const [change, setChange] = useState<string | undefined>('CHANGED');
  const [page, setPage] = useState(1);
  const q = useReassessmentChanges(runId, change, page, runStatus);
  return (
    <Card
      size="small"
      title="涉及的家庭"
      style={{ marginTop: 12 }}
      data-testid="reassessment-changes"
      extra={
        <Select
          style={{ width: 180 }}
          allowClear
          placeholder="全部"
          value={change}
          onChange={(v) => {
            setChange(v);
            setPage(1);
          }}
          options={[{ value: 'CHANGED', label: '有变化的家庭' }, ...CHANGE_ORDER.map((k) => ({ value: k, label: REASSESSMENT_CHANGE_LABELS[k] }))]}
          aria-label="变化类型"
        />
      }
    >
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="householdId"
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          scroll={{ x: 800 }}
          pagination={{ current: page, pageSize: 50, onChange: setPage, total: (page - 1) * 50 + (q.data?.items.length ?? 0) + (q.data?.items.length === 50 ? 1 : 0) }}
          columns={[
            { title: '户编号', dataIndex: 'householdNo', render: (v: string, r) => <Link to={`/households/${r.householdId}?tab=assessment`}>{v}</Link> },
            { title: '户主', dataIndex: 'headName' },
            { title: '变化', dataIndex: 'change', render: (v: string) => <Tag color={CHANGE_COLOR[v]}>{REASSESSMENT_CHANGE_LABELS[v] ?? v}</Tag> },
            { title: '调整前', dataIndex: 'beforeClassification', render: (v: string | null) => (v ? classificationTag(v) : '—') },
            { title: '调整后', dataIndex: 'afterClassification', render: (v: string) => (v === 'REFUSED' ? '无法核算' : classificationTag(v)) },
            { title: '调整前月额', dataIndex: 'beforeAmountFen', render: (v: number) => `${formatFen(v)}元` },
            { title: '调整后月额', dataIndex: 'afterAmountFen', render: (v: number) => `${formatFen(v)}元` },
            { title: '今后12个月变化', dataIndex: 'yearlyDiffFen', render: (v: number) => yuanSigned(v) },
          ]}
        />
      )}
    </Card>
  );
}

/** 批量重新核算: progress, the parameters it tests or applies, figures by county, changed households. */
export default function ReassessmentDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useReassessment(id);
  const start = useStartReassessment();
  const { can } = usePermissions();
  const { message } = App.useApp();
  if (q.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const run = q.data;
  const running = run.status === 'QUEUED' || run.status === 'RUNNING';
  const allApproved = run.parameters.every((p) => p.status === 'APPROVED');
  const apply = () =>
    start.mutate(
      { mode: 'APPLY', parameterVersionIds: run.parameters.map((p) => p.id), referenceDate: run.referenceDate },
      {
        onSuccess: (r) => {
          void message.success('已开始正式重新核算');
          void navigate(`/policy/reassessments/${r.id}`);
        },
        onError: (e) => void message.error(errorMessage(e)),
      },
    );
  return (
    <PageContainer
      title={run.mode === 'WHAT_IF' ? '政策调整影响试算' : '政策调整正式重新核算'}
      extra={
        <>
          <Button onClick={() => void navigate('/policy/reassessments')}>返回列表</Button>
          {run.appliedRunId && (
            <Button type="primary" onClick={() => void navigate(`/policy/reassessments/${run.appliedRunId}`)} data-testid="applied-run">
              查看正式应用结果
            </Button>
          )}
          {run.basedOnRunId && (
            <Button onClick={() => void navigate(`/policy/reassessments/${run.basedOnRunId}`)} data-testid="based-on-run">
              查看对应试算
            </Button>
          )}
          {run.mode === 'WHAT_IF' && run.status === 'DONE' && allApproved && !run.appliedRunId && can('reassessment:run') && (
            <Button type="primary" loading={start.isPending} onClick={apply} data-testid="apply-reassessment">
              参数已批准，正式应用
            </Button>
          )}
        </>
      }
    >
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label="状态">
            <Tag color={RUN_STATUS[run.status]?.color} data-testid="reassessment-status">
              {RUN_STATUS[run.status]?.label ?? run.status}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label="地区">{run.regionName ? `${run.regionName}（${run.regionCode}）` : run.regionCode}</Descriptions.Item>
          <Descriptions.Item label="核算基准日">{run.referenceDate}</Descriptions.Item>
          <Descriptions.Item label="发起">{`${formatDateTime(run.createdAt)} ${run.createdByName ?? ''}`}</Descriptions.Item>
        </Descriptions>
        <Progress percent={run.total ? Math.floor((run.processed / run.total) * 100) : running ? 0 : 100} status={run.status === 'FAILED' ? 'exception' : running ? 'active' : 'success'} />
        <Typography.Text type="secondary">
          已核算 {run.processed} / {run.total} 户
          {run.mode === 'WHAT_IF' ? '（试算不改变任何家庭的数据）' : '（正式应用：保存新的核算决定并调整低保待遇）'}
        </Typography.Text>
        {run.error && <Alert type="error" showIcon style={{ marginTop: 8 }} message={`任务失败：${run.error}`} />}
        {run.mode === 'WHAT_IF' && run.status === 'DONE' && !allApproved && (
          <Alert type="info" showIcon style={{ marginTop: 8 }} message="参数经另一名管理员批准后即正式应用：按相同的方法重新核算，结果与试算一致（期间家庭数据未变时）。" />
        )}
        <Table
          size="small"
          rowKey="id"
          style={{ marginTop: 12 }}
          pagination={false}
          dataSource={run.parameters}
          scroll={{ x: 700 }}
          columns={[
            { title: '参数', dataIndex: 'code', render: (v: string, r) => `${v} ${r.name}` },
            { title: '地区', dataIndex: 'regionCode' },
            { title: '城乡', dataIndex: 'urbanRural', render: (v: string) => PARAMETER_URBAN_RURAL_LABELS[v as 'ALL'] ?? v },
            { title: '新值', dataIndex: 'value', width: 360, render: (v: unknown, r) => describeParameterValue(r.code, v) },
            { title: '施行日期', dataIndex: 'effectiveFrom' },
            { title: '审批', dataIndex: 'status', render: (v: string) => <Tag color={v === 'APPROVED' ? 'green' : 'orange'}>{v === 'APPROVED' ? '已批准' : v === 'DRAFT' ? '待审批' : v}</Tag> },
          ]}
        />
      </Card>
      <div style={{ marginTop: 12 }}>
        <Figures run={run} />
      </div>
      <ChangedHouseholds runId={run.id} runStatus={run.status} />
    </PageContainer>
  );
}

export function ReassessmentMissing() {
  return <Result status="404" title="未找到该任务" />;
}
