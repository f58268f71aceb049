import { AppError } from '../../domain/errors.js';
import type { PolicyFactsInput } from '../../contracts/households.schemas.js';
import { listMembers } from '../../db/repos/households.repo.js';
import { listPersonPolicyFacts, upsertPersonPolicyFacts } from '../../db/repos/policy-facts.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { changeHousehold } from './household-items.js';
import { shanghaiDate } from './person-views.js';

/**
 * Replace the policy facts of an active member (R15 exclusion, R53 self-care assessment,
 * R51 obligors): upsert, audited with before/after on the household's timeline.
 */
export function setPersonPolicyFacts(ctx: ServiceContext, actor: Actor, householdId: string, personId: string, body: PolicyFactsInput) {
  if (body.selfCare && body.selfCare.assessedOn > shanghaiDate(ctx.clock.now())) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'selfCare.assessedOn', code: 'REGISTRY_DATE_IN_FUTURE', params: { field: '评估日期' } }],
    });
  }
  return changeHousehold(ctx, actor, householdId, async (tx, h) => {
    const member = (await listMembers(tx, h.id)).find((m) => m.member.active && m.person.id === personId);
    if (!member) {
      throw new AppError('VALIDATION_FAILED', { details: [{ path: 'personId', code: 'REGISTRY_PERSON_NOT_MEMBER' }] });
    }
    const [old] = await listPersonPolicyFacts(tx, [personId]);
    const after = {
      meansTestExclusion: body.meansTestExclusion,
      selfCare: body.selfCare,
      obligors: body.obligors,
    };
    await upsertPersonPolicyFacts(tx, { personId, countyCode: h.countyCode, ...after, updatedBy: actor.id, updatedAt: ctx.clock.now() });
    return {
      action: 'person.policy-facts',
      entityType: 'person',
      entityId: personId,
      before: old ? { meansTestExclusion: old.meansTestExclusion, selfCare: old.selfCare, obligors: old.obligors } : null,
      after: { ...after, _name: member.person.name },
    };
  });
}
