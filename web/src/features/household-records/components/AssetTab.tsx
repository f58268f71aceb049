import { DataTable } from '../../../components/DataTable';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Flex, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, type TableProps } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../lib/dates';
import { applyFieldErrors, errorMessage } from '../../../lib/errors';
import { ASSET_TYPE_LABELS, INCOME_SOURCE_LABELS, labelOf, optionsOf } from '../../../lib/labels';
import { formatFen, parseYuan, yuanRule } from '../../../lib/money';
import type { MemberView } from '../../households/api';
import type { AssetInput, AssetView } from '../api';
import { useAddAsset } from '../hooks/useAddAsset';
import { useRemoveAsset } from '../hooks/useRemoveAsset';
import { memberOptions, personIdOrNull } from './member-options';

interface AssetValues {
  personId: string;
  assetType: string;
  description?: string;
  quantity?: number | null;
  unit?: string;
  valueYuan?: string;
  source: string;
  sourceDetail?: string;
}

/** 财产: list and 登记财产 (value entered in 元, sent as integer 分). */
export function AssetTab({ householdId, assets, members, canWrite }: { householdId: string; assets: AssetView[]; members: MemberView[]; canWrite: boolean }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<AssetValues>();
  const add = useAddAsset(householdId);
  const remove = useRemoveAsset(householdId);
  const { message } = App.useApp();

  const submit = (v: AssetValues) => {
    const valueText = (v.valueYuan ?? '').trim();
    let valueFen: number | null = null;
    if (valueText) {
      const r = parseYuan(valueText);
      if (!r.ok) {
        form.setFields([{ name: 'valueYuan', errors: [r.message] }]);
        return;
      }
      valueFen = r.fen;
    }
    const body: AssetInput = {
      personId: personIdOrNull(v.personId),
      assetType: v.assetType as AssetInput['assetType'],
      description: v.description?.trim() ?? '',
      quantity: v.quantity ?? null,
      unit: v.unit?.trim() || null,
      valueFen,
      source: v.source as AssetInput['source'],
      sourceDetail: v.sourceDetail?.trim() || null,
    };
    add.mutate(body, {
      onSuccess: () => {
        void message.success('已登记财产');
        form.resetFields();
        setOpen(false);
      },
      onError: (e) => {
        applyFieldErrors(form, e, { mapPath: (p) => [String(p[0]) === 'valueFen' ? 'valueYuan' : String(p[0])] });
        void message.error(errorMessage(e));
      },
    });
  };

  const columns: TableProps<AssetView>['columns'] = [
    { title: '成员', dataIndex: 'personName', width: 90, render: (v: string | null) => v ?? '全户' },
    { title: '财产类型', dataIndex: 'assetType', width: 140, render: (v: string) => labelOf(ASSET_TYPE_LABELS, v) },
    { title: '描述', dataIndex: 'description', width: 200, render: (v: string) => v || '—' },
    { title: '数量', key: 'quantity', width: 90, align: 'right', render: (_, r) => (r.quantity === null ? '—' : `${r.quantity}${r.unit ?? ''}`) },
    { title: '价值（元）', dataIndex: 'valueFen', width: 120, align: 'right', render: (v: number | null) => formatFen(v) },
    { title: '来源', dataIndex: 'source', width: 90, render: (v: string) => labelOf(INCOME_SOURCE_LABELS, v) },
    { title: '来源说明', dataIndex: 'sourceDetail', width: 140, render: (v: string | null) => v ?? '—' },
    { title: '登记人', dataIndex: 'recordedByName', width: 90, render: (v: string | null) => v ?? '—' },
    { title: '登记时间', dataIndex: 'recordedAt', width: 140, render: (v: string) => formatDateTime(v) },
  ];
  if (canWrite) {
    columns.push({
      title: '操作',
      key: 'actions',
      fixed: 'right',
      width: 80,
      render: (_, r) => (
        <Popconfirm
          title="确定删除这条财产记录？"
          okText="删除"
          cancelText="取消"
          onConfirm={() =>
            remove.mutateAsync({ itemId: r.id }).then(
              () => void message.success('已删除'),
              (e: unknown) => void message.error(errorMessage(e)),
            )
          }
        >
          <Button type="link" size="small" danger>
            删除
          </Button>
        </Popconfirm>
      ),
    });
  }

  return (
    <>
      {canWrite && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            登记财产
          </Button>
        </Flex>
      )}
      <DataTable<AssetView> rowKey="id" size="small" columns={columns} dataSource={assets} pagination={false} scroll={{ x: 'max-content' }} />
      <Modal title="登记财产" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="保存" confirmLoading={add.isPending} destroyOnHidden width={640}>
        <Form<AssetValues> form={form} name="asset-add" layout="vertical" onFinish={submit} initialValues={{ personId: '', source: 'DECLARED' }}>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item label="成员" name="personId">
                <Select options={memberOptions(members)} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label="财产类型" name="assetType" rules={[{ required: true, message: '请选择财产类型' }]}>
                <Select options={optionsOf(ASSET_TYPE_LABELS)} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item label="描述" name="description" rules={[{ max: 200 }]}>
                <Input maxLength={200} placeholder="如：砖混结构住房 80 平方米；牦牛" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item label="数量" name="quantity">
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item label="单位" name="unit" rules={[{ max: 16 }]}>
                <Input maxLength={16} placeholder="如：头、辆、套" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label="价值（元）" name="valueYuan" rules={[yuanRule(false, '价值')]}>
                <Input inputMode="decimal" suffix="元" maxLength={20} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label="来源" name="source" rules={[{ required: true, message: '请选择来源' }]}>
                <Select options={optionsOf(INCOME_SOURCE_LABELS)} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label="来源说明" name="sourceDetail" rules={[{ max: 200 }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
    </>
  );
}
