/**
 * Charts of the 监测看板. Loaded lazily by the page, so ECharts stays out of other pages.
 */
import { useMemo } from 'react';
import { EChart, type EChartOption } from '../../components/EChart';
import { AGE_BUCKET_LABELS, type AgeBucket } from '../../../../src/domain/monitoring/board.rules';
import { CLUE_LEVEL_LABELS, CLUE_OUTCOME_LABELS } from '../../../../src/domain/monitoring/clue.types';
import type { MonitoringBoard } from './api';

export const LEVEL_CHART_COLORS: Record<string, string> = { RED: '#f5222d', ORANGE: '#fa8c16', YELLOW: '#fadb14' };
const label = (t: Record<string, string>, v: string) => t[v] ?? v;
/** Short axis labels (the axis is named 已过工作日), so four buckets fit a phone. */
const AGE_AXIS_LABELS: Record<string, string> = { D0_5: '0–5', D6_10: '6–10', D11_20: '11–20', D21_PLUS: '>20' };

/** Open clues: one bar per age bucket (working days since raised), stacked by level. */
export function OpenByAgeChart({ board }: { board: MonitoringBoard }) {
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 24, top: 36, containLabel: true },
      xAxis: {
        type: 'category',
        name: '已过工作日',
        nameLocation: 'middle',
        nameGap: 28,
        data: board.ageBuckets.map((b) => AGE_AXIS_LABELS[b] ?? AGE_BUCKET_LABELS[b as AgeBucket] ?? b),
        axisLabel: { interval: 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: board.openByLevelAge.map((row) => ({
        name: label(CLUE_LEVEL_LABELS, row.level),
        type: 'bar',
        stack: 'open',
        itemStyle: LEVEL_CHART_COLORS[row.level] ? { color: LEVEL_CHART_COLORS[row.level] } : undefined,
        data: board.ageBuckets.map((b) => row.byBucket[b] ?? 0),
        barMaxWidth: 48,
      })),
    }),
    [board],
  );
  return <EChart option={option} height={300} ariaLabel={`${board.regionName}在办线索按预警等级和已过工作日堆叠柱状图`} />;
}

/** Closed clues of the period by outcome. */
export function OutcomePieChart({ board }: { board: MonitoringBoard }) {
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c}条（{d}%）' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          name: '办结结果',
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}\n{c}' },
          data: board.byOutcome.filter((o) => o.count > 0).map((o) => ({ name: label(CLUE_OUTCOME_LABELS, o.outcome), value: o.count })),
        },
      ],
    }),
    [board],
  );
  return <EChart option={option} height={300} ariaLabel={`${board.regionName}本期办结线索按结果饼图`} />;
}

/** Open and overdue clues of each child region; clicking a bar drills down. */
export function ChildRegionBarChart({ board, onPick }: { board: MonitoringBoard; onPick: (code: string) => void }) {
  const option = useMemo<EChartOption>(() => {
    const rows = board.byChildRegion;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 4 ? 40 : 0, fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '在办', type: 'bar', data: rows.map((r) => r.open), barMaxWidth: 32, itemStyle: { color: '#1677ff' } },
        { name: '超期', type: 'bar', data: rows.map((r) => r.overdue), barMaxWidth: 32, itemStyle: { color: '#cf1322' } },
      ],
    };
  }, [board]);
  return (
    <EChart
      option={option}
      height={340}
      ariaLabel={`${board.regionName}下级区域在办与超期线索柱状图`}
      onClick={(p) => {
        const child = board.byChildRegion[p.dataIndex];
        if (child) onPick(child.code);
      }}
    />
  );
}
