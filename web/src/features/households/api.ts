import type { Static } from 'typebox';
import type {
  CreateHouseholdBody,
  HouseholdDetail,
  HouseholdListItem,
  HouseholdListQuery,
  UpdateHouseholdBody,
  duplicateList,
  householdList,
  timeline,
} from '../../../../src/contracts/households.schemas';
import { apiClient, apiUrl } from '../../lib/api-client';

export type { CreateHouseholdBody, HouseholdDetail, HouseholdListItem, HouseholdListQuery, UpdateHouseholdBody };
export type HouseholdList = Static<typeof householdList>;
export type Timeline = Static<typeof timeline>;
export type TimelineItem = Timeline['items'][number];
export type DuplicateList = Static<typeof duplicateList>;
export type DuplicateGroup = DuplicateList['items'][number];
export type MemberView = HouseholdDetail['members'][number];

/** Query keys: every mutation of a household invalidates `householdKeys.all`. */
export const householdKeys = {
  all: ['households'] as const,
  list: (q: HouseholdListQuery) => ['households', 'list', q] as const,
  detail: (id: string) => ['households', 'detail', id] as const,
  timeline: (id: string) => ['households', 'timeline', id] as const,
  duplicates: () => ['households', 'duplicates'] as const,
};

export function fetchHouseholds(q: HouseholdListQuery, signal?: AbortSignal): Promise<HouseholdList> {
  return apiClient.get<HouseholdList>('/api/households', { query: { ...q }, signal });
}

/** Link for 导出 Excel: the same filters, without paging. */
export function householdExportUrl(q: HouseholdListQuery): string {
  const { page: _p, pageSize: _s, ...filters } = q;
  return apiUrl('/api/households/export', { ...filters });
}

export function fetchHousehold(id: string): Promise<HouseholdDetail> {
  return apiClient.get<HouseholdDetail>(`/api/households/${encodeURIComponent(id)}`);
}

export function createHousehold(body: CreateHouseholdBody): Promise<HouseholdDetail> {
  return apiClient.post<HouseholdDetail>('/api/households', body);
}

export function updateHousehold(id: string, body: UpdateHouseholdBody): Promise<HouseholdDetail> {
  return apiClient.patch<HouseholdDetail>(`/api/households/${encodeURIComponent(id)}`, body);
}

export function fetchTimeline(id: string): Promise<Timeline> {
  return apiClient.get<Timeline>(`/api/households/${encodeURIComponent(id)}/timeline`);
}

export function fetchDuplicates(): Promise<DuplicateList> {
  return apiClient.get<DuplicateList>('/api/households/duplicates');
}
