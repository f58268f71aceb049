import { Collapse, Flex, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { compareAssessments, type FigureChange } from '../../../../../src/domain/policy/assessment-comparison';
import { formatDateTime } from '../../../lib/dates';
import type { AssessmentView } from '../api';

const TRIGGER: Record<string, string> = { BATCH: '批量重新核算', DEPT_DATA: '部门数据复核', MANUAL: '人工核算' };

/**
 * 与上次核算相比: the figures, parameter versions and steps that differ from the household's
 * decision before this one (compareAssessments), so that a changed amount is explained without
 * reading two explanations side by side.
 */
export function AssessmentComparison({ before, after }: { before: AssessmentView; after: AssessmentView }) {
  const c = useMemo(() => compareAssessments(before, after), [before, after]);
  const rows: FigureChange[] = [...c.figures, ...c.parameters];
  return (
    <div data-testid="assessment-comparison" style={{ margin: '8px 0 12px' }}>
      <Typography.Title level={5} style={{ marginBottom: 4 }}>
        与上次核算相比
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 6 }}>
        上次：基准日 {before.referenceDate} · {formatDateTime(before.createdAt)} {before.createdByName ?? '系统'} · {TRIGGER[before.trigger] ?? before.trigger}
      </Typography.Paragraph>
      {c.unchanged ? (
        <Typography.Text data-testid="assessment-comparison-unchanged">结论、各项数字和说明均无变化。</Typography.Text>
      ) : (
        <>
          {rows.length > 0 ? (
            <Table
              size="small"
              rowKey="label"
              pagination={false}
              dataSource={rows}
              scroll={{ x: 520 }}
              columns={[
                { title: '项目', dataIndex: 'label', width: 180 },
                { title: '上次', dataIndex: 'before', render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
                { title: '本次', dataIndex: 'after', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
              ]}
            />
          ) : (
            <Typography.Text>各项数字无变化，仅说明文字不同。</Typography.Text>
          )}
          {c.steps.length > 0 && (
            <Collapse
              size="small"
              style={{ marginTop: 8 }}
              items={[
                {
                  key: 'steps',
                  label: `说明中有变化的步骤（${c.steps.length}）`,
                  children: (
                    <Flex vertical gap={8} data-testid="assessment-comparison-steps">
                      {c.steps.map((s, i) => (
                        <div key={i}>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {s.rule && (
                              <Tag bordered={false} style={{ marginInlineEnd: 6 }}>
                                {s.rule}
                              </Tag>
                            )}
                            {s.section}
                          </Typography.Text>
                          <div>
                            <Typography.Text type="secondary">上次：</Typography.Text>
                            {s.before == null ? <Typography.Text type="secondary">（无此步）</Typography.Text> : <Typography.Text delete type="secondary">{s.before}</Typography.Text>}
                          </div>
                          <div>
                            <Typography.Text type="secondary">本次：</Typography.Text>
                            {s.after == null ? <Typography.Text type="secondary">（无此步）</Typography.Text> : <Typography.Text>{s.after}</Typography.Text>}
                          </div>
                        </div>
                      ))}
                    </Flex>
                  ),
                },
              ]}
            />
          )}
        </>
      )}
    </div>
  );
}
