import type { MemberView } from '../../households/api';

/** 「全户」 plus each current member, for the optional personId of a record. */
export function memberOptions(members: MemberView[]): { value: string; label: string }[] {
  return [{ value: '', label: '全户' }, ...members.map((m) => ({ value: m.person.id, label: m.person.name }))];
}

export function personIdOrNull(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}
