import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { boardKeys, fetchMonitoringBoard, type BoardParams } from './api';

export function useMonitoringBoard(p: BoardParams) {
  return useQuery({
    queryKey: boardKeys.board(p),
    queryFn: () => fetchMonitoringBoard(p),
    placeholderData: keepPreviousData,
  });
}
