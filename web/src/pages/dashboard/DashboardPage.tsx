import { DataTable } from '../../components/DataTable';
import { Button, Card, Col, Empty, Form, Row, Skeleton, Statistic, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { FigureCard } from '../../components/FigureCard';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { usePermissions } from '../../features/auth/hooks/usePermissions';
import { useSession } from '../../features/auth/hooks/useSession';
import { RegionTreeSelect } from '../../features/regions/components/RegionTreeSelect';
import { useCategoryStats } from '../../features/stats/hooks/useCategoryStats';
import type { CategoryStats } from '../../features/stats/api';
import { CATEGORY_LABELS } from '../../lib/labels';
import { formatFen } from '../../lib/money';
import { useBenefitRecipients } from '../../features/assessments/hooks';

// ECharts is only needed here: keep it out of every other page's download.
const CategoryBarChart = lazy(() => import('../../features/stats/components/CategoryCharts').then((m) => ({ default: m.CategoryBarChart })));
const ChildRegionStackedChart = lazy(() =>
  import('../../features/stats/components/CategoryCharts').then((m) => ({ default: m.ChildRegionStackedChart })),
);

/** 工作台: counts by category for the chosen region (default: the user's own), drill down by region. */
export default function DashboardPage() {
  const { can } = usePermissions();
  const { data: session } = useSession();
  const navigate = useNavigate();
  if (!can('registry:read')) {
    return (
      <PageContainer title="工作台">
        <Card>
          <Typography.Paragraph>
            {session?.user.displayName}，您好。请从左侧菜单选择要办理的工作。
          </Typography.Paragraph>
          {can('user:manage') || can('user:assign-roles') ? (
            <Button onClick={() => void navigate('/admin/users')}>用户与角色</Button>
          ) : null}
        </Card>
      </PageContainer>
    );
  }
  return <RegistryDashboard />;
}

function RegistryDashboard() {
  const [params, setParams] = useSearchParams();
  const region = params.get('region');
  const stats = useCategoryStats(region);
  const setRegion = (code: string | undefined) => {
    const next = new URLSearchParams(params);
    if (code) next.set('region', code);
    else next.delete('region');
    setParams(next);
  };

  return (
    <PageContainer title="工作台">
      <Form layout="inline" name="dashboard-filter" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="区域" htmlFor="dashboard-region" style={{ minWidth: 260 }}>
          <RegionTreeSelect id="dashboard-region" value={region} onChange={setRegion} placeholder="本人管辖区域" />
        </Form.Item>
      </Form>
      {stats.isError && <QueryError error={stats.error} onRetry={() => void stats.refetch()} />}
      {stats.isPending && <Skeleton active />}
      {stats.data && <StatsView stats={stats.data} region={region} onPick={setRegion} />}
    </PageContainer>
  );
}

/**
 * 低保待遇 of the region: households being paid and the monthly total, the 渐退 periods due for
 * their end-of-period 核算 (R44.3; R85 counts those ending within 30 days), the households
 * due for their periodic review (R42), and those on the 低保 roster that no decision has
 * registered (在册待核定). Each figure opens the list behind it.
 */
function RecipientFigures({ region }: { region: string | null }) {
  const navigate = useNavigate();
  const q = useBenefitRecipients({ ...(region ? { region } : {}), pageSize: 1 });
  if (!q.data) return null;
  const { counts, noticeDays } = q.data;
  const open = (extra: Record<string, string>) => void navigate(`/benefit-recipients?${new URLSearchParams({ ...(region ? { region } : {}), ...extra }).toString()}`);
  const figure = (title: string, value: number | string, suffix: string, onClick: () => void, alert = false) => (
    <FigureCard title={title} value={value} suffix={suffix} onClick={onClick} alert={alert} col={{ xs: 12, md: 6 }} testId="dashboard-recipients" />
  );
  return (
    <>
      {figure('低保在保', counts.active + counts.gradualExit, '户', () => open({}))}
      {figure('每月低保金', formatFen(counts.monthlyTotalFen), '元', () => open({}))}
      {figure(`渐退期${noticeDays}日内期满`, counts.due, '户', () => open({ review: 'DUE' }))}
      {figure('渐退期满未复核', counts.overdue, '户', () => open({ review: 'OVERDUE' }), true)}
      {figure(`${noticeDays}日内定期复核`, counts.periodicDue, '户', () => open({ review: 'PERIODIC_DUE' }))}
      {figure('定期复核逾期', counts.periodicOverdue, '户', () => open({ review: 'PERIODIC_OVERDUE' }), true)}
      {figure('在册待核定', counts.unregistered, '户', () => open({ status: 'UNREGISTERED' }), true)}
    </>
  );
}

function StatsView({ stats, region, onPick }: { stats: CategoryStats; region: string | null; onPick: (code: string) => void }) {
  const categoryCodes = Object.keys(CATEGORY_LABELS);
  return (
    <Row gutter={[12, 12]}>
      <Col xs={12} md={6}>
        <Card>
          <Statistic title="户数" value={stats.totals.households} suffix="户" />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card>
          <Statistic title="人数" value={stats.totals.persons} suffix="人" />
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card>
          <Statistic title="统计区域" value={stats.regionName} />
        </Card>
      </Col>
      <RecipientFigures region={region} />
      <Col xs={24} xl={10}>
        <Card title="按类别统计">
          {stats.byCategory.length === 0 ? (
            <Empty description="暂无数据" />
          ) : (
            <Suspense fallback={<Skeleton active />}>
              <CategoryBarChart stats={stats} />
            </Suspense>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title="按下级区域统计（户数）" extra={<Typography.Text type="secondary">点击柱形查看下级</Typography.Text>}>
          {stats.byChildRegion.length === 0 ? (
            <Empty description="没有下级区域" />
          ) : (
            <Suspense fallback={<Skeleton active />}>
              <ChildRegionStackedChart stats={stats} onPick={onPick} />
            </Suspense>
          )}
        </Card>
      </Col>
      <Col span={24}>
        <Card title="类别明细">
          <DataTable
            size="small"
            rowKey="category"
            pagination={false}
            dataSource={stats.byCategory}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '类别', dataIndex: 'category', render: (c: string) => CATEGORY_LABELS[c as keyof typeof CATEGORY_LABELS] ?? c },
              { title: '户数', dataIndex: 'households', align: 'right' },
              { title: '人数', dataIndex: 'persons', align: 'right' },
            ]}
          />
          {stats.byChildRegion.length > 0 && (
            <DataTable
              style={{ marginTop: 16 }}
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={stats.byChildRegion}
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  title: '下级区域',
                  dataIndex: 'name',
                  fixed: 'left',
                  render: (name: string, r) => (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onPick(r.code)}>
                      {name}
                    </Button>
                  ),
                },
                { title: '户数', dataIndex: 'households', align: 'right' },
                ...categoryCodes.map((c) => ({
                  title: CATEGORY_LABELS[c as keyof typeof CATEGORY_LABELS],
                  key: c,
                  align: 'right' as const,
                  render: (_: unknown, r: CategoryStats['byChildRegion'][number]) => r.byCategory[c] ?? 0,
                })),
              ]}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
