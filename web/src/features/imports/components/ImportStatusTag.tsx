import { Tag } from 'antd';
import { IMPORT_STATUS_LABELS, labelOf } from '../../../lib/labels';

const COLORS: Record<string, string> = {
  UPLOADED: 'default',
  VALIDATING: 'processing',
  INVALID: 'warning',
  APPLYING: 'processing',
  APPLIED: 'success',
  FAILED: 'error',
};

export function ImportStatusTag({ status }: { status: string }) {
  return <Tag color={COLORS[status] ?? 'default'}>{labelOf(IMPORT_STATUS_LABELS, status)}</Tag>;
}
