/**
 * Edit a warning rule (issue 4 §3): parameters checked against its kind's spec, level,
 * target, deadline, description; version + 1; audited. Rules are province-wide data, so only
 * a province-level user edits them (counties switch them on or off for their regions).
 */
import { AppError, type Violation } from '../../domain/errors.js';
import { CLUE_LEVEL_LABELS, TARGET_CATEGORY_LABELS } from '../../domain/monitoring/clue.types.js';
import { validateRuleParams } from '../../domain/monitoring/warning-rules.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { findWarningRule, updateWarningRule } from '../../db/repos/monitoring-rules.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { loadRuleView } from './rules-views.js';

export interface UpdateRuleInput {
  /** the version edited (a stale version is refused) */
  version: number;
  name?: string | undefined;
  params: Record<string, unknown>;
  level: string;
  targetCategory: string;
  deadlineWorkingDays: number;
  description: string;
}

export async function updateRule(ctx: ServiceContext, actor: Actor, id: string, input: UpdateRuleInput) {
  const { db } = ctx.database;
  if (actor.scope.regionCode.length > 2) throw new AppError('MONITORING_RULE_PROVINCE_ONLY');
  await db.transaction(async (tx) => {
    const rule = await findWarningRule(tx, id, { forUpdate: true });
    if (!rule) throw new AppError('MONITORING_RULE_NOT_FOUND');
    if (rule.version !== input.version) throw new AppError('MONITORING_RULE_VERSION_CONFLICT');
    const violations: Violation[] = validateRuleParams(rule.kind, input.params);
    if (!(input.level in CLUE_LEVEL_LABELS)) violations.push({ path: 'level', code: 'FIELD_INVALID', params: { field: '预警等级' } });
    if (!(input.targetCategory in TARGET_CATEGORY_LABELS)) violations.push({ path: 'targetCategory', code: 'FIELD_INVALID', params: { field: '指向类别' } });
    if (violations.length) throw new AppError('VALIDATION_FAILED', { details: violations });
    const patch = {
      name: input.name?.trim() || rule.name,
      params: input.params,
      level: input.level,
      targetCategory: input.targetCategory,
      deadlineWorkingDays: input.deadlineWorkingDays,
      description: input.description,
    };
    await updateWarningRule(tx, id, { ...patch, version: rule.version + 1, updatedBy: actor.id, updatedAt: ctx.clock.now() });
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'warning-rule.update',
        entityType: 'warning_rule',
        entityId: id,
        source: 'MANUAL',
        before: { version: rule.version, name: rule.name, params: rule.params, level: rule.level, targetCategory: rule.targetCategory, deadlineWorkingDays: rule.deadlineWorkingDays, description: rule.description },
        after: { version: rule.version + 1, ...patch },
      }),
    ]);
  });
  return (await loadRuleView(db, id, actor.scope.regionCode))!;
}
