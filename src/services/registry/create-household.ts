import { AppError, type Violation } from '../../domain/errors.js';
import { isInScope } from '../../domain/access/scope.js';
import { countyCodeOf } from '../../domain/registry/region-code.js';
import type { CreateHouseholdBody } from '../../contracts/households.schemas.js';
import { appendAudit, type AuditInput } from '../../db/repos/audit.repo.js';
import { findRegionByCode } from '../../db/repos/regions.repo.js';
import {
  findActiveMembership,
  findHouseholdByNo,
  findPersonByIdNumber,
  insertHousehold,
  insertMember,
  insertPerson,
  nextHouseholdNo,
  refreshHouseholdSummary,
  updateHouseholdRow,
  updatePersonRow,
  findHousehold,
} from '../../db/repos/households.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { loadHouseholdDetail } from './household-detail.js';
import { throwIfViolations, validatePersonInput, type ValidPerson } from './person-input.js';
import { personAuditFields, shanghaiDate } from './person-views.js';

/** Create a household with its head and members (一户一档). All or nothing. */
export async function createHousehold(ctx: ServiceContext, actor: Actor, body: CreateHouseholdBody) {
  const today = shanghaiDate(ctx.clock.now());
  const violations: Violation[] = [];
  const head = validatePersonInput(body.head, 'head', today);
  violations.push(...head.violations);
  const members = body.members.map((m, i) => ({ input: m, ...validatePersonInput(m, `members.${i}`, today) }));
  members.forEach((m) => violations.push(...m.violations));
  body.members.forEach((m, i) => {
    if (m.relationship === 'HEAD') violations.push({ path: `members.${i}.relationship`, code: 'REGISTRY_SECOND_HEAD' });
  });
  const ids = [head.person, ...members.map((m) => m.person)].filter(Boolean).map((p) => p!.idNumber);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) violations.push({ path: i === 0 ? 'head.idNumber' : `members.${i - 1}.idNumber`, code: 'REGISTRY_DUPLICATE_IN_FORM' });
  });
  throwIfViolations(violations);

  return ctx.database.db.transaction(async (tx) => {
    if (!isInScope(actor.scope, body.regionCode)) throw new AppError('REGION_NOT_FOUND', { details: [{ path: 'regionCode', code: 'REGION_NOT_FOUND' }] });
    const region = await findRegionByCode(tx, actor.scope, body.regionCode);
    if (!region || region.level !== 5) {
      throw new AppError('VALIDATION_FAILED', { details: [{ path: 'regionCode', code: 'REGISTRY_REGION_NOT_VILLAGE' }] });
    }
    const countyCode = countyCodeOf(body.regionCode)!;
    let householdNo = body.householdNo?.trim();
    if (householdNo) {
      if (await findHouseholdByNo(tx, householdNo)) {
        throw new AppError('HOUSEHOLD_NO_TAKEN', { details: [{ path: 'householdNo', code: 'HOUSEHOLD_NO_TAKEN', params: { householdNo } }] });
      }
    } else householdNo = await nextHouseholdNo(tx, body.regionCode);

    const household = await insertHousehold(tx, {
      countyCode,
      regionCode: body.regionCode,
      householdNo,
      address: body.address.trim(),
      urbanRural: body.urbanRural,
    });
    const events: AuditInput[] = [
      auditEvent(ctx, actor, {
        action: 'household.create',
        entityType: 'household',
        entityId: household.id,
        householdId: household.id,
        countyCode,
        source: 'DECLARED',
        after: { householdNo, regionCode: body.regionCode, address: household.address, urbanRural: body.urbanRural },
      }),
    ];
    const joinedOn = body.joinedOn ?? today;
    const all: { p: ValidPerson; relationship: string; path: string }[] = [
      { p: head.person!, relationship: 'HEAD', path: 'head.idNumber' },
      ...members.map((m, i) => ({ p: m.person!, relationship: m.input.relationship, path: `members.${i}.idNumber` })),
    ];
    let headPersonId: string | null = null;
    for (const { p, relationship, path } of all) {
      const person = await upsertPersonForMembership(ctx, actor, tx, p, countyCode, household.id, path, events);
      const m = await insertMember(tx, { countyCode, householdId: household.id, personId: person.id, relationship, joinedOn });
      if (relationship === 'HEAD') headPersonId = person.id;
      events.push(
        auditEvent(ctx, actor, {
          action: 'member.add',
          entityType: 'member',
          entityId: m.id,
          householdId: household.id,
          countyCode,
          source: 'DECLARED',
          after: { personId: person.id, name: person.name, relationship, joinedOn },
        }),
      );
    }
    await updateHouseholdRow(tx, household.id, { headPersonId });
    await refreshHouseholdSummary(tx, household.id);
    await appendAudit(tx, events);
    const fresh = await findHousehold(tx, actor.scope, household.id);
    return loadHouseholdDetail(tx, ctx, fresh!);
  });
}

/**
 * Find or create the person for a new membership. The same identity number in another
 * active household is refused, naming that household (issue 2 §11).
 */
export async function upsertPersonForMembership(
  ctx: ServiceContext,
  actor: Actor,
  tx: Parameters<typeof findPersonByIdNumber>[0],
  p: ValidPerson,
  countyCode: string,
  householdId: string,
  path: string,
  events: AuditInput[],
) {
  const existing = await findPersonByIdNumber(tx, p.idNumber);
  if (!existing) {
    const person = await insertPerson(tx, { countyCode, idNumber: p.idNumber, name: p.name, sex: p.sex, birthDate: p.birthDate, ...p.fields });
    events.push(
      auditEvent(ctx, actor, {
        action: 'person.create',
        entityType: 'person',
        entityId: person.id,
        householdId,
        countyCode,
        source: 'DECLARED',
        after: personAuditFields(person),
      }),
    );
    return person;
  }
  const active = await findActiveMembership(tx, existing.id);
  if (active) {
    throw new AppError('PERSON_ALREADY_IN_HOUSEHOLD', {
      message: `person is an active member of household ${active.household.householdNo}`,
      details: [{ path, code: 'REGISTRY_PERSON_IN_OTHER_HOUSEHOLD', params: { householdNo: active.household.householdNo, householdId: active.household.id } }],
    });
  }
  // A former member coming back: keep the record, refresh what the form says.
  const patch = { name: p.name, countyCode, ...p.fields };
  const updated = await updatePersonRow(tx, existing.id, patch);
  events.push(
    auditEvent(ctx, actor, {
      action: 'person.update',
      entityType: 'person',
      entityId: existing.id,
      householdId,
      countyCode,
      source: 'DECLARED',
      before: personAuditFields(existing),
      after: personAuditFields(updated),
    }),
  );
  return updated;
}
