import { AppError } from '../../domain/errors.js';
import type { AddMemberBody, PersonPatch } from '../../contracts/households.schemas.js';
import { appendAudit, type AuditInput } from '../../db/repos/audit.repo.js';
import {
  endMembership,
  findActiveMembership,
  findHousehold,
  findMember,
  findPersonByIdNumber,
  findPersonInScope,
  insertMember,
  refreshHouseholdSummary,
  updateHouseholdRow,
  updatePersonRow,
} from '../../db/repos/households.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { upsertPersonForMembership } from './create-household.js';
import { loadHouseholdDetail } from './household-detail.js';
import { throwIfViolations, validatePersonInput } from './person-input.js';
import { diffFields, personAuditFields, shanghaiDate } from './person-views.js';
import { checkIdAgainstEntered, parseIdNumber } from '../../domain/registry/id-number.js';
import { parsePhoneCell } from '../../domain/registry/cell-values.js';
import type { Violation } from '../../domain/errors.js';

/**
 * Add a member. A person active in another household is refused (naming it) unless the
 * caller asks to move them, in which case the old membership is ended and both
 * households keep the history.
 */
export async function addMember(ctx: ServiceContext, actor: Actor, householdId: string, body: AddMemberBody) {
  const today = shanghaiDate(ctx.clock.now());
  const v = validatePersonInput(body, '', today);
  if (body.relationship === 'HEAD') v.violations.push({ path: 'relationship', code: 'REGISTRY_SECOND_HEAD' });
  throwIfViolations(v.violations);
  const p = v.person!;
  return ctx.database.db.transaction(async (tx) => {
    const h = await findHousehold(tx, actor.scope, householdId, { forUpdate: true });
    if (!h) throw new AppError('HOUSEHOLD_NOT_FOUND');
    if (h.status !== 'ACTIVE') throw new AppError('REGISTRY_HOUSEHOLD_CANCELLED');
    const events: AuditInput[] = [];
    const joinedOn = body.joinedOn ?? today;
    const existing = await findPersonByIdNumber(tx, p.idNumber);
    const active = existing ? await findActiveMembership(tx, existing.id) : null;
    if (active && active.household.id === h.id) {
      throw new AppError('PERSON_ALREADY_IN_HOUSEHOLD', {
        details: [{ path: 'idNumber', code: 'REGISTRY_PERSON_ALREADY_MEMBER', params: { householdNo: h.householdNo } }],
      });
    }
    if (active && body.moveFromOtherHousehold) {
      const from = await findHousehold(tx, actor.scope, active.household.id, { forUpdate: true });
      if (!from) {
        // The other household is outside the caller's region: it cannot be touched from here.
        throw new AppError('PERSON_ALREADY_IN_HOUSEHOLD', {
          details: [{ path: 'idNumber', code: 'REGISTRY_PERSON_IN_OTHER_REGION', params: { householdNo: active.household.householdNo } }],
        });
      }
      if (from.headPersonId === existing!.id) {
        throw new AppError('VALIDATION_FAILED', { details: [{ path: 'idNumber', code: 'REGISTRY_MOVE_HEAD', params: { householdNo: from.householdNo } }] });
      }
      await endMembership(tx, active.member.id, joinedOn, `迁至 ${h.householdNo}`);
      await updateHouseholdRow(tx, from.id, {});
      await refreshHouseholdSummary(tx, from.id);
      events.push(
        auditEvent(ctx, actor, {
          action: 'member.move-out',
          entityType: 'member',
          entityId: active.member.id,
          householdId: from.id,
          countyCode: from.countyCode,
          source: 'DECLARED',
          before: { active: true },
          after: { active: false, leftOn: joinedOn, name: existing!.name, toHouseholdNo: h.householdNo },
        }),
      );
    }
    const person = active && body.moveFromOtherHousehold
      ? await updatePersonRow(tx, existing!.id, { name: p.name, countyCode: h.countyCode, ...p.fields })
      : await upsertPersonForMembership(ctx, actor, tx, p, h.countyCode, h.id, 'idNumber', events);
    const m = await insertMember(tx, { countyCode: h.countyCode, householdId: h.id, personId: person.id, relationship: body.relationship, joinedOn });
    events.push(
      auditEvent(ctx, actor, {
        action: active && body.moveFromOtherHousehold ? 'member.move-in' : 'member.add',
        entityType: 'member',
        entityId: m.id,
        householdId: h.id,
        countyCode: h.countyCode,
        source: 'DECLARED',
        after: {
          personId: person.id,
          name: person.name,
          relationship: body.relationship,
          joinedOn,
          ...(active && body.moveFromOtherHousehold ? { fromHouseholdNo: active.household.householdNo } : {}),
        },
      }),
    );
    await updateHouseholdRow(tx, h.id, {});
    const updated = await refreshHouseholdSummary(tx, h.id);
    await appendAudit(tx, events);
    return loadHouseholdDetail(tx, ctx, updated);
  });
}

