import { Alert, App, Button, Col, DatePicker, Drawer, Form, Grid, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { isApiError, type ApiError } from '../../../lib/api-client';
import { dayjs } from '../../../lib/dates';
import { applyFieldErrors, errorMessage } from '../../../lib/errors';
import { RELATIONSHIP_LABELS } from '../../../lib/labels';
import type { AddMemberBody } from '../api';
import { useAddMember } from '../hooks/useAddMember';
import { PersonFields, toPersonInput } from './PersonFields';

const RELATIONSHIP_OPTIONS = Object.entries(RELATIONSHIP_LABELS)
  .filter(([k]) => k !== 'HEAD')
  .map(([value, label]) => ({ value, label }));

/** The answer when the person is an active member of another household. */
const IN_OTHER_HOUSEHOLD = new Set(['REGISTRY_PERSON_IN_OTHER_HOUSEHOLD', 'PERSON_ALREADY_IN_HOUSEHOLD']);

function otherHouseholdNo(e: ApiError): string | null {
  for (const d of e.details) {
    const no = d.params?.householdNo;
    if (typeof no === 'string' || typeof no === 'number') return String(no);
  }
  return null;
}

/**
 * 添加成员: POST /api/households/:id/members. When the person already belongs to another
 * household (409), name that household and offer 「迁入本户」 (moveFromOtherHousehold).
 */
export function AddMemberDrawer({ householdId, open, onClose }: { householdId: string; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const add = useAddMember(householdId);
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [conflict, setConflict] = useState<{ body: AddMemberBody; householdNo: string | null } | null>(null);

  const close = () => {
    setConflict(null);
    add.reset();
    form.resetFields();
    onClose();
  };

  const send = (body: AddMemberBody) => {
    add.mutate(body, {
      onSuccess: () => {
        void message.success(body.moveFromOtherHousehold ? '已迁入本户' : '已添加成员');
        close();
      },
      onError: (e) => {
        if (isApiError(e) && e.status === 409 && IN_OTHER_HOUSEHOLD.has(e.code) && !body.moveFromOtherHousehold) {
          setConflict({ body, householdNo: otherHouseholdNo(e) });
          return;
        }
        applyFieldErrors(form, e);
        void message.error(errorMessage(e));
      },
    });
  };

  const submit = (v: Record<string, unknown>) => {
    setConflict(null);
    const joinedOn = v.joinedOn ? (v.joinedOn as dayjs.Dayjs).format('YYYY-MM-DD') : undefined;
    const body = { ...toPersonInput(v), relationship: v.relationship, ...(joinedOn ? { joinedOn } : {}) } as AddMemberBody;
    send(body);
  };

  return (
    <Drawer
      title="添加成员"
      open={open}
      onClose={close}
      size={screens.md ? 760 : '100%'}
      destroyOnHidden
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={close}>取消</Button>
          <Button type="primary" loading={add.isPending && !conflict} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="member-conflict"
          title={`该人员已是其他家庭${conflict.householdNo ? `（户编号 ${conflict.householdNo}）` : ''}的成员`}
          description="如确属本户成员，可迁入本户：原家庭保留其历史记录并记为移出。"
          action={
            <Button
              type="primary"
              size="small"
              loading={add.isPending}
              onClick={() => send({ ...conflict.body, moveFromOtherHousehold: true })}
            >
              迁入本户
            </Button>
          }
        />
      )}
      <Form form={form} name="member-add" layout="vertical" onFinish={submit} initialValues={{ joinedOn: dayjs() }}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label="与户主关系" name="relationship" rules={[{ required: true, message: '请选择与户主关系' }]}>
              <Select options={RELATIONSHIP_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="加入日期" name="joinedOn">
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
        </Row>
        <PersonFields columns={2} />
      </Form>
    </Drawer>
  );
}
