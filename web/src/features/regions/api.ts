import type { RegionItem, UpdateRegionBody } from '../../../../src/contracts/regions.schemas';
import { apiClient } from '../../lib/api-client';

export type { RegionItem };

export const regionKeys = {
  all: ['regions'] as const,
  children: (parent: string | null) => ['regions', 'children', parent] as const,
  one: (code: string) => ['regions', 'one', code] as const,
};

/** Children of `parent`; without it, the root of the signed-in user's scope. */
export async function fetchRegionChildren(parent: string | null): Promise<RegionItem[]> {
  const r = await apiClient.get<{ items: RegionItem[] }>('/api/regions', { query: { parent } });
  return r.items;
}

export function fetchRegion(code: string): Promise<RegionItem> {
  return apiClient.get<RegionItem>(`/api/regions/${encodeURIComponent(code)}`);
}

export async function searchRegions(q: string): Promise<RegionItem[]> {
  const r = await apiClient.get<{ items: RegionItem[] }>('/api/regions/search', { query: { q } });
  return r.items;
}

export function updateRegion(code: string, body: UpdateRegionBody): Promise<RegionItem> {
  return apiClient.patch<RegionItem>(`/api/regions/${encodeURIComponent(code)}`, body);
}
