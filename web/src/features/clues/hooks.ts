import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { householdKeys } from '../households/api';
import {
  assignClue,
  closeClue,
  clueKeys,
  createClue,
  escalateClues,
  fetchAssignees,
  fetchClue,
  fetchClues,
  recordVisit,
  uploadVisitPhoto,
  type ClueDetail,
  type ClueListQuery,
  type CloseClueBody,
  type CreateClueBody,
  type CreateVisitBody,
} from './api';

export function useClueList(q: ClueListQuery) {
  return useQuery({ queryKey: clueKeys.list(q), queryFn: () => fetchClues(q), placeholderData: keepPreviousData });
}

export function useClue(id: string) {
  return useQuery({ queryKey: clueKeys.one(id), queryFn: () => fetchClue(id), enabled: !!id });
}

export function useClueAssignees(id: string, enabled: boolean) {
  return useQuery({ queryKey: clueKeys.assignees(id), queryFn: () => fetchAssignees(id), enabled: !!id && enabled });
}

function useClueMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      const d = r as Partial<ClueDetail> | undefined;
      if (d?.clue?.id) qc.setQueryData(clueKeys.one(d.clue.id), d);
      void qc.invalidateQueries({ queryKey: clueKeys.all });
      if (d?.household?.id) void qc.invalidateQueries({ queryKey: householdKeys.all });
    },
  });
}

export function useCreateClue() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateClueBody) => createClue(body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: clueKeys.all }),
  });
}

export function useAssignClue(id: string) {
  return useClueMutation((userId: string) => assignClue(id, { userId }));
}

export function useCloseClue(id: string) {
  return useClueMutation((body: CloseClueBody) => closeClue(id, body));
}

export function useEscalateClues() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: escalateClues, onSuccess: () => void qc.invalidateQueries({ queryKey: clueKeys.all }) });
}

/** A visit, then its photos one by one (each ≤ 5 MB); the clue page is refreshed after. */
export function useRecordVisit(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, photos }: { body: CreateVisitBody; photos: File[] }) => {
      const visit = await recordVisit(id, body);
      const failed: string[] = [];
      for (const f of photos) {
        try {
          await uploadVisitPhoto(visit.id, f, f.name || 'photo.jpg');
        } catch {
          failed.push(f.name);
        }
      }
      return { visit, failed };
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: clueKeys.all }),
  });
}
