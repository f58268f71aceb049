import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { parentRegionCode } from '../../../../../src/domain/registry/region-code';
import { fetchRegionChildren, regionKeys, type RegionItem } from '../api';

export interface RegionTreeNode {
  key: string;
  value: string;
  title: string;
  isLeaf: boolean;
  selectable?: boolean;
  region: RegionItem;
  children?: RegionTreeNode[];
}

const STALE_MS = 5 * 60_000;

/**
 * The region tree of the user's scope, loaded lazily one level at a time
 * (GET /api/regions?parent=), shared by the tree pickers. `ensurePath(code)` loads the
 * levels above a code so a preset value shows its name.
 */
export function useRegionTree(opts: { selectableLevel?: number } = {}) {
  const qc = useQueryClient();
  const [regions, setRegions] = useState<Map<string, RegionItem>>(new Map());
  const [loaded, setLoaded] = useState<Set<string>>(new Set());
  const [rootCodes, setRootCodes] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const mounted = useRef(true);

  const load = useCallback(
    async (parent: string | null) => {
      const items = await qc.fetchQuery({
        queryKey: regionKeys.children(parent),
        queryFn: () => fetchRegionChildren(parent),
        staleTime: STALE_MS,
      });
      if (!mounted.current) return items;
      setRegions((prev) => {
        const next = new Map(prev);
        for (const r of items) next.set(r.code, r);
        return next;
      });
      if (parent === null) setRootCodes(items.map((r) => r.code));
      else setLoaded((prev) => new Set(prev).add(parent));
      return items;
    },
    [qc],
  );

  useEffect(() => {
    mounted.current = true;
    load(null).catch((e: unknown) => setError(e));
    return () => {
      mounted.current = false;
    };
  }, [load]);

  /** Load every level between the scope root and `code`. */
  const ensurePath = useCallback(
    async (code: string | null | undefined) => {
      if (!code) return;
      const roots = await load(null);
      const root = roots.find((r) => code.startsWith(r.code));
      if (!root || root.code === code) return;
      const chain: string[] = [];
      for (let c = parentRegionCode(code); c && c.length >= root.code.length; c = parentRegionCode(c)) chain.unshift(c);
      for (const c of chain) await load(c).catch(() => undefined);
    },
    [load],
  );

  const treeData = useMemo(() => {
    const build = (r: RegionItem): RegionTreeNode => {
      const kids = [...regions.values()].filter((c) => c.parentCode === r.code);
      const node: RegionTreeNode = {
        key: r.code,
        value: r.code,
        title: r.name,
        isLeaf: !r.hasChildren,
        region: r,
      };
      if (opts.selectableLevel !== undefined) node.selectable = r.level === opts.selectableLevel;
      if (loaded.has(r.code) || kids.length > 0) node.children = kids.sort((a, b) => a.code.localeCompare(b.code)).map(build);
      return node;
    };
    return rootCodes.map((c) => regions.get(c)).filter((r): r is RegionItem => !!r).map(build);
  }, [regions, loaded, rootCodes, opts.selectableLevel]);

  return { treeData, regions, load, ensurePath, error, rootCodes };
}
