/**
 * Masking of personal fields for lists, exports and logs (POLICY R94 / T18 ask that
 * publicity lists carry none of them; screens that must show them show them masked).
 * Length is kept; null, undefined and '' are returned unchanged. Characters are counted
 * as code points, so rare name characters outside the BMP count as one.
 */

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = Array.from(value);
  // Too short to keep both ends without revealing (almost) everything: mask it all.
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length);
  return chars.slice(0, keepStart).join('') + '*'.repeat(chars.length - keepStart - keepEnd) + chars.slice(chars.length - keepEnd).join('');
}

type Maskable = string | null | undefined;

/** '630102198001010019' → '6301**********0019' (first 4, last 4). */
export function maskIdNumber(value: string): string;
export function maskIdNumber(value: Maskable): Maskable;
export function maskIdNumber(value: Maskable): Maskable {
  return value ? maskMiddle(value, 4, 4) : value;
}

/** '13812345678' → '138****5678' (first 3, last 4). */
export function maskPhone(value: string): string;
export function maskPhone(value: Maskable): Maskable;
export function maskPhone(value: Maskable): Maskable {
  return value ? maskMiddle(value, 3, 4) : value;
}

/** '6228480012345678901' → '6228***********8901' (first 4, last 4). */
export function maskBankAccount(value: string): string;
export function maskBankAccount(value: Maskable): Maskable;
export function maskBankAccount(value: Maskable): Maskable {
  return value ? maskMiddle(value, 4, 4) : value;
}

/** '张三丰' → '张*丰', '张三' → '张*', '欧阳娜娜' → '欧**娜', '张' → '*'. */
export function maskName(value: string): string;
export function maskName(value: Maskable): Maskable;
export function maskName(value: Maskable): Maskable {
  if (!value) return value;
  const chars = Array.from(value);
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return maskMiddle(value, 1, 1);
}
