import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Typography } from 'antd';

/** Shows a one-time password exactly once, with 「复制」; it is not kept anywhere after closing. */
export function OneTimePasswordModal({ value, username, onClose }: { value: string | null; username: string; onClose: () => void }) {
  const { message } = App.useApp();
  const copy = async () => {
    if (!value) return;
    try {
      await navigator.clipboard.writeText(value);
      void message.success('已复制');
    } catch {
      void message.warning('无法访问剪贴板，请手动选中复制');
    }
  };
  return (
    <Modal
      title="初始密码"
      open={!!value}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          我已记录
        </Button>
      }
      destroyOnHidden
    >
      <Alert type="warning" showIcon title="该密码只显示这一次，请当面或通过安全渠道交给用户；用户首次登录后须修改密码。" style={{ marginBottom: 16 }} />
      <Typography.Paragraph>
        用户名：<Typography.Text strong>{username}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph>
        初始密码：
        <Typography.Text code strong style={{ fontSize: 18 }} data-testid="one-time-password">
          {value}
        </Typography.Text>
        <Button icon={<CopyOutlined />} size="small" style={{ marginInlineStart: 8 }} onClick={() => void copy()}>
          复制
        </Button>
      </Typography.Paragraph>
    </Modal>
  );
}
