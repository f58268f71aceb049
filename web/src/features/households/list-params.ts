import { CATEGORY_LABELS, HOUSEHOLD_STATUS_LABELS, URBAN_RURAL_LABELS } from '../../lib/labels';
import type { HouseholdListQuery } from './api';

export const DEFAULT_PAGE_SIZE = 20;

function oneOf<T extends string>(table: Record<string, string>, v: string | null): T | undefined {
  return v && v in table ? (v as T) : undefined;
}

function positiveInt(v: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = v && /^\d+$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** Filters and paging live in the URL (STYLE §9): read them, dropping anything malformed. */
export function readListQuery(sp: URLSearchParams): HouseholdListQuery {
  const q: HouseholdListQuery = {
    page: positiveInt(sp.get('page'), 1),
    pageSize: positiveInt(sp.get('pageSize'), DEFAULT_PAGE_SIZE, 200),
  };
  const text = sp.get('q')?.trim();
  if (text) q.q = text.slice(0, 40);
  const region = sp.get('region');
  if (region && /^[0-9]{2,12}$/.test(region)) q.region = region;
  const category = oneOf<NonNullable<HouseholdListQuery['category']>>(CATEGORY_LABELS, sp.get('category'));
  if (category) q.category = category;
  const status = oneOf<NonNullable<HouseholdListQuery['status']>>(HOUSEHOLD_STATUS_LABELS, sp.get('status'));
  if (status) q.status = status;
  const urbanRural = oneOf<NonNullable<HouseholdListQuery['urbanRural']>>(URBAN_RURAL_LABELS, sp.get('urbanRural'));
  if (urbanRural) q.urbanRural = urbanRural;
  return q;
}

/** The URL for a query; defaults (page 1, page size 20) are left out. */
export function writeListQuery(q: HouseholdListQuery): URLSearchParams {
  const sp = new URLSearchParams();
  if (q.q) sp.set('q', q.q);
  if (q.region) sp.set('region', q.region);
  if (q.category) sp.set('category', q.category);
  if (q.status) sp.set('status', q.status);
  if (q.urbanRural) sp.set('urbanRural', q.urbanRural);
  if (q.page && q.page !== 1) sp.set('page', String(q.page));
  if (q.pageSize && q.pageSize !== DEFAULT_PAGE_SIZE) sp.set('pageSize', String(q.pageSize));
  return sp;
}
