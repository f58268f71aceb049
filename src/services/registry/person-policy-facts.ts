import { AppError, type Violation } from '../../domain/errors.js';
import { DISABILITY_CATEGORY_LABELS, DISABILITY_GRADE_LABELS } from '../../domain/registry/codes.js';
import type { PolicyFactsInput } from '../../contracts/households.schemas.js';
import { listMembers } from '../../db/repos/households.repo.js';
import { listPersonPolicyFacts, upsertPersonPolicyFacts, type PersonPolicyFactsRow } from '../../db/repos/policy-facts.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { changeHousehold } from './household-items.js';
import { shanghaiDate } from './person-views.js';

/** Dates after today, and the R56 details that belong to the other mode of support. */
function violationsOf(body: PolicyFactsInput, today: string): Violation[] {
  const out: Violation[] = [];
  if (body.selfCare && body.selfCare.assessedOn > today) {
    out.push({ path: 'selfCare.assessedOn', code: 'REGISTRY_DATE_IN_FUTURE', params: { field: '评估日期' } });
  }
  const s = body.support;
  if (s) {
    if (s.since > today) out.push({ path: 'support.since', code: 'REGISTRY_DATE_IN_FUTURE', params: { field: '供养起始日期' } });
    if (s.mode !== 'INSTITUTIONAL' && s.institution !== null) {
      out.push({ path: 'support.institution', code: 'REGISTRY_SUPPORT_FIELD_MISMATCH', params: { field: '供养机构', mode: '集中供养' } });
    }
    if (s.mode !== 'HOME' && s.homeCondition !== null) {
      out.push({ path: 'support.homeCondition', code: 'REGISTRY_SUPPORT_FIELD_MISMATCH', params: { field: '社区居住患精神病、传染病情形', mode: '分散供养' } });
    }
  }
  (body.jobReferrals ?? []).forEach((r, i) => {
    if (r.referredOn > today) out.push({ path: `jobReferrals.${i}.referredOn`, code: 'REGISTRY_DATE_IN_FUTURE', params: { field: '介绍日期' } });
  });
  const seen = new Set<string>();
  (body.disabilityComponents ?? []).forEach((c, i) => {
    if (seen.has(c.category)) {
      out.push({ path: `disabilityComponents.${i}.category`, code: 'REGISTRY_DISABILITY_CATEGORY_REPEATED', params: { category: DISABILITY_CATEGORY_LABELS[c.category] } });
    }
    seen.add(c.category);
  });
  return out;
}

/**
 * A 多重残疾's categories belong to a person whose certificate says 多重残疾, and its grade is
 * that of the most severe category (GB/T 26341).
 */
function componentViolations(components: PolicyFactsInput['disabilityComponents'], person: { disabilityCategory: string | null; disabilityGrade: number | null }): Violation[] {
  if (!components) return [];
  if (person.disabilityCategory !== 'MULTIPLE') return [{ path: 'disabilityComponents', code: 'REGISTRY_DISABILITY_NOT_MULTIPLE' }];
  const worst = Math.min(...components.map((c) => c.grade));
  if (person.disabilityGrade !== null && person.disabilityGrade !== worst) {
    const grade = (g: number) => DISABILITY_GRADE_LABELS[String(g) as keyof typeof DISABILITY_GRADE_LABELS];
    return [{ path: 'disabilityComponents', code: 'REGISTRY_DISABILITY_GRADE_MISMATCH', params: { componentGrade: grade(worst), grade: grade(person.disabilityGrade) } }];
  }
  return [];
}

/** The recorded facts of a row, without whose and when (the change record's before). */
function factsOf(row: PersonPolicyFactsRow) {
  const { personId: _p, countyCode: _c, updatedBy: _b, updatedAt: _a, ...facts } = row;
  return facts;
}

/**
 * Replace the policy facts of an active member (R15 exclusion, R53 self-care assessment, R56
 * mode of support, R51 obligors, the categories of a 多重残疾 for R49/R31, R43 jobs offered): upsert, audited
 * with before/after on the household's timeline.
 */
export function setPersonPolicyFacts(ctx: ServiceContext, actor: Actor, householdId: string, personId: string, body: PolicyFactsInput) {
  const violations = violationsOf(body, shanghaiDate(ctx.clock.now()));
  if (violations.length > 0) throw new AppError('VALIDATION_FAILED', { details: violations });
  return changeHousehold(ctx, actor, householdId, async (tx, h) => {
    const member = (await listMembers(tx, h.id)).find((m) => m.member.active && m.person.id === personId);
    if (!member) {
      throw new AppError('VALIDATION_FAILED', { details: [{ path: 'personId', code: 'REGISTRY_PERSON_NOT_MEMBER' }] });
    }
    const [old] = await listPersonPolicyFacts(tx, [personId]);
    const mismatch = componentViolations(body.disabilityComponents, member.person);
    if (mismatch.length > 0) throw new AppError('VALIDATION_FAILED', { details: mismatch });
    const after = {
      meansTestExclusion: body.meansTestExclusion,
      selfCare: body.selfCare,
      support: body.support,
      obligors: body.obligors,
      disabilityComponents: body.disabilityComponents === undefined ? (old?.disabilityComponents ?? null) : body.disabilityComponents,
      jobReferrals: body.jobReferrals === undefined ? (old?.jobReferrals ?? null) : body.jobReferrals,
    };
    await upsertPersonPolicyFacts(tx, { personId, countyCode: h.countyCode, ...after, updatedBy: actor.id, updatedAt: ctx.clock.now() });
    return {
      action: 'person.policy-facts',
      entityType: 'person',
      entityId: personId,
      before: old ? factsOf(old) : null,
      after: { ...after, _name: member.person.name },
    };
  });
}
