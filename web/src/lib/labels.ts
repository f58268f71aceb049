/**
 * Code → label tables for the screens. Registry codes come from src/domain/registry/codes.ts;
 * the few below are not in the shared catalog yet (see the report of issue 2 §16).
 */
import {
  AREA_TYPE_LABELS,
  INCOME_SOURCE_LABELS,
  URBAN_RURAL_LABELS,
} from '../../../src/domain/registry/codes';

export * from '../../../src/domain/registry/codes';

/** Import batch status (import_batches.status). */
export const IMPORT_STATUS_LABELS: Record<string, string> = {
  UPLOADED: '已上传',
  VALIDATING: '校验中',
  INVALID: '校验未通过',
  APPLYING: '导入中',
  APPLIED: '已导入',
  FAILED: '失败',
};

/** Where a change came from (audit_events.source). */
export const CHANGE_SOURCE_LABELS: Record<string, string> = {
  ...INCOME_SOURCE_LABELS,
  IMPORT: '导入',
  SYSTEM: '系统',
};

export const SEX_LABELS: Record<string, string> = { M: '男', F: '女' };

export const REGION_LEVEL_LABELS: Record<number, string> = { 1: '省', 2: '市州', 3: '县区', 4: '乡镇/街道', 5: '村/社区' };

export { AREA_TYPE_LABELS, URBAN_RURAL_LABELS };

/** Select options from a label table, in the table's order. */
export function optionsOf(table: Record<string, string>): { value: string; label: string }[] {
  return Object.entries(table).map(([value, label]) => ({ value, label }));
}

/** Label of a code, or the code itself when unknown, or '—' when empty. */
export function labelOf(table: Record<string, string>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  return table[code] ?? code;
}
