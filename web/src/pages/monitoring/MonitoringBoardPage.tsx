import { Alert, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { RegionTreeSelect } from '../../features/regions/components/RegionTreeSelect';
import type { MonitoringBoard } from '../../features/monitoring-board/api';
import { useMonitoringBoard } from '../../features/monitoring-board/useMonitoringBoard';
import { CLUE_CHANNEL_LABELS, CLUE_LEVEL_LABELS, CLUE_STATUS_LABELS } from '../../../../src/domain/monitoring/clue.types';

// ECharts only loads with the charts (its own chunk).
const charts = () => import('../../features/monitoring-board/BoardCharts');
const OpenByAgeChart = lazy(() => charts().then((m) => ({ default: m.OpenByAgeChart })));
const OutcomePieChart = lazy(() => charts().then((m) => ({ default: m.OutcomePieChart })));
const ChildRegionBarChart = lazy(() => charts().then((m) => ({ default: m.ChildRegionBarChart })));

/** The clue list filtered to overdue clues (the list reads `overdue=true`). */
export const OVERDUE_CLUES_PATH = '/monitoring/clues?overdue=true';

const ESCALATION_NAMES = ['乡镇（未升级）', '已升级至县级', '已升级至市州'];
const LEVEL_TAG_COLORS: Record<string, string> = { RED: 'red', ORANGE: 'orange', YELLOW: 'gold' };
const label = (t: Record<string, string>, v: string | null) => (v ? (t[v] ?? v) : '—');
const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const days = (v: number | null) => (v === null ? '—' : String(v));

/** 监测看板 (issue 4 §5, R85): open and overdue clues, outcomes, time to assistance, rule precision, by sub-region. */
export default function MonitoringBoardPage() {
  const [params, setParams] = useSearchParams();
  const region = params.get('region');
  const from = params.get('from');
  const to = params.get('to');
  const board = useMonitoringBoard({ regionCode: region, from, to });

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const onRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') });

  return (
    <PageContainer
      title="监测看板"
      extra={
        <Link to={OVERDUE_CLUES_PATH} data-testid="board-overdue-link">
          <Button danger>超期线索清单</Button>
        </Link>
      }
    >
      <Form layout="inline" name="board-filter" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="区域" htmlFor="board-region" style={{ minWidth: 260 }}>
          <RegionTreeSelect id="board-region" value={region} onChange={(code) => update({ region: code })} placeholder="本人管辖区域" />
        </Form.Item>
        <Form.Item label="预警日期" htmlFor="board-period">
          <DatePicker.RangePicker
            id="board-period"
            allowEmpty={[true, true]}
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            onChange={(r) => onRange(r as [Dayjs | null, Dayjs | null] | null)}
            placeholder={['近12个月', '今天']}
          />
        </Form.Item>
      </Form>
      {board.isError && <QueryError error={board.error} onRetry={() => void board.refetch()} />}
      {board.isPending && <Skeleton active />}
      {board.data && <BoardView board={board.data} onPick={(code) => update({ region: code })} />}
    </PageContainer>
  );
}

function BoardView({ board, onPick }: { board: MonitoringBoard; onPick: (code: string) => void }) {
  const { totals } = board;
  const escalated = (n: number) => board.overdueByEscalation.find((e) => e.escalationLevel === n)?.count ?? 0;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text type="secondary" data-testid="board-scope">
        {board.regionName}：在办、超期为截至 {board.today} 的实时数（已过天数按工作日计）；其余按预警日期 {board.from} 至 {board.to} 统计。
      </Typography.Text>
      {board.calendarUncoveredYears.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`工作日历（P39）未录入 ${board.calendarUncoveredYears.join('、')} 年的法定节假日和调休，已过工作日按周一至周五估算。`}
        />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} sm={12} lg={6}>
          <Card data-testid="board-kpi-open">
            <Statistic title="在办线索" value={totals.open} suffix="条" />
            <Typography.Text type="secondary">本期新增 {totals.raised} 条</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card data-testid="board-kpi-overdue">
            <Statistic title="超期" value={totals.overdue} suffix="条" styles={totals.overdue > 0 ? { content: { color: '#cf1322' } } : undefined} />
            <Typography.Text type="secondary">
              升级县级 {escalated(1)} · 市州 {escalated(2)} · <Link to={OVERDUE_CLUES_PATH}>查看</Link>
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card data-testid="board-kpi-closed">
            <Statistic title="本期办结" value={totals.closed} suffix="条" />
            <Typography.Text type="secondary">按期办结率 {percent(totals.withinDeadlineRate)}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card data-testid="board-kpi-median">
            <Statistic
              title="预警到救助时长（天）"
              value={`${days(board.daysToAssistance.median)} / ${days(board.daysToAssistance.p90)}`}
              formatter={(v) => <span data-testid="board-kpi-median-value">{v}</span>}
            />
            <Typography.Text type="secondary">
              中位数 / P90，{board.daysToAssistance.count} 条救助结果
            </Typography.Text>
          </Card>
        </Col>

        <Col xs={24} xl={12}>
          <Card title="在办线索：预警等级 × 已过工作日">
            <div data-testid="chart-open-by-age">
              {totals.open === 0 ? (
                <Empty description="没有在办线索" />
              ) : (
                <Suspense fallback={<Skeleton active />}>
                  <OpenByAgeChart board={board} />
                </Suspense>
              )}
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="本期办结结果">
            <div data-testid="chart-outcomes">
              {totals.closed === 0 ? (
                <Empty description="本期没有办结线索" />
              ) : (
                <Suspense fallback={<Skeleton active />}>
                  <OutcomePieChart board={board} />
                </Suspense>
              )}
            </div>
          </Card>
        </Col>
        <Col span={24}>
          <Card title="下级区域：在办与超期" extra={<Typography.Text type="secondary">点击柱形查看下级</Typography.Text>}>
            <div data-testid="chart-by-region">
              {board.byChildRegion.length === 0 ? (
                <Empty description="没有下级区域" />
              ) : (
                <Suspense fallback={<Skeleton active />}>
                  <ChildRegionBarChart board={board} onPick={onPick} />
                </Suspense>
              )}
            </div>
          </Card>
        </Col>

        <Col span={24}>
          <Card title="预警规则精准率（本期）">
            <RuleTable board={board} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="本期线索构成">
            <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} title="按发现渠道">
              {board.byChannel.map((c) => (
                <Descriptions.Item key={c.channel} label={label(CLUE_CHANNEL_LABELS, c.channel)}>
                  {c.count}
                </Descriptions.Item>
              ))}
            </Descriptions>
            <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} title="按办理状态" style={{ marginTop: 12 }}>
              {board.byStatus.map((s) => (
                <Descriptions.Item key={s.status} label={label(CLUE_STATUS_LABELS, s.status)}>
                  {s.count}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="超期线索（当前）">
            <Descriptions size="small" bordered column={{ xs: 1, sm: 3 }} title="按预警等级">
              {board.overdueByLevel.map((l) => (
                <Descriptions.Item key={l.level} label={label(CLUE_LEVEL_LABELS, l.level)}>
                  {l.count}
                </Descriptions.Item>
              ))}
            </Descriptions>
            <Descriptions size="small" bordered column={1} title="按升级层级" style={{ marginTop: 12 }}>
              {board.overdueByEscalation.map((e) => (
                <Descriptions.Item key={e.escalationLevel} label={ESCALATION_NAMES[e.escalationLevel] ?? `第${e.escalationLevel}级`}>
                  {e.count}
                </Descriptions.Item>
              ))}
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              办结时长（全部办结）：中位数 {days(board.daysToClose.median)} 天，P90 {days(board.daysToClose.p90)} 天。
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

type RuleRow = MonitoringBoard['rules'][number];
const byNullable = (a: number | null, b: number | null) => (a ?? -1) - (b ?? -1);

function RuleTable({ board }: { board: MonitoringBoard }) {
  return (
    <div data-testid="board-rule-table">
      <DataTable<RuleRow>
        rowKey="ruleId"
        pagination={false}
        dataSource={board.rules}
        locale={{ emptyText: '本期没有规则预警的线索' }}
        columns={[
          { title: '规则', dataIndex: 'name', render: (name: string | null, r) => name ?? r.code ?? r.ruleId, sorter: (a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN') },
          { title: '等级', dataIndex: 'level', render: (l: string | null) => (l ? <Tag color={LEVEL_TAG_COLORS[l]}>{label(CLUE_LEVEL_LABELS, l)}</Tag> : '—') },
          { title: '预警', dataIndex: 'raised', align: 'right', sorter: (a, b) => a.raised - b.raised },
          { title: '办结', dataIndex: 'closed', align: 'right', sorter: (a, b) => a.closed - b.closed },
          { title: '救助或变更', dataIndex: 'confirmed', align: 'right', sorter: (a, b) => a.confirmed - b.confirmed },
          { title: '排除', dataIndex: 'excluded', align: 'right', sorter: (a, b) => a.excluded - b.excluded },
          {
            title: '精准率',
            dataIndex: 'precision',
            align: 'right',
            sorter: (a, b) => byNullable(a.precision, b.precision),
            render: (p: number | null) => <span data-testid="rule-precision">{percent(p)}</span>,
          },
        ]}
      />
    </div>
  );
}
