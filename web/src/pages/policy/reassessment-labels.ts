import { findParameterDefinition } from '../../../../src/domain/policy/parameter-catalog';
import { parameterValueText } from '../../../../src/domain/policy/parameter-text';
import { formatFen } from '../../lib/money';

export const RUN_STATUS: Record<string, { label: string; color: string }> = {
  QUEUED: { label: '排队中', color: 'default' },
  RUNNING: { label: '核算中', color: 'processing' },
  DONE: { label: '已完成', color: 'green' },
  FAILED: { label: '失败', color: 'red' },
};

/** A parameter version's value in words (the same text as the parameter list and its history). */
export function describeParameterValue(code: string, v: unknown): string {
  return parameterValueText(findParameterDefinition(code), v);
}

/** A change of money with its sign: '+180.00元', '-20.00元', '0.00元'. */
export function yuanSigned(fen: number): string {
  return `${fen > 0 ? '+' : ''}${formatFen(fen)}元`;
}
