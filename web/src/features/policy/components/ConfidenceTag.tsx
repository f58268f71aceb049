import { Tag, Tooltip } from 'antd';

/** 官方 (green) or 占位值，待确认 (orange, the note as tooltip): POLICY.md §0.1. */
export function ConfidenceTag({ confidence, note }: { confidence: string; note?: string | null | undefined }) {
  if (confidence === 'OFFICIAL') {
    return (
      <Tooltip title={note || undefined}>
        <Tag color="green" data-testid="confidence-official">
          官方
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={note || '数值尚未经主管部门正式文件确认'}>
      <Tag color="orange" data-testid="confidence-placeholder">
        占位值，待确认
      </Tag>
    </Tooltip>
  );
}
