import { App, Button, Drawer, Form, Grid, Space } from 'antd';
import { useEffect } from 'react';
import { applyFieldErrors, errorMessage } from '../../../lib/errors';
import type { MemberView } from '../../households/api';
import type { PersonPatch } from '../api';
import { useUpdatePerson } from '../hooks/useUpdatePerson';
import { PersonFields, toPersonPatch } from './PersonFields';

/** 编辑成员: PATCH /api/persons/:id (the identity number cannot be changed here). */
export function PersonEditDrawer({ member, onClose }: { member: MemberView | null; onClose: () => void }) {
  const [form] = Form.useForm();
  const update = useUpdatePerson();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();

  useEffect(() => {
    if (!member) return;
    const p = member.person;
    form.resetFields();
    form.setFieldsValue({
      name: p.name,
      ethnicity: p.ethnicity ?? '',
      labourCapacity: p.labourCapacity ?? undefined,
      healthStatus: p.healthStatus ?? undefined,
      seriousIllness: p.seriousIllness ?? '',
      disabilityCategory: p.disabilityCategory ?? undefined,
      disabilityGrade: p.disabilityGrade ?? undefined,
      employment: p.employment ?? undefined,
      studentStage: p.studentStage ?? undefined,
      bankName: p.bankName ?? '',
    });
  }, [member, form]);

  const submit = (values: Record<string, unknown>) => {
    if (!member) return;
    const patch = toPersonPatch(values);
    // Phone and bank account arrive masked: only send them when the officer typed a new value.
    for (const k of ['phone', 'bankAccount'] as const) if (patch[k] === null) delete patch[k];
    update.mutate(
      { personId: member.person.id, patch: patch as PersonPatch },
      {
        onSuccess: () => {
          void message.success('已保存');
          onClose();
        },
        onError: (e) => {
          applyFieldErrors(form, e);
          void message.error(errorMessage(e));
        },
      },
    );
  };

  return (
    <Drawer
      title={member ? `编辑成员：${member.person.name}` : '编辑成员'}
      open={!!member}
      onClose={onClose}
      size={screens.md ? 720 : '100%'}
      destroyOnHidden
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={update.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} name="person-edit" layout="vertical" onFinish={submit}>
        <PersonFields withIdNumber={false} columns={2} />
      </Form>
      {member && (
        <div style={{ color: '#888', fontSize: 12 }}>
          电话、银行账号以脱敏形式显示（{member.person.phone ?? '无'}、{member.person.bankAccount ?? '无'}），留空表示不修改。
        </div>
      )}
    </Drawer>
  );
}
