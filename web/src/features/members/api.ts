import type { Static } from 'typebox';
import type { AddMemberBody, PersonPatch, PersonView, PolicyFactsInput, removeMemberBody, revealBody, revealResult } from '../../../../src/contracts/households.schemas';
import { apiClient } from '../../lib/api-client';
import type { HouseholdDetail } from '../households/api';

export type { AddMemberBody, PersonPatch, PersonView, PolicyFactsInput };
export type RemoveMemberBody = Static<typeof removeMemberBody>;
export type RevealField = Static<typeof revealBody>['field'];
export type RevealResult = Static<typeof revealResult>;

const hh = (id: string) => `/api/households/${encodeURIComponent(id)}`;

export function addMember(householdId: string, body: AddMemberBody): Promise<HouseholdDetail> {
  return apiClient.post<HouseholdDetail>(`${hh(householdId)}/members`, body);
}

export function removeMember(householdId: string, memberId: string, body: RemoveMemberBody): Promise<HouseholdDetail> {
  return apiClient.post<HouseholdDetail>(`${hh(householdId)}/members/${encodeURIComponent(memberId)}/remove`, body);
}

export function updatePerson(personId: string, patch: PersonPatch): Promise<PersonView> {
  return apiClient.patch<PersonView>(`/api/persons/${encodeURIComponent(personId)}`, patch);
}

/** Full identity number / phone / bank account; the server writes an audit row for each call. */
export function revealPerson(personId: string, field: RevealField, reason?: string): Promise<RevealResult> {
  return apiClient.post<RevealResult>(`/api/persons/${encodeURIComponent(personId)}/reveal`, reason ? { field, reason } : { field });
}

/** 救助认定信息 of an active member (replaces all three facts). */
export function setPolicyFacts(householdId: string, personId: string, body: PolicyFactsInput): Promise<HouseholdDetail> {
  return apiClient.put<HouseholdDetail>(`${hh(householdId)}/members/${encodeURIComponent(personId)}/policy-facts`, body);
}
