import { CalculatorOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Flex, Skeleton, Table, Tag, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { CLASSIFICATION_LABELS, memberBenefitLines, RECIPIENT_STATUS_LABELS } from '../../../../../src/domain/policy/assessment-summary';
import type { Classification, ExplanationStep } from '../../../../../src/domain/policy/assessment.types';
import { scheduleText } from '../../../../../src/domain/policy/gradual-exit-schedule';
import { QueryError } from '../../../components/QueryError';
import { dayjs, formatDateTime } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { formatFen } from '../../../lib/money';
import { assessmentPdfUrl, type AssessmentView } from '../api';
import { AssessmentComparison } from './AssessmentComparison';
import { GradualExitReviewTag, PeriodicReviewTag, RECIPIENT_STATUS_COLOR, RecipientStatusTag } from './RecipientTags';
import { ReviewClassModal } from './ReviewClassModal';
import { REVIEW_CLASS_LABELS, type ReviewClass } from '../../../../../src/domain/policy/periodic-review.rules';
import { useAssessment, useHouseholdAssessments, useRunAssessment } from '../hooks';

const CLASS_COLOR: Partial<Record<Classification, string>> = {
  DIBAO: 'green',
  DIBAO_SINGLE_PERSON: 'green',
  TEKUN_ONLY: 'purple',
  DIBAO_EDGE: 'gold',
  QH_RURAL_LOW_INCOME: 'orange',
  RIGID_EXPENDITURE: 'cyan',
  UNDETERMINED: 'red',
};
const TRI: Record<string, string> = { YES: '是', NO: '否', UNDETERMINED: '待核定' };
const PROPERTY: Record<string, string> = { PASS: '符合', FAIL: '不符合', NOT_CONFIGURED: '未配置财产认定规则（不能自动审批）' };

export function classificationTag(c: string) {
  return <Tag color={CLASS_COLOR[c as Classification]}>{CLASSIFICATION_LABELS[c as Classification] ?? c}</Tag>;
}

/** 逐步说明: the stored steps, grouped by section, each with its rule and comparison result. */
export function ExplanationList({ steps }: { steps: ExplanationStep[] }) {
  const sections = useMemo(() => {
    const out: { section: string; steps: ExplanationStep[] }[] = [];
    for (const s of steps) {
      const last = out.at(-1);
      if (last && last.section === s.section) last.steps.push(s);
      else out.push({ section: s.section, steps: [s] });
    }
    return out;
  }, [steps]);
  return (
    <div data-testid="assessment-explanation">
      {sections.map((sec, i) => (
        <div key={`${sec.section}-${i}`} style={{ marginBottom: 12 }}>
          <Typography.Title level={5} style={{ marginBottom: 6 }}>
            {sec.section}
          </Typography.Title>
          <ol start={sec.steps[0]?.n} style={{ paddingInlineStart: 28, margin: 0 }}>
            {sec.steps.map((s) => (
              <li key={s.n} style={{ marginBottom: 4 }}>
                {s.rule && (
                  <Tag bordered={false} style={{ marginInlineEnd: 6 }}>
                    {s.rule}
                  </Tag>
                )}
                <span>{s.text}</span>
                {s.compare && (
                  <Tag color={s.compare.result ? 'green' : 'red'} style={{ marginInlineStart: 6 }}>
                    {s.compare.result ? '成立' : '不成立'}
                  </Tag>
                )}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}

/** The decision shown, and the one before it when there is one (read to say what changed). */
function AssessmentDetail({ a, previous }: { a: AssessmentView; previous: AssessmentView | null }) {
  const r = a.result;
  const placeholders = a.parametersUsed.filter((p) => p.confidence === 'PLACEHOLDER');
  const personal = memberBenefitLines(r.members);
  return (
    <Card
      size="small"
      // the title wraps on a phone instead of cutting off when and by whom it was decided
      styles={{ title: { whiteSpace: 'normal', paddingBlock: 6 } }}
      title={
        <Flex gap={8} align="center" wrap>
          核算结论 {classificationTag(a.classification)}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            基准日 {a.referenceDate} · {formatDateTime(a.createdAt)} {a.createdByName ?? '系统'}
            {a.trigger === 'BATCH' ? ' · 批量重新核算' : a.trigger === 'DEPT_DATA' ? ' · 部门数据触发的系统复核' : ''}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Button icon={<FilePdfOutlined />} href={assessmentPdfUrl(a.id)} target="_blank" data-testid="assessment-pdf">
          打印核算表
        </Button>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="assessment-summary">
        <Descriptions.Item label="计入家庭人口">{r.householdSize}人</Descriptions.Item>
        <Descriptions.Item label="收入计算期">
          {r.window.from} 至 {r.window.to}（{r.window.months}个月）
        </Descriptions.Item>
        <Descriptions.Item label="月人均收入">{formatFen(r.perCapitaMonthlyFen)}元</Descriptions.Item>
        <Descriptions.Item label={`低保标准（${r.urbanRural === 'URBAN' ? '城市' : '农村'}）`}>
          <span data-testid="assessment-standard">{formatFen(r.standardMonthlyFen)}元/人·月</span>
        </Descriptions.Item>
        <Descriptions.Item label="低保资格">{TRI[r.dibao.eligible]}</Descriptions.Item>
        <Descriptions.Item label="月保障金">{r.dibao.monthlyAmountFen != null ? `${formatFen(r.dibao.monthlyAmountFen)}元` : '—'}</Descriptions.Item>
        <Descriptions.Item label="财产状况">{PROPERTY[r.property.result]}</Descriptions.Item>
        <Descriptions.Item label="低保边缘（1.5倍）">{TRI[r.isNationalEdge]}</Descriptions.Item>
        <Descriptions.Item label="农牧区低收入（2倍）">{TRI[r.isQhRuralLowIncome]}</Descriptions.Item>
        {personal.length > 0 && (
          <Descriptions.Item label="个人待遇" span="filled">
            <span data-testid="assessment-member-benefits">{personal.join('；')}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {placeholders.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ margin: '8px 0' }}
          message={`本次核算使用了${placeholders.length}项占位参数（待青海省民政厅确认）：${placeholders.map((p) => `${p.code} ${p.name}`).join('、')}`}
        />
      )}
      {r.referrals.length > 0 && (
        <Alert type="info" showIcon style={{ margin: '8px 0' }} message={`转介建议：${r.referrals.join('；')}`} />
      )}
      {previous && <AssessmentComparison before={previous} after={a} />}
      <ExplanationList steps={a.explanation} />
    </Card>
  );
}

/** 核算 tab of the household page: recipient status, run a 核算, the decision and its explanation, history. */
export function AssessmentTab({ householdId, canRun }: { householdId: string; canRun: boolean }) {
  const list = useHouseholdAssessments(householdId);
  const run = useRunAssessment(householdId);
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string | null>(null);
  const [refDate, setRefDate] = useState<dayjs.Dayjs>(dayjs());
  const [classOpen, setClassOpen] = useState(false);
  const shownId = selected ?? list.data?.items[0]?.id ?? null;
  const shown = useAssessment(shownId);
  const history = list.data?.items ?? [];
  // the list is newest first: the decision before the one shown is the next row
  const shownAt = history.findIndex((i) => i.id === shownId);
  const previous = useAssessment(shownAt >= 0 ? (history[shownAt + 1]?.id ?? null) : null);

  if (list.isPending) return <Skeleton active />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const { benefit, events, items } = list.data;

  const submit = () =>
    run.mutate(refDate.format('YYYY-MM-DD'), {
      onSuccess: (a) => {
        setSelected(a.id);
        void message.success('核算完成');
      },
      onError: (e) => void message.error(errorMessage(e)),
    });

  return (
    <Flex vertical gap={12}>
      <Card size="small" title="低保待遇状态">
        {benefit ? (
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} data-testid="benefit-status">
            <Descriptions.Item label="状态">
              <RecipientStatusTag status={benefit.status} />
            </Descriptions.Item>
            <Descriptions.Item label={benefit.gradualExitSchedule ? '本月保障金' : '月保障金'}>{formatFen(benefit.monthlyAmountFen)}元</Descriptions.Item>
            <Descriptions.Item label="享受起始月">{benefit.sinceMonth}</Descriptions.Item>
            {benefit.gradualExitFrom && (
              <Descriptions.Item label="渐退期">
                {benefit.gradualExitFrom} 至 {benefit.gradualExitUntil}
              </Descriptions.Item>
            )}
            {benefit.gradualExitSchedule && (
              <Descriptions.Item label="逐步减发" span="filled">
                <span data-testid="gradual-exit-schedule">{scheduleText(benefit.gradualExitSchedule)}（R44.2）</span>
              </Descriptions.Item>
            )}
            {benefit.review && (
              <Descriptions.Item label="期满复核">
                <GradualExitReviewTag review={benefit.review} />
              </Descriptions.Item>
            )}
            {benefit.status !== 'STOPPED' && (
              <Descriptions.Item label="定期复核">
                <Flex gap={4} align="center" wrap>
                  {benefit.periodicReview && <PeriodicReviewTag review={benefit.periodicReview} />}
                  <Typography.Text type="secondary" data-testid="review-class">
                    {REVIEW_CLASS_LABELS[benefit.reviewClass as ReviewClass] ?? benefit.reviewClass}
                    {benefit.periodicReview ? `，每${benefit.periodicReview.intervalMonths}个月` : ''}
                    {benefit.periodicReview?.extension
                      ? `，因“${benefit.periodicReview.extension.emergency}”延期${benefit.periodicReview.extension.months}个月（P61）`
                      : ''}
                  </Typography.Text>
                  {canRun && (
                    <Button type="link" size="small" onClick={() => setClassOpen(true)} data-testid="review-class-edit">
                      调整
                    </Button>
                  )}
                </Flex>
              </Descriptions.Item>
            )}
          </Descriptions>
        ) : list.data.unregisteredOnRoster ? (
          <Alert
            type="warning"
            showIcon
            data-testid="unregistered-on-roster"
            message={
              items.length > 0
                ? '在册待核定：本户持有低保类别，但核算未确认符合条件，尚无待遇记录。应入户核实后重新核算：符合的自动登记待遇；不符合的在“类别”中依程序终止低保类别，并书面告知理由（R43）。'
                : '在册待核定：本户持有低保类别，尚未核算、没有待遇记录。核算确认符合条件后自动登记待遇（R4）。'
            }
          />
        ) : (
          <Typography.Text type="secondary">尚未登记低保待遇（经申请审核确认后纳入，或已有低保类别的家庭首次核算时登记）。</Typography.Text>
        )}
        {benefit?.review && benefit.review.stage !== 'IN_PERIOD' && (
          <Alert
            style={{ marginTop: 8 }}
            showIcon
            type={benefit.review.stage === 'OVERDUE' ? 'error' : benefit.review.stage === 'REVIEW_DUE' ? 'warning' : 'info'}
            message={benefit.review.text}
            data-testid="gradual-exit-alert"
          />
        )}
        {benefit?.periodicReview && benefit.periodicReview.stage !== 'NOT_DUE' && (
          <Alert
            style={{ marginTop: 8 }}
            showIcon
            type={benefit.periodicReview.stage === 'OVERDUE' ? 'error' : 'warning'}
            message={benefit.periodicReview.text}
            data-testid="periodic-review-alert"
          />
        )}
        {benefit && canRun && (
          <ReviewClassModal householdId={householdId} current={benefit.reviewClass as ReviewClass} open={classOpen} onClose={() => setClassOpen(false)} />
        )}
        {events.length > 0 && (
          <Timeline
            style={{ marginTop: 12, marginBottom: 0 }}
            items={events.map((e) => ({
              color: RECIPIENT_STATUS_COLOR[e.toStatus] === 'default' ? 'gray' : RECIPIENT_STATUS_COLOR[e.toStatus],
              children: (
                <>
                  <b>{e.effectiveMonth}起</b> {e.fromStatus ? `${RECIPIENT_STATUS_LABELS[e.fromStatus] ?? e.fromStatus} → ` : ''}
                  {RECIPIENT_STATUS_LABELS[e.toStatus] ?? e.toStatus}，月保障金{formatFen(e.monthlyAmountFen)}元
                  <Typography.Text type="secondary">
                    {' '}
                    （{e.decidedOn}决定，{e.createdByName ?? '系统'}）{e.reason}
                  </Typography.Text>
                </>
              ),
            }))}
          />
        )}
      </Card>
      {canRun && (
        <Flex gap={8} align="center" wrap>
          <span>核算基准日</span>
          <DatePicker
            value={refDate}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(d) => d && setRefDate(d)}
            aria-label="核算基准日"
          />
          <Button type="primary" icon={<CalculatorOutlined />} loading={run.isPending} onClick={submit} data-testid="run-assessment">
            按现行政策核算
          </Button>
          <Typography.Text type="secondary">按基准日有效的政策参数计算，结果与说明一并存档。</Typography.Text>
        </Flex>
      )}
      {run.isError && <Alert type="error" showIcon message={errorMessage(run.error)} data-testid="assessment-error" />}
      {shownId ? (
        shown.isPending ? (
          <Skeleton active />
        ) : shown.isError ? (
          <QueryError error={shown.error} onRetry={() => void shown.refetch()} />
        ) : (
          <AssessmentDetail a={shown.data} previous={previous.data ?? null} />
        )
      ) : (
        <Empty description="尚无核算记录" />
      )}
      {items.length > 1 && (
        <Card size="small" title="核算记录">
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={items}
            onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer' } })}
            rowClassName={(r) => (r.id === shownId ? 'ant-table-row-selected' : '')}
            scroll={{ x: 640 }}
            columns={[
              { title: '核算时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
              { title: '基准日', dataIndex: 'referenceDate' },
              { title: '结论', dataIndex: 'classification', render: (c: string) => classificationTag(c) },
              { title: '月人均收入', dataIndex: 'perCapitaMonthlyFen', render: (v: number) => `${formatFen(v)}元` },
              { title: '标准', dataIndex: 'standardMonthlyFen', render: (v: number) => `${formatFen(v)}元` },
              { title: '月保障金', dataIndex: 'dibaoAmountFen', render: (v: number | null) => (v == null ? '—' : `${formatFen(v)}元`) },
              { title: '方式', dataIndex: 'trigger', render: (v: string) => ({ BATCH: '批量', DEPT_DATA: '部门数据复核' })[v] ?? '人工' },
              { title: '经办人', dataIndex: 'createdByName', render: (v: string | null) => v ?? '系统' },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
