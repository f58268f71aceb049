import { useMemo } from 'react';
import { EChart, type EChartOption } from '../../../components/EChart';
import { CATEGORY_LABELS, labelOf } from '../../../lib/labels';
import type { CategoryStats } from '../api';

/** 户数 and 人数 by category, as a bar chart. */
export function CategoryBarChart({ stats }: { stats: CategoryStats }) {
  const option = useMemo<EChartOption>(() => {
    const rows = stats.byCategory;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => labelOf(CATEGORY_LABELS, r.category)), axisLabel: { interval: 0, rotate: rows.length > 4 ? 20 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '户数', type: 'bar', data: rows.map((r) => r.households), barMaxWidth: 36 },
        { name: '人数', type: 'bar', data: rows.map((r) => r.persons), barMaxWidth: 36 },
      ],
    };
  }, [stats]);
  return <EChart option={option} ariaLabel={`${stats.regionName}各类别户数与人数柱状图`} testId="chart-by-category" />;
}

/** Households of each child region, stacked by category; clicking a bar drills down. */
export function ChildRegionStackedChart({ stats, onPick }: { stats: CategoryStats; onPick: (code: string) => void }) {
  const option = useMemo<EChartOption>(() => {
    const children = stats.byChildRegion;
    const categories = Object.keys(CATEGORY_LABELS).filter((c) => children.some((r) => (r.byCategory[c] ?? 0) > 0));
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: children.map((r) => r.name), axisLabel: { interval: 0, rotate: children.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: categories.map((c) => ({
        name: labelOf(CATEGORY_LABELS, c),
        type: 'bar',
        stack: 'households',
        data: children.map((r) => r.byCategory[c] ?? 0),
        barMaxWidth: 40,
      })),
    };
  }, [stats]);
  return (
    <EChart
      option={option}
      height={360}
      ariaLabel={`${stats.regionName}下级区域各类别户数堆叠柱状图`}
      testId="chart-by-child-region"
      onClick={(p) => {
        const child = stats.byChildRegion[p.dataIndex];
        if (child) onPick(child.code);
      }}
    />
  );
}
