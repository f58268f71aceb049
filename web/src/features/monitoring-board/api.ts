import type { MonitoringBoard } from '../../../../src/contracts/monitoring-board.schemas';
import { apiClient } from '../../lib/api-client';

export type { MonitoringBoard };

export interface BoardParams {
  regionCode: string | null;
  from: string | null;
  to: string | null;
}

export const boardKeys = {
  all: ['monitoring-board'] as const,
  board: (p: BoardParams) => ['monitoring-board', p] as const,
};

/** 监测看板 of a region (default: the user's own) for a period by raising date (default: the last twelve months). */
export function fetchMonitoringBoard(p: BoardParams): Promise<MonitoringBoard> {
  return apiClient.get<MonitoringBoard>('/api/monitoring/board', { query: { regionCode: p.regionCode, from: p.from, to: p.to } });
}
