import { Alert, Button, Form, Input, Skeleton, Table, Tag, Timeline, Typography, message } from 'antd';
import { useEffect } from 'react';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/dates';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import type { DeptSource } from './api';
import { useDeptMapping, useSaveDeptMapping } from './useDeptMapping';

const TYPE_LABELS: Record<string, string> = { ID_NUMBER: '身份证号', TEXT: '文字', DATE: '日期', MONEY: '金额(元)', INTEGER: '整数', ENUM: '选项' };

/** 字段对应: our field → their column name; each save is a new version (history below). */
export function DeptMappingEditor({ source }: { source: DeptSource }) {
  const history = useDeptMapping(source.code);
  const save = useSaveDeptMapping(source.code);
  const [form] = Form.useForm<{ mapping: Record<string, string>; note?: string }>();
  useEffect(() => {
    if (history.data) form.setFieldsValue({ mapping: history.data.current.mapping, note: '' });
  }, [history.data, form]);
  if (history.isPending) return <Skeleton active />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;

  const onFinish = (v: { mapping: Record<string, string>; note?: string }) =>
    save.mutate(
      { mapping: v.mapping, ...(v.note ? { note: v.note } : {}) },
      {
        onSuccess: (h) => void message.success(`已保存为第 ${h.current.version} 版`),
        onError: (e) => {
          const { mapped } = applyFieldErrors(form, e);
          if (!mapped) void message.error(errorMessage(e));
        },
      },
    );

  return (
    <>
      <Typography.Paragraph type="secondary">
        当前为第 {history.data.current.version} 版{history.data.current.version === 0 ? '（默认列名）' : ''}。填写对方文件或接口中使用的列名，保存后生成新版本；之后上传的数据按新版本读取。
      </Typography.Paragraph>
      <Form form={form} onFinish={onFinish} layout="vertical">
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={[...source.fields]}
          columns={[
            { title: '我方字段', dataIndex: 'header', render: (h: string, f) => (<>{h}{f.required && <Tag color="red" style={{ marginLeft: 6 }}>必填</Tag>}</>) },
            { title: '类型', dataIndex: 'type', render: (t: string) => TYPE_LABELS[t] ?? t },
            {
              title: '对方列名',
              key: 'column',
              render: (_, f) => (
                <Form.Item name={['mapping', f.key]} style={{ margin: 0 }} rules={[{ required: true, whitespace: true, message: '请填写列名' }]}>
                  <Input maxLength={60} aria-label={`${f.header}对应的列名`} />
                </Form.Item>
              ),
            },
          ]}
        />
        <Form.Item name="note" label="说明（可选）" style={{ marginTop: 12 }}>
          <Input maxLength={500} placeholder="如：按医保局2026年11月接口文档调整" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存为新版本
        </Button>
      </Form>
      {save.isError && <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorMessage(save.error)} />}
      {history.data.versions.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            历史版本
          </Typography.Title>
          <Timeline
            items={history.data.versions.map((v) => ({
              key: v.version,
              children: `第 ${v.version} 版 · ${v.createdByName ?? '—'} · ${v.createdAt ? formatDateTime(v.createdAt) : ''}${v.note ? ` · ${v.note}` : ''}`,
            }))}
          />
        </>
      )}
    </>
  );
}
