/**
 * Money: entered and shown in 元, stored and sent as integer 分 (POLICY §0.3). Text is
 * converted digit by digit by the domain's parser, never through floating point.
 */
import { parseMoneyCell } from '../../../src/domain/registry/cell-values';
import { messageForDetail } from './errors';

export type YuanParse = { ok: true; fen: number } | { ok: false; message: string };

/** '12.3' → 1230; '0.1' → 10; '12.345' and '-1' refused with the catalog's wording. */
export function parseYuan(text: string): YuanParse {
  const d = parseMoneyCell(text, 'amount');
  if (d.ok) return { ok: true, fen: d.value };
  const v = d.violations[0]!;
  return { ok: false, message: messageForDetail(v) };
}

/** Integer fen from yuan text, or null when the text is not a valid amount. */
export function yuanToFen(text: string): number | null {
  const r = parseYuan(text);
  return r.ok ? r.fen : null;
}

/** 1230 → '12.30', 5 → '0.05', -150 → '-1.50'. Integer arithmetic only. */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fenToYuan: not an integer amount of fen: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** For display: '—' for null, else yuan with two decimals and thousands grouped: 217800 → '2,178.00' (as the explanations write it). */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return fenToYuan(fen).replace(/^(-?)(\d+)/, (_m, sign: string, whole: string) => sign + whole.replace(/\B(?=(\d{3})+$)/g, ','));
}

/** antd Form rule: the text must be a valid amount in 元 (empty allowed unless `required`). */
export function yuanRule(required: boolean, label = '金额') {
  return {
    validator(_: unknown, value: unknown) {
      const text = value === undefined || value === null ? '' : String(value).trim();
      if (text === '') return required ? Promise.reject(new Error(`请输入${label}`)) : Promise.resolve();
      const r = parseYuan(text);
      return r.ok ? Promise.resolve() : Promise.reject(new Error(r.message));
    },
  };
}
