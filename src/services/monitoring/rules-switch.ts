/**
 * Switch a warning rule on or off for a region subtree in the caller's scope; the most
 * specific switch on a household's path decides (issue 4 §3). Audited.
 */
import { AppError } from '../../domain/errors.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { findWarningRule, findWarningRuleRegion, upsertWarningRuleRegion } from '../../db/repos/monitoring-rules.repo.js';
import { findRegionByCode } from '../../db/repos/regions.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { loadRuleView } from './rules-views.js';

export async function switchRuleForRegion(ctx: ServiceContext, actor: Actor, ruleId: string, regionCode: string, enabled: boolean) {
  const { db } = ctx.database;
  const region = await findRegionByCode(db, actor.scope, regionCode);
  if (!region) throw new AppError('REGION_NOT_FOUND');
  await db.transaction(async (tx) => {
    const rule = await findWarningRule(tx, ruleId, { forUpdate: true });
    if (!rule) throw new AppError('MONITORING_RULE_NOT_FOUND');
    const before = await findWarningRuleRegion(tx, ruleId, regionCode);
    await upsertWarningRuleRegion(tx, { ruleId, regionCode, enabled, updatedBy: actor.id, updatedAt: ctx.clock.now() });
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'warning-rule.switch',
        entityType: 'warning_rule',
        entityId: ruleId,
        countyCode: regionCode.length >= 6 ? regionCode.slice(0, 6) : null,
        source: 'MANUAL',
        before: before ? { regionCode, enabled: before.enabled } : null,
        after: { code: rule.code, regionCode, enabled },
      }),
    ]);
  });
  return (await loadRuleView(db, ruleId, actor.scope.regionCode))!;
}
