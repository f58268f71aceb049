import { Table, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useIsPhone } from './useIsPhone';

/**
 * Ant Design Table for this app: scrolls horizontally instead of squeezing columns, and
 * drops fixed (sticky) columns on phones, where they would cover the scrolling part.
 */
export function DataTable<T extends object>(props: TableProps<T>) {
  const isPhone = useIsPhone();
  const { columns } = props;
  const cols = useMemo(() => (isPhone && columns ? columns.map((c) => ({ ...c, fixed: undefined })) : columns), [isPhone, columns]);
  return <Table<T> size="small" {...props} scroll={{ x: 'max-content', ...props.scroll }} columns={cols} />;
}
