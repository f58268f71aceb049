import { Badge, Button, Card, DatePicker, Flex, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PARAMETER_URBAN_RURAL_LABELS } from '../../../../src/domain/policy/parameter-proposal.rules';
import { DataTable } from '../../components/DataTable';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { usePermissions } from '../../features/auth/hooks/usePermissions';
import type { ParameterListItem } from '../../features/policy/api';
import { ConfidenceTag } from '../../features/policy/components/ConfidenceTag';
import { ParameterHistoryDrawer } from '../../features/policy/components/ParameterHistoryDrawer';
import { ProposeParameterModal } from '../../features/policy/components/ProposeParameterModal';
import { useParameterList } from '../../features/policy/hooks/useParameterList';
import { RegionTreeSelect } from '../../features/regions/components/RegionTreeSelect';
import { dayjs } from '../../lib/dates';

const rowKey = (p: ParameterListItem) => `${p.code}-${p.urbanRural}`;

/**
 * 政策参数: every catalog parameter (POLICY.md §19) in force for the chosen region on the
 * chosen date — value, since when, from which region, 官方/占位值, pending proposals — with
 * its version history and, for policy administrators, 提议修改.
 */
export default function ParameterListPage() {
  const [params, setParams] = useSearchParams();
  const regionCode = params.get('region') ?? undefined;
  const date = params.get('date') ?? undefined;
  const list = useParameterList({ regionCode, date });
  const { can } = usePermissions();
  const canManage = can('policy:manage');
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [editing, setEditing] = useState<ParameterListItem | null>(null);

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const pendingTotal = list.data?.items.reduce((n, i) => n + i.pendingCount, 0) ?? 0;
  const columns: ColumnsType<ParameterListItem> = [
    { title: '编号', dataIndex: 'code', width: 70, fixed: 'left' },
    {
      title: '参数名称',
      key: 'name',
      render: (_, p) => (
        <>
          {p.name}
          {p.byUrbanRural && <Tag style={{ marginInlineStart: 6 }}>{PARAMETER_URBAN_RURAL_LABELS[p.urbanRural as 'URBAN'] ?? p.urbanRural}</Tag>}
        </>
      ),
    },
    {
      title: '当前值',
      key: 'value',
      // A structured value reads as a sentence (P19, P35): it wraps instead of widening the table.
      width: 520,
      render: (_, p) => (
        <>
          <div data-testid={`value-${rowKey(p)}`}>{p.inForce ? p.inForce.valueText : <Typography.Text type="warning">未配置</Typography.Text>}</div>
          {p.upcoming && (
            <Typography.Text type="secondary">
              {p.upcoming.effectiveFrom}起：{p.upcoming.valueText}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: '生效日期', key: 'from', render: (_, p) => p.inForce?.effectiveFrom ?? '—' },
    {
      title: '来源地区',
      key: 'source',
      render: (_, p) =>
        p.inForce ? (
          <>
            {p.inForce.regionName ?? p.inForce.regionCode}
            {p.inherited && <Typography.Text type="secondary">（继承）</Typography.Text>}
          </>
        ) : (
          '—'
        ),
    },
    { title: '性质', key: 'confidence', render: (_, p) => (p.inForce ? <ConfidenceTag confidence={p.inForce.confidence} note={p.inForce.note} /> : '—') },
    {
      title: '待审批',
      dataIndex: 'pendingCount',
      render: (n: number) => (n > 0 ? <Badge count={n} color="blue" title={`${n}项待审批`} /> : null),
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, p) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setHistoryOf(p.code)} data-testid={`history-${rowKey(p)}`}>
            历史
          </Button>
          {canManage && (
            <Button size="small" onClick={() => setEditing(p)} data-testid={`propose-${rowKey(p)}`} aria-label={`提议修改 ${p.code}`}>
              提议修改
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title="政策参数"
      extra={
        canManage && (
          <Link to="/policy/proposals">
            <Badge count={pendingTotal} size="small" offset={[6, 0]}>
              <Button>待审批</Button>
            </Badge>
          </Link>
        )
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap align="center">
          <span>地区</span>
          <RegionTreeSelect
            id="policy-region"
            aria-label="地区"
            value={regionCode ?? list.data?.regionCode ?? null}
            onChange={(code) => set({ region: code })}
            placeholder="本人管辖区域"
            style={{ width: 240 }}
          />
          <span>日期</span>
          <DatePicker
            id="policy-date"
            aria-label="日期"
            value={date ? dayjs(date) : null}
            onChange={(d) => set({ date: d ? d.format('YYYY-MM-DD') : undefined })}
            placeholder="今天"
          />
          {list.data && (
            <Typography.Text type="secondary" data-testid="policy-context">
              {list.data.regionName} · {list.data.date} 有效的参数
            </Typography.Text>
          )}
        </Flex>
      </Card>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <DataTable<ParameterListItem>
        data-testid="parameter-table"
        rowKey={rowKey}
        loading={list.isPending}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={false}
      />
      <ParameterHistoryDrawer code={historyOf} regionCode={list.data?.regionCode} onClose={() => setHistoryOf(null)} />
      <ProposeParameterModal open={!!editing} item={editing} regionCode={list.data?.regionCode} onClose={() => setEditing(null)} />
    </PageContainer>
  );
}
