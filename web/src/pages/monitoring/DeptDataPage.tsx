import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Tabs, Tag, Typography, Upload } from 'antd';
import { useSearchParams } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { usePermissions } from '../../features/auth/hooks/usePermissions';
import { templateUrl, type DeptBatch, type DeptSource } from '../../features/dept-data/api';
import { DeptBatchResult } from '../../features/dept-data/DeptBatchResult';
import { DeptBatchStatusTag } from '../../features/dept-data/DeptBatchStatusTag';
import { DeptKeysCard } from '../../features/dept-data/DeptKeysCard';
import { DeptMappingEditor } from '../../features/dept-data/DeptMappingEditor';
import { useDeptBatches, useUploadDeptBatch } from '../../features/dept-data/useDeptBatches';
import { useDeptSources } from '../../features/dept-data/useDeptSources';
import { formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';

/** 部门数据 (issue 4 §1–§3): sources, field mappings, template, upload with progress and row report, batch history, API keys. */
export default function DeptDataPage() {
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  const canUpload = can('dept:upload');
  const sourceCode = params.get('source');
  const batchId = params.get('batch');
  const tab = params.get('tab') === 'mapping' ? 'mapping' : 'upload';
  const sources = useDeptSources();
  const batches = useDeptBatches(canUpload ? sourceCode : null);
  const upload = useUploadDeptBatch();
  const source = sources.data?.find((s) => s.code === sourceCode) ?? null;

  const go = (next: { source?: string | null; batch?: string | null; tab?: string | null }) => {
    const sp = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) sp.set(k, v);
      else sp.delete(k);
    }
    setParams(sp);
  };

  if (!canUpload) {
    return (
      <PageContainer title="部门数据">
        <DeptKeysCard />
      </PageContainer>
    );
  }

  return (
    <PageContainer title="部门数据">
      <Card title="数据源" size="small" style={{ marginBottom: 12 }}>
        {sources.isError && <QueryError error={sources.error} onRetry={() => void sources.refetch()} />}
        <DataTable<DeptSource>
          size="small"
          rowKey="code"
          loading={sources.isPending}
          dataSource={sources.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowClassName={(s) => (s.code === sourceCode ? 'ant-table-row-selected' : '')}
          columns={[
            { title: '部门', dataIndex: 'departmentName' },
            { title: '数据', dataIndex: 'datasetName' },
            { title: '匹配后', dataIndex: 'applies' },
            { title: '字段对应', dataIndex: 'mappingVersion', render: (v: number) => <Tag>{v === 0 ? '默认' : `第${v}版`}</Tag> },
            {
              title: '操作',
              key: 'actions',
              render: (_, s) => (
                <Flex gap={4} wrap>
                  <Button size="small" type="link" onClick={() => go({ source: s.code, tab: null, batch: null })}>
                    上传
                  </Button>
                  <Button size="small" type="link" onClick={() => go({ source: s.code, tab: 'mapping', batch: null })}>
                    字段对应
                  </Button>
                  <Button size="small" type="link" icon={<DownloadOutlined />} href={templateUrl(s.code)} download>
                    模板
                  </Button>
                </Flex>
              ),
            },
          ]}
        />
      </Card>

      {source && (
        <Card title={`${source.departmentName} · ${source.datasetName}`} size="small" style={{ marginBottom: 12 }} extra={<Button size="small" onClick={() => go({ source: null, batch: null, tab: null })}>关闭</Button>}>
          <Tabs
            activeKey={tab}
            onChange={(k) => go({ tab: k === 'mapping' ? 'mapping' : null })}
            items={[
              {
                key: 'upload',
                label: '上传数据',
                children: (
                  <>
                    <Typography.Paragraph>
                      请按模板（第{source.mappingVersion}版字段对应）整理数据后上传 .xlsx 或 .csv。整批校验通过后才会写入；同一文件重复上传不会重复写入。
                      <Button type="link" icon={<DownloadOutlined />} href={templateUrl(source.code)} download>
                        下载模板
                      </Button>
                    </Typography.Paragraph>
                    <Upload.Dragger
                      name="file"
                      accept=".xlsx,.csv"
                      multiple={false}
                      maxCount={1}
                      showUploadList={false}
                      disabled={upload.isPending}
                      beforeUpload={(file) => (/\.(xlsx|csv)$/i.test(file.name) ? true : Upload.LIST_IGNORE)}
                      customRequest={({ file, onSuccess, onError }) =>
                        upload.mutate(
                          { sourceCode: source.code, file: file as File },
                          {
                            onSuccess: (b) => {
                              onSuccess?.(b);
                              go({ batch: b.id });
                            },
                            onError: (e) => onError?.(e instanceof Error ? e : new Error(String(e))),
                          },
                        )
                      }
                    >
                      <p className="ant-upload-drag-icon">
                        <InboxOutlined />
                      </p>
                      <p className="ant-upload-text">{upload.isPending ? '正在上传…' : '点击或拖拽文件到此处上传'}</p>
                    </Upload.Dragger>
                    {upload.isError && <Alert type="error" showIcon style={{ marginTop: 12 }} title={`上传失败：${errorMessage(upload.error)}`} />}
                  </>
                ),
              },
              { key: 'mapping', label: '字段对应', children: <DeptMappingEditor source={source} /> },
            ]}
          />
        </Card>
      )}

      {batchId && (
        <Card title="批次结果" size="small" style={{ marginBottom: 12 }} extra={<Button size="small" onClick={() => go({ batch: null })}>关闭</Button>}>
          <DeptBatchResult batchId={batchId} />
        </Card>
      )}

      <Card title={source ? `批次记录：${source.datasetName}` : '批次记录（全部数据源）'} size="small">
        {batches.isError && <QueryError error={batches.error} onRetry={() => void batches.refetch()} />}
        <DataTable<DeptBatch>
          size="small"
          rowKey="id"
          loading={batches.isPending}
          dataSource={batches.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '数据源', dataIndex: 'sourceCode', render: (c: string) => sources.data?.find((s) => s.code === c)?.datasetName ?? c },
            { title: '渠道', dataIndex: 'channel', render: (c: string) => (c === 'API' ? '接口' : '上传') },
            { title: '文件', dataIndex: 'fileName', render: (v: string | null) => v ?? '—' },
            { title: '状态', dataIndex: 'status', render: (s: string) => <DeptBatchStatusTag status={s} /> },
            { title: '行数', dataIndex: 'totalRows', align: 'right' },
            { title: '匹配', dataIndex: 'matched', align: 'right' },
            { title: '未在册', dataIndex: 'unmatched', align: 'right' },
            { title: '不一致', dataIndex: 'mismatched', align: 'right' },
            { title: '错误', dataIndex: 'errorCount', align: 'right' },
            { title: '预警', dataIndex: 'cluesRaised', align: 'right' },
            { title: '报送人', dataIndex: 'sentBy', render: (v: string | null) => v ?? '—' },
            { title: '接收时间', dataIndex: 'receivedAt', render: (v: string) => formatDateTime(v) },
            {
              title: '操作',
              key: 'actions',
              render: (_, b) => (
                <Button type="link" size="small" onClick={() => go({ batch: b.id })}>
                  查看
                </Button>
              ),
            },
          ]}
        />
      </Card>

      {can('dept:keys') && <DeptKeysCard />}
    </PageContainer>
  );
}
