import { EyeOutlined } from '@ant-design/icons';
import { Button, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/errors';
import type { RevealField } from '../api';
import { useRevealPerson } from '../hooks/useRevealPerson';

const FIELD_NAMES: Record<RevealField, string> = { idNumber: '身份证号', phone: '电话', bankAccount: '银行账号' };

/**
 * 「查看」: asks the server for the full value (POST /api/persons/:id/reveal, audited) and
 * shows it in a popover. Nothing is kept once the popover closes.
 */
export function RevealButton({ personId, field, personName }: { personId: string; field: RevealField; personName: string }) {
  const [open, setOpen] = useState(false);
  const reveal = useRevealPerson();

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) reveal.mutate({ personId, field });
    else reveal.reset();
  };

  const content = reveal.isPending ? (
    <Spin size="small" />
  ) : reveal.isError ? (
    <Typography.Text type="danger">{errorMessage(reveal.error)}</Typography.Text>
  ) : reveal.data ? (
    <div>
      <Typography.Text copyable strong data-testid="revealed-value" style={{ fontFamily: 'monospace', fontSize: 15 }}>
        {reveal.data.value ?? '（空）'}
      </Typography.Text>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          本次查看已记入审计日志
        </Typography.Text>
      </div>
    </div>
  ) : null;

  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={onOpenChange}
      title={`${personName}的完整${FIELD_NAMES[field]}`}
      content={content}
      destroyOnHidden
    >
      <Button type="link" size="small" icon={<EyeOutlined />} style={{ paddingInline: 4 }} aria-label="查看">
        查看
      </Button>
    </Popover>
  );
}
