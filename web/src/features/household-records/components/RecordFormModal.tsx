import { Col, Form, Input, Modal, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import { INCOME_SOURCE_LABELS, optionsOf } from '../../../lib/labels';
import type { MemberView } from '../../households/api';
import type { RecordForm } from '../hooks/useRecordForm';
import { memberOptions } from './member-options';

/**
 * The add dialog of a household record list: 成员 (default 全户), the record's own fields
 * (`children`, in columns of the same grid), then 来源 (default 申报), 来源说明 and, when
 * `withNote`, 备注.
 */
export function RecordFormModal<V>({
  title,
  name,
  editor,
  members,
  sourceDetailPlaceholder,
  withNote = false,
  children,
}: {
  title: string;
  /** Form name: prefixes the field ids (`income-add_amountYuan`). */
  name: string;
  editor: RecordForm<V>;
  members: MemberView[];
  sourceDetailPlaceholder?: string;
  withNote?: boolean;
  children: ReactNode;
}) {
  return (
    <Modal
      title={title}
      open={editor.open}
      onCancel={editor.hide}
      onOk={() => editor.form.submit()}
      okText="保存"
      confirmLoading={editor.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<V> form={editor.form} name={name} layout="vertical" onFinish={editor.submit} initialValues={{ personId: '', source: 'DECLARED' }}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label="成员" name="personId">
              <Select options={memberOptions(members)} />
            </Form.Item>
          </Col>
          {children}
          <Col xs={24} sm={12}>
            <Form.Item label="来源" name="source" rules={[{ required: true, message: '请选择来源' }]}>
              <Select options={optionsOf(INCOME_SOURCE_LABELS)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="来源说明" name="sourceDetail" rules={[{ max: 200 }]}>
              <Input maxLength={200} placeholder={sourceDetailPlaceholder} />
            </Form.Item>
          </Col>
          {withNote && (
            <Col span={24}>
              <Form.Item label="备注" name="note" rules={[{ max: 500 }]}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
