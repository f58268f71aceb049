import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { useIsPhone } from '../../components/useIsPhone';
import { usePermissions } from '../../features/auth/hooks/usePermissions';
import type { ClueListQuery, ClueView } from '../../features/clues/api';
import { ClueCreateModal } from '../../features/clues/components/ClueCreateModal';
import { ClueLevelTag, DueText, EscalationTag } from '../../features/clues/components/ClueLevelTag';
import { useClueList, useEscalateClues } from '../../features/clues/hooks';
import { CLUE_CHANNEL_LABELS, CLUE_LEVEL_LABELS, CLUE_STATUS_LABELS, STATUS_COLORS, TARGET_CATEGORY_LABELS } from '../../features/clues/labels';
import { RegionTreeSelect } from '../../features/regions/components/RegionTreeSelect';

const opts = (t: Record<string, string>) => Object.entries(t).map(([value, label]) => ({ value, label }));

function readQuery(p: URLSearchParams): ClueListQuery {
  const str = (k: string) => p.get(k) || undefined;
  const num = (k: string) => (p.get(k) ? Number(p.get(k)) : undefined);
  return {
    status: str('status') as ClueListQuery['status'],
    level: str('level') as ClueListQuery['level'],
    channel: str('channel'),
    overdue: p.get('overdue') === 'true' ? true : undefined,
    rule: str('rule'),
    village: str('village'),
    q: str('q'),
    page: num('page') ?? 1,
    pageSize: num('pageSize') ?? 20,
  };
}

function writeQuery(q: ClueListQuery): URLSearchParams {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  return sp;
}

/** 预警线索: the queue of the user's region, red first, overdue rows in red, filters in the URL. */
export default function ClueListPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readQuery(params), [params]);
  const list = useClueList(query);
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { can } = usePermissions();
  const escalate = useEscalateClues();
  const [creating, setCreating] = useState(false);
  const set = (patch: Partial<ClueListQuery>) => setParams(writeQuery({ ...query, ...patch, page: 1 }));

  const columns = [
    { title: '等级', dataIndex: 'level', width: 64, render: (l: string) => <ClueLevelTag level={l} /> },
    {
      title: '线索',
      dataIndex: 'title',
      render: (_: string, c: ClueView) => (
        <Flex vertical gap={2}>
          <Link to={`/monitoring/clues/${c.id}`} data-testid="clue-row-link">
            {c.title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.subjectName ?? '—'}
            {c.householdNo ? ` · ${c.householdNo}` : ''} · {(TARGET_CATEGORY_LABELS as Record<string, string>)[c.targetCategory] ?? c.targetCategory}
          </Typography.Text>
          {isPhone && <DueText dueDate={c.dueDate} overdue={c.overdue} days={c.overdueWorkingDays} />}
          {isPhone && <EscalationTag level={c.escalationLevel} />}
        </Flex>
      ),
    },
    ...(isPhone
      ? []
      : [
          { title: '来源', dataIndex: 'channel', width: 110, render: (ch: string) => (CLUE_CHANNEL_LABELS as Record<string, string>)[ch] ?? ch },
          { title: '所在地', dataIndex: 'villageName', width: 200, render: (_: unknown, c: ClueView) => `${c.townshipName ?? c.townshipCode} ${c.villageName ?? ''}` },
          { title: '分派给', dataIndex: 'assignedToName', width: 100, render: (n: string | null) => n ?? '—' },
          {
            title: '办理期限',
            dataIndex: 'dueDate',
            width: 200,
            render: (_: unknown, c: ClueView) => (
              <Flex vertical gap={2} align="start">
                <DueText dueDate={c.dueDate} overdue={c.overdue} days={c.overdueWorkingDays} />
                <EscalationTag level={c.escalationLevel} />
              </Flex>
            ),
          },
        ]),
    {
      title: '状态',
      dataIndex: 'status',
      width: 88,
      render: (s: string) => <Tag color={STATUS_COLORS[s]}>{(CLUE_STATUS_LABELS as Record<string, string>)[s] ?? s}</Tag>,
    },
  ];

  return (
    <PageContainer
      title="预警线索"
      extra={
        <>
          {can('monitoring:manage') && (
            <Button icon={<ReloadOutlined />} loading={escalate.isPending} onClick={() => escalate.mutate()} data-testid="clue-escalate">
              超期升级
            </Button>
          )}
          {can('monitoring:report') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="clue-create">
              新增线索
            </Button>
          )}
        </>
      }
    >
      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="clue-filters">
        <Input.Search
          allowClear
          placeholder="姓名或户编号"
          defaultValue={query.q}
          onSearch={(q) => set({ q: q || undefined })}
          style={{ width: isPhone ? '100%' : 200 }}
          data-testid="clue-filter-q"
        />
        <Select allowClear placeholder="状态" value={query.status} options={opts(CLUE_STATUS_LABELS)} onChange={(status) => set({ status })} style={{ width: 110 }} data-testid="clue-filter-status" />
        <Select allowClear placeholder="等级" value={query.level} options={opts(CLUE_LEVEL_LABELS)} onChange={(level) => set({ level })} style={{ width: 100 }} data-testid="clue-filter-level" />
        <Select allowClear placeholder="来源" value={query.channel} options={opts(CLUE_CHANNEL_LABELS)} onChange={(channel) => set({ channel })} style={{ width: 130 }} data-testid="clue-filter-channel" />
        <RegionTreeSelect value={query.village ?? null} onChange={(village) => set({ village })} placeholder="全部区域" style={{ width: isPhone ? '100%' : 200 }} aria-label="区域" />
        <Checkbox checked={!!query.overdue} onChange={(e) => set({ overdue: e.target.checked || undefined })} data-testid="clue-filter-overdue">
          仅看超期
        </Checkbox>
        {query.rule && (
          <Tag closable onClose={() => set({ rule: undefined })}>
            按规则筛选
          </Tag>
        )}
      </Flex>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<ClueView>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        data-testid="clue-table"
        onRow={(c) =>
          ({
            'data-testid': 'clue-row',
            'data-overdue': c.overdue ? 'true' : 'false',
            style: c.overdue ? { background: '#fff1f0' } : undefined,
            onDoubleClick: () => void navigate(`/monitoring/clues/${c.id}`),
          }) as HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: query.page ?? 1,
          pageSize: query.pageSize ?? 20,
          total: list.data?.total ?? 0,
          showTotal: (n) => `共 ${n} 条`,
          onChange: (page, pageSize) => setParams(writeQuery({ ...query, page, pageSize })),
        }}
      />
      <ClueCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          void navigate(`/monitoring/clues/${id}`);
        }}
      />
    </PageContainer>
  );
}
