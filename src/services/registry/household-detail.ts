import { AppError } from '../../domain/errors.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import {
  findHousehold,
  listAssets,
  listCategories,
  listIncomes,
  listMembers,
  regionNames,
  type HouseholdRow,
} from '../../db/repos/households.repo.js';
import { listExpenditures, listPersonPolicyFacts, type PersonPolicyFactsRow } from '../../db/repos/policy-facts.repo.js';
import type { Executor } from '../../db/database.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { shanghaiDate, toPersonView } from './person-views.js';

function ancestorCodes(code: string): string[] {
  return [2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));
}

/** A member's 救助认定信息; all null (未登记) when nothing was recorded. */
function policyFactsView(f: PersonPolicyFactsRow | undefined) {
  return {
    meansTestExclusion: f?.meansTestExclusion ?? null,
    selfCare: f?.selfCare ?? null,
    obligors: f?.obligors ?? null,
    support: f?.support ?? null,
    disabilityComponents: f?.disabilityComponents ?? null,
    jobReferrals: f?.jobReferrals ?? null,
    updatedAt: f ? f.updatedAt.toISOString() : null,
  };
}

function detailText(details: Record<string, unknown> | null, key: string): string | null {
  const v = details?.[key];
  return typeof v === 'string' ? v : null;
}

/** Household with everything on its page. Used after writes too (no view audit then). */
export async function loadHouseholdDetail(db: Executor, ctx: ServiceContext, h: HouseholdRow) {
  const today = shanghaiDate(ctx.clock.now());
  // One after another: `db` may be a transaction, i.e. a single connection.
  const members = await listMembers(db, h.id);
  const incomes = await listIncomes(db, h.id);
  const assetRows = await listAssets(db, h.id);
  const cats = await listCategories(db, h.id);
  const names = await regionNames(db, ancestorCodes(h.regionCode));
  const expenditures = await listExpenditures(db, [h.id]);
  const facts = new Map((await listPersonPolicyFacts(db, members.map((m) => m.person.id))).map((f) => [f.personId, f]));
  const memberView = (r: (typeof members)[number]) => ({
    memberId: r.member.id,
    relationship: r.member.relationship,
    active: r.member.active,
    joinedOn: r.member.joinedOn,
    leftOn: r.member.leftOn,
    leftReason: r.member.leftReason,
    person: toPersonView(r.person, today, facts.get(r.person.id)?.disabilityComponents),
    policyFacts: policyFactsView(facts.get(r.person.id)),
  });
  return {
    id: h.id,
    householdNo: h.householdNo,
    countyCode: h.countyCode,
    regionCode: h.regionCode,
    regionNames: names.sort((a, b) => a.code.length - b.code.length).map((r) => ({ code: r.code, name: r.name })),
    address: h.address,
    urbanRural: h.urbanRural,
    status: h.status,
    categories: h.categories,
    headPersonId: h.headPersonId,
    version: h.version,
    createdAt: h.createdAt.toISOString(),
    updatedAt: h.updatedAt.toISOString(),
    members: members.filter((m) => m.member.active).map(memberView),
    formerMembers: members.filter((m) => !m.member.active).map(memberView),
    incomes: incomes.map((r) => ({
      id: r.item.id,
      personId: r.item.personId,
      personName: r.personName,
      incomeType: r.item.incomeType,
      periodStart: r.item.periodStart,
      periodEnd: r.item.periodEnd,
      amountFen: r.item.amountFen,
      source: r.item.source,
      sourceDetail: r.item.sourceDetail,
      recordedByName: r.recordedByName,
      recordedAt: r.item.recordedAt.toISOString(),
      note: r.item.note,
    })),
    assets: assetRows.map((r) => ({
      id: r.item.id,
      personId: r.item.personId,
      personName: r.personName,
      assetType: r.item.assetType,
      description: r.item.description,
      quantity: r.item.quantity,
      unit: r.item.unit,
      valueFen: r.item.valueFen,
      species: detailText(r.item.details, 'species'),
      vehiclePurpose: detailText(r.item.details, 'purpose'),
      source: r.item.source,
      sourceDetail: r.item.sourceDetail,
      recordedByName: r.recordedByName,
      recordedAt: r.item.recordedAt.toISOString(),
    })),
    expenditures: expenditures.map((r) => ({
      id: r.item.id,
      personId: r.item.personId,
      personName: r.personName,
      expenditureType: r.item.expenditureType,
      periodStart: r.item.periodStart,
      periodEnd: r.item.periodEnd,
      amountFen: r.item.amountFen,
      source: r.item.source,
      sourceDetail: r.item.sourceDetail,
      recordedByName: r.recordedByName,
      recordedAt: r.item.recordedAt.toISOString(),
      note: r.item.note,
    })),
    categoryHistory: cats.map((r) => ({
      id: r.item.id,
      personId: r.item.personId,
      personName: r.personName,
      category: r.item.category,
      effectiveFrom: r.item.effectiveFrom,
      effectiveTo: r.item.effectiveTo,
      current: r.item.effectiveTo === null,
      reason: r.item.reason,
      source: r.item.source,
      recordedByName: r.recordedByName,
      recordedAt: r.item.recordedAt.toISOString(),
    })),
  };
}

/** Open a household's page: a view of its members' personal records, so it is audited (issue 2 §15). */
export async function getHousehold(ctx: ServiceContext, actor: Actor, id: string) {
  return ctx.database.db.transaction(async (tx) => {
    const h = await findHousehold(tx, actor.scope, id);
    if (!h) throw new AppError('HOUSEHOLD_NOT_FOUND');
    const detail = await loadHouseholdDetail(tx, ctx, h);
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'household.view',
        entityType: 'household',
        entityId: h.id,
        householdId: h.id,
        countyCode: h.countyCode,
        after: { personIds: [...detail.members, ...detail.formerMembers].map((m) => m.person.id) },
      }),
    ]);
    return detail;
  });
}
