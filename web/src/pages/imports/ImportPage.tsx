import { DataTable } from '../../components/DataTable';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Steps, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { templateUrl, type ImportBatch } from '../../features/imports/api';
import { ImportProgress } from '../../features/imports/components/ImportProgress';
import { ImportStatusTag } from '../../features/imports/components/ImportStatusTag';
import { ImportUpload } from '../../features/imports/components/ImportUpload';
import { useImportList } from '../../features/imports/hooks/useImportList';
import { formatDateTime } from '../../lib/dates';

/** 数据导入: 下载模板 → 上传文件 → 校验与导入 (step and batch kept in the URL), then recent batches. */
export default function ImportPage() {
  const [params, setParams] = useSearchParams();
  const batchId = params.get('batch');
  const step = batchId ? 2 : params.get('step') === '1' ? 1 : 0;
  const list = useImportList();

  const go = (next: { step?: number; batch?: string }) => {
    const sp = new URLSearchParams();
    if (next.batch) sp.set('batch', next.batch);
    else if (next.step) sp.set('step', String(next.step));
    setParams(sp);
  };

  return (
    <PageContainer title="数据导入">
      <Card style={{ marginBottom: 12 }}>
        <Steps
          current={step}
          size="small"
          style={{ marginBottom: 24 }}
          items={[{ title: '下载模板' }, { title: '上传文件' }, { title: '校验与导入' }]}
        />
        {step === 0 && (
          <div>
            <Typography.Paragraph>请下载导入模板，按模板填写家庭及成员信息。身份证号列请设为“文本”格式，金额单位为元。</Typography.Paragraph>
            <Typography.Paragraph type="secondary">
              特困人员可同时填写救助认定信息：供养方式、供养机构、供养起始日期，不能自理项目及评估日期，以及不计入家庭人口的原因；各列的填写要求见模板中的“填写说明”表。
            </Typography.Paragraph>
            <Flex gap={8} wrap>
              <Button icon={<DownloadOutlined />} href={templateUrl('xlsx')} download>
                下载Excel模板
              </Button>
              <Button icon={<DownloadOutlined />} href={templateUrl('csv')} download>
                下载CSV模板
              </Button>
              <Button type="primary" onClick={() => go({ step: 1 })}>
                下一步
              </Button>
            </Flex>
          </div>
        )}
        {step === 1 && (
          <div>
            <ImportUpload onUploaded={(b) => go({ batch: b.id })} />
            <Button style={{ marginTop: 12 }} onClick={() => go({ step: 0 })}>
              上一步
            </Button>
          </div>
        )}
        {step === 2 && batchId && (
          <div>
            <ImportProgress batchId={batchId} />
            <Button style={{ marginTop: 12 }} onClick={() => go({ step: 1 })}>
              继续导入其他文件
            </Button>
          </div>
        )}
      </Card>
      <Card title="最近的导入批次" size="small">
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        <DataTable<ImportBatch>
          size="small"
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '文件', dataIndex: 'fileName' },
            { title: '状态', dataIndex: 'status', render: (s: string) => <ImportStatusTag status={s} /> },
            { title: '行数', dataIndex: 'totalRows', align: 'right' },
            { title: '错误数', dataIndex: 'errorCount', align: 'right' },
            { title: '新增家庭', dataIndex: 'householdsCreated', align: 'right' },
            { title: '更新家庭', dataIndex: 'householdsUpdated', align: 'right' },
            { title: '上传人', dataIndex: 'createdByName', render: (v: string | null | undefined) => v ?? '—' },
            { title: '上传时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
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
    </PageContainer>
  );
}
