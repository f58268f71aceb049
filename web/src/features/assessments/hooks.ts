import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { householdKeys } from '../households/api';
import {
  assessmentKeys,
  fetchAssessment,
  fetchBenefitRecipients,
  fetchHouseholdAssessments,
  fetchReassessment,
  fetchReassessmentChanges,
  fetchReassessments,
  runAssessment,
  setReviewClass,
  startReassessment,
  type BenefitRecipientQuery,
} from './api';

export function useHouseholdAssessments(householdId: string) {
  return useQuery({ queryKey: assessmentKeys.household(householdId), queryFn: () => fetchHouseholdAssessments(householdId), enabled: !!householdId });
}

export function useAssessment(id: string | null) {
  return useQuery({ queryKey: assessmentKeys.one(id ?? ''), queryFn: () => fetchAssessment(id!), enabled: !!id });
}

export function useRunAssessment(householdId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (referenceDate: string | undefined) => runAssessment(householdId, referenceDate ? { referenceDate } : {}),
    onSuccess: (a) => {
      qc.setQueryData(assessmentKeys.one(a.id), a);
      void qc.invalidateQueries({ queryKey: assessmentKeys.household(householdId) });
      void qc.invalidateQueries({ queryKey: householdKeys.all });
    },
  });
}

export function useSetReviewClass(householdId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Parameters<typeof setReviewClass>[1]) => setReviewClass(householdId, body),
    onSuccess: (data) => {
      qc.setQueryData(assessmentKeys.household(householdId), data);
      void qc.invalidateQueries({ queryKey: ['assessments', 'recipients'] });
    },
  });
}

export function useBenefitRecipients(q: BenefitRecipientQuery) {
  return useQuery({
    queryKey: assessmentKeys.recipients(q),
    queryFn: ({ signal }) => fetchBenefitRecipients(q, signal),
    placeholderData: keepPreviousData,
  });
}

export function useReassessments() {
  return useQuery({ queryKey: assessmentKeys.runs(), queryFn: fetchReassessments, refetchInterval: 5000 });
}

/** Polls while the run is queued or running. */
export function useReassessment(id: string) {
  return useQuery({
    queryKey: assessmentKeys.run(id),
    queryFn: () => fetchReassessment(id),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'DONE' || q.state.data.status === 'FAILED') ? false : 1000),
  });
}

/**
 * A run's households, one page. The run's status is part of the key, so the list is read again
 * when the run ends (a list opened while the run was queued would otherwise stay empty); while
 * it works the list is refreshed every few seconds, the page shown until the new one arrives.
 */
export function useReassessmentChanges(id: string, change: string | undefined, page: number, runStatus: string) {
  const working = runStatus === 'QUEUED' || runStatus === 'RUNNING';
  return useQuery({
    queryKey: assessmentKeys.changes(id, change, page, runStatus),
    queryFn: () => fetchReassessmentChanges(id, change, page),
    enabled: !!id,
    placeholderData: keepPreviousData,
    refetchInterval: working ? 3000 : false,
  });
}

export function useStartReassessment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: startReassessment,
    onSuccess: (r) => {
      qc.setQueryData(assessmentKeys.run(r.id), r);
      void qc.invalidateQueries({ queryKey: assessmentKeys.runs() });
    },
  });
}
