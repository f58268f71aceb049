import { Tag } from 'antd';

const STATUS: Record<string, { text: string; color: string }> = {
  RECEIVED: { text: '已接收', color: 'default' },
  VALIDATING: { text: '校验中', color: 'processing' },
  APPLYING: { text: '写入中', color: 'processing' },
  APPLIED: { text: '已完成', color: 'success' },
  INVALID: { text: '有错误', color: 'warning' },
  FAILED: { text: '失败', color: 'error' },
};

export function DeptBatchStatusTag({ status }: { status: string }) {
  const s = STATUS[status] ?? { text: status, color: 'default' };
  return <Tag color={s.color}>{s.text}</Tag>;
}
