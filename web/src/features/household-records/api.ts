import type { Static } from 'typebox';
import type { AssetInput, CategoryInput, ExpenditureInput, IncomeInput, endCategoryBody } from '../../../../src/contracts/households.schemas';
import { apiClient } from '../../lib/api-client';
import type { HouseholdDetail } from '../households/api';

export type { AssetInput, CategoryInput, ExpenditureInput, IncomeInput };
export type ExpenditureView = HouseholdDetail['expenditures'][number];
export type EndCategoryBody = Static<typeof endCategoryBody>;
export type IncomeView = HouseholdDetail['incomes'][number];
export type AssetView = HouseholdDetail['assets'][number];
export type CategoryView = HouseholdDetail['categoryHistory'][number];

const hh = (id: string) => `/api/households/${encodeURIComponent(id)}`;
const item = (id: string) => encodeURIComponent(id);

export function addIncome(householdId: string, body: IncomeInput): Promise<unknown> {
  return apiClient.post(`${hh(householdId)}/incomes`, body);
}

export function removeIncome(householdId: string, itemId: string, reason?: string): Promise<unknown> {
  return apiClient.post(`${hh(householdId)}/incomes/${item(itemId)}/remove`, reason ? { reason } : {});
}

export function addAsset(householdId: string, body: AssetInput): Promise<unknown> {
  return apiClient.post(`${hh(householdId)}/assets`, body);
}

export function removeAsset(householdId: string, itemId: string, reason?: string): Promise<unknown> {
  return apiClient.post(`${hh(householdId)}/assets/${item(itemId)}/remove`, reason ? { reason } : {});
}

export function addCategory(householdId: string, body: CategoryInput): Promise<unknown> {
  return apiClient.post(`${hh(householdId)}/categories`, body);
}

export function endCategory(householdId: string, itemId: string, body: EndCategoryBody): Promise<unknown> {
  return apiClient.post(`${hh(householdId)}/categories/${item(itemId)}/end`, body);
}

/** R47 刚性支出 */
export function addExpenditure(householdId: string, body: ExpenditureInput): Promise<HouseholdDetail> {
  return apiClient.post<HouseholdDetail>(`${hh(householdId)}/expenditures`, body);
}

export function removeExpenditure(householdId: string, itemId: string): Promise<HouseholdDetail> {
  return apiClient.delete<HouseholdDetail>(`${hh(householdId)}/expenditures/${item(itemId)}`);
}
