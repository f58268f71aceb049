/**
 * Error code → Chinese wording, from the one catalog in src/domain/messages.zh-CN.ts
 * (STYLE §6, §9), and VALIDATION_FAILED details mapped onto Ant Design form fields.
 */
import type { FormInstance } from 'antd';
import { formatMessage, MESSAGES_ZH_CN } from '../../../src/domain/messages.zh-CN';
import { FIELD_LABELS as REGISTRY_FIELD_LABELS } from '../../../src/domain/registry/timeline';
import { ApiError, isApiError, type ErrorDetail } from './api-client';

/** Only codes the browser itself produces; everything the server sends is in the shared catalog. */
const EXTRA_MESSAGES: Record<string, string> = {
  NETWORK_ERROR: '无法连接服务器，请检查网络后重试',
};

/** Field names as users read them, for `{field}` placeholders (FIELD_REQUIRED …): the shared list plus form-only fields. */
export const FIELD_LABELS: Record<string, string> = {
  ...REGISTRY_FIELD_LABELS,
  username: '用户名',
  password: '密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
  displayName: '姓名',
  regionCode: '所属区域',
  address: '地址',
  phone: '电话',
  leftOn: '移出日期',
  amountFen: '金额',
  valueFen: '价值',
  sourceDetail: '来源说明',
  note: '备注',
  description: '描述',
  unit: '单位',
  personId: '人员',
};

function template(code: string): string | undefined {
  return MESSAGES_ZH_CN[code] ?? EXTRA_MESSAGES[code];
}

/** Chinese text for one code and its params; the generic message when the code is unknown. */
export function messageForCode(code: string, params: Record<string, unknown> = {}): string {
  if (MESSAGES_ZH_CN[code]) return formatMessage(code, params);
  const t = EXTRA_MESSAGES[code];
  if (t) return t.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] == null ? '' : String(params[k])));
  return formatMessage('INTERNAL');
}

/** 'members[1].idNumber', 'members.1.idNumber', '/members/1/idNumber' → ['members', 1, 'idNumber']. */
export function pathToNamePath(path: string): (string | number)[] {
  return path
    .split(/[.[\]/]+/)
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Message for one violation; `{field}` is the Chinese field name, not the raw path. */
export function messageForDetail(d: ErrorDetail): string {
  const segs = pathToNamePath(d.path);
  const last = [...segs].reverse().find((s): s is string => typeof s === 'string');
  const params: Record<string, unknown> = { ...(d.params ?? {}) };
  const fieldLabel = last ? FIELD_LABELS[last] : undefined;
  // Keep a Chinese field name the server sent; replace an English path by its label.
  if (fieldLabel || !/[^\x00-\x7f]/.test(String(params.field ?? ''))) params.field = fieldLabel ?? '';
  return messageForCode(d.code, params);
}

/**
 * Chinese text for anything thrown by a query or mutation. For an error with a detail of
 * the same code (AUTH_ACCOUNT_LOCKED carries `minutes` there) the detail's params fill it.
 */
export function errorMessage(e: unknown): string {
  if (isApiError(e)) {
    const own = e.details.find((d) => d.code === e.code);
    if (own) return messageForCode(e.code, own.params ?? {});
    if (template(e.code)) return messageForCode(e.code);
    if (e.status === 409) return messageForCode('CONFLICT');
    if (e.status === 403) return messageForCode('FORBIDDEN');
    if (e.status === 404) return messageForCode('NOT_FOUND');
    return messageForCode('INTERNAL');
  }
  return messageForCode('INTERNAL');
}

export function isConflict(e: unknown): boolean {
  return isApiError(e) && e.status === 409;
}

export interface FieldErrorOptions {
  /** Rewrite a server path to a form name path (e.g. drop a prefix); null skips it. */
  mapPath?: (path: (string | number)[]) => (string | number)[] | null;
}

/**
 * On VALIDATION_FAILED (or any error with path details), put each detail's message on the
 * matching form field. Returns the messages that could not be placed on a field
 * (empty path), so the caller can show them.
 */
export function applyFieldErrors(form: FormInstance, e: unknown, opts: FieldErrorOptions = {}): { mapped: number; unmapped: string[] } {
  if (!(e instanceof ApiError) || e.details.length === 0) return { mapped: 0, unmapped: [] };
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unmapped: string[] = [];
  for (const d of e.details) {
    const segs = pathToNamePath(d.path);
    const name = segs.length ? (opts.mapPath ? opts.mapPath(segs) : segs) : null;
    const msg = messageForDetail(d);
    if (!name || name.length === 0) {
      unmapped.push(msg);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(msg)) entry.errors.push(msg);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map((f) => ({ name: f.name, errors: f.errors })));
  return { mapped: byField.size, unmapped };
}
