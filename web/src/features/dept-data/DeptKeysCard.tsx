import { Alert, Button, Card, Form, Input, Popconfirm, Select, Space, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { DEPARTMENT_LABELS } from '../../../../src/domain/monitoring/sources';
import { DataTable } from '../../components/DataTable';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import type { DeptKey } from './api';
import { useCreateDeptApiKey, useDeptApiKeys, useRevokeDeptApiKey } from './useDeptApiKeys';

/** 接口密钥 (dept:keys): issue a key (shown once), list and revoke. */
export function DeptKeysCard() {
  const keys = useDeptApiKeys(true);
  const create = useCreateDeptApiKey();
  const revoke = useRevokeDeptApiKey();
  const [shown, setShown] = useState<string | null>(null);
  const [form] = Form.useForm<{ department: string; label: string }>();
  return (
    <Card title="部门接口密钥" size="small" style={{ marginTop: 12 }}>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) =>
          create.mutate(v, {
            onSuccess: (r) => {
              setShown(r.key);
              form.resetFields();
            },
            onError: (e) => void message.error(errorMessage(e)),
          })
        }
      >
        <Form.Item name="department" rules={[{ required: true, message: '请选择部门' }]}>
          <Select style={{ width: 200 }} placeholder="部门" options={Object.entries(DEPARTMENT_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="label" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input maxLength={100} placeholder="名称，如 医保局结算平台" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          签发密钥
        </Button>
      </Form>
      {shown && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setShown(null)}
          style={{ marginTop: 12 }}
          title="密钥已签发，只显示这一次，请立即复制并安全交给对方部门"
          description={<Typography.Text copyable code>{shown}</Typography.Text>}
        />
      )}
      {keys.isError && <QueryError error={keys.error} onRetry={() => void keys.refetch()} />}
      <DataTable<DeptKey>
        size="small"
        rowKey="id"
        style={{ marginTop: 12 }}
        loading={keys.isPending}
        dataSource={keys.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '部门', dataIndex: 'departmentName' },
          { title: '名称', dataIndex: 'label' },
          { title: '密钥前缀', dataIndex: 'keyPrefix', render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
          { title: '签发人', dataIndex: 'createdByName', render: (v: string | null) => v ?? '—' },
          { title: '签发时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: '最近使用', dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? formatDateTime(v) : '未使用') },
          {
            title: '状态',
            key: 'state',
            render: (_, k) =>
              k.revokedAt ? (
                <Tag>已吊销</Tag>
              ) : (
                <Space>
                  <Tag color="green">有效</Tag>
                  <Popconfirm title="吊销后该密钥立即失效，确定吊销？" onConfirm={() => revoke.mutate(k.id, { onError: (e) => void message.error(errorMessage(e)) })}>
                    <Button size="small" danger type="link">
                      吊销
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
