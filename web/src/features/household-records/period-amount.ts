import type { dayjs } from '../../lib/dates';
import { parseYuan } from '../../lib/money';
import { personIdOrNull } from './components/member-options';
import type { RecordBody } from './hooks/useRecordForm';

/**
 * 收入 and 刚性支出 are the same kind of record: a type, a period and an amount (entered in
 * 元, sent as integer 分). Only the word (收入/支出), the type field and its labels differ.
 */
export interface PeriodAmountKind<K extends string> {
  noun: string;
  typeField: K;
  typeLabels: Record<string, string>;
}

export type PeriodAmountValues<K extends string> = Record<K, string> & {
  personId: string;
  period: [dayjs.Dayjs, dayjs.Dayjs];
  amountYuan: string;
  source: string;
  sourceDetail?: string;
  note?: string;
};

/** Server paths of the request body that are named differently in the form. */
export const PERIOD_AMOUNT_PATHS: Record<string, string> = { amountFen: 'amountYuan', periodStart: 'period', periodEnd: 'period' };

/** The request body of both: the same fields in the same order, the type under `typeField`. */
export type PeriodAmountBody<K extends string> = Record<K, string> & {
  personId: string | null;
  periodStart: string;
  periodEnd: string;
  amountFen: number;
  source: string;
  sourceDetail: string | null;
  note: string | null;
};

/** The body from the form's values, or the message for 金额 when it is not an amount in 元. */
export function periodAmountBody<K extends string>({ typeField }: PeriodAmountKind<K>, v: PeriodAmountValues<K>): RecordBody<PeriodAmountBody<K>> {
  const amount = parseYuan(String(v.amountYuan).trim());
  if (!amount.ok) return { ok: false, field: 'amountYuan', message: amount.message };
  const value = {
    personId: personIdOrNull(v.personId),
    [typeField]: v[typeField],
    periodStart: v.period[0].format('YYYY-MM-DD'),
    periodEnd: v.period[1].format('YYYY-MM-DD'),
    amountFen: amount.fen,
    source: v.source,
    sourceDetail: v.sourceDetail?.trim() || null,
    note: v.note?.trim() || null,
  } as PeriodAmountBody<K>;
  return { ok: true, value };
}
