/**
 * Dates and times as officers read them: China Standard Time (Asia/Shanghai, UTC+8 all
 * year, no daylight saving), so a fixed offset is exact.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.locale('zh-cn');

const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** '2026-03-01T02:05:00Z' → '2026-03-01 10:05'. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs.utc(iso);
  return d.isValid() ? d.utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DD HH:mm') : iso;
}

/** A date-only value or a timestamp → 'YYYY-MM-DD' in China time. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = dayjs.utc(value);
  return d.isValid() ? d.utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DD') : value;
}

/** Today in China time, 'YYYY-MM-DD' (reference date for identity-number checks). */
export function todayInChina(): string {
  return dayjs().utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DD');
}

export { dayjs };
