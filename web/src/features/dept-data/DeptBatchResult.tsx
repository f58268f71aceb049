import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Progress, Skeleton, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { DEPT_MATCH_STATUS_LABELS, type DeptMatchStatus } from '../../../../src/domain/monitoring/sources';
import { DataTable } from '../../components/DataTable';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/dates';
import { messageForCode } from '../../lib/errors';
import { formatFen } from '../../lib/money';
import { reportUrl, RUNNING_DEPT_STATUSES, type DeptBatch } from './api';
import { DeptBatchStatusTag } from './DeptBatchStatusTag';
import { useDeptBatch, useDeptBatchErrors, useDeptBatchRecords } from './useDeptBatches';

function percentOf(b: DeptBatch): number {
  if (!b.totalRows) return b.status === 'APPLIED' ? 100 : 0;
  return Math.min(100, Math.floor((b.processedRows * 100) / b.totalRows));
}

const MATCH_COLORS: Record<string, string> = { MATCHED: 'green', UNMATCHED: 'default', NAME_MISMATCH: 'orange', BIRTH_MISMATCH: 'orange' };

/** One batch: progress while running; the row report when INVALID; counts and matched rows when APPLIED. */
export function DeptBatchResult({ batchId }: { batchId: string }) {
  const q = useDeptBatch(batchId);
  const [errorPage, setErrorPage] = useState(1);
  const [recordPage, setRecordPage] = useState(1);
  const b = q.data;
  const errors = useDeptBatchErrors(batchId, errorPage, b?.status === 'INVALID');
  const records = useDeptBatchRecords(batchId, recordPage, b?.status === 'APPLIED');
  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (!b) return null;
  const running = RUNNING_DEPT_STATUSES.includes(b.status);
  return (
    <div data-testid="dept-batch-result">
      {b.duplicate && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="该数据此前已接收，以下为原批次结果，不会重复写入。" />}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: 'file', label: '文件', children: b.fileName ?? '接口报送' },
          { key: 'status', label: '状态', children: <DeptBatchStatusTag status={b.status} /> },
          { key: 'rows', label: '行数', children: `${b.processedRows} / ${b.totalRows}` },
          { key: 'mapping', label: '字段对应版本', children: b.mappingVersion ?? 0 },
          { key: 'matched', label: '匹配', children: b.matched },
          { key: 'unmatched', label: '未在册', children: b.unmatched },
          { key: 'mismatched', label: '信息不一致', children: b.mismatched },
          { key: 'facts', label: '写入登记库', children: b.factsApplied },
          { key: 'clues', label: '产生预警', children: b.cluesRaised },
          { key: 'at', label: '接收时间', children: formatDateTime(b.receivedAt) },
        ]}
      />
      <Progress
        percent={percentOf(b)}
        status={b.status === 'FAILED' || b.status === 'INVALID' ? 'exception' : running ? 'active' : 'success'}
        aria-label="处理进度"
        style={{ marginBlock: 12 }}
      />
      {b.status === 'FAILED' && <Alert type="error" showIcon title="处理失败" description={messageForCode(b.failureCode ?? 'DEPT_BATCH_FAILED')} />}
      {b.status === 'INVALID' && (
        <>
          <Alert
            type="warning"
            showIcon
            title={`发现 ${b.errorCount} 处错误，整批数据未写入`}
            description="请下载错误报告，按行号修改后重新上传。"
            action={
              <Button icon={<DownloadOutlined />} href={reportUrl(b.id)} download>
                下载错误报告
              </Button>
            }
          />
          {errors.isError && <QueryError error={errors.error} onRetry={() => void errors.refetch()} />}
          <DataTable
            size="small"
            rowKey={(r) => `${r.rowNo}-${r.column}-${r.code}`}
            loading={errors.isPending}
            dataSource={errors.data?.items ?? []}
            style={{ marginTop: 12 }}
            pagination={{ current: errorPage, pageSize: 20, total: errors.data?.total ?? 0, onChange: setErrorPage, hideOnSinglePage: true }}
            columns={[
              { title: '行号', dataIndex: 'rowNo', width: 70, render: (v: number) => (v > 0 ? v : '—') },
              { title: '列', dataIndex: 'column', width: 140 },
              { title: '错误说明', dataIndex: 'message' },
              { title: '原值', dataIndex: 'value', width: 160 },
            ]}
          />
        </>
      )}
      {b.status === 'APPLIED' && (
        <Tabs
          items={[
            {
              key: 'records',
              label: '记录与匹配结果',
              children: (
                <DataTable
                  size="small"
                  rowKey="id"
                  loading={records.isPending}
                  dataSource={records.data?.items ?? []}
                  pagination={{ current: recordPage, pageSize: 20, total: records.data?.total ?? 0, onChange: setRecordPage, hideOnSinglePage: true }}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    { title: '行号', dataIndex: 'rowNo', width: 70 },
                    { title: '身份证号', dataIndex: 'idNumber' },
                    { title: '姓名', dataIndex: 'name' },
                    {
                      title: '匹配',
                      dataIndex: 'matchStatus',
                      render: (s: string) => <Tag color={MATCH_COLORS[s]}>{DEPT_MATCH_STATUS_LABELS[s as DeptMatchStatus] ?? s}</Tag>,
                    },
                    { title: '日期', dataIndex: 'eventDate', render: (v: string | null) => v ?? '—' },
                    { title: '金额', dataIndex: 'amountFen', align: 'right', render: (v: number | null) => (v === null ? '—' : formatFen(v)) },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
