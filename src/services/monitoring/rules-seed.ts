/**
 * First-start seeding of the default warning rules (P35/R81; deadline P36), idempotent: a
 * rule whose code exists is left as officials edited it. A newly inserted rule is switched
 * on for the province.
 */
import { DEFAULT_RULES } from '../../domain/monitoring/warning-rules.js';
import { verificationWorkingDays } from './clue-parameters.js';
import { resolveParameterSet } from '../../domain/policy/resolve-parameters.js';
import type { Executor } from '../../db/database.js';
import { listParameterVersionsOnPath } from '../../db/repos/assessments.repo.js';
import { insertWarningRulesIfAbsent, upsertWarningRuleRegion } from '../../db/repos/monitoring-rules.repo.js';

export const RULES_PROVINCE = '63';

export async function seedDefaultWarningRules(tx: Executor, today: string): Promise<number> {
  const deadline = verificationWorkingDays(resolveParameterSet(await listParameterVersionsOnPath(tx, RULES_PROVINCE), RULES_PROVINCE, 'ALL', today));
  const inserted = await insertWarningRulesIfAbsent(
    tx,
    DEFAULT_RULES.map((r) => ({
      code: r.code,
      name: r.name,
      kind: r.kind,
      params: r.params,
      level: r.level,
      targetCategory: r.targetCategory,
      deadlineWorkingDays: deadline,
      description: r.description,
    })),
  );
  for (const r of inserted) await upsertWarningRuleRegion(tx, { ruleId: r.id, regionCode: RULES_PROVINCE, enabled: true });
  return inserted.length;
}
