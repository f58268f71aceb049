import { useMutation } from '@tanstack/react-query';
import { revealPerson, type RevealField } from '../api';

/** Not cached on purpose: every look at a full number is a separate, audited request. */
export function useRevealPerson() {
  return useMutation({
    mutationFn: ({ personId, field }: { personId: string; field: RevealField }) => revealPerson(personId, field),
  });
}
