import type { UseMutationResult } from '@tanstack/react-query';
import { PERIOD_AMOUNT_PATHS, periodAmountBody, type PeriodAmountKind, type PeriodAmountValues } from '../period-amount';
import { useRecordForm, type RecordBody } from './useRecordForm';

/**
 * The add dialog of 收入 or 刚性支出. `B` is the API's input type: the same fields as
 * PeriodAmountBody, with the type and source codes narrowed to the ones the form offers.
 */
export function usePeriodAmountForm<K extends string, B>(kind: PeriodAmountKind<K>, add: UseMutationResult<unknown, Error, B>, successMessage: string) {
  return useRecordForm<PeriodAmountValues<K>, B>({
    add,
    toBody: (v) => periodAmountBody(kind, v) as RecordBody<B>,
    successMessage,
    fieldPaths: PERIOD_AMOUNT_PATHS,
  });
}
