import { Alert, App, Button, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { isConflict, applyFieldErrors, errorMessage, messageForCode } from '../../../lib/errors';
import { HOUSEHOLD_STATUS_LABELS, optionsOf, URBAN_RURAL_LABELS } from '../../../lib/labels';
import type { HouseholdDetail, UpdateHouseholdBody } from '../api';
import { useUpdateHousehold } from '../hooks/useUpdateHousehold';

interface Values {
  address: string;
  urbanRural: 'URBAN' | 'RURAL';
  status: 'ACTIVE' | 'CANCELLED';
}

/**
 * 编辑家庭: PATCH /api/households/:id with the version read; a 409 means someone else
 * saved first: 「数据已被他人修改，请刷新后重试」 with 「刷新」.
 */
export function HouseholdEditModal({ household, open, onClose, onRefresh }: { household: HouseholdDetail; open: boolean; onClose: () => void; onRefresh: () => void }) {
  const [form] = Form.useForm<Values>();
  const update = useUpdateHousehold(household.id);
  const { message } = App.useApp();
  const [conflict, setConflict] = useState(false);

  useEffect(() => {
    if (open) {
      setConflict(false);
      form.setFieldsValue({
        address: household.address,
        urbanRural: household.urbanRural as Values['urbanRural'],
        status: household.status as Values['status'],
      });
    }
  }, [open, household, form]);

  const submit = (v: Values) => {
    const body: UpdateHouseholdBody = { version: household.version };
    if (v.address.trim() !== household.address) body.address = v.address.trim();
    if (v.urbanRural !== household.urbanRural) body.urbanRural = v.urbanRural;
    if (v.status !== household.status) body.status = v.status;
    update.mutate(body, {
      onSuccess: () => {
        void message.success('已保存');
        onClose();
      },
      onError: (e) => {
        if (isConflict(e)) {
          setConflict(true);
          return;
        }
        applyFieldErrors(form, e);
        void message.error(errorMessage(e));
      },
    });
  };

  return (
    <Modal title="编辑家庭" open={open} onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={update.isPending} destroyOnHidden>
      {conflict && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={messageForCode('CONFLICT')}
          data-testid="version-conflict"
          action={
            <Button
              size="small"
              onClick={() => {
                onRefresh();
                onClose();
              }}
            >
              刷新
            </Button>
          }
        />
      )}
      <Form<Values> form={form} name="household-edit" layout="vertical" onFinish={submit}>
        <Form.Item label="地址" name="address" rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="城乡类别" name="urbanRural" rules={[{ required: true, message: '请选择城乡类别' }]}>
          <Select options={optionsOf(URBAN_RURAL_LABELS)} />
        </Form.Item>
        <Form.Item label="状态" name="status" rules={[{ required: true }]}>
          <Select options={optionsOf(HOUSEHOLD_STATUS_LABELS)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
