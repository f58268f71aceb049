import { App, Button, Popconfirm, type TableColumnsType } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { INCOME_SOURCE_LABELS, labelOf } from '../../../lib/labels';

/** What every household record (收入, 财产, 刚性支出) carries besides its own fields. */
export interface RecordRow {
  id: string;
  personName: string | null;
  source: string;
  sourceDetail: string | null;
  recordedByName: string | null;
  recordedAt: string;
}

/**
 * A household record list: 成员, the record's own `columns`, its provenance (来源,
 * 来源说明, 备注 when `withNote`, 登记人, 登记时间) and, for writers, 删除 behind a
 * confirmation titled `deleteTitle`.
 */
export function RecordTable<T extends RecordRow>({
  records,
  columns,
  withNote = false,
  canWrite,
  deleteTitle,
  onDelete,
}: {
  records: T[];
  columns: TableColumnsType<T>;
  withNote?: boolean;
  canWrite: boolean;
  deleteTitle: string;
  onDelete: (itemId: string) => Promise<unknown>;
}) {
  const all: TableColumnsType<T> = [
    { title: '成员', dataIndex: 'personName', width: 90, render: (v: string | null) => v ?? '全户' },
    ...columns,
    { title: '来源', dataIndex: 'source', width: 90, render: (v: string) => labelOf(INCOME_SOURCE_LABELS, v) },
    { title: '来源说明', dataIndex: 'sourceDetail', width: 140, render: (v: string | null) => v ?? '—' },
    ...(withNote ? [{ title: '备注', dataIndex: 'note', width: 140, render: (v: string | null) => v ?? '—' }] : []),
    { title: '登记人', dataIndex: 'recordedByName', width: 90, render: (v: string | null) => v ?? '—' },
    { title: '登记时间', dataIndex: 'recordedAt', width: 140, render: (v: string) => formatDateTime(v) },
  ];
  if (canWrite) {
    all.push({
      title: '操作',
      key: 'actions',
      fixed: 'right',
      width: 80,
      render: (_, r) => <DeleteRecordButton title={deleteTitle} onConfirm={() => onDelete(r.id)} />,
    });
  }
  return <DataTable<T> rowKey="id" size="small" columns={all} dataSource={records} pagination={false} scroll={{ x: 'max-content' }} />;
}

function DeleteRecordButton({ title, onConfirm }: { title: string; onConfirm: () => Promise<unknown> }) {
  const { message } = App.useApp();
  return (
    <Popconfirm
      title={title}
      okText="删除"
      cancelText="取消"
      onConfirm={() =>
        onConfirm().then(
          () => void message.success('已删除'),
          (e: unknown) => void message.error(errorMessage(e)),
        )
      }
    >
      <Button type="link" size="small" danger>
        删除
      </Button>
    </Popconfirm>
  );
}
