import { AimOutlined, CheckCircleOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Descriptions, Empty, Flex, Image, Result, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { useIsPhone } from '../../components/useIsPhone';
import { usePermissions } from '../../features/auth/hooks/usePermissions';
import { visitPhotoUrl, type ClueDetail } from '../../features/clues/api';
import { AssignClueModal, CloseClueModal } from '../../features/clues/components/ClueActionModals';
import { ClueLevelTag, DueText, EscalationTag } from '../../features/clues/components/ClueLevelTag';
import { useClue } from '../../features/clues/hooks';
import {
  CLUE_CHANNEL_LABELS,
  CLUE_EVENT_LABELS,
  CLUE_OUTCOME_LABELS,
  CLUE_STATUS_LABELS,
  STATUS_COLORS,
  TARGET_CATEGORY_LABELS,
  VISIT_CHECKLIST_LABELS,
} from '../../features/clues/labels';
import { isApiError } from '../../lib/api-client';
import { formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { CATEGORY_LABELS } from '../../lib/labels';
import { formatFen } from '../../lib/money';

const label = (t: Record<string, string>, v: string | null | undefined) => (v ? (t[v] ?? v) : '—');

/** Programmes of pending cases (issue 4 §4): 低保 / 特困 / 临时救助 … */
const PROGRAMME_LABELS: Record<string, string> = { ...CATEGORY_LABELS, TEMPORARY: '临时救助', DIBAO_SINGLE_PERSON: '单人保' };

const EVIDENCE_LABELS: Record<string, string> = {
  enteredBy: '登记人',
  reporterName: '反映人',
  reporterPhone: '反映人电话',
  department: '预警部门',
  inRegistry: '是否在数据库中',
  calendarNote: '期限说明',
  ruleName: '预警规则',
  window: '统计期间',
  incomeBasis: '收入口径',
  thresholdShare: '比例阈值',
  threshold: '阈值',
  eventDate: '发生日期',
  deathDate: '死亡日期',
  disasterDate: '受灾日期',
  level: '预警等级',
  reason: '预警原因',
  grade: '残疾等级',
  category: '残疾类别',
  illness: '疾病名称',
  repeat: '重复次数',
};
/** Identifiers and internal keys: shown folded under 技术详情 (auditors need them, officers rarely). */
const TECHNICAL_KEYS = new Set(['kind', 'origin', 'recordIds', 'ruleCode', 'history', 'share', 'batchId', 'ruleId']);

function evidenceText(k: string, v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number' && /Fen$/.test(k) && Number.isInteger(v)) return `${formatFen(v)}元`;
  if (typeof v === 'number' && /Share$/.test(k)) return `${Math.round(v * 1000) / 10}%`;
  if (typeof v === 'object' && v && 'from' in v && 'to' in v) return `${String((v as { from: unknown }).from)} 至 ${String((v as { to: unknown }).to)}`;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

const EVIDENCE_FEN_LABELS: Record<string, string> = {
  outOfPocketFen: '个人自付',
  annualIncomeFen: '家庭年收入',
  amountFen: '金额',
  lossFen: '损失金额',
  valueFen: '价值',
  incomeFen: '收入',
  standardFen: '低保标准',
};

function eventText(e: ClueDetail['events'][number]): string {
  const d = (e.detail ?? {}) as Record<string, unknown>;
  switch (e.action) {
    case 'ASSIGNED':
      return `分派给${String(d.name ?? '')}`;
    case 'VISITED':
      return `入户核查（${formatDateTime(String(d.visitedAt ?? ''))}${d.hasPosition ? '，已定位' : '，未定位'}）`;
    case 'ESCALATED':
      return `超期${String(d.overdueWorkingDays ?? '')}个工作日，升级至${['乡镇', '县级', '市州'][Number(d.to)] ?? ''}`;
    case 'CLOSED':
      return `办结：${label(CLUE_OUTCOME_LABELS, d.outcome as string)}${d.reason ? `（${String(d.reason)}）` : ''}${d.referredTo ? `，转至${String(d.referredTo)}` : ''}`;
    default:
      return CLUE_EVENT_LABELS[e.action] ?? e.action;
  }
}

/** 线索详情: evidence, process, field visits with photos, linked household and decision, actions. */
export default function ClueDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { can } = usePermissions();
  const clue = useClue(id);
  const [assigning, setAssigning] = useState(false);
  const [closing, setClosing] = useState(false);

  if (clue.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (clue.isError) {
    if (isApiError(clue.error) && clue.error.status === 404) {
      return <Result status="404" title={errorMessage(clue.error)} extra={<Button onClick={() => void navigate('/monitoring/clues')}>返回列表</Button>} />;
    }
    return <QueryError error={clue.error} onRetry={() => void clue.refetch()} />;
  }
  const d = clue.data;
  const c = d.clue;
  const open = c.status !== 'CLOSED';
  const canHandle = can('monitoring:handle');

  return (
    <PageContainer
      title={
        <Space wrap>
          <ClueLevelTag level={c.level} />
          <span data-testid="clue-title">{c.title}</span>
        </Space>
      }
      extra={
        <>
          <Button onClick={() => void navigate('/monitoring/clues')}>返回列表</Button>
          {open && canHandle && (
            <>
              <Button icon={<UserSwitchOutlined />} onClick={() => setAssigning(true)} data-testid="clue-action-assign">
                分派
              </Button>
              <Button icon={<AimOutlined />} onClick={() => void navigate(`/monitoring/clues/${c.id}/visit`)} data-testid="clue-action-visit">
                入户核查
              </Button>
              <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setClosing(true)} data-testid="clue-action-close">
                办结
              </Button>
            </>
          )}
        </>
      }
    >
      <Card size="small" data-testid="clue-summary">
        <Descriptions size="small" column={isPhone ? 1 : 3}>
          <Descriptions.Item label="状态">
            <Tag color={STATUS_COLORS[c.status]} data-testid="clue-status" data-status={c.status}>
              {label(CLUE_STATUS_LABELS, c.status)}
            </Tag>
            <EscalationTag level={c.escalationLevel} />
          </Descriptions.Item>
          <Descriptions.Item label="办理期限">
            <DueText dueDate={c.dueDate} overdue={c.overdue} days={c.overdueWorkingDays} />
          </Descriptions.Item>
          <Descriptions.Item label="来源">{label(CLUE_CHANNEL_LABELS, c.channel)}</Descriptions.Item>
          <Descriptions.Item label="对象">
            {c.subjectName ?? '—'} {c.subjectIdNumber ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label="所在地">
            {c.townshipName ?? c.townshipCode} {c.villageName ?? c.regionCode}
          </Descriptions.Item>
          <Descriptions.Item label="疑似情形">{label(TARGET_CATEGORY_LABELS, c.targetCategory)}</Descriptions.Item>
          <Descriptions.Item label="产生时间">{formatDateTime(c.raisedAt)}</Descriptions.Item>
          <Descriptions.Item label="分派给">{c.assignedToName ?? '—'}</Descriptions.Item>
          {c.repeatCount > 0 && <Descriptions.Item label="重复次数">{c.repeatCount}</Descriptions.Item>}
          {c.outcome && (
            <Descriptions.Item label="办结结果" span={isPhone ? 1 : 3}>
              <span data-testid="clue-outcome" data-outcome={c.outcome}>
                {label(CLUE_OUTCOME_LABELS, c.outcome)}
                {c.outcomeReason ? `（${c.outcomeReason}）` : ''}
                {c.referredTo ? `，转至${c.referredTo}` : ''} · {formatDateTime(c.closedAt)}
              </span>
            </Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0, whiteSpace: 'pre-wrap' }}>{c.description}</Typography.Paragraph>
      </Card>

      <Flex gap={12} vertical={isPhone} style={{ marginTop: 12 }} align="stretch">
        <Card size="small" title="关联家庭" style={{ flex: 1 }} data-testid="clue-household">
          {d.household ? (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="户编号">
                <Link to={`/households/${d.household.id}`} data-testid="clue-household-link">
                  {d.household.householdNo}
                </Link>
              </Descriptions.Item>
              <Descriptions.Item label="户主">{d.household.headName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="人口">{d.household.memberCount}人</Descriptions.Item>
              <Descriptions.Item label="类别">{d.household.categories.map((k) => label(CATEGORY_LABELS, k)).join('、') || '无'}</Descriptions.Item>
            </Descriptions>
          ) : (
            <Typography.Text type="secondary">不在低收入人口数据库中</Typography.Text>
          )}
          {d.assessment && (
            <div data-testid="clue-assessment">
              <Typography.Text strong>核算结果：</Typography.Text>
              <Link to={`/households/${d.household?.id ?? ''}?tab=assessment`}>
                {d.assessment.classification}，人均{formatFen(d.assessment.perCapitaMonthlyFen)}/月（基准日{d.assessment.referenceDate}）
              </Link>
            </div>
          )}
          {d.pendingCase && (
            <div data-testid="clue-pending-case">
              <Typography.Text strong>待办申请：</Typography.Text>
              {label(PROGRAMME_LABELS, d.pendingCase.programme)}（待受理）
            </div>
          )}
        </Card>
        <Card size="small" title="证据" style={{ flex: 1 }} data-testid="clue-evidence">
          <Descriptions size="small" column={1}>
            {Object.entries(d.evidence)
              .filter(([k, v]) => !(Array.isArray(v) && v.length === 0) && !TECHNICAL_KEYS.has(k))
              .map(([k, v]) => (
                <Descriptions.Item key={k} label={EVIDENCE_LABELS[k] ?? EVIDENCE_FEN_LABELS[k] ?? k}>
                  {evidenceText(k, v)}
                </Descriptions.Item>
              ))}
          </Descriptions>
          <Collapse
            size="small"
            ghost
            items={[
              {
                key: 'tech',
                label: '技术详情（数据来源编号）',
                children: (
                  <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                    {Object.entries(d.evidence)
                      .filter(([k]) => TECHNICAL_KEYS.has(k))
                      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
                      .join('；')}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Card>
      </Flex>

      <Card size="small" title={`入户核查（${d.visits.length}）`} style={{ marginTop: 12 }} data-testid="clue-visits">
        {d.visits.length === 0 && <Empty description="尚未入户核查" />}
        {d.visits.map((v) => (
          <Card key={v.id} type="inner" size="small" style={{ marginBottom: 8 }} title={`${formatDateTime(v.visitedAt)} · ${v.createdByName ?? ''}`} data-testid="clue-visit">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{v.findings}</Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {v.latitude !== null && v.longitude !== null
                ? `定位：${v.latitude.toFixed(6)}, ${v.longitude.toFixed(6)}${v.accuracyM !== null ? `（精度约${Math.round(v.accuracyM)}米）` : ''}`
                : '未定位'}
            </Typography.Text>
            <Descriptions size="small" column={isPhone ? 1 : 2} style={{ marginTop: 8 }}>
              {Object.entries(v.checklist).map(([k, a]) => {
                const ans = a as { answer?: string | null; note?: string };
                return (
                  <Descriptions.Item key={k} label={(VISIT_CHECKLIST_LABELS as Record<string, string>)[k] ?? k}>
                    {ans.answer === 'YES' ? '是' : ans.answer === 'NO' ? '否' : '—'}
                    {ans.note ? `（${ans.note}）` : ''}
                  </Descriptions.Item>
                );
              })}
            </Descriptions>
            {v.photos.length > 0 && (
              <Image.PreviewGroup>
                <Space wrap>
                  {v.photos.map((p) => (
                    <Image key={p.id} width={96} height={96} style={{ objectFit: 'cover' }} src={visitPhotoUrl(v.id, p.id)} alt="核查照片" data-testid="clue-visit-photo" />
                  ))}
                </Space>
              </Image.PreviewGroup>
            )}
          </Card>
        ))}
      </Card>

      <Card size="small" title="办理过程" style={{ marginTop: 12 }} data-testid="clue-events">
        <Timeline
          items={d.events.map((e) => ({
            key: e.id,
            color: e.action === 'ESCALATED' ? 'red' : e.action === 'CLOSED' ? 'green' : 'blue',
            children: (
              <span data-testid="clue-event" data-action={e.action}>
                {eventText(e)}
                <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                  {formatDateTime(e.at)} {e.actorName ?? '系统'}
                </Typography.Text>
              </span>
            ),
          }))}
        />
      </Card>

      <AssignClueModal clueId={c.id} open={assigning} onClose={() => setAssigning(false)} />
      <CloseClueModal clueId={c.id} open={closing} onClose={() => setClosing(false)} hasVisit={d.visits.length > 0} />
    </PageContainer>
  );
}
