import type { BenefitRecipientQuery } from './api';

export const DEFAULT_PAGE_SIZE = 20;

/** Filters and paging in the URL (STYLE §9), anything malformed dropped. */
export function readRecipientQuery(sp: URLSearchParams): BenefitRecipientQuery {
  const q: BenefitRecipientQuery = {};
  const region = sp.get('region');
  if (region && /^[0-9]{2,12}$/.test(region)) q.region = region;
  const status = sp.get('status');
  if (status === 'ACTIVE' || status === 'GRADUAL_EXIT' || status === 'STOPPED' || status === 'UNREGISTERED') q.status = status;
  const review = sp.get('review');
  if (review === 'DUE' || review === 'OVERDUE' || review === 'PERIODIC_DUE' || review === 'PERIODIC_OVERDUE') q.review = review;
  const page = Number(sp.get('page'));
  if (Number.isSafeInteger(page) && page > 1) q.page = page;
  const size = Number(sp.get('pageSize'));
  if (Number.isSafeInteger(size) && size >= 1 && size <= 200 && size !== DEFAULT_PAGE_SIZE) q.pageSize = size;
  return q;
}

/** The URL for a query; page 1 and the default page size are left out. */
export function writeRecipientQuery(q: BenefitRecipientQuery): URLSearchParams {
  const sp = new URLSearchParams();
  if (q.region) sp.set('region', q.region);
  if (q.status) sp.set('status', q.status);
  if (q.review) sp.set('review', q.review);
  if (q.page && q.page !== 1) sp.set('page', String(q.page));
  if (q.pageSize && q.pageSize !== DEFAULT_PAGE_SIZE) sp.set('pageSize', String(q.pageSize));
  return sp;
}
