import { DataTable } from '../../../components/DataTable';
import { Alert, Button, Card, Col, Descriptions, Progress, Row, Skeleton, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/dates';
import { messageForCode, messageForDetail } from '../../../lib/errors';
import { RUNNING_STATUSES, reportUrl, type ImportBatch, type ImportErrorItem } from '../api';
import { useImportBatch } from '../hooks/useImportBatch';
import { useImportErrors } from '../hooks/useImportErrors';
import { ImportStatusTag } from './ImportStatusTag';

function percentOf(b: ImportBatch): number {
  if (!b.totalRows) return b.status === 'APPLIED' ? 100 : 0;
  return Math.min(100, Math.floor((b.processedRows * 100) / b.totalRows));
}

function errorText(e: ImportErrorItem): string {
  if (e.message) return e.message;
  return messageForDetail({ path: e.column, code: e.code, params: { field: e.column, value: e.value ?? '', ...(e.params ?? {}) } });
}

/** 校验与导入: progress while running; the error table on INVALID; the counts on APPLIED. */
export function ImportProgress({ batchId }: { batchId: string }) {
  const q = useImportBatch(batchId);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const b = q.data;
  const errors = useImportErrors(batchId, page, pageSize, b?.status === 'INVALID' || (b?.errorCount ?? 0) > 0);

  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (!b) return null;
  const running = RUNNING_STATUSES.includes(b.status);

  return (
    <div data-testid="import-progress">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: 'file', label: '文件', children: b.fileName },
          { key: 'status', label: '状态', children: <ImportStatusTag status={b.status} /> },
          { key: 'rows', label: '行数', children: `${b.processedRows} / ${b.totalRows}` },
          { key: 'at', label: '上传时间', children: formatDateTime(b.createdAt) },
        ]}
      />
      <Progress
        percent={percentOf(b)}
        status={b.status === 'FAILED' || b.status === 'INVALID' ? 'exception' : running ? 'active' : 'success'}
        aria-label="导入进度"
        style={{ marginBlock: 12 }}
      />
      {b.status === 'FAILED' && (
        <Alert type="error" showIcon title="导入失败" description={b.failureCode ? messageForCode(b.failureCode) : '处理时发生错误，请稍后重试或联系管理员。'} />
      )}
      {b.status === 'INVALID' && (
        <>
          <Alert
            type="warning"
            showIcon
            title={`校验未通过：共 ${b.errorCount} 处错误，本批数据均未导入`}
            description="请按错误说明修改文件后重新上传。"
            action={
              <Button href={reportUrl(b.id)} download>
                下载错误报告
              </Button>
            }
            style={{ marginBottom: 12 }}
          />
          {errors.isError && <QueryError error={errors.error} onRetry={() => void errors.refetch()} />}
          <DataTable<ImportErrorItem>
            size="small"
            rowKey={(r) => `${r.rowNo}-${r.column}-${r.code}`}
            loading={errors.isFetching}
            dataSource={errors.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: page,
              pageSize,
              total: errors.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (t) => `共 ${t} 条`,
              onChange: (p, s) => {
                setPage(s !== pageSize ? 1 : p);
                setPageSize(s);
              },
            }}
            columns={[
              { title: '行号', dataIndex: 'rowNo', width: 70, align: 'right' },
              { title: '列', dataIndex: 'column', width: 120 },
              { title: '错误说明', key: 'message', render: (_, r) => errorText(r) },
              { title: '原值', dataIndex: 'value', width: 180, render: (v: string | null | undefined) => v ?? '' },
            ]}
          />
        </>
      )}
      {b.status === 'APPLIED' && (
        <Card size="small" title={<Typography.Text type="success">导入完成</Typography.Text>}>
          <Row gutter={[12, 12]}>
            {[
              ['新增家庭', b.householdsCreated],
              ['更新家庭', b.householdsUpdated],
              ['新增成员', b.membersCreated],
              ['更新成员', b.membersUpdated],
              ['未变化', b.unchangedRows],
            ].map(([label, value]) => (
              <Col key={label} xs={12} sm={8} md={4}>
                <Statistic title={label} value={value} />
              </Col>
            ))}
          </Row>
        </Card>
      )}
    </div>
  );
}
