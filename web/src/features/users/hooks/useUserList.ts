import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchUsers, userKeys, type UserListQuery } from '../api';

export function useUserList(q: UserListQuery) {
  return useQuery({ queryKey: userKeys.list(q), queryFn: () => fetchUsers(q), placeholderData: keepPreviousData });
}
