import { App, Form, Input, Modal, Switch } from 'antd';
import { useEffect } from 'react';
import { applyFieldErrors, errorMessage } from '../../../lib/errors';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import type { CreateUserBody, UpdateUserBody, UserView } from '../api';
import { useUserMutations } from '../hooks/useUserMutations';

interface Values {
  username: string;
  displayName: string;
  regionCode: string;
  phone?: string;
  disabled?: boolean;
}

/** 新建用户 (user == null) or 编辑用户. A new account's one-time password goes to `onCreated`. */
export function UserFormModal({
  open,
  user,
  onClose,
  onCreated,
}: {
  open: boolean;
  user: UserView | null;
  onClose: () => void;
  onCreated: (username: string, oneTimePassword: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const m = useUserMutations();
  const { message } = App.useApp();
  const editing = !!user;
  const pending = m.create.isPending || m.update.isPending;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) {
      form.setFieldsValue({ username: user.username, displayName: user.displayName, regionCode: user.regionCode, phone: user.phone ?? '', disabled: user.disabled });
    }
  }, [open, user, form]);

  const onError = (e: unknown) => {
    const { mapped } = applyFieldErrors(form, e);
    if (!mapped) {
      const code = (e as { code?: string }).code;
      if (code === 'USER_USERNAME_TAKEN') form.setFields([{ name: 'username', errors: [errorMessage(e)] }]);
      else void message.error(errorMessage(e));
    }
  };

  const submit = (v: Values) => {
    const phone = v.phone?.trim() ?? '';
    if (!user) {
      const body: CreateUserBody = { username: v.username.trim(), displayName: v.displayName.trim(), regionCode: v.regionCode };
      if (phone) body.phone = phone;
      m.create.mutate(body, {
        onSuccess: (r) => {
          onClose();
          onCreated(body.username, r.oneTimePassword);
        },
        onError,
      });
      return;
    }
    const body: UpdateUserBody = {};
    if (v.displayName.trim() !== user.displayName) body.displayName = v.displayName.trim();
    if (v.regionCode !== user.regionCode) body.regionCode = v.regionCode;
    if (!!v.disabled !== user.disabled) body.disabled = !!v.disabled;
    if (phone !== (user.phone ?? '')) body.phone = phone || null;
    m.update.mutate(
      { id: user.id, body },
      {
        onSuccess: () => {
          void message.success('已保存');
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <Modal title={editing ? '编辑用户' : '新建用户'} open={open} onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={pending} destroyOnHidden>
      <Form<Values> form={form} name="user-form" layout="vertical" onFinish={submit}>
        <Form.Item
          label="用户名"
          name="username"
          rules={[
            { required: true, whitespace: true, message: '请输入用户名' },
            { max: 64 },
            { pattern: /^[A-Za-z0-9_.@-]+$/, message: '用户名只能包含字母、数字和 _ . @ -' },
          ]}
        >
          <Input maxLength={64} disabled={editing} autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="所属区域" name="regionCode" rules={[{ required: true, message: '请选择所属区域' }]}>
          <RegionTreeSelect placeholder="选择账号管辖的区域" allowClear={false} />
        </Form.Item>
        <Form.Item label="手机号" name="phone" rules={[{ max: 32 }]}>
          <Input maxLength={32} inputMode="tel" />
        </Form.Item>
        {editing && (
          <Form.Item label="停用账号" name="disabled" valuePropName="checked">
            <Switch checkedChildren="停用" unCheckedChildren="正常" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