/** End a membership (death, marriage out, moving away…); the record stays as a former member. */
export async function removeMember(
  ctx: ServiceContext,
  actor: Actor,
  householdId: string,
  memberId: string,
  body: { leftOn: string; reason: string },
) {
  return ctx.database.db.transaction(async (tx) => {
    const h = await findHousehold(tx, actor.scope, householdId, { forUpdate: true });
    if (!h) throw new AppError('HOUSEHOLD_NOT_FOUND');
    const m = await findMember(tx, h.id, memberId);
    if (!m || !m.member.active) throw new AppError('MEMBER_NOT_FOUND');
    if (h.headPersonId === m.person.id) {
      throw new AppError('VALIDATION_FAILED', { details: [{ path: 'memberId', code: 'REGISTRY_REMOVE_HEAD' }] });
    }
    if (body.leftOn < m.member.joinedOn) {
      throw new AppError('VALIDATION_FAILED', { details: [{ path: 'leftOn', code: 'REGISTRY_LEFT_BEFORE_JOINED', params: { joinedOn: m.member.joinedOn } }] });
    }
    await endMembership(tx, m.member.id, body.leftOn, body.reason);
    await updateHouseholdRow(tx, h.id, {});
    const updated = await refreshHouseholdSummary(tx, h.id);
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'member.remove',
        entityType: 'member',
        entityId: m.member.id,
        householdId: h.id,
        countyCode: h.countyCode,
        source: 'DECLARED',
        before: { active: true, name: m.person.name },
        after: { active: false, leftOn: body.leftOn, leftReason: body.reason },
      }),
    ]);
    return loadHouseholdDetail(tx, ctx, updated);
  });
}

/** Edit a person's facts. The identity number is the key and is not edited here. */
export async function updatePerson(ctx: ServiceContext, actor: Actor, personId: string, body: PersonPatch) {
  const today = shanghaiDate(ctx.clock.now());
  return ctx.database.db.transaction(async (tx) => {
    const found = await findPersonInScope(tx, actor.scope, personId);
    if (!found) throw new AppError('PERSON_NOT_FOUND');
    const { person, household } = found;
    const violations: Violation[] = [];
    const parsed = parseIdNumber(person.idNumber, { today });
    if (parsed.ok) violations.push(...checkIdAgainstEntered(parsed.value, { birthDate: body.birthDate ?? null, sex: body.sex ?? null }));
    const patch: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(body)) {
      if (k === 'sex' || k === 'birthDate' || v === undefined) continue;
      // An emptied text field means "none": store null, so '' and null are not a change.
      patch[k] = typeof v === 'string' ? v.trim() || (k === 'name' ? '' : null) : v;
    }
    if (patch.name === '') violations.push({ path: 'name', code: 'FIELD_REQUIRED', params: { field: '姓名' } });
    if (typeof patch.phone === 'string' && patch.phone) {
      const ph = parsePhoneCell(patch.phone, 'phone');
      if (!ph.ok) violations.push(...ph.violations);
      else patch.phone = ph.value;
    }
    if (patch.phone === '') patch.phone = null;
    if (typeof patch.bankAccount === 'string') patch.bankAccount = patch.bankAccount.replace(/\s+/g, '') || null;
    throwIfViolations(violations);
    const d = diffFields(person as unknown as Record<string, unknown>, patch);
    if (!d.changed) return { personId };
    const updated = await updatePersonRow(tx, person.id, patch);
    await updateHouseholdRow(tx, household.id, {});
    await refreshHouseholdSummary(tx, household.id);
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'person.update',
        entityType: 'person',
        entityId: person.id,
        householdId: household.id,
        countyCode: household.countyCode,
        source: 'DECLARED',
        before: { ...personAuditFields(d.before as never), _name: person.name },
        after: { ...personAuditFields(d.after as never), _name: updated.name },
      }),
    ]);
    return { personId: updated.id };
  });
}

/** Show one sensitive field in full: needs person:reveal (checked by the route) and is audited. */
export async function revealPersonField(
  ctx: ServiceContext,
  actor: Actor,
  personId: string,
  field: 'idNumber' | 'phone' | 'bankAccount',
  reason: string | undefined,
) {
  return ctx.database.db.transaction(async (tx) => {
    const found = await findPersonInScope(tx, actor.scope, personId);
    if (!found) throw new AppError('PERSON_NOT_FOUND');
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: `person.reveal-${field}`,
        entityType: 'person',
        entityId: personId,
        householdId: found.household.id,
        countyCode: found.household.countyCode,
        after: { field, reason: reason ?? null },
      }),
    ]);
    return { field, value: found.person[field] ?? null };
  });
}

