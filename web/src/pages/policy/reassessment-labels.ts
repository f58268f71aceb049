import { formatFen } from '../../lib/money';

export const RUN_STATUS: Record<string, { label: string; color: string }> = {
  QUEUED: { label: '排队中', color: 'default' },
  RUNNING: { label: '核算中', color: 'processing' },
  DONE: { label: '已完成', color: 'green' },
  FAILED: { label: '失败', color: 'red' },
};

/** A parameter value in one line: money standards as 每人每月 X元, else compact JSON. */
export function describeParameterValue(v: unknown): string {
  if (v && typeof v === 'object' && 'monthlyFen' in v) {
    const m = v as { monthlyFen: number; published?: { amount: number; unit: string } };
    const pub = m.published && m.published.unit === 'YUAN_PER_PERSON_YEAR' ? `（公布为每人每年${m.published.amount}元）` : '';
    return `每人每月${formatFen(m.monthlyFen)}元${pub}`;
  }
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return String(v);
  return JSON.stringify(v);
}
