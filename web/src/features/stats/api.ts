import type { CategoryStats } from '../../../../src/contracts/households.schemas';
import { apiClient } from '../../lib/api-client';

export type { CategoryStats };

export const statsKeys = {
  all: ['stats'] as const,
  categories: (region: string | null) => ['stats', 'categories', region] as const,
};

/** Counts by category for a region (default: the user's own region) and by its child regions. */
export function fetchCategoryStats(region: string | null): Promise<CategoryStats> {
  return apiClient.get<CategoryStats>('/api/stats/categories', { query: { region } });
}
