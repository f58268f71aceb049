/**
 * Apply the facts of matched department records to the registry (source DEPARTMENT), inside
 * the batch's transaction. Idempotent: a fact already recorded (same item from an earlier
 * or overlapping batch, a person field already holding the value, an open category) is
 * skipped, so re-pushing overlapping data never duplicates incomes, assets or expenditures.
 * Every write is reported through `audit` with the household it belongs to.
 */
import type { Executor } from '../../db/database.js';
import type { AuditInput } from '../../db/repos/audit.repo.js';
import {
  findOpenHouseholdCategory,
  findPersonFacts,
  hasSameDeptAsset,
  hasSameDeptExpenditure,
  hasSameDeptIncome,
  type RegistryMatch,
} from '../../db/repos/dept-data.repo.js';
import { endCategory, insertAsset, insertCategory, insertIncome, refreshHouseholdSummary, updateHouseholdRow, updatePersonRow } from '../../db/repos/households.repo.js';
import { insertExpenditure } from '../../db/repos/policy-facts.repo.js';
import type { DeptFact } from '../../domain/monitoring/sources.js';

export type DeptAuditPart = Pick<AuditInput, 'action' | 'entityType' | 'entityId' | 'householdId' | 'countyCode' | 'before' | 'after'>;

export interface DeptApplyInput {
  items: { person: RegistryMatch; facts: DeptFact[]; sourceDetail: string }[];
  recordedBy: string | null;
  at: Date;
  audit: (e: DeptAuditPart) => void;
}

/** Returns how many facts were written. */
export async function applyDeptFacts(tx: Executor, input: DeptApplyInput): Promise<number> {
  let applied = 0;
  const touched = new Set<string>();
  for (const { person: p, facts, sourceDetail } of input.items) {
    const where = { householdId: p.householdId, countyCode: p.countyCode };
    for (const fact of facts) {
      const wrote = await applyOne(tx, input, p, fact, sourceDetail, where);
      if (wrote) {
        applied += 1;
        touched.add(p.householdId);
      }
    }
  }
  for (const id of [...touched].sort()) {
    await updateHouseholdRow(tx, id, {});
    await refreshHouseholdSummary(tx, id);
  }
  return applied;
}

async function applyOne(
  tx: Executor,
  input: DeptApplyInput,
  p: RegistryMatch,
  fact: DeptFact,
  sourceDetail: string,
  where: { householdId: string; countyCode: string },
): Promise<boolean> {
  const common = { countyCode: p.countyCode, householdId: p.householdId, personId: p.personId, recordedBy: input.recordedBy, recordedAt: input.at };
  switch (fact.kind) {
    case 'EXPENDITURE': {
      const v = { householdId: p.householdId, personId: p.personId, expenditureType: fact.expenditureType, periodStart: fact.periodStart, periodEnd: fact.periodEnd, amountFen: fact.amountFen };
      if (await hasSameDeptExpenditure(tx, v)) return false;
      const item = await insertExpenditure(tx, { ...common, ...v, source: 'DEPARTMENT', sourceDetail, note: fact.note });
      input.audit({ ...where, action: 'expenditure.add', entityType: 'expenditure', entityId: item.id, after: { ...v, source: 'DEPARTMENT', sourceDetail, note: fact.note } });
      return true;
    }
    case 'INCOME': {
      const v = { householdId: p.householdId, personId: p.personId, incomeType: fact.incomeType, periodStart: fact.periodStart, periodEnd: fact.periodEnd, amountFen: fact.amountFen };
      if (await hasSameDeptIncome(tx, v)) return false;
      const item = await insertIncome(tx, { ...common, ...v, source: 'DEPARTMENT', sourceDetail, note: fact.note });
      input.audit({ ...where, action: 'income.add', entityType: 'income', entityId: item.id, after: { ...v, source: 'DEPARTMENT', sourceDetail, note: fact.note } });
      return true;
    }
    case 'ASSET': {
      if (await hasSameDeptAsset(tx, { householdId: p.householdId, personId: p.personId, assetType: fact.assetType, assetKey: fact.assetKey })) return false;
      const item = await insertAsset(tx, {
        ...common,
        assetType: fact.assetType,
        description: fact.description,
        quantity: fact.quantity,
        unit: fact.unit,
        valueFen: fact.valueFen,
        details: { ...fact.details, assetKey: fact.assetKey },
        source: 'DEPARTMENT',
        sourceDetail,
      });
      input.audit({
        ...where,
        action: 'asset.add',
        entityType: 'asset',
        entityId: item.id,
        after: { personId: p.personId, assetType: fact.assetType, description: fact.description, quantity: fact.quantity, unit: fact.unit, valueFen: fact.valueFen, source: 'DEPARTMENT', sourceDetail },
      });
      return true;
    }
    case 'PERSON': {
      const current = await findPersonFacts(tx, p.personId);
      if (!current) return false;
      const before: Record<string, unknown> = {};
      const patch: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(fact.patch)) {
        if (v === undefined) continue;
        const old = current[k as keyof typeof current];
        if (old !== v) {
          before[k] = old ?? null;
          patch[k] = v;
        }
      }
      if (Object.keys(patch).length === 0) return false;
      await updatePersonRow(tx, p.personId, patch);
      input.audit({
        ...where,
        action: 'person.update',
        entityType: 'person',
        entityId: p.personId,
        before: { ...before, _name: current.name },
        after: { ...patch, _name: current.name, _sourceDetail: sourceDetail },
      });
      return true;
    }
    case 'CATEGORY_ADD': {
      if (await findOpenHouseholdCategory(tx, p.householdId, fact.category)) return false;
      const item = await insertCategory(tx, {
        countyCode: p.countyCode,
        householdId: p.householdId,
        personId: null,
        category: fact.category,
        effectiveFrom: fact.effectiveFrom,
        reason: `${fact.reason}（${sourceDetail}）`,
        source: 'DEPARTMENT',
        recordedBy: input.recordedBy,
        recordedAt: input.at,
      });
      input.audit({ ...where, action: 'category.add', entityType: 'category', entityId: item.id, after: { category: fact.category, effectiveFrom: fact.effectiveFrom, reason: fact.reason, sourceDetail } });
      return true;
    }
    case 'CATEGORY_END': {
      const open = await findOpenHouseholdCategory(tx, p.householdId, fact.category);
      if (!open) return false;
      const effectiveTo = fact.effectiveTo < open.effectiveFrom ? open.effectiveFrom : fact.effectiveTo;
      const item = await endCategory(tx, p.householdId, open.id, effectiveTo, `${fact.reason}（${sourceDetail}）`);
      if (!item) return false;
      input.audit({
        ...where,
        action: 'category.end',
        entityType: 'category',
        entityId: item.id,
        before: { category: item.category, effectiveTo: null },
        after: { category: item.category, effectiveTo, reason: fact.reason, sourceDetail },
      });
      return true;
    }
  }
}
