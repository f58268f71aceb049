import type { Static } from 'typebox';
import type {
  AssignClueBody,
  ClueDetail,
  ClueListQuery,
  ClueView,
  CloseClueBody,
  CreateClueBody,
  CreateVisitBody,
  VisitView,
  assigneeList,
  clueList,
  createClueResult,
  escalateResult,
  photoMeta,
} from '../../../../src/contracts/clues.schemas';
import { apiClient, apiUrl } from '../../lib/api-client';

export type { ClueDetail, ClueListQuery, ClueView, CloseClueBody, CreateClueBody, CreateVisitBody, VisitView };
export type ClueList = Static<typeof clueList>;
export type CreateClueResult = Static<typeof createClueResult>;
export type PhotoMeta = Static<typeof photoMeta>;
export type Assignees = Static<typeof assigneeList>;

export const clueKeys = {
  all: ['clues'] as const,
  list: (q: ClueListQuery) => ['clues', 'list', q] as const,
  one: (id: string) => ['clues', 'one', id] as const,
  assignees: (id: string) => ['clues', 'assignees', id] as const,
};

const enc = encodeURIComponent;

export function fetchClues(q: ClueListQuery): Promise<ClueList> {
  return apiClient.get('/api/monitoring/clues', { query: q });
}

export function fetchClue(id: string): Promise<ClueDetail> {
  return apiClient.get(`/api/monitoring/clues/${enc(id)}`);
}

export function createClue(body: CreateClueBody): Promise<CreateClueResult> {
  return apiClient.post('/api/monitoring/clues', body);
}

export function fetchAssignees(id: string): Promise<Assignees> {
  return apiClient.get(`/api/monitoring/clues/${enc(id)}/assignees`);
}

export function assignClue(id: string, body: AssignClueBody): Promise<ClueDetail> {
  return apiClient.post(`/api/monitoring/clues/${enc(id)}/assign`, body);
}

export function recordVisit(id: string, body: CreateVisitBody): Promise<VisitView> {
  return apiClient.post(`/api/monitoring/clues/${enc(id)}/visits`, body);
}

export function uploadVisitPhoto(visitId: string, file: Blob, name: string): Promise<PhotoMeta> {
  const form = new FormData();
  form.append('photo', file, name);
  return apiClient.upload(`/api/monitoring/visits/${enc(visitId)}/photos`, form);
}

export function visitPhotoUrl(visitId: string, photoId: string): string {
  return apiUrl(`/api/monitoring/visits/${enc(visitId)}/photos/${enc(photoId)}`);
}

export function closeClue(id: string, body: CloseClueBody): Promise<ClueDetail> {
  return apiClient.post(`/api/monitoring/clues/${enc(id)}/close`, body);
}

export function escalateClues(): Promise<Static<typeof escalateResult>> {
  return apiClient.post('/api/monitoring/clues/escalate', {});
}
