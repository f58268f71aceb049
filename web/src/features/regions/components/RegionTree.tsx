import { Skeleton, Tree } from 'antd';
import { QueryError } from '../../../components/QueryError';
import { useRegionTree, type RegionTreeNode } from '../hooks/useRegionTree';

/** The user's region tree, each level loaded when opened. */
export function RegionTree({ selected, onSelect }: { selected: string | null; onSelect: (code: string) => void }) {
  const { treeData, load, error, rootCodes } = useRegionTree();
  if (error) return <QueryError error={error} />;
  if (rootCodes.length === 0) return <Skeleton active />;
  return (
    <Tree<RegionTreeNode>
      treeData={treeData}
      selectedKeys={selected ? [selected] : []}
      defaultExpandedKeys={rootCodes}
      loadData={async (node) => {
        await load(String(node.key));
      }}
      onSelect={(keys) => {
        const k = keys[0];
        if (k !== undefined) onSelect(String(k));
      }}
      blockNode
      style={{ maxHeight: 'calc(100vh - 220px)', overflow: 'auto' }}
    />
  );
}
