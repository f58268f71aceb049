import { TreeSelect } from 'antd';
import { useEffect, type CSSProperties } from 'react';
import type { RegionItem } from '../api';
import { useRegionTree, type RegionTreeNode } from '../hooks/useRegionTree';

export interface RegionTreeSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (code: string | undefined, region?: RegionItem) => void;
  /** Only regions of this level can be chosen (5 = 村/社区); others just open. */
  selectableLevel?: number;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
}

/** Region picker over the user's scope, loading each level on demand (TreeSelect loadData). */
export function RegionTreeSelect({ value, onChange, selectableLevel, placeholder = '请选择区域', allowClear = true, ...rest }: RegionTreeSelectProps) {
  const { treeData, regions, load, ensurePath } = useRegionTree(selectableLevel === undefined ? {} : { selectableLevel });

  useEffect(() => {
    if (value) void ensurePath(value);
  }, [value, ensurePath]);

  return (
    <TreeSelect<string>
      {...rest}
      value={value ?? undefined}
      treeData={treeData}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 260 } } }}
      loadData={async (node) => {
        const code = (node as unknown as RegionTreeNode).value;
        if (code) await load(code);
      }}
      onChange={(code) => onChange?.(code ?? undefined, code ? regions.get(code) : undefined)}
      style={{ minWidth: 200, ...rest.style }}
    />
  );
}
